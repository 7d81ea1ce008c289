/**
 * The one element the extension adds to a page: a host for its UI, with an open shadow root that holds the
 * card and its styles. Created on first use, reused afterwards (also after an extension update re-injects
 * the script: an old host is adopted rather than duplicated), re-attached if the page removes it, and moved
 * into the fullscreen element while a page is fullscreen so cards stay visible.
 */
import { guard, logOnce } from '../shared/log.ts'
import cardCss from '../ui/card.css?inline'
import citationsCss from '../ui/citations.css?inline'

export const HOST_TAG = 'kyrgyzstan-context-ui'

export interface UiHost {
  host: HTMLElement
  root: ShadowRoot
  /** Where the card is rendered. */
  mount: HTMLElement
}

let current: UiHost | undefined
/** Set when this page will not let us have a host: the card renders nowhere rather than failing. */
let unavailable: UiHost | undefined

function place(host: HTMLElement): void {
  const parent = document.fullscreenElement ?? document.documentElement
  if (host.parentNode !== parent) {
    parent.appendChild(host)
  }
}

export function ensureUiHost(): UiHost {
  if (unavailable) {
    return unavailable
  }
  if (current && current.host.isConnected) {
    place(current.host)
    return current
  }
  for (const stale of document.querySelectorAll(HOST_TAG)) {
    stale.remove()
  }
  const host = document.createElement(HOST_TAG)
  let root: ShadowRoot
  try {
    root = host.attachShadow({ mode: 'open' })
  } catch (err) {
    // The page has defined a custom element with our name that refuses a shadow root (or made one itself).
    // Cards then render into a detached element: invisible, but the rest of the extension keeps working.
    logOnce('ui host', err)
    const detached = document.createElement('div')
    const detachedRoot = detached.attachShadow({ mode: 'open' })
    const detachedMount = document.createElement('div')
    detachedRoot.appendChild(detachedMount)
    unavailable = { host: detached, root: detachedRoot, mount: detachedMount }
    return unavailable
  }
  // Reset everything the page's stylesheets could give the element, and keep it out of the layout.
  host.style.setProperty('all', 'initial', 'important')
  host.style.setProperty('position', 'fixed', 'important')
  host.style.setProperty('top', '0', 'important')
  host.style.setProperty('left', '0', 'important')
  host.style.setProperty('width', '0', 'important')
  host.style.setProperty('height', '0', 'important')
  host.style.setProperty('z-index', '2147483647', 'important')
  // Containment makes the host a layout boundary: opening or moving a card relays out the card alone, not
  // the page (on a 2 MB article that is the difference between a few milliseconds and a hundred). Layout
  // containment also makes the host the containing block of the fixed-position card; the host sits at the
  // viewport's origin, so the card's coordinates stay viewport coordinates.
  host.style.setProperty('contain', 'layout style size', 'important')
  const style = document.createElement('style')
  // Text before insertion: Firefox applies the page's CSP to inline styles inserted with content
  // (bug 1706787), not to a style element that received its text while detached.
  style.textContent = `${cardCss}\n${citationsCss}`
  root.appendChild(style)
  const mount = document.createElement('div')
  root.appendChild(mount)
  place(host)
  current = { host, root, mount }
  return current
}

/** Re-parents the host when the page enters or leaves fullscreen. */
export function followFullscreen(signal: AbortSignal): void {
  document.addEventListener(
    'fullscreenchange',
    () =>
      guard('fullscreen', () => {
        if (current?.host.isConnected) {
          place(current.host)
        }
      }),
    { signal },
  )
}

export function removeUiHost(): void {
  current?.host.remove()
  current = undefined
  unavailable = undefined
}

export const isOurHost = (node: Node | null): boolean =>
  node !== null && node.nodeName.toLowerCase() === HOST_TAG
