import { describe, expect, it } from 'vitest'
import { oneEditApart } from '../../../src/core/misspellings.ts'
import { createRecognizer, recognize } from '../../../src/core/recognize.ts'
import { MINI_ENTITIES } from '../helpers/mini-data.ts'

const recognizer = createRecognizer(MINI_ENTITIES)

const COVERAGE =
  'Protesters in Bishkek, the capital of Kyrgyzstan, stormed government buildings. President Sooronbay Jeenbekov and Almazbek Atambayev met. '

function names(text: string): string[] {
  return recognize(recognizer, text).mentions.map(
    (m) => `${text.slice(m.start, m.end)}=${m.entity ?? `?${(m.candidates ?? []).join('|')}`}`,
  )
}

describe('misspelt names on coverage pages', () => {
  it('takes one swapped, dropped, doubled or extra letter in a long name the page also spells right', () => {
    const found = names(`${COVERAGE}Later Atmabayev and Jeenbkov spoke; Atambayevv left.`)
    expect(found).toContain('Atmabayev=almazbek-atambayev')
    expect(found).toContain('Jeenbkov=sooronbay-jeenbekov')
    expect(found).toContain('Atambayevv=almazbek-atambayev')
  })

  it('takes a misspelling of a name of nine letters or more even where the page does not spell it right', () => {
    expect(names(`${COVERAGE}Kyrgystan voted.`)).toContain('Kyrgystan=kyrgyzstan')
  })

  it('is stricter with names of five or six letters: a swap of neighbours or a doubled letter only', () => {
    // "Biskek" (six letters, the seed's own spelling) swapped and doubled; one letter changed is left alone.
    const found = names(`${COVERAGE}In Bsikek, Bisskek and Biskel.`)
    expect(found).toContain('Bsikek=bishkek')
    expect(found).toContain('Bisskek=bishkek')
    expect(found.some((n) => n.startsWith('Biskel'))).toBe(false)
  })

  it('never reads a misspelling as evidence that a page is coverage', () => {
    expect(recognize(recognizer, 'Atmabayev and Jeenbkov met in Kyrgystan and Bihkek.').relevant).toBe(false)
  })

  it('leaves ordinary words and names two edits away alone', () => {
    expect(
      names(`${COVERAGE}Jenkins and Bakery and Atambyvev.`).filter(
        (n) => !COVERAGE.includes(n.split('=')[0]!),
      ),
    ).toEqual([])
  })

  it('measures one edit or one swap of neighbours', () => {
    expect(oneEditApart('atambayev', 'atmabayev')).toBe(true)
    expect(oneEditApart('atambayev', 'atambaev')).toBe(true)
    expect(oneEditApart('atambayev', 'atambayevs')).toBe(true)
    expect(oneEditApart('atambayev', 'atambayeb')).toBe(true)
    expect(oneEditApart('atambayev', 'atmabayeb')).toBe(false)
    expect(oneEditApart('atambayev', 'atambayev')).toBe(false)
  })
})
