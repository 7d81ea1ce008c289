/**
 * Functions evaluated inside test pages. They run in the page's own world, as a page script would: what they
 * see (CSS.highlights, the UI host's open shadow root) is what a page can see.
 */

export const HOST = 'kyrgyzstan-context-ui'

/** Our CSS.highlights entries and how many ranges each holds. */
export function highlightEntries(): Record<string, number> {
  const out: Record<string, number> = {}
  CSS.highlights.forEach((h, name) => {
    if (name.startsWith('kyrgyzstan-context')) {
      out[name] = h.size
    }
  })
  return out
}

/** The texts of all highlighted ranges under our entries, in no particular order. */
export function highlightedTexts(): string[] {
  const out: string[] = []
  CSS.highlights.forEach((h, name) => {
    if (!name.startsWith('kyrgyzstan-context') || name === 'kyrgyzstan-context-focus') {
      return
    }
    h.forEach((r) => {
      // StaticRange (what the extension registers) has no text of its own: read it through a live Range.
      const range = document.createRange()
      try {
        range.setStart(r.startContainer, r.startOffset)
        range.setEnd(r.endContainer, r.endOffset)
        out.push(range.toString())
      } catch {
        out.push('') // offsets past the end of text the page shortened
      }
    })
  })
  return out
}

/** The centre of the `occurrence`-th appearance of `word` in the page's text (0-based), scrolled into view. */
export function wordCenter(args: {
  word: string
  occurrence?: number
  root?: string
}): { x: number; y: number } | null {
  const root = args.root ? document.querySelector(args.root) : document.body
  if (!root) {
    return null
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  let seen = 0
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n as Text).data
    let i = text.indexOf(args.word)
    while (i >= 0) {
      if (seen === (args.occurrence ?? 0)) {
        const range = document.createRange()
        range.setStart(n, i)
        range.setEnd(n, i + args.word.length)
        const el = n.parentElement
        el?.scrollIntoView({ block: 'center', behavior: 'instant' })
        const r = range.getClientRects()[0]
        return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null
      }
      seen++
      i = text.indexOf(args.word, i + 1)
    }
  }
  return null
}

/** The open card: its entity, text, and box; null when no card is shown. */
export function openCard(): {
  entity: string
  text: string
  heading: string
  rect: { left: number; top: number; right: number; bottom: number }
  focused: boolean
} | null {
  const host = document.querySelector('kyrgyzstan-context-ui')
  const card = host?.shadowRoot?.querySelector<HTMLElement>('[data-testid="mention-card"]')
  if (!card) {
    return null
  }
  const r = card.getBoundingClientRect()
  return {
    entity: card.dataset.entity ?? '',
    text: card.textContent ?? '',
    heading: card.querySelector('h2')?.textContent ?? '',
    rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
    focused: host?.shadowRoot?.activeElement !== null && host?.shadowRoot?.activeElement !== undefined,
  }
}

/**
 * The card built ahead of the hover intent while it is still hidden (null when there is none): how it is
 * hidden, and whether it carries the probe attribute a test put on it.
 */
export function preparedCard(): {
  visibility: string
  pointerEvents: string
  ariaHidden: string | null
  testId: string | null
} | null {
  const card = document
    .querySelector('kyrgyzstan-context-ui')
    ?.shadowRoot?.querySelector<HTMLElement>('.card.prepared')
  if (!card) {
    return null
  }
  const style = getComputedStyle(card)
  return {
    visibility: style.visibility,
    pointerEvents: style.pointerEvents,
    ariaHidden: card.getAttribute('aria-hidden'),
    testId: card.getAttribute('data-testid'),
  }
}

/** The page's DOM as a string, without our UI host: to prove the page itself was not changed. */
export function pageSnapshot(): string {
  const clone = document.documentElement.cloneNode(true) as HTMLElement
  clone.querySelectorAll('kyrgyzstan-context-ui').forEach((e) => e.remove())
  return clone.outerHTML
}

export function hostCount(): number {
  return document.querySelectorAll('kyrgyzstan-context-ui').length
}

/** Truthy once at least one of our highlight entries holds a range. */
export function hasHighlights(): boolean {
  let found = false
  CSS.highlights.forEach((h, name) => {
    if (name.startsWith('kyrgyzstan-context') && h.size > 0) {
      found = true
    }
  })
  return found
}

/** The popup's sections as text, once they are rendered. */
export function popupTexts(): { summary: string; entities: string } | null {
  const summary = document.querySelector('[data-testid="event-summary"]')?.textContent
  const entities = document.querySelector('[data-testid="page-entities"]')?.textContent
  return summary && entities ? { summary, entities } : null
}

/** Where keyboard focus is, as seen from the card's shadow root. */
export function cardFocus(): { inCard: boolean; onCard: boolean; label: string } {
  const root = document.querySelector('kyrgyzstan-context-ui')?.shadowRoot
  const active = root?.activeElement as HTMLElement | null | undefined
  const card = root?.querySelector('[data-testid="mention-card"]')
  return {
    inCard: Boolean(active && card?.contains(active)),
    onCard: Boolean(active && active === card),
    label: active?.getAttribute('aria-label') ?? active?.textContent?.slice(0, 40) ?? '',
  }
}

/** The extension API as an extension page sees it (types only: erased before the function runs in the page). */
interface ExtensionApi {
  tabs: {
    getCurrent(): Promise<{ id?: number } | undefined>
    query(q: object): Promise<{ id?: number; lastAccessed?: number }[]>
    sendMessage(id: number, m: unknown): Promise<unknown>
  }
  action: { getBadgeText(d: { tabId?: number }): Promise<string> }
}

/** From an extension page: sends a message to the tab used before this one (the page under test). */
export async function sendToPreviousTab(message: unknown): Promise<unknown> {
  const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi }
  const api = (g.browser ?? g.chrome) as ExtensionApi
  const self = await api.tabs.getCurrent()
  const tabs = await api.tabs.query({})
  const target = tabs
    .filter((t) => t.id !== self?.id)
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0]
  if (target?.id === undefined) {
    throw new Error('no tab')
  }
  return api.tabs.sendMessage(target.id, message)
}

/** From an extension page: the badge text of the tab used before this one. */
export async function badgeOfPreviousTab(): Promise<string> {
  const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi }
  const api = (g.browser ?? g.chrome) as ExtensionApi
  const self = await api.tabs.getCurrent()
  const tabs = await api.tabs.query({})
  const target = tabs
    .filter((t) => t.id !== self?.id)
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0]
  return api.action.getBadgeText({ tabId: target?.id })
}

/** Runs axe-core (injected beforehand) and returns its violations. */
export async function axeViolations(
  context: unknown,
): Promise<{ id: string; impact: string; targets: string[] }[]> {
  const axe = (
    globalThis as unknown as {
      axe: {
        run: (
          c: unknown,
          o: unknown,
        ) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[] }>
      }
    }
  ).axe
  const result = await axe.run(context, { resultTypes: ['violations'] })
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    targets: v.nodes.map((n) => JSON.stringify(n.target)),
  }))
}

/** Truthy once no card is shown. */
export function cardClosed(): boolean {
  return !document
    .querySelector('kyrgyzstan-context-ui')
    ?.shadowRoot?.querySelector('[data-testid="mention-card"]')
}
