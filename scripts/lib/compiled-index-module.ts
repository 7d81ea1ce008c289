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

/** A Vite plugin that provides module `id`, made by `load` when a build first imports it. */
export function virtualModule(id: string, name: string, load: () => string): Plugin {
  const resolved = `\0${id}`
  return {
    name,
    resolveId: (source) => (source === id ? resolved : undefined),
    load: (requested) => (requested === resolved ? load() : undefined),
  }
}

/**
 * `entitiesFile` must be the file the bundle imports (src/data/index.ts), validated by the build first. The
 * module is made anew on every build of the engine (content-scripts.ts runs a fresh build each time).
 */
export function compiledIndexModule(entitiesFile = path.resolve('src/data/entities.json')): Plugin {
  return virtualModule(COMPILED_INDEX_MODULE, 'kyrgyzstan-context:compiled-index', () => {
    const file = JSON.parse(fs.readFileSync(entitiesFile, 'utf8')) as EntitiesFile
    // A plain literal: parsed with the rest of the chunk (off the main thread in Chromium), no decoding.
    return `export default ${JSON.stringify(compileEntityIndex(file.entities))}\n`
  })
}
