/**
 * The entity data grown by generated people, for `names_x100`: the same real entities plus invented ones
 * with Latin and Cyrillic names (declined in Russian, like the real ones), until the matcher holds about
 * `factor` times as many spellings.
 */
import { allForms, buildEntityIndex } from '../../src/core/entity-index.ts'
import type { Entity } from '../../src/data/schema.ts'
import { random as seeded } from '../../test/e2e/harness/generated-pages.ts'

const LATIN = [
  'ba',
  'ka',
  'ta',
  'ma',
  'na',
  'ra',
  'sa',
  'ja',
  'zhe',
  'ku',
  'bo',
  'lo',
  'mi',
  'ni',
  'tu',
  'dy',
  'ur',
  'al',
  'ek',
  'ov',
]
const CYRILLIC = [
  'ба',
  'ка',
  'та',
  'ма',
  'на',
  'ра',
  'са',
  'жа',
  'же',
  'ку',
  'бо',
  'ло',
  'ми',
  'ни',
  'ту',
  'ды',
  'ур',
  'ал',
  'ек',
  'ол',
]

function word(rand: () => number, syllables: readonly string[], min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1))
  let w = ''
  for (let i = 0; i < n; i++) {
    w += syllables[Math.floor(rand() * syllables.length)]
  }
  return w.charAt(0).toUpperCase() + w.slice(1)
}

/** Spellings the matcher holds for these entities (case forms included, coverage words excluded). */
export function spellingCount(entities: readonly Entity[]): number {
  return allForms(buildEntityIndex(entities, { kyrgyz: [], other: [] })).length
}

export function grownEntities(real: readonly Entity[], factor: number, seed = 7): Entity[] {
  const rand = seeded(seed)
  const target = spellingCount(real) * factor
  const out = [...real]
  let spellings = spellingCount(real)
  const summary = real[0]?.summary ?? { text: { en: 'Generated.' }, sources: [] }
  for (let i = 0; spellings < target; i++) {
    const i1 = word(rand, LATIN, 2, 3)
    const s1 = `${word(rand, LATIN, 2, 3)}ov`
    const i2 = word(rand, CYRILLIC, 2, 3)
    const s2 = `${word(rand, CYRILLIC, 2, 3)}ов`
    out.push({
      id: `generated-${i}`,
      type: 'person',
      name: { en: `${i1} ${s1}`, ru: `${i2} ${s2}` },
      summary,
      aliases: [
        { text: `${i1} ${s1}` },
        { text: s1, surname: true },
        { text: `${i2} ${s2}`, inflect: ['m', 'surname-m'] },
        { text: s2, surname: true, inflect: ['surname-m'] },
      ],
    })
    // 2 Latin spellings + up to 6 case forms of each Cyrillic one.
    spellings += 14
  }
  return out
}
