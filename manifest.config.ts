import { defineManifest } from '@crxjs/vite-plugin'
import pkg from './package.json' with { type: 'json' }
import { LAZY_CHUNK } from './src/shared/lazy-chunk.ts'
import type { ContentScript, Manifest } from './scripts/lib/content-scripts.ts'

/** The Firefox add-on id. Fixed: AMO signing and stored settings are keyed by it. */
export const GECKO_ID = 'kyrgyzstan-context@kyrgyzstan-context.org'

const PAGES = ['http://*/*', 'https://*/*']

/** The content scripts, built as standalone scripts by scripts/lib/content-scripts.ts. */
export const CONTENT_SCRIPTS: Record<'everyPage' | 'engine', ContentScript> = {
  /** Runs on every page: the small bounded check. */
  everyPage: { entry: 'src/content/index.ts', file: 'src/content/index.js' },
  /** Loaded on demand from the every-page script when a page looks like coverage; its first scan runs most of it. */
  engine: { entry: 'src/content/main.ts', file: LAZY_CHUNK, allFunctionsCalledOnLoad: true },
}

/**
 * The content script entries of the manifest. In Chrome the lazily loaded engine chunk is web-accessible (the
 * only way to load code on demand there without host permissions, see docs/ARCHITECTURE.md), behind
 * `use_dynamic_url` so pages cannot probe a fixed URL to fingerprint the extension.
 */
export const declareContentScripts =
  (target: 'chrome' | 'firefox') =>
  (manifest: Manifest): Manifest => ({
    ...manifest,
    content_scripts: [
      {
        matches: PAGES,
        js: [CONTENT_SCRIPTS.everyPage.file],
        css: ['src/content/highlights.css'],
        run_at: 'document_idle',
      },
    ],
    // Firefox injects the engine from the background instead (scripting), so it exposes nothing to pages.
    ...(target === 'chrome'
      ? {
          web_accessible_resources: [
            { matches: PAGES, resources: [CONTENT_SCRIPTS.engine.file], use_dynamic_url: true },
          ],
        }
      : {}),
  })

/**
 * One manifest source for both browsers. The differences are capabilities, each with its reason:
 * - Chrome runs the background as a service worker; Firefox MV3 has no service workers for extensions
 *   (bug 1573659) and takes `background.scripts`.
 * - Firefox needs a gecko id for MV3 signing, and AMO requires `data_collection_permissions` (since
 *   2025-11-03). 142.0 is the first version where that key is understood on desktop and Android, which also
 *   keeps `web-ext lint` free of min-version warnings.
 * - Content scripts and the web-accessible engine chunk: see declareContentScripts above.
 */
export default defineManifest(({ mode }) => {
  const firefox = mode === 'firefox'
  return {
    manifest_version: 3,
    name: '__MSG_extName__',
    version: pkg.version,
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons: {
      16: 'assets/icons/icon-16.png',
      32: 'assets/icons/icon-32.png',
      48: 'assets/icons/icon-48.png',
      128: 'assets/icons/icon-128.png',
    },
    action: {
      default_popup: 'src/popup/index.html',
      default_title: '__MSG_actionTitle__',
      default_icon: {
        16: 'assets/icons/icon-16.png',
        32: 'assets/icons/icon-32.png',
      },
    },
    options_ui: { page: 'src/options/index.html', open_in_tab: true },
    background: firefox
      ? { scripts: ['src/background/index.ts'] }
      : { service_worker: 'src/background/index.ts', type: 'module' },
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandNextMention__',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_commandPreviousMention__',
      },
    },
    // Firefox: `scripting` loads the engine chunk into coverage pages (see src/content/index.ts).
    permissions: firefox ? ['storage', 'scripting'] : ['storage'],
    ...(firefox
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '128' }),
  }
})
