/**
 * Builds the content scripts as self-contained IIFE files and declares them in the manifest.
 *
 * crxjs can do this itself (`contentScripts.standaloneFiles`), but its sub-build passes an option Vite 8's
 * bundler ignores with a warning on every build, and it registers the lazily loaded engine chunk only when
 * another module imports it with `?script`. Owning these two small builds keeps the build warning-free and
 * the manifest explicit. crxjs still builds everything else (background, popup, options) and writes the
 * manifest; this plugin adds its entries through crxjs's `renderCrxManifest` hook.
 */
import path from 'node:path'
import { build, type Plugin, type Rollup } from 'vite'
import { compiledIndexModule } from './compiled-index-module.ts'
import { dataTextModule } from './data-text-module.ts'
import { polyfillAsEsm } from './polyfill-esm.ts'

export interface ContentScript {
  /** Source entry, relative to the project root. */
  entry: string
  /** Output file in the extension. */
  file: string
  /**
   * Nearly every function in the file runs as soon as it loads: ask the engine to compile them all up front
   * (see COMPILE_ALL_HINT).
   */
  allFunctionsCalledOnLoad?: boolean
}

/**
 * V8's explicit compile hint (Chromium 136+; other engines read a comment). V8 otherwise compiles each
 * function the first time it is called, on the main thread; with the hint it compiles them all on the
 * background thread that parses a streamed script. For the engine chunk, which runs most of its code in its
 * first scan, that takes the compiling out of the time the page waits.
 */
export const COMPILE_ALL_HINT = '//# allFunctionsCalledOnLoad'

/** The manifest as crxjs hands it to plugins (its own type is not exported). */
export type Manifest = Record<string, unknown>

export interface ContentScriptsOptions {
  scripts: ContentScript[]
  /** Called with the manifest crxjs has built; returns it with the content script entries added. */
  declare: (manifest: Manifest) => Manifest
  define: Record<string, string>
  target: string[]
  minify: boolean
}

async function buildIife(entry: ContentScript, options: ContentScriptsOptions): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    plugins: [polyfillAsEsm(), compiledIndexModule(), dataTextModule()],
    define: options.define,
    build: {
      write: false,
      minify: options.minify,
      target: options.target,
      sourcemap: false,
      lib: {
        entry: path.resolve(entry.entry),
        formats: ['iife'],
        name: path.basename(entry.file, '.js').replace(/\W/g, '_'),
        fileName: () => entry.file,
      },
    },
  })
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[]
  const chunk = outputs
    .flatMap((o) => o.output)
    .find((o): o is Rollup.OutputChunk => o.type === 'chunk' && o.isEntry)
  if (!chunk) {
    throw new Error(`No output for content script ${entry.entry}`)
  }
  // First in the file, where the engine looks for it.
  return entry.allFunctionsCalledOnLoad === true ? `${COMPILE_ALL_HINT}\n${chunk.code}` : chunk.code
}

export function contentScripts(options: ContentScriptsOptions): Plugin {
  return {
    name: 'kyrgyzstan-context:content-scripts',
    apply: 'build',
    // After crxjs's own manifest plugins, which would otherwise try to compile these entries themselves.
    enforce: 'post',
    async generateBundle() {
      for (const script of options.scripts) {
        this.emitFile({ type: 'asset', fileName: script.file, source: await buildIife(script, options) })
      }
    },
    // crxjs calls this on every plugin before it writes manifest.json.
    renderCrxManifest(manifest: Manifest): Manifest {
      return options.declare(manifest)
    },
  } as Plugin
}
