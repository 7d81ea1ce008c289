/**
 * Provides `virtual:compiled-index`: the entity index built from the bundled entities.json at build time
 * (src/core/compiled-index.ts), so the engine loads it instead of building it on a reader's page.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Plugin } from 'vite'
import { compileEntityIndex } from '../../src/core/compiled-index.ts'
import type { EntitiesFile, EventsFile } from '../../src/data/schema.ts'

export const COMPILED_INDEX_MODULE = 'virtual:compiled-index'
const RESOLVED = `\0${COMPILED_INDEX_MODULE}`

/**
 * `entitiesFile` must be the file the bundle imports (src/data/index.ts), validated by the build first. The
 * module is made anew on every build of the engine (content-scripts.ts runs a fresh build each time).
 */
export function compiledIndexModule(entitiesFile = path.resolve('src/data/entities.json')): Plugin {
  return {
    name: 'kyrgyzstan-context:compiled-index',
    resolveId(source) {
      return source === COMPILED_INDEX_MODULE ? RESOLVED : undefined
    },
    load(id) {
      if (id !== RESOLVED) {
        return undefined
      }
      const file = JSON.parse(fs.readFileSync(entitiesFile, 'utf8')) as EntitiesFile
      // A plain literal: parsed with the rest of the chunk (off the main thread in Chromium), no decoding.
      return `export default ${JSON.stringify(compileEntityIndex(file.entities))}\n`
    },
  }
}

/**
 * What the engine needs of the events: what ranks them (dates, places, entities, cues, other names), their
 * titles for cards, and the known articles with the sources those cite. Summaries, numbers and timelines'
 * texts are the popup's, which has its own copy.
 */
function leanEvents(file: EventsFile): unknown {
  const events = file.events.map((e) => ({
    id: e.id,
    title: e.title,
    ...(e.aka ? { aka: e.aka } : {}),
    start: e.start,
    end: e.end,
    places: e.places,
    cues: e.cues,
    ...(e.entities ? { entities: e.entities } : {}),
    timeline: e.timeline.map((t) => (t.entities ? { entities: t.entities } : {})),
    ...(e.results
      ? {
          results: e.results.map((r) => ({
            parties: r.parties.map((p) => ({
              ...(p.entity ? { entity: p.entity } : {}),
              ...(p.leaderEntity ? { leaderEntity: p.leaderEntity } : {}),
            })),
          })),
        }
      : {}),
    ...(e.articles ? { articles: e.articles } : {}),
  }))
  const cited = new Set(JSON.stringify(events.map((e) => e.articles ?? [])).match(/"[a-z0-9][a-z0-9-]*"/g))
  const sources = Object.fromEntries(Object.entries(file.sources).filter(([k]) => cited.has(`"${k}"`)))
  return { sources, events }
}

export const DATA_TEXT_MODULE = 'virtual:data-text'
const RESOLVED_TEXT = `\0${DATA_TEXT_MODULE}`

/**
 * Provides `virtual:data-text`: the bundled data as two minified JSON strings for the engine (engine-data.ts),
 * which parses them when a card or the page's event first needs them. Spellings and cue words are left out:
 * the compiled index has what recognition needs of them, and no card shows them.
 */
export function dataTextModule(dir = path.resolve('src/data')): Plugin {
  return {
    name: 'kyrgyzstan-context:data-text',
    resolveId(source) {
      return source === DATA_TEXT_MODULE ? RESOLVED_TEXT : undefined
    },
    load(id) {
      if (id !== RESOLVED_TEXT) {
        return undefined
      }
      const entities = JSON.parse(fs.readFileSync(path.join(dir, 'entities.json'), 'utf8')) as EntitiesFile
      const events = JSON.parse(fs.readFileSync(path.join(dir, 'events.json'), 'utf8')) as EventsFile
      const lean = {
        sources: entities.sources,
        entities: entities.entities.map(({ aliases: _aliases, cues: _cues, ...rest }) => rest),
      }
      return [
        `export const entities = ${JSON.stringify(JSON.stringify(lean))}`,
        `export const events = ${JSON.stringify(JSON.stringify(leanEvents(events)))}`,
        '',
      ].join('\n')
    },
  }
}
