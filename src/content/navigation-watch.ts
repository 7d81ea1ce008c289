/**
 * Notices single-page-app navigations. The page's history.pushState runs in the page's world, where a content
 * script cannot wrap it, so we watch what a navigation changes instead: the Navigation API's events where the
 * browser has them, popstate, and the document title. A change of location (ignoring the #fragment) is
 * reported once things settle.
 */

/** SPAs update the URL, then the title, then render: wait for the burst to end. */
const SETTLE_MS = 400

const withoutHash = (href: string): string => href.replace(/#.*$/, '')

export function watchNavigation(onNavigate: () => void, signal: AbortSignal): void {
  let last = withoutHash(location.href)
  let timer: number | undefined
  const check = (): void => {
    if (timer !== undefined) {
      clearTimeout(timer)
    }
    timer = window.setTimeout(() => {
      timer = undefined
      const now = withoutHash(location.href)
      if (now === last || signal.aborted) {
        return
      }
      last = now
      onNavigate()
    }, SETTLE_MS)
  }
  window.addEventListener('popstate', check, { signal })
  const nav = (globalThis as { navigation?: EventTarget }).navigation
  nav?.addEventListener('navigatesuccess', check, { signal })
  const head = document.head
  if (head) {
    const observer = new MutationObserver(check)
    // The title element's text, or a replaced title element.
    observer.observe(head, { childList: true })
    const title = head.querySelector('title')
    if (title) {
      observer.observe(title, { childList: true, characterData: true, subtree: true })
    }
    signal.addEventListener('abort', () => observer.disconnect())
  }
  signal.addEventListener('abort', () => {
    if (timer !== undefined) {
      clearTimeout(timer)
    }
  })
}
