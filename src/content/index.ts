/**
 * The every-page content script. It must cost next to nothing where it has nothing to do: it reads the
 * settings, takes a bounded sample of the page (prefilter.ts) and, only if the page says anything Kyrgyz,
 * loads the engine chunk (main.ts). Otherwise it changes nothing and waits: for a navigation, for text the
 * page adds later (a late title, a lazily loaded article, a single-page app rendering a new view) or for the
 * settings to change. Late text is checked in batches, reading only what was added and at most
 * PREFILTER_TEXT_BUDGET characters of it. It answers the popup until the engine takes over.
 */
import { mentionsKyrgyzstan } from '../core/prefilter.ts'
import { LAZY_CHUNK } from '../shared/lazy-chunk.ts'
import { guard, guardAsync } from '../shared/log.ts'
import type { PageStateReply } from '../shared/messages.ts'
import { isActiveOn, type Switches } from '../shared/switches.ts'
import { bridge, timed } from './bridge.ts'
import { answer, ext, loadSwitches, onSwitchesChanged } from './every-page-api.ts'
import { watchNavigation } from './navigation-watch.ts'
import { readAddedText, readPageSample } from './page-sample.ts'

/** Added text is checked this long after it arrives, in one batch with whatever else arrives meanwhile. */
const LATE_TEXT_DELAY_MS = 500
/** Past this many added nodes in one batch, the bounded page sample is read instead of each of them. */
const MAX_ADDED_NODES = 200

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
    await ext.runtime.sendMessage({ type: 'load-engine' })
  } else {
    await import(/* @vite-ignore */ ext.runtime.getURL(LAZY_CHUNK))
  }
}

async function boot(): Promise<void> {
  const shared = bridge()
  if (shared.booted) {
    return
  }
  shared.booted = true
  let settings: Switches = await loadSwitches()
  let watching: AbortController | undefined
  /** Set once the engine is asked for: from then on it does the watching. */
  let loading = false

  const active = (): boolean => !loading && !shared.engineLoaded && isActiveOn(settings, location.hostname)

  const load = (): void => {
    loading = true
    watching?.abort()
    watching = undefined
    void guardAsync('load', loadEngine)
  }

  /** The whole bounded sample: at start, after a navigation, and when a batch of late text was too big. */
  const check = (): void => {
    if (active() && timed('checkMs', () => mentionsKyrgyzstan(readPageSample(document, location.href)))) {
      load()
    }
  }

  /** Only what the page added since the last check (a new title among it: its text node is replaced). */
  const checkAdded = (nodes: Iterable<Node>): void => {
    if (active() && timed('checkMs', () => mentionsKyrgyzstan(readAddedText(nodes)))) {
      load()
    }
  }

  const watch = (): void => {
    if (watching || !active()) {
      return
    }
    watching = new AbortController()
    const { signal } = watching
    const navigation = watchNavigation(() => guard('check', check), signal)
    // A page still loading may get its article (and title) after document_idle.
    if (document.readyState !== 'complete') {
      window.addEventListener('load', () => guard('check', check), { once: true, signal })
    }
    let added = new Set<Node>()
    let overflow = false
    let timer: number | undefined
    const flush = (): void => {
      timer = undefined
      const nodes = added
      const full = overflow
      added = new Set()
      overflow = false
      if (full) {
        check()
      } else {
        checkAdded(nodes)
      }
    }
    const observer = new MutationObserver((records) =>
      guard('watch', () => {
        navigation.poke()
        for (const r of records) {
          if (overflow) {
            break
          }
          const nodes = r.type === 'characterData' ? [r.target] : r.addedNodes
          for (const n of nodes) {
            added.add(n)
          }
          overflow = added.size > MAX_ADDED_NODES
        }
        timer ??= window.setTimeout(() => guard('check', flush), LATE_TEXT_DELAY_MS)
      }),
    )
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true })
    signal.addEventListener('abort', () => {
      observer.disconnect()
      if (timer !== undefined) {
        clearTimeout(timer)
      }
      added = new Set()
    })
  }

  const unwatch = (): void => {
    watching?.abort()
    watching = undefined
  }

  onSwitchesChanged((next) =>
    guard('settings', () => {
      settings = next
      if (active()) {
        check()
        watch()
      } else {
        unwatch()
      }
    }),
  )

  // Until the engine is loaded, this script answers the popup; then the engine does.
  answer('get-page-state', () => {
    if (shared.engineLoaded) {
      return undefined
    }
    const reply: PageStateReply = {
      host: location.hostname,
      active: isActiveOn(settings, location.hostname),
      relevant: false,
      entities: [],
      ambiguous: 0,
      engine: false,
      timing: shared.timing,
    }
    return reply
  })

  guard('check', check)
  watch()
}

// The first run, until the script waits for the settings, is timed as `bootMs`.
void guardAsync('boot', () => timed('bootMs', boot))
