/**
 * More functions evaluated inside test pages, for the "never breaks a page" suites. Like page-helpers.ts they
 * run in the page's own world and must be self-contained (vitest rewrites references to imports and module
 * values). They also avoid the globals that test/fixtures/hostile-globals.html replaces (Array.prototype.map,
 * filter and some, Map, Set, WeakMap, Promise, JSON, matches/closest, contains), so they work there too.
 */

export interface HighlightedRange {
  entry: string
  text: string
  /** The `data-zone` of the nearest ancestor that has one, else the nearest id, else ''. */
  zone: string
}

export interface HighlightReport {
  /** Our CSS.highlights entries and how many ranges each holds (stale ones included). */
  entries: Record<string, number>
  /** Ranges whose text is in the document and not collapsed. */
  live: HighlightedRange[]
  /** Ranges left behind on removed or emptied text. */
  stale: number
  /** Live ranges that overlap another live range (the same text highlighted twice). */
  duplicates: number
}

/** Everything about our highlights a test asserts on (the focus entry is left out: it repeats a mention). */
export function highlightReport(): HighlightReport {
  const entries: Record<string, number> = {}
  const live: HighlightedRange[] = []
  const ranges: Range[] = []
  let stale = 0
  const zoneOf = (node: Node): string => {
    let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement
    let id = ''
    while (el) {
      const zone = el.getAttribute('data-zone')
      if (zone !== null) {
        return zone
      }
      if (id === '' && el.id) {
        id = el.id
      }
      el = el.parentElement
    }
    return id
  }
  CSS.highlights.forEach((h, name) => {
    if (!name.startsWith('kyrgyzstan-context')) {
      return
    }
    entries[name] = h.size
    if (name === 'kyrgyzstan-context-focus') {
      return
    }
    h.forEach((r) => {
      // The extension registers StaticRanges: made live here to read their text and compare them.
      let range: Range | null = document.createRange()
      try {
        range.setStart(r.startContainer, r.startOffset)
        range.setEnd(r.endContainer, r.endOffset)
      } catch {
        range = null // offsets past the end of text the page shortened
      }
      if (!range || !r.startContainer.isConnected || !r.endContainer.isConnected || range.collapsed) {
        stale++
        return
      }
      ranges.push(range)
      live.push({ entry: name, text: range.toString(), zone: zoneOf(range.startContainer) })
    })
  })
  const sorted = ranges.slice().sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
  let duplicates = 0
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as Range
    const cur = sorted[i] as Range
    const inside = prev.comparePoint(cur.startContainer, cur.startOffset) === 0
    const atEnd = cur.startContainer === prev.endContainer && cur.startOffset === prev.endOffset
    if (inside && !atEnd) {
      duplicates++
    }
  }
  return { entries, live, stale, duplicates }
}

/**
 * A fingerprint of the page's DOM without our UI host: every node's type, name, attributes and text, and
 * the tree's shape, hashed (FNV-1a). Iterative, so a 10,000-deep page is fine. Elements matching `mask` count
 * with their tag only, without attributes or content (regions the page itself keeps changing). The content
 * of <noscript> is left out too: a document parsed with scripting off (DOMParser) reads it differently.
 * With `html`, the fingerprint is of that markup parsed by DOMParser: the page as served, before any script
 * (ours included) ran. With `frame`, of the document in that iframe.
 */
