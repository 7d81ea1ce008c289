import path from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import preact from '@preact/preset-vite'
import { crx } from '@crxjs/vite-plugin'
import manifest, { CONTENT_SCRIPTS, declareContentScripts } from './manifest.config.ts'
import { contentScripts } from './scripts/lib/content-scripts.ts'
import { polyfillAsEsm } from './scripts/lib/polyfill-esm.ts'
import { validateDataFiles } from './scripts/lib/validate-data.ts'

export type Target = 'chrome' | 'firefox'

/** The oldest browsers the manifest accepts (minimum_chrome_version, strict_min_version). */
const BUILD_TARGET = ['chrome128', 'firefox142']

/** Fails the build on a malformed data pack, naming the file, the JSON path and the problem. */
function validateData(): Plugin {
  return {
    name: 'kyrgyzstan-context:validate-data',
    buildStart() {
      // KC_DATA_DIR lets a test point the build at a deliberately broken copy of the data.
      const problems = validateDataFiles(path.resolve(process.env.KC_DATA_DIR ?? 'src/data'))
      if (problems.length > 0) {
        this.error(`Invalid data:\n${problems.join('\n')}`)
      }
    },
  }
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome'
  const outDir = `dist/${target}`
  const define = { __TARGET__: JSON.stringify(target) }
  return {
    plugins: [
      validateData(),
      polyfillAsEsm(),
      preact(),
      crx({ manifest, browser: target }),
      // Self-contained scripts: no loader, no web-accessible ES chunks for the every-page script.
      contentScripts({
        scripts: [CONTENT_SCRIPTS.everyPage, CONTENT_SCRIPTS.engine],
        declare: declareContentScripts(target),
        define,
        target: BUILD_TARGET,
        minify: process.env.KC_NO_MINIFY !== '1',
      }),
    ],
    define,
    build: {
      outDir,
      emptyOutDir: true,
      target: BUILD_TARGET,
      // Store reviewers read the code; readable output costs little since users download it once.
      minify: true,
      sourcemap: false,
      // Chrome and Firefox preload modules natively; Vite's polyfill would add a fetch() to the extension pages.
      modulePreload: { polyfill: false },
      // The popup's chunk carries the whole data (18 events, 103 entities, every source: ~1 MB minified). The
      // limit is meant for pages fetched over a network; an extension page reads its files from the package.
      chunkSizeWarningLimit: 1200,
    },
  }
})
