import fs from 'node:fs'
import path from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import preact from '@preact/preset-vite'
import { crx } from '@crxjs/vite-plugin'
import manifest from './manifest.config.ts'
import { validateDataFiles } from './scripts/lib/validate-data.ts'

export type Target = 'chrome' | 'firefox'

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

/**
 * crxjs builds a `?script` import twice: as the IIFE it registers and as an intermediate ES chunk that nothing
 * references (documented in its plugin-contentScripts_iife). Drop the orphan so the package holds only what runs.
 */
function dropOrphanChunks(outDir: string): Plugin {
  return {
    name: 'kyrgyzstan-context:drop-orphans',
    apply: 'build',
    closeBundle() {
      const assets = path.join(outDir, 'assets')
      if (!fs.existsSync(assets)) {
        return
      }
      const referenced = fs
        .readdirSync(outDir, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(js|html|json)$/.test(f) && !f.startsWith('assets/main.ts-'))
        .map((f) => fs.readFileSync(path.join(outDir, f), 'utf8'))
        .join('\n')
      for (const file of fs.readdirSync(assets)) {
        if (file.startsWith('main.ts-') && !referenced.includes(file)) {
          fs.rmSync(path.join(assets, file))
        }
      }
    },
  }
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome'
  const outDir = `dist/${target}`
  return {
    plugins: [
      validateData(),
      preact(),
      crx({
        manifest,
        browser: target,
        // Self-contained IIFEs: no loader, no web-accessible ES chunks for the every-page script.
        contentScripts: { standaloneFiles: ['src/content/index.ts', 'src/content/main.ts'] },
      }),
      dropOrphanChunks(outDir),
    ],
    define: { __TARGET__: JSON.stringify(target) },
    build: {
      outDir,
      emptyOutDir: true,
      target: ['chrome128', 'firefox142'],
      // Store reviewers read the code; readable output costs little since users download it once.
      minify: true,
      sourcemap: false,
      chunkSizeWarningLimit: 200,
    },
  }
})
