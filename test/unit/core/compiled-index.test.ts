/**
 * The index the build compiles (and the extension loads) is the index the recognizer would build itself:
 * the same forms, entity details and recognition, after a round trip through the plain data the build writes.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  compileEntityIndex,
  loadEntityIndex,
  loadRolePeriods,
  type CompiledIndex,
} from '../../../src/core/compiled-index.ts'
import { rolePeriods } from '../../../src/core/disambiguate.ts'
import { allForms, buildEntityIndex } from '../../../src/core/entity-index.ts'
import { Matcher } from '../../../src/core/matcher.ts'
import { createRecognizer, partInOf, recognize, recognizerOf } from '../../../src/core/recognize.ts'
import { ENTITIES_FILE, EVENTS_FILE } from '../../../src/data/index.ts'
import { bigKyrgyzArticle, bigRussianArticle } from '../../e2e/harness/generated-pages.ts'

const entities = ENTITIES_FILE.entities
const shipped = (): CompiledIndex => JSON.parse(JSON.stringify(compileEntityIndex(entities))) as CompiledIndex

/** The text of an HTML page, roughly (tags become line breaks): enough to recognise names in. */
const textOf = (html: string): string =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&[a-z]+;/g, ' ')

describe('the entity index compiled at build time', () => {
  it('holds every form and entity detail of the built index', () => {
    const built = buildEntityIndex(entities)
    const loaded = loadEntityIndex(shipped())
    expect(allForms(loaded)).toEqual(allForms(built))
    expect(loaded.entities).toEqual(built.entities)
    expect(loaded.matcher.size).toBe(allForms(built).length)
    // The offices that settle a title at the page's date, so the engine needs no data to highlight.
    expect(loadRolePeriods(shipped())).toEqual(rolePeriods(entities))
  })

  it('recognises exactly what the built index does, in English and Russian, on real and generated text', () => {
    const built = createRecognizer(entities, EVENTS_FILE.events)
    const loaded = recognizerOf(loadEntityIndex(shipped()), loadRolePeriods(shipped()), () => ({
      events: EVENTS_FILE.events,
      partIn: partInOf(entities),
    }))
    const seed = textOf(fs.readFileSync('test/fixtures/seed-upi.html', 'utf8'))
    const texts = [
      seed,
      textOf(bigKyrgyzArticle(200_000)),
      textOf(bigRussianArticle(200_000)),
      // Every spelling once, in upper case, lower case and as written: the start rules for each case.
      allForms(buildEntityIndex(entities))
        .map((f) => `${f.text}. ${f.text.toUpperCase()}, ${f.text.toLowerCase()}; по${f.text} `)
        .join('\n'),
    ]
    for (const text of texts) {
      const expected = recognize(built, text, { title: 'Kyrgyzstan', url: 'https://example.org/kyrgyzstan' })
      expect(expected.mentions.length).toBeGreaterThan(10)
      expect(recognize(loaded, text, { title: 'Kyrgyzstan', url: 'https://example.org/kyrgyzstan' })).toEqual(
        expected,
      )
    }
  })

  it('makes a form only when a match asks for it, and the same object each time', () => {
    const index = loadEntityIndex(shipped())
    const first = index.form(0)
    expect(first).toBeDefined()
    expect(index.form(0)).toBe(first)
    expect(index.form(1_000_000)).toBeUndefined()
  })

  it('refuses a matcher image it cannot have written', () => {
    const image = shipped().matcher
    expect(() => Matcher.fromImage({ ...image, edgeKeys: image.edgeKeys.slice(1) })).toThrow(/power of two/)
    expect(() => Matcher.fromImage({ ...image, alphabet: `x${image.alphabet.slice(1)}` })).toThrow(
      /space as its symbol 0/,
    )
  })
})
