/**
 * The every-page content script. It must cost next to nothing where it has nothing to do: it reads the
 * settings, takes a bounded sample of the page (prefilter.ts) and, only if the page says anything Kyrgyz,
 * loads the engine chunk (main.ts). Otherwise it changes nothing and waits for a navigation, a late title or
 * the settings to change. It answers the popup until the engine takes over.
 */
import browser from 'webextension-polyfill'
import { mentionsKyrgyzstan } from '../core/prefilter.ts'
import { LAZY_CHUNK } from '../shared/lazy-chunk.ts'
import { guard, guardAsync } from '../shared/log.ts'
import { parseMessage, type PageStateReply } from '../shared/messages.ts'
import { isActiveOn, type Settings } from '../shared/settings.ts'
import { loadSettings, onSettingsChanged } from '../shared/settings-store.ts'
import { bridge } from './bridge.ts'
import { watchNavigation } from './navigation-watch.ts'
import { readPageSample } from './page-sample.ts'

/**
 * Loads the engine chunk into this page's isolated world. Chrome: a dynamic import of the web-accessible chunk
 * behind a per-session URL (Chrome will not let the background inject without host permissions). Firefox: the
 * background injects it with scripting.executeScript (Firefox grants that on the pages where this script runs),
 * so the Firefox build needs no web-accessible resource at all. See docs/ARCHITECTURE.md.
 */
async function loadEngine(): Promise<void> {
  const shared = bridge()
  if (shared.engineLoaded) {
    return
  }
  if (__TARGET__ === 'firefox') {
    await browser.runtime.sendMessage({ type: 'load-engine' })
  } else {
    await import(/* @vite-ignore */ browser.runtime.getURL(LAZY_CHUNK))
  }
}

async function boot(): Promise<void> {
  const shared = bridge()
  if (shared.booted) {
    return
  }
  shared.booted = true
  let settings: Settings = await loadSettings()
  let watching: AbortController | undefined

  const check = (): void => {
    if (shared.engineLoaded || !isActiveOn(settings, location.hostname)) {
      return
    }
    if (mentionsKyrgyzstan(readPageSample(document, location.href))) {
      watching?.abort()
      void guardAsync('load', loadEngine)
    }
  }

  const watch = (): void => {
    if (watching || shared.engineLoaded) {
      return
    }
    watching = new AbortController()
    watchNavigation(() => guard('check', check), watching.signal)
    // A page still loading may get its article (and title) after document_idle.
    if (document.readyState !== 'complete') {
      window.addEventListener('load', () => guard('check', check), { once: true, signal: watching.signal })
    }
  }

  onSettingsChanged((next) => {
    settings = next
    if (!shared.engineLoaded) {
      guard('check', check)
    }
  })

  browser.runtime.onMessage.addListener((raw: unknown) => {
    // Once the engine is loaded, it answers.
    if (shared.engineLoaded || parseMessage(raw)?.type !== 'get-page-state') {
      return undefined
    }
    const reply: PageStateReply = {
      host: location.hostname,
      active: isActiveOn(settings, location.hostname),
      relevant: false,
      entities: [],
      ambiguous: 0,
    }
    return Promise.resolve(reply)
  })

  guard('check', check)
  watch()
}

void guardAsync('boot', boot)
