/**
 * A maintainer's mistakes are caught and located: each broken copy of the data fails with the file, the JSON
 * path and what is wrong — in the validator, in `npm run validate-data`, and in the build.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ENTITIES_FILE, EVENTS_FILE } from '../../../src/data/index.ts'
import type { EntitiesFile, EventsFile } from '../../../src/data/schema.ts'
import { formatProblem, isoOrder, validateDataPack } from '../../../src/data/validate.ts'

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
    const events = clone(EVENTS_FILE)
    events.events[0]!.id = 'something-else'
    expect(problemsOf(ENTITIES_FILE, events)).toContain(
      'src/data/events.json: $.events: the event "2020-kyrgyz-crisis" is missing',
    )
  })

  it('rejects an event timeline out of date order and references to unknown entities', () => {
    const events = clone(EVENTS_FILE)
    const timeline = events.events[0]!.timeline
    ;[timeline[0], timeline[1]] = [timeline[1]!, timeline[0]!]
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
    const run = spawnSync('npx', ['vite', 'build', '--mode', 'chrome', '--outDir', path.join(dir, 'out')], {
      encoding: 'utf8',
      env: { ...process.env, KC_DATA_DIR: dir },
    })
    expect(run.status).not.toBe(0)
    expect(`${run.stdout}${run.stderr}`).toMatch(
      /events\.json: \$\.events\[0\]\.numbers\[0\]\.series\[2\]\.asOf: must be an ISO 8601 date/,
    )
  }, 60_000)
})
