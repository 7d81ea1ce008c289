/**
 * Provides `virtual:data-text`: the bundled data as minified JSON text for the engine (src/content/engine-data.ts),
 * without what only recognition (compiled into the index) or the popup (its own copy) needs.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Plugin } from 'vite'
import type { EntitiesFile, EventsFile } from '../../src/data/schema.ts'
import { virtualModule } from './compiled-index-module.ts'

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

/**
 * Provides `virtual:data-text`: the bundled data as two minified JSON strings for the engine (engine-data.ts),
 * which parses them when a card or the page's event first needs them. Spellings and cue words are left out:
 * the compiled index has what recognition needs of them, and no card shows them.
 */
export function dataTextModule(dir = path.resolve('src/data')): Plugin {
  return virtualModule(DATA_TEXT_MODULE, 'kyrgyzstan-context:data-text', () => {
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
  })
}
