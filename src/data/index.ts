/**
 * The bundled data, typed. The JSON files are validated against schema.ts by the build (vite.config.ts) and
 * by the tests, so the cast below only narrows TypeScript's wider inference of JSON literals (strings where
 * the schema has unions); it adds no trust that the validator does not give.
 */
import entitiesJson from './entities.json'
import eventsJson from './events.json'
import type { EntitiesFile, EventsFile } from './schema.ts'

export const ENTITIES_FILE = entitiesJson as unknown as EntitiesFile
export const EVENTS_FILE = eventsJson as unknown as EventsFile
