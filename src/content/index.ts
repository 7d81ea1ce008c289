/**
 * The every-page content script. It must cost next to nothing where it has nothing to do: it takes a bounded
 * sample of the page (prefilter.ts) and, only if the page says anything Kyrgyz, reads the on/off switches and
 * loads the engine chunk (main.ts). Otherwise it changes nothing, calls no extension API beyond registering
 * its answer to the popup, and waits: for a navigation, or for text the page adds later (a late title, a
 * lazily loaded article, a single-page app rendering a new view). Late text is checked in batches, reading
 * only what was added and at most PREFILTER_TEXT_BUDGET characters of it. It answers the popup until the
 * engine takes over.
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

function boot(): void {
  const shared = bridge()
  if (shared.booted) {
    return
  }
  shared.booted = true
  /**
   * The on/off switches, read the first time the page mentions Kyrgyzstan (or the popup asks): on an unrelated
   * page the script never calls an extension API beyond registering its answer to the popup.
   */
  let settings: Switches | undefined
  let reading: Promise<Switches> | undefined
  let watching: AbortController | undefined
  /** Set once the engine is asked for: from then on it does the watching. */
  let loading = false

  const host = (): string => location.hostname
  /** Whether there is anything left to watch for: no engine yet, and no switch known to keep it off here. */
  const active = (): boolean =>
    !loading && !shared.engineLoaded && (settings === undefined || isActiveOn(settings, host()))

  const switches = (): Promise<Switches> =>
    (reading ??= loadSwitches().then((read) => {
      settings = read
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
      return read
    }))

  const load = (): void => {
    loading = true
    unwatch()
    void guardAsync('load', loadEngine)
  }

  /** The page mentions Kyrgyzstan: the engine loads unless a switch keeps it off here. */
  const found = (): void => {
    if (settings === undefined) {
      void guardAsync('settings', () => switches().then(found))
    } else if (active()) {
      load()
    } else {
      unwatch()
    }
  }

  /** The whole bounded sample: at start, after a navigation, and when a batch of late text was too big. */
  const check = (): void => {
    if (active() && timed('checkMs', () => mentionsKyrgyzstan(readPageSample(document, document.URL)))) {
      found()
    }
  }

  /** Only what the page added since the last check (a new title among it: its text node is replaced). */
  const checkAdded = (nodes: Iterable<Node>): void => {
    if (active() && timed('checkMs', () => mentionsKyrgyzstan(readAddedText(nodes)))) {
      found()
    }
  }

  // Late text: a page still loading, a lazily loaded article, a single-page app rendering a new view.
  const watch = (): void => {
    if (watching || !active()) {
      return
    }
    watching = new AbortController()
    const { signal } = watching
    const navigation = watchNavigation(() => guard('check', check), signal)
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

  // Until the engine is loaded, this script answers the popup; then the engine does.
  answer('get-page-state', () => {
    if (shared.engineLoaded) {
      return undefined
    }
    return switches().then((known): PageStateReply => ({
      host: host(),
      active: isActiveOn(known, host()),
      relevant: false,
      entities: [],
      ambiguous: 0,
      engine: false,
      timing: shared.timing,
    }))
  })

  guard('check', check)
  watch()
}

// Everything the script does when the page loads is timed as `bootMs` (the check inside it as `checkMs`).
guard('boot', () => timed('bootMs', boot))
