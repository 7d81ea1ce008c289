import { describe, expect, it } from 'vitest'
import { createRecognizer, recognize, type Recognition } from '../../../src/core/recognize.ts'
import { MINI_ENTITIES } from '../helpers/mini-data.ts'

const recognizer = createRecognizer(MINI_ENTITIES)

/** "surface=entity" for each mention ("surface=?a|b" for an ambiguous one). */
function names(text: string, page = {}): string[] {
  const r: Recognition = recognize(recognizer, text, page)
  return r.mentions.map(
    (m) => `${text.slice(m.start, m.end)}=${m.entity ?? `?${(m.candidates ?? []).join('|')}`}`,
  )
}

const COVERAGE =
  'Protesters in Bishkek, the capital of Kyrgyzstan, stormed government buildings after the election. President Sooronbay Jeenbekov called it an attempt to seize power. '

describe('coverage detection', () => {
  it('recognises a page about Kyrgyzstan from its text', () => {
    const r = recognize(recognizer, COVERAGE)
    expect(r.relevant).toBe(true)
    expect(r.entities.map((e) => e.entity)).toEqual(['bishkek', 'kyrgyzstan', 'sooronbay-jeenbekov'])
  })

  it('stays silent on a page that names Kyrgyzstan only in a list of countries', () => {
    const text =
      'The route crosses Kazakhstan, Kyrgyzstan and Uzbekistan. Flights connect Almaty and Bishkek twice a week. The food is good and the mountains are high.'
    const r = recognize(recognizer, text)
    expect(r.relevant).toBe(false)
    expect(r.mentions).toEqual([])
  })

  it('does not count context-only names as evidence', () => {
    const r = recognize(
      recognizer,
      'The White House said the Central Election Commission and the CEC would meet. The White House agreed.',
    )
    expect(r.relevant).toBe(false)
    expect(r.score).toBe(0)
  })

  it('takes the title into account', () => {
    const text =
      'The president said he would resign once a new government was approved. Jeenbekov spoke on television.'
    expect(recognize(recognizer, text).relevant).toBe(false)
    expect(recognize(recognizer, text, { title: 'Kyrgyzstan president ready to resign' }).relevant).toBe(true)
  })

  it('takes the URL path into account', () => {
    const text =
      'The president said he would resign once a new government was approved. Jeenbekov spoke on television.'
    expect(
      recognize(recognizer, text, { url: 'https://example.org/world/asia/kyrgyzstan-president-resigns' })
        .relevant,
    ).toBe(true)
    expect(recognize(recognizer, text, { url: 'https://kyrgyzstan.example.org/world/other' }).relevant).toBe(
      false,
    )
  })
})

describe('names in every spelling', () => {
  it('highlights context-only names once the page is coverage', () => {
    expect(names(`${COVERAGE}The White House was set on fire.`)).toContain('White House=white-house-bishkek')
  })

  it('matches "Osh" only as written, never "OSH" or "osh"', () => {
    expect(
      names(`${COVERAGE}Clashes in Osh. The OSH rules; an osh recipe.`).filter((n) => n.endsWith('=osh')),
    ).toEqual(['Osh=osh'])
  })

  it('matches capitalised names in capitals (datelines) but not in lower case', () => {
    expect(names(`BISHKEK, Oct 6. ${COVERAGE} bishkek`).filter((n) => n.endsWith('=bishkek'))).toEqual([
      'BISHKEK=bishkek',
      'Bishkek=bishkek',
    ])
  })

  it('finds the seed article’s misspelling "Biskek"', () => {
    expect(names(`${COVERAGE}Parliament met in the capital of Biskek.`)).toContain('Biskek=bishkek')
  })

  it('finds possessives, names across line breaks and with soft hyphens', () => {
    const found = names(`${COVERAGE}Jeenbekov’s statement. Sadyr\nJaparov spoke. Jeen\u00adbekov left.`)
    expect(found).toContain('Jeenbekov=sooronbay-jeenbekov')
    expect(found).toContain('Sadyr\nJaparov=sadyr-japarov')
    expect(found).toContain('Jeen\u00adbekov=sooronbay-jeenbekov')
  })

  it('finds Russian case forms', () => {
    const found = names(
      'Сторонники Садыра Жапарова собрались в Бишкеке. Протест в Кыргызстане продолжился, Жапаровым недовольны.',
    )
    expect(found).toEqual([
      'Садыра Жапарова=sadyr-japarov',
      'Бишкеке=bishkek',
      'Кыргызстане=kyrgyzstan',
      'Жапаровым=sadyr-japarov',
    ])
  })

  it('does not take "Kyrgyzstani" or other longer words for a name', () => {
    expect(
      names(`${COVERAGE}Kyrgyzstani voters and Bishkekers.`).filter(
        (n) => n.includes('Kyrgyzstani') || n.includes('Bishkekers'),
      ),
    ).toEqual([])
  })
})