export function domFingerprint(args?: { mask?: string; html?: string; frame?: string }): {
  hash: string
  nodes: number
  text: number
} {
  const frame = args?.frame ? document.querySelector<HTMLIFrameElement>(args.frame) : null
  const doc =
    args?.html !== undefined
      ? new DOMParser().parseFromString(args.html, 'text/html')
      : frame
        ? (frame.contentDocument as Document)
        : document
  let hash = 0x811c9dc5
  let nodes = 0
  let text = 0
  const feed = (s: string): void => {
    for (let i = 0; i < s.length; i++) {
      hash ^= s.charCodeAt(i)
      hash = Math.imul(hash, 0x01000193) >>> 0
    }
    hash ^= 0x1f
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  const root = doc.documentElement
  let node: Node | null = root
  let depth = 0
  while (node) {
    let skipChildren = false
    if (node.nodeType === 1) {
      const el = node as Element
      if (el.nodeName === 'KYRGYZSTAN-CONTEXT-UI') {
        skipChildren = true
      } else {
        nodes++
        feed(`<${depth}:${el.nodeName}`)
        const masked = args?.mask !== undefined && el.matches(args.mask)
        for (let i = 0; i < el.attributes.length && !masked; i++) {
          const a = el.attributes[i] as Attr
          feed(`@${a.name}=${a.value}`)
        }
        skipChildren = masked || el.nodeName === 'NOSCRIPT'
      }
    } else {
      nodes++
      const data = (node as CharacterData).data ?? ''
      text += data.length
      feed(`#${depth}:${node.nodeType}:${data}`)
    }
    if (!skipChildren && node.firstChild) {
      node = node.firstChild
      depth++
      continue
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode
      depth--
    }
    node = node && node !== root ? node.nextSibling : null
  }
  return { hash: hash.toString(16), nodes, text }
}

/** Form values, the focused element and the selection: what a user has typed and where the caret is. */
export function formAndSelectionState(): {
  values: string[]
  active: string
  caret: [number | null, number | null] | null
  selection: { anchor: string; anchorOffset: number; focus: string; focusOffset: number; text: string } | null
} {
  const describe = (n: Node | null): string => {
    if (!n) {
      return ''
    }
    const path: number[] = []
    let cur: Node | null = n
    while (cur && cur.parentNode) {
      let i = 0
      for (let s = cur.previousSibling; s; s = s.previousSibling) {
        i++
      }
      path.push(i)
      cur = cur.parentNode
    }
    return `${n.nodeName}/${path.reverse().join('.')}`
  }
  const values: string[] = []
  const fields = document.querySelectorAll('input, textarea, select')
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as HTMLInputElement
    values.push(`${f.id || f.nodeName}=${f.value}`)
  }
  const active = document.activeElement
  const field = active as HTMLInputElement | null
  const caret =
    field && (field.nodeName === 'INPUT' || field.nodeName === 'TEXTAREA')
      ? ([field.selectionStart, field.selectionEnd] as [number | null, number | null])
      : null
  const sel = document.getSelection()
  return {
    values,
    active: active ? `${active.nodeName}#${active.id}` : '',
    caret,
    selection:
      sel && sel.rangeCount > 0
        ? {
            anchor: describe(sel.anchorNode),
            anchorOffset: sel.anchorOffset,
            focus: describe(sel.focusNode),
            focusOffset: sel.focusOffset,
            text: sel.toString(),
          }
        : null,
  }
}

/** The centre of an element, scrolled into view. */
export function elementCenter(selector: string): { x: number; y: number } | null {
  const el = document.querySelector(selector)
  if (!el) {
    return null
  }
  el.scrollIntoView({ block: 'center', behavior: 'instant' })
  const r = el.getBoundingClientRect()
  return { x: r.left + Math.min(r.width / 2, 40), y: r.top + r.height / 2 }
}

/** Puts the caret at the end of a field or an editor, as pressing Ctrl+End would. */
export function caretToEnd(selector: string): boolean {
  const el = document.querySelector<HTMLElement>(selector)
  if (!el) {
    return false
  }
  if (el.nodeName === 'INPUT' || el.nodeName === 'TEXTAREA') {
    const f = el as HTMLInputElement
    f.setSelectionRange(f.value.length, f.value.length)
    return document.activeElement === el
  }
  const sel = document.getSelection()
  if (!sel) {
    return false
  }
  let last: Node = el
  while (last.lastChild) {
    last = last.lastChild
  }
  const offset = last.nodeType === 3 ? (last as Text).length : 0
  sel.collapse(last, offset)
  return el.contains(sel.anchorNode)
}

/** Selects the text of `word` (its first occurrence under `root`), as a reader dragging over it would. */
export function selectWord(args: { root: string; word: string }): string {
  const root = document.querySelector(args.root)
  if (!root) {
    return ''
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = (n as Text).data.indexOf(args.word)
    if (i >= 0) {
      const sel = document.getSelection()
      if (!sel) {
        return ''
      }
      sel.setBaseAndExtent(n, i, n, i + args.word.length)
      return sel.toString()
    }
  }
  return ''
}

/** Changes the page the way its own scripts would: adds a paragraph to `parent`. */
export function appendParagraph(args: { parent: string; text: string; id?: string }): boolean {
  const parent = document.querySelector(args.parent)
  if (!parent) {
    return false
  }
  const p = document.createElement('p')
  p.textContent = args.text
  if (args.id) {
    p.id = args.id
  }
  parent.appendChild(p)
  return true
}

