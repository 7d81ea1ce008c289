/**
 * Notices single-page-app navigations. The page's history.pushState runs in the page's world, where a content
 * script cannot wrap it, so we watch what a navigation changes instead: popstate, the Navigation API's events
 * where the browser has them, and, through `poke()`, the DOM changes an app makes when it renders the new
 * view (the caller's one MutationObserver calls it, so this module adds no observer of its own). A change of
 * location (ignoring the #fragment) is reported once things settle.
 */

/** SPAs update the URL, then the title, then render: wait for the burst to end. */
const SETTLE_MS = 400

/**
 * The page's address without its #fragment. Read from document.URL rather than location.href: the same
 * address (pushState changes both), and reading it does not set up the Location object in the extension's
 * world, which costs the every-page script a little.
 */
const currentAddress = (): string => document.URL.replace(/#.*$/, '')

export interface NavigationWatch {
  /** The page changed: report a location change that no event announced. Cheap enough for every mutation. */
  poke(): void
}

export function watchNavigation(onNavigate: () => void, signal: AbortSignal): NavigationWatch {
  let last = currentAddress()
  let timer: number | undefined
  const settle = (restart: boolean): void => {
    if (signal.aborted) {
      return
    }
    if (timer !== undefined) {
      if (!restart) {
        return
      }
      clearTimeout(timer)
    }
    timer = window.setTimeout(() => {
      timer = undefined
      const now = currentAddress()
      if (now === last || signal.aborted) {
        return
      }
      last = now
      onNavigate()
    }, SETTLE_MS)
  }
  const onEvent = (): void => settle(true)
  window.addEventListener('popstate', onEvent, { signal })
  const nav = (globalThis as { navigation?: EventTarget }).navigation
  nav?.addEventListener('navigatesuccess', onEvent, { signal })
  nav?.addEventListener('currententrychange', onEvent, { signal })
  signal.addEventListener('abort', () => {
    if (timer !== undefined) {
      clearTimeout(timer)
    }
    timer = undefined
  })
  return {
    // A page that mutates all the time must not postpone the report forever: a poke never restarts the wait.
    poke: () => {
      if (timer === undefined && !signal.aborted && currentAddress() !== last) {
        settle(false)
      }
    },
  }
}
