/**
 * The one element the extension adds to a page: a host for its UI, with an open shadow root that holds the
 * card and its styles. Created on first use, reused afterwards (also after an extension update re-injects
 * the script: an old host is adopted rather than duplicated), re-attached if the page removes it, and moved
 * into the fullscreen element while a page is fullscreen so cards stay visible.
 */
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

function place(host: HTMLElement): void {
  const parent = document.fullscreenElement ?? document.documentElement
  if (host.parentNode !== parent) {
    parent.appendChild(host)
  }
}

export function ensureUiHost(): UiHost {
  if (current && current.host.isConnected) {
    place(current.host)
    return current
  }
  for (const stale of document.querySelectorAll(HOST_TAG)) {
    stale.remove()
  }
  const host = document.createElement(HOST_TAG)
  // Reset everything the page's stylesheets could give the element, and keep it out of the layout.
  host.style.setProperty('all', 'initial', 'important')
  host.style.setProperty('position', 'fixed', 'important')
  host.style.setProperty('top', '0', 'important')
  host.style.setProperty('left', '0', 'important')
  host.style.setProperty('width', '0', 'important')
  host.style.setProperty('height', '0', 'important')
  host.style.setProperty('z-index', '2147483647', 'important')
  const root = host.attachShadow({ mode: 'open' })
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
    () => {
      if (current?.host.isConnected) {
        place(current.host)
      }
    },
    { signal },
  )
}

export function removeUiHost(): void {
  current?.host.remove()
  current = undefined
}

export const isOurHost = (node: Node | null): boolean =>
  node !== null && node.nodeName.toLowerCase() === HOST_TAG
