/**
 * The bundled data in the engine, read when first needed. Highlighting needs none of it (the entity index and
 * the role table are compiled into the engine at build time); cards, the page's event and the popup's answer
 * do. Shipped as JSON text and parsed on first use, the data costs a page nothing until a reader asks, where
 * the same data as object literals would be built while the engine starts.
 */
import { DataIndex } from '../core/data-index.ts'
import type { EntitiesFile, EventsFile } from '../data/schema.ts'
import { entities as entitiesJson, events as eventsJson } from 'virtual:data-text'

let data: DataIndex | undefined

/** The data (validated by the build against src/data/schema.ts; without spellings, see virtual:data-text). */
export function engineData(): DataIndex {
  data ??= new DataIndex({
    entities: JSON.parse(entitiesJson) as EntitiesFile,
    events: JSON.parse(eventsJson) as EventsFile,
  })
  return data
}
