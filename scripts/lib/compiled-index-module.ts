/**
 * Provides `virtual:compiled-index`: the entity index built from the bundled entities.json at build time
 * (src/core/compiled-index.ts), so the engine loads it instead of building it on a reader's page.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Plugin } from 'vite'
import { compileEntityIndex } from '../../src/core/compiled-index.ts'
import type { EntitiesFile } from '../../src/data/schema.ts'

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
