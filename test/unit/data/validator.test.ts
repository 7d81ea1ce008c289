/**
 * A maintainer's mistakes are caught and located: each broken copy of the data fails with the file, the JSON
 * path and what is wrong — in the validator, in `npm run validate-data`, and in the build.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { REQUIRED_EVENT_IDS } from '../../../src/data/ids.ts'
import { ENTITIES_FILE, EVENTS_FILE } from '../../../src/data/index.ts'
import type { EntitiesFile, EventsFile } from '../../../src/data/schema.ts'
import { isoOrder } from '../../../src/core/iso-date.ts'
import { formatProblem, validateDataPack } from '../../../src/data/validate.ts'

const clone = <T>(v: T): T => structuredClone(v)

function problemsOf(entities: EntitiesFile, events: EventsFile = EVENTS_FILE): string[] {
  return validateDataPack({ entities, events }).problems.map(formatProblem)
}

function brokenEntities(edit: (data: EntitiesFile) => void): string[] {
  const data = clone(ENTITIES_FILE)
  edit(data)
  return problemsOf(data)
}

describe('the data validator', () => {
  it('names the file, the JSON path and the problem for a fact without a known source', () => {
    const problems = brokenEntities((d) => {
      d.entities[0]!.summary.sources = ['no-such-source']
    })
    expect(problems).toContain(
      'src/data/entities.json: $.entities[0].summary.sources[0]: unknown source "no-such-source" (add it to $.sources)',
    )
  })

  it('rejects a fact with no source at all', () => {
    const problems = brokenEntities((d) => {
      d.entities[1]!.summary.sources = []
    })
    expect(problems.some((p) => p.startsWith('src/data/entities.json: $.entities[1].summary.sources:'))).toBe(
      true,
    )
  })

  it('rejects a date that is not ISO 8601, and a date that does not exist', () => {
    const bad = brokenEntities((d) => {
      d.entities[0]!.roles![0]!.from = '15/10/2020'
    })
    expect(bad.some((p) => /\$\.entities\[0\]\.roles\[0\]\.from: must be an ISO 8601 date/.test(p))).toBe(
      true,
    )
    const impossible = brokenEntities((d) => {
      d.entities[0]!.roles![0]!.from = '2020-02-31'
    })
    expect(
      impossible.some((p) => /\$\.entities\[0\]\.roles\[0\]\.from: is not a real calendar date/.test(p)),
    ).toBe(true)
  })

  it('rejects a role that ends before it starts', () => {
    const problems = brokenEntities((d) => {
      const role = d.entities[0]!.roles![0]!
      role.from = '2021-01-01'
      role.to = '2020-01-01'
    })
    expect(problems).toContain(
      'src/data/entities.json: $.entities[0].roles[0]: ends (2020-01-01) before it starts (2021-01-01)',
    )
  })

  it('rejects a spelling claimed by two entities unless it is marked ambiguous', () => {
    const problems = brokenEntities((d) => {
      d.entities.find((e) => e.id === 'osh')!.aliases.push({ text: 'Bishkek' })
    })
    expect(problems.some((p) => /"bishkek" also names (osh|bishkek): mark it ambiguous/.test(p))).toBe(true)
  })

  it('rejects a declension class that does not fit the word', () => {
    const problems = brokenEntities((d) => {
      d.entities.find((e) => e.id === 'bishkek')!.aliases.push({ text: 'Бишкекия', inflect: ['surname-f'] })
    })
    expect(
      problems.some((p) =>
        /\$\.entities\[\d+\]\.aliases\[\d+\]\.inflect: "Бишкекия" does not end in "а"/.test(p),
      ),
    ).toBe(true)
  })

  it('requires the fixed entity ids and the October 2020 event', () => {
    const problems = brokenEntities((d) => {
      d.entities = d.entities.filter((e) => e.id !== 'kumtor')
    })
    expect(problems).toContain('src/data/entities.json: $.entities: required entity "kumtor" is missing')
    for (const id of REQUIRED_EVENT_IDS) {
      const events = clone(EVENTS_FILE)
      events.events.find((e) => e.id === id)!.id = 'something-else'
      expect(problemsOf(ENTITIES_FILE, events)).toContain(
        `src/data/events.json: $.events: the event "${id}" is missing`,
      )
    }
  })

  it('rejects an entity’s part in an event that does not exist, and links to unknown events', () => {
    const entities = clone(ENTITIES_FILE)
    const sadyr = entities.entities.findIndex((e) => e.id === 'sadyr-japarov')
    entities.entities[sadyr]!.partIn = {
      ...entities.entities[sadyr]!.partIn,
      '2099-nothing': [{ text: { en: 'x' }, sources: entities.entities[sadyr]!.summary.sources }],
    }
    expect(problemsOf(entities)).toContain(
      `src/data/entities.json: $.entities[${sadyr}].partIn.2099-nothing: unknown event "2099-nothing"`,
    )
    const events = clone(EVENTS_FILE)
    events.events[0]!.after = ['2099-nothing']
    expect(problemsOf(ENTITIES_FILE, events)).toContain(
      'src/data/events.json: $.events[0].after[0]: unknown event "2099-nothing"',
    )
  })

  it('keeps a timeline within two years of its event', () => {
    const events = clone(EVENTS_FILE)
    const ev = events.events[0]!
    ev.timeline.push({ ...ev.timeline.at(-1)!, date: '2040-01-01' })
    expect(problemsOf(ENTITIES_FILE, events)).toContain(
      `src/data/events.json: $.events[0].timeline[${ev.timeline.length - 1}].date: 2040-01-01 is more than 2 years from the event (${ev.start} – ${ev.end})`,
    )
  })

  it('accepts only https: sources', () => {
    const entities = clone(ENTITIES_FILE)
    const key = Object.keys(entities.sources)[0]!
    entities.sources[key]!.url = entities.sources[key]!.url.replace('https:', 'http:')
    expect(problemsOf(entities)).toContain(
      `src/data/entities.json: $.sources[${JSON.stringify(key)}].url: must be an https: URL`,
    )
  })

  it('rejects an event timeline out of date order and references to unknown entities', () => {
    const events = clone(EVENTS_FILE)
    const timeline = events.events[0]!.timeline
    // The second item a year before the first.
    timeline[1]!.date = String(Number(timeline[0]!.date.slice(0, 4)) - 1)
    timeline[2]!.entities = ['nobody']
    const problems = problemsOf(ENTITIES_FILE, events)
    expect(
      problems.some((p) => p.startsWith('src/data/events.json: $.events[0].timeline[1].date: out of order')),
    ).toBe(true)
    expect(problems).toContain(
      'src/data/events.json: $.events[0].timeline[2].entities[0]: unknown entity "nobody"',
    )
  })

  it('rejects unknown fields, so typos do not pass silently', () => {
    const problems = brokenEntities((d) => {
      ;(d.entities[0] as unknown as Record<string, unknown>).sumary = 'typo'
    })
    expect(problems.some((p) => p.startsWith('src/data/entities.json: $.entities[0]'))).toBe(true)
  })

  it('treats a month as overlapping the days in it when ordering dates', () => {
    expect(isoOrder('2020-10', '2020-10-07')).toBe(0)
    expect(isoOrder('2020-10-08', '2020-10-07')).toBeGreaterThan(0)
    expect(isoOrder('2020-09', '2020-10-07')).toBeLessThan(0)
  })
})

describe('a broken data file outside the validator', () => {
  function brokenCopy(edit: (entities: string, events: string) => [string, string]): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-data-'))
    const [entities, events] = edit(
      fs.readFileSync('src/data/entities.json', 'utf8'),
      fs.readFileSync('src/data/events.json', 'utf8'),
    )
    fs.writeFileSync(path.join(dir, 'entities.json'), entities)
    fs.writeFileSync(path.join(dir, 'events.json'), events)
    return dir
  }

  it('fails `npm run validate-data` naming the file of invalid JSON', () => {
    const dir = brokenCopy((entities, events) => [entities.replace('{', '{,'), events])
    const run = spawnSync('npx', ['tsx', 'scripts/validate-data.ts', dir], { encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/entities\.json: \$: not valid JSON/)
  })

  it('fails the build naming the file and the field', () => {
    const dir = brokenCopy((entities, events) => [
      entities,
      events.replace('"asOf": "2020-10-07"', '"asOf": "7 October 2020"'),
    ])
    const crisis = EVENTS_FILE.events.findIndex((e) => e.id === '2020-kyrgyz-crisis')
    const run = spawnSync('npx', ['vite', 'build', '--mode', 'chrome', '--outDir', path.join(dir, 'out')], {
      encoding: 'utf8',
      env: { ...process.env, KC_DATA_DIR: dir },
    })
    expect(run.status).not.toBe(0)
    expect(`${run.stdout}${run.stderr}`).toMatch(
      new RegExp(
        `events\\.json: \\$\\.events\\[${crisis}\\]\\.numbers\\[0\\]\\.series\\[2\\]\\.asOf: must be an ISO 8601 date`,
      ),
    )
  }, 60_000)
})
