/**
 * `virtual:compiled-index` (scripts/lib/compiled-index-module.ts): the engine's entity index, compiled by the
 * build from the entities file the bundle carries.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { COMPILED_INDEX_MODULE, compiledIndexModule } from '../../../scripts/lib/compiled-index-module.ts'
import { compileEntityIndex } from '../../../src/core/compiled-index.ts'
import { ENTITIES_FILE } from '../../../src/data/index.ts'

type Hook = (this: { addWatchFile(file: string): void }, id: string) => string | undefined

describe('the compiled-index module', () => {
  it('is the compiled index of the bundled entities', () => {
    const file = path.resolve('src/data/entities.json')
    const plugin = compiledIndexModule(file)
    const resolveId = plugin.resolveId as Hook
    const load = plugin.load as Hook
    const context = { addWatchFile: () => undefined }
    const id = resolveId.call(context, COMPILED_INDEX_MODULE)
    expect(id).toBeDefined()
    expect(resolveId.call(context, 'virtual:something-else')).toBeUndefined()
    const code = load.call(context, id ?? '') ?? ''
    expect(code.startsWith('export default ')).toBe(true)
    expect(JSON.parse(code.slice('export default '.length))).toEqual(
      JSON.parse(JSON.stringify(compileEntityIndex(ENTITIES_FILE.entities))),
    )
    expect(load.call(context, 'src/content/main.ts')).toBeUndefined()
  })
})
