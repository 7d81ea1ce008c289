import { describe, expect, it } from 'vitest'
import { gluedSuffixLength } from '../../../src/core/kyrgyz-suffixes.ts'
import { Matcher } from '../../../src/core/matcher.ts'
import { createRecognizer, recognize } from '../../../src/core/recognize.ts'
import { MINI_ENTITIES } from '../helpers/mini-data.ts'

const recognizer = createRecognizer(MINI_ENTITIES)

/** "surface=entity" for each mention of a coverage text. */
function names(text: string): string[] {
  return recognize(recognizer, text, { title: 'Кыргызстан' }).mentions.map(
    (m) => `${text.slice(m.start, m.end)}=${m.entity ?? `?${(m.candidates ?? []).join('|')}`}`,
  )
}

describe('Kyrgyz endings glued to a name', () => {
  it('finds names with the genitive, dative, accusative, locative and ablative endings, in every harmony', () => {
    const text =
      'Садыр Жапаровдун сөзү. Жээнбековго кат жазышты. Атамбаевди соттошту. Бишкекте митинг болду. Бишкектен келишти.'
    expect(names(text)).toEqual([
      'Садыр Жапаровдун=sadyr-japarov',
      'Жээнбековго=sooronbay-jeenbekov',
      'Атамбаевди=almazbek-atambayev',
      'Бишкекте=bishkek',
      'Бишкектен=bishkek',
    ])
  })

  it('finds the attributive locative and plural endings', () => {
    expect(names('Кыргызстандагы шайлоо. Атамбаевдерге каршы.')).toEqual([
      'Кыргызстандагы=kyrgyzstan',
      'Атамбаевдерге=almazbek-atambayev',
    ])
  })

  it('finds the same endings in Latin transliteration, three letters or more', () => {
    expect(names('Kyrgyzstandagy saylоo. Bishkekten kelishti.')).toEqual([
      'Kyrgyzstandagy=kyrgyzstan',
      'Bishkekten=bishkek',
    ])
  })

  it('does not take a word that only starts like a name', () => {
    // Not endings: "ский" (a Russian adjective), "ка", one letter, or an ending followed by more letters.
    expect(names('Бишкекский суд. Бишкекка. Бишкеки. Бишкектенбай.')).toEqual([])
  })

  it('measures an ending only where the word ends right after it', () => {
    expect(gluedSuffixLength('Бишкекте.', 6)).toBe(2)
    expect(gluedSuffixLength('Кыргызстандагы', 10)).toBe(4)
    expect(gluedSuffixLength('Бишкектеги', 6)).toBe(4)
    expect(gluedSuffixLength('Бишкектебиз', 6)).toBe(0)
    expect(gluedSuffixLength('Бишкек', 6)).toBe(0)
  })

  it('leaves a matcher without glued endings as it was', () => {
    const m = new Matcher([{ text: 'Бишкек', payload: 1, upperStart: true }])
    const found: number[] = []
    const scan = (): void =>
      m.scan('Бишкекте жана Бишкек', (start, ends) => {
        found.push(start, ends[0] ?? -1)
        return -1
      })
    scan()
    expect(found).toEqual([14, 20])
    found.length = 0
    m.gluedSuffix = gluedSuffixLength
    scan()
    expect(found).toEqual([0, 8, 14, 20])
  })
})