describe('surnames and other people', () => {
  it('resolves a bare surname to the one person named in full', () => {
    expect(names(`${COVERAGE}Protesters freed Akylbek Japarov. Later Japarov spoke.`)).toContain(
      'Japarov=akylbek-japarov',
    )
  })

  it('never takes a person the page does not name: a bare surname alone stays ambiguous', () => {
    expect(names(`${COVERAGE}Japarov was freed from prison.`)).toContain(
      'Japarov=?sadyr-japarov|akylbek-japarov',
    )
  })

  it('reads a title against the page’s date even when nobody is named in full', () => {
    const text = `${COVERAGE}President Japarov signed the law.`
    expect(names(text, { published: '2022-05-01' })).toContain('Japarov=sadyr-japarov')
  })

  it('takes the person named in full just before, in the same sentence, when both are named', () => {
    const text = `${COVERAGE}Sadyr Japarov met voters. He dismissed Akylbek Japarov and chose a banker to replace Japarov.`
    expect(names(text)).toContain('Japarov=akylbek-japarov')
  })

  it('takes the person the title names when both are named and the sentence does not settle it', () => {
    const text = `${COVERAGE}Akylbek Japarov worked under Sadyr Japarov. Later Japarov studied economics.`
    expect(names(text, { title: 'Akylbek Japarov, a profile' })).toContain('Japarov=akylbek-japarov')
    expect(names(text)).toContain('Japarov=?sadyr-japarov|akylbek-japarov')
  })

  it('takes the other person when the same sentence goes on to name one of them in full', () => {
    const text = `${COVERAGE}Sadyr Japarov spoke first. Two days later Japarov appointed Akylbek Japarov to the cabinet.`
    expect(names(text)).toContain('Japarov=sadyr-japarov')
  })

  it('finds both names of a hyphenated pair', () => {
    const text = `${COVERAGE}The Atambayev-Jeenbekov feud grew; the Бишкек-Ош road was closed.`
    const found = names(text)
    expect(found).toContain('Atambayev=almazbek-atambayev')
    expect(found).toContain('Jeenbekov=sooronbay-jeenbekov')
    expect(found).toContain('Бишкек=bishkek')
  })

  it('does not take a day or a month for somebody else’s given name', () => {
    const text = `${COVERAGE}Sadyr Japarov spoke. On Tuesday Japarov signed the decree.`
    expect(names(text)).toContain('Japarov=sadyr-japarov')
  })

  it('does not take the article "a" for an initial', () => {
    // Akylbek's initial is "A."; "a Japarov presidency" names nobody's initial.
    const text = `${COVERAGE}Protesters freed Sadyr Japarov. Many feared a Japarov presidency.`
    expect(names(text)).toContain('Japarov=sadyr-japarov')
  })

  it('leaves a bare surname ambiguous when both people are named and nothing else settles it', () => {
    const text = `${COVERAGE}Sadyr Japarov appointed Akylbek Japarov. The law was signed by Japarov on Monday.`
    expect(names(text)).toContain('Japarov=?sadyr-japarov|akylbek-japarov')
  })

  it('resolves by a title whose role only one of them held', () => {
    const text = `${COVERAGE}Sadyr Japarov appointed Akylbek Japarov. President Japarov said so.`
    expect(names(text)).toContain('Japarov=sadyr-japarov')
  })

  it('resolves a head-of-government title by the page’s date', () => {
    const text = `${COVERAGE}Sadyr Japarov appointed Akylbek Japarov. Prime Minister Japarov spoke.`
    expect(names(text, { published: '2020-10-20' })).toContain('Japarov=sadyr-japarov')
    expect(names(text, { published: '2022-05-01' })).toContain('Japarov=akylbek-japarov')
    expect(names(text)).toContain('Japarov=?sadyr-japarov|akylbek-japarov')
  })

  it('resolves by a cue word right around the name', () => {
    const text = `${COVERAGE}Sadyr Japarov appointed Akylbek Japarov. Japarov, the cabinet chairman, agreed.`
    expect(names(text)).toContain('Japarov=akylbek-japarov')
  })

  it('does not take cue words of another person named in the same sentence', () => {
    const text = `${COVERAGE}President Sadyr Japarov spoke. Japarov named Akylbek Japarov to lead the cabinet.`
    const japarovs = names(text).filter((n) => n.startsWith('Japarov='))
    expect(japarovs).not.toContain('Japarov=akylbek-japarov')
  })

  it('resolves by a given name or initial before the surname', () => {
    const found = names(
      `${COVERAGE}Sadyr Japarov and Akylbek Japarov met. S. Japarov left; A. Japarov stayed.`,
    )
    expect(found.slice(-2)).toEqual(['Japarov=sadyr-japarov', 'Japarov=akylbek-japarov'])
  })

  it('includes a patronymic in the full name', () => {
    const text = `${COVERAGE}Sadyr Nurgozho uulu Japarov is a politician.`
    expect(names(text)).toContain('Sadyr Nurgozho uulu Japarov=sadyr-japarov')
  })

  it('does not highlight relatives or bylines that share a surname', () => {
    const found = names(`${COVERAGE}By Leila Zhaparov. Раиса Атамбаева said she would return to Кыргызстан.`)
    expect(found.some((n) => n.startsWith('Zhaparov'))).toBe(false)
    expect(found.some((n) => n.startsWith('Атамбаева'))).toBe(false)
  })

  it('keeps a surname that opens a sentence after another name', () => {
    const found = names(`${COVERAGE}Protesters freed Atambayev. Atambayev then spoke.`)
    expect(found.filter((n) => n === 'Atambayev=almazbek-atambayev')).toHaveLength(2)
  })

  it('keeps a surname after a hyphenated description, but not after a hyphenated given name', () => {
    const found = names(
      `${COVERAGE}The opposition said Kremlin-backed Jeenbekov lost. Then Jean-Paul Atambayev spoke.`,
    )
    expect(found).toContain('Jeenbekov=sooronbay-jeenbekov')
    expect(found.some((n) => n.startsWith('Atambayev'))).toBe(false)
  })

  it('keeps a surname after a sentence-opening word or a title', () => {
    const found = names(`${COVERAGE}After Jeenbekov resigned, Former President Atambayev spoke.`)
    expect(found).toContain('Jeenbekov=sooronbay-jeenbekov')
    expect(found).toContain('Atambayev=almazbek-atambayev')
  })
})
