/**
 * Checks a data pack beyond its shape: references, ordering, ids, and aliases that would collide.
 * Every problem names the file, the JSON path and what is wrong, so a maintainer can go straight to it.
 * Pure: the build (vite.config.ts), `npm run validate-data` and the tests all call it.
 */
import * as v from 'valibot'
import { inflectForms } from '../core/inflect.ts'
import { isoOrder } from '../core/iso-date.ts'
import { foldForMatching } from '../core/normalize.ts'
import { REQUIRED_ENTITY_IDS, REQUIRED_EVENT_IDS } from './ids.ts'
import {
  EntitiesFile,
  EventsFile,
  type EntitiesFile as EntitiesData,
  type EventsFile as EventsData,
} from './schema.ts'

/** Card summaries are read at a glance. */
export const SUMMARY_MAX_WORDS = 60

export interface Problem {
  file: string
  path: string
  message: string
}

export const formatProblem = (p: Problem): string => `${p.file}: ${p.path}: ${p.message}`

type PathItem = { key?: unknown }

function jsonPath(items: readonly PathItem[] | undefined): string {
  let out = '$'
  for (const item of items ?? []) {
    const key = item.key
    out +=
      typeof key === 'number'
        ? `[${key}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(key))
          ? `.${String(key)}`
          : `[${JSON.stringify(key)}]`
  }
  return out
}

/** Walks any value and calls `visit` on each object that has a `sources` array, with its JSON path. */
function eachSourced(value: unknown, path: string, visit: (refs: string[], path: string) => void): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => eachSourced(item, `${path}[${i}]`, visit))
    return
  }
  if (value === null || typeof value !== 'object') {
    return
  }
  for (const [key, child] of Object.entries(value)) {
    if (key === 'sources' && Array.isArray(child) && child.every((c) => typeof c === 'string')) {
      visit(child, `${path}.sources`)
    } else if (key !== 'sources') {
      eachSourced(child, `${path}.${key}`, visit)
    }
  }
}

function checkSourceRefs(
  file: string,
  data: { sources: Record<string, unknown> },
  problems: Problem[],
): void {
  const used = new Set<string>()
  eachSourced(data, '$', (refs, path) => {
    refs.forEach((ref, i) => {
      used.add(ref)
      if (!(ref in data.sources)) {
        problems.push({
          file,
          path: `${path}[${i}]`,
          message: `unknown source "${ref}" (add it to $.sources)`,
        })
      }
    })
  })
  for (const key of Object.keys(data.sources)) {
    if (!used.has(key)) {
      problems.push({ file, path: `$.sources.${key}`, message: 'source is never cited' })
    }
  }
}

function checkEntities(file: string, data: EntitiesData, problems: Problem[]): void {
  const ids = new Map<string, number>()
  data.entities.forEach((e, i) => {
    if (ids.has(e.id)) {
      problems.push({ file, path: `$.entities[${i}].id`, message: `duplicate id "${e.id}"` })
    }
    ids.set(e.id, i)
  })
  for (const id of REQUIRED_ENTITY_IDS) {
    if (!ids.has(id)) {
      problems.push({ file, path: '$.entities', message: `required entity "${id}" is missing` })
    }
  }

  // Which entities claim each spelling (after the folding the matcher applies).
  const claims = new Map<string, { entity: string; path: string; ambiguousWith: string[] }[]>()
  data.entities.forEach((e, i) => {
    const base = `$.entities[${i}]`
    const words = e.summary.text.en.split(/\s+/).filter(Boolean).length
    if (words > SUMMARY_MAX_WORDS) {
      problems.push({
        file,
        path: `${base}.summary.text.en`,
        message: `${words} words; at most ${SUMMARY_MAX_WORDS}`,
      })
    }
    e.roles?.forEach((r, j) => {
      if (r.to !== undefined && isoOrder(r.from, r.to) > 0) {
        problems.push({
          file,
          path: `${base}.roles[${j}]`,
          message: `ends (${r.to}) before it starts (${r.from})`,
        })
      }
    })
    e.aliases.forEach((a, j) => {
      const path = `${base}.aliases[${j}]`
      for (const other of a.ambiguousWith ?? []) {
        if (!ids.has(other)) {
          problems.push({ file, path: `${path}.ambiguousWith`, message: `unknown entity "${other}"` })
        }
        if (other === e.id) {
          problems.push({ file, path: `${path}.ambiguousWith`, message: 'names its own entity' })
        }
      }
      if (a.inflect !== undefined) {
        try {
          inflectForms(a.text, a.inflect)
        } catch (err) {
          problems.push({ file, path: `${path}.inflect`, message: (err as Error).message })
        }
      }
      const key = foldForMatching(a.text)
      const list = claims.get(key) ?? []
      if (list.some((c) => c.entity === e.id)) {
        problems.push({ file, path: `${path}.text`, message: `"${a.text}" is listed twice for this entity` })
      }
      list.push({ entity: e.id, path, ambiguousWith: a.ambiguousWith ?? [] })
      claims.set(key, list)
    })
  })

  for (const [spelling, list] of claims) {
    const entities = [...new Set(list.map((c) => c.entity))]
    if (entities.length < 2) {
      continue
    }
    for (const claim of list) {
      const missing = entities.filter((id) => id !== claim.entity && !claim.ambiguousWith.includes(id))
      if (missing.length > 0) {
        problems.push({
          file,
          path: `${claim.path}.ambiguousWith`,
          message: `"${spelling}" also names ${missing.join(', ')}: mark it ambiguous with them`,
        })
      }
    }
  }
}

function checkEvents(file: string, data: EventsData, entityIds: Set<string>, problems: Problem[]): void {
  const eventIds = new Set<string>()
  data.events.forEach((e, i) => {
    if (eventIds.has(e.id)) {
      problems.push({ file, path: `$.events[${i}].id`, message: `duplicate id "${e.id}"` })
    }
    eventIds.add(e.id)
  })
  for (const id of REQUIRED_EVENT_IDS) {
    if (!eventIds.has(id)) {
      problems.push({ file, path: '$.events', message: `the event "${id}" is missing` })
    }
  }
  const refEvent = (id: string, path: string): void => {
    if (!eventIds.has(id)) {
      problems.push({ file, path, message: `unknown event "${id}"` })
    }
  }
  const refEntity = (id: string, path: string): void => {
    if (!entityIds.has(id)) {
      problems.push({ file, path, message: `unknown entity "${id}"` })
    }
  }
  data.events.forEach((ev, i) => {
    const base = `$.events[${i}]`
    if (isoOrder(ev.start, ev.end) > 0) {
      problems.push({ file, path: base, message: 'ends before it starts' })
    }
    ev.entities?.forEach((id, j) => refEntity(id, `${base}.entities[${j}]`))
    ev.places.forEach((id, j) => refEntity(id, `${base}.places[${j}]`))
    ev.before?.forEach((id, j) => refEvent(id, `${base}.before[${j}]`))
    ev.after?.forEach((id, j) => refEvent(id, `${base}.after[${j}]`))
    ev.timeline.forEach((t, j) => {
      t.entities?.forEach((id, k) => refEntity(id, `${base}.timeline[${j}].entities[${k}]`))
      if (!nearEvent(t.date, ev.start, ev.end)) {
        problems.push({
          file,
          path: `${base}.timeline[${j}].date`,
          message: `${t.date} is more than ${TIMELINE_REACH_YEARS} years from the event (${ev.start} – ${ev.end})`,
        })
      }
    })
    for (let j = 1; j < ev.timeline.length; j++) {
      const prev = ev.timeline[j - 1]
      const cur = ev.timeline[j]
      if (prev && cur && isoOrder(prev.date, cur.date) > 0) {
        problems.push({
          file,
          path: `${base}.timeline[${j}].date`,
          message: `out of order (after ${prev.date})`,
        })
      }
    }
    ev.numbers.forEach((n, j) =>
      n.series.forEach((f, k) => {
        const prev = n.series[k - 1]
        if (prev && isoOrder(prev.asOf, f.asOf) > 0) {
          problems.push({
            file,
            path: `${base}.numbers[${j}].series[${k}].asOf`,
            message: 'series must run in date order',
          })
        }
      }),
    )
    ev.results?.forEach((r, j) =>
      r.parties.forEach((p, k) => {
        if (p.entity !== undefined) {
          refEntity(p.entity, `${base}.results[${j}].parties[${k}].entity`)
        }
        if (p.leaderEntity !== undefined) {
          refEntity(p.leaderEntity, `${base}.results[${j}].parties[${k}].leaderEntity`)
        }
      }),
    )
    ev.articles?.forEach((a, j) =>
      a.statements.forEach((s, k) => refEntity(s.entity, `${base}.articles[${j}].statements[${k}].entity`)),
    )
  })
}

/** A timeline may show what led to an event and what followed it, within this many years of it. */
export const TIMELINE_REACH_YEARS = 2

function nearEvent(date: string, start: string, end: string): boolean {
  const year = Number(date.slice(0, 4))
  return (
    year >= Number(start.slice(0, 4)) - TIMELINE_REACH_YEARS &&
    year <= Number(end.slice(0, 4)) + TIMELINE_REACH_YEARS
  )
}

/** Every event an entity has a part in exists. */
function checkPartIn(file: string, entities: EntitiesData, events: EventsData, problems: Problem[]): void {
  const ids = new Set(events.events.map((e) => e.id))
  entities.entities.forEach((e, i) => {
    for (const id of Object.keys(e.partIn ?? {})) {
      if (!ids.has(id)) {
        problems.push({ file, path: `$.entities[${i}].partIn.${id}`, message: `unknown event "${id}"` })
      }
    }
  })
}

export interface DataPack {
  entities: EntitiesData
  events: EventsData
}

/**
 * Validates both files. Returns the parsed pack when there are no problems; otherwise the problems, each
 * naming the file and the JSON path.
 */
export function validateDataPack(
  raw: { entities: unknown; events: unknown },
  names = { entities: 'src/data/entities.json', events: 'src/data/events.json' },
): { pack?: DataPack; problems: Problem[] } {
  const problems: Problem[] = []
  const entities = v.safeParse(EntitiesFile, raw.entities)
  const events = v.safeParse(EventsFile, raw.events)
  for (const [file, result] of [
    [names.entities, entities],
    [names.events, events],
  ] as const) {
    if (!result.success) {
      for (const issue of result.issues) {
        problems.push({ file, path: jsonPath(issue.path), message: issue.message })
      }
    }
  }
  if (!entities.success || !events.success) {
    return { problems }
  }

  checkSourceRefs(names.entities, entities.output, problems)
  checkSourceRefs(names.events, events.output, problems)
  checkEntities(names.entities, entities.output, problems)
  checkEvents(names.events, events.output, new Set(entities.output.entities.map((e) => e.id)), problems)
  checkPartIn(names.entities, entities.output, events.output, problems)
  return problems.length > 0
    ? { problems }
    : { pack: { entities: entities.output, events: events.output }, problems }
}