/** The DOM changes dom-watch.js saw that the page did not make itself. */
export function foreignMutations(): string[] {
  return ((window as unknown as { __foreignMutations?: string[] }).__foreignMutations ?? []).slice()
}

/** What the extension has left in the page: our highlight entries (with any ranges) and UI hosts. */
export function extensionTraces(): { entries: number; ranges: number; hosts: number } {
  let entries = 0
  let ranges = 0
  CSS.highlights.forEach((h, name) => {
    if (name.startsWith('kyrgyzstan-context')) {
      entries++
      ranges += h.size
    }
  })
  return { entries, ranges, hosts: document.querySelectorAll('kyrgyzstan-context-ui').length }
}

/** Live highlighted ranges that start inside the first element matching `selector`. */
export function highlightsIn(selector: string): string[] {
  const root = document.querySelector(selector)
  const out: string[] = []
  if (!root) {
    return out
  }
  CSS.highlights.forEach((h, name) => {
    if (!name.startsWith('kyrgyzstan-context') || name === 'kyrgyzstan-context-focus') {
      return
    }
    h.forEach((r) => {
      if (!r.startContainer.isConnected || r.collapsed || !root.contains(r.startContainer)) {
        return
      }
      // StaticRange (what the extension registers) has no text of its own: read it through a live Range.
      const range = document.createRange()
      try {
        range.setStart(r.startContainer, r.startOffset)
        range.setEnd(r.endContainer, r.endOffset)
        out.push(range.toString())
      } catch {
        // offsets past the end of text the page shortened: stale, not a highlight
      }
    })
  })
  return out
}

/** How often `word` occurs in the text of the elements matching `selector`. */
export function countOccurrences(args: { selector: string; word: string }): number {
  let n = 0
  const els = document.querySelectorAll(args.selector)
  for (let i = 0; i < els.length; i++) {
    const text = els[i]?.textContent ?? ''
    for (let at = text.indexOf(args.word); at >= 0; at = text.indexOf(args.word, at + 1)) {
      n++
    }
  }
  return n
}

/** Whether the caret is collapsed at the very end of the element (a field or an editor) and it has focus. */
export function caretAtEnd(selector: string): boolean {
  const el = document.querySelector<HTMLElement>(selector)
  if (!el || document.activeElement !== el) {
    return false
  }
  if (el.nodeName === 'INPUT' || el.nodeName === 'TEXTAREA') {
    const f = el as HTMLInputElement
    return f.selectionStart === f.value.length && f.selectionEnd === f.value.length
  }
  const sel = document.getSelection()
  if (!sel || sel.rangeCount === 0 || !sel.isCollapsed) {
    return false
  }
  const rest = document.createRange()
  rest.setStart(sel.anchorNode as Node, sel.anchorOffset)
  rest.setEnd(el, el.childNodes.length)
  return el.contains(sel.anchorNode) && rest.toString().trim() === ''
}

/** The open card's applied styles: proof its stylesheet reached the shadow root (strict CSP). */
export function cardStyle(): { position: string; background: string; theme: string } | null {
  const card = document
    .querySelector('kyrgyzstan-context-ui')
    ?.shadowRoot?.querySelector<HTMLElement>('[data-testid="mention-card"]')
  if (!card) {
    return null
  }
  const style = getComputedStyle(card)
  return { position: style.position, background: style.backgroundColor, theme: card.dataset.theme ?? '' }
}

/** Our highlight entries in the document of an iframe (its own CSS.highlights registry) and hosts in it. */
export function frameTraces(selector: string): { entries: number; hosts: number; text: string } | null {
  const frame = document.querySelector<HTMLIFrameElement>(selector)
  const win = frame?.contentWindow as (Window & typeof globalThis) | null | undefined
  const doc = frame?.contentDocument
  if (!win || !doc || doc.readyState !== 'complete') {
    return null
  }
  let entries = 0
  win.CSS.highlights.forEach((_h, name) => {
    if (name.startsWith('kyrgyzstan-context')) {
      entries++
    }
  })
  return {
    entries,
    hosts: doc.querySelectorAll('kyrgyzstan-context-ui').length,
    text: doc.body?.textContent ?? '',
  }
}
