/**
 * The page's readable text as one string, with a map back to its text nodes.
 *
 * The core works on strings; highlights need Ranges. Flattening walks the text nodes once (a TreeWalker, the
 * cheapest way to read a DOM's text), skips what is not reading text (scripts, form fields, editors, code,
 * hidden subtrees, our own UI), puts a line break between blocks so names never run across paragraphs, and
 * records where each node starts. `rangeFor` turns string offsets back into a Range by binary search.
 *
 * Per-element answers ("is this inside an editor?", "which block is this in?") are memoised, so a 10,000-deep
 * tree costs one step per element rather than one walk to the root per text node.
 */

/** NodeFilter.SHOW_TEXT, spelled out so this file also runs in Node with jsdom (the `analyze` command). */
const SHOW_TEXT = 0x4

/** Subtrees that are never scanned or highlighted. */
export const SKIP_SELECTOR = [
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'video',
  'audio',
  '[hidden]',
  '[aria-hidden="true"]',
  // Anything the user can type into. `contenteditable="false"` islands inside an editor stay skipped
  // because their editable ancestor is.
  '[contenteditable]:not([contenteditable="false"])',
  'kyrgyzstan-context-ui',
].join(',')

/** Elements that start a new line of text: a name never continues across them. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'BR',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'HTML',
  'LEGEND',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
])

export interface FlatText {
  text: string
  nodes: Text[]
  /** `starts[i]` is the offset of `nodes[i]` in `text`. */
  starts: number[]
}

interface ElementFacts {
  scannable: boolean
  block: Element
}

export interface FlattenOptions {
  /** Stop after this many characters (the rest of the page is not read). */
  maxChars?: number
  /** Whether an element is rendered (checkVisibility); omitted in environments without layout. */
  isVisible?: (block: Element) => boolean
}

/** Memoised facts about elements, kept for the lifetime of a page so rescans of changed subtrees are cheap. */
export class ElementCache {
  #facts = new WeakMap<Element, ElementFacts>()

  facts(el: Element, isVisible?: (block: Element) => boolean): ElementFacts {
    const known = this.#facts.get(el)
    if (known) {
      return known
    }
    // Collect the unknown ancestors, then fill them in from the top down.
    const chain: Element[] = []
    let cur: Element | null = el
    let base: ElementFacts | undefined
    while (cur) {
      const f = this.#facts.get(cur)
      if (f) {
        base = f
        break
      }
      chain.push(cur)
      cur = cur.parentElement
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const node = chain[i]
      if (!node) {
        continue
      }
      const isBlock = BLOCK_TAGS.has(node.tagName) || base === undefined
      let scannable = (base?.scannable ?? true) && !node.matches(SKIP_SELECTOR)
      // Inline elements too: a `display: none` or `visibility: hidden` span hides its text as well as a div.
      if (scannable && isVisible && !isVisible(node)) {
        scannable = false
      }
      const facts: ElementFacts = { scannable, block: isBlock ? node : (base?.block ?? node) }
      this.#facts.set(node, facts)
      base = facts
    }
    return base ?? { scannable: false, block: el }
  }

  /** Whether an element has memoised answers (it was seen before: a page moving it makes them stale). */
  knows(el: Element): boolean {
    return this.#facts.has(el)
  }

  /** Forget an element (and so its subtree's answers are recomputed): used when attributes change. */
  forget(el: Element): void {
    this.#facts.delete(el)
  }

  clear(): void {
    this.#facts = new WeakMap()
  }
}

/** Flattens the text under `root`. */
export function flattenText(root: Node, cache = new ElementCache(), options: FlattenOptions = {}): FlatText {
  const doc = root.ownerDocument ?? (root as Document)
  const walker = doc.createTreeWalker(root, SHOW_TEXT)
  const parts: string[] = []
  const nodes: Text[] = []
  const starts: number[] = []
  const maxChars = options.maxChars ?? Infinity
  let offset = 0
  let lastParent: Node | null = null
  let lastFacts: ElementFacts | undefined
  let lastBlock: Element | undefined
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentNode
    if (parent !== lastParent) {
      lastParent = parent
      lastFacts = parent?.nodeType === 1 ? cache.facts(parent as Element, options.isVisible) : undefined
    }
    if (!lastFacts?.scannable) {
      continue
    }
    const data = (node as Text).data
    if (data.length === 0) {
      continue
    }
    if (lastFacts.block !== lastBlock) {
      if (offset > 0) {
        parts.push('\n')
        offset += 1
      }
      lastBlock = lastFacts.block
    }
    nodes.push(node as Text)
    starts.push(offset)
    parts.push(data)
    offset += data.length
    if (offset >= maxChars) {
      break
    }
  }
  return { text: parts.join(''), nodes, starts }
}

/** The index of the node containing `offset` (the last node starting at or before it). */
export function nodeIndexAt(flat: FlatText, offset: number): number {
  let lo = 0
  let hi = flat.starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((flat.starts[mid] ?? 0) <= offset) {
      lo = mid
    } else {
      hi = mid - 1
    }
  }
  return lo
}

/** A Range over `text[start, end)`, or undefined if the text nodes changed since flattening. */
export function rangeFor(flat: FlatText, start: number, end: number): Range | undefined {
  const a = nodeIndexAt(flat, start)
  const b = nodeIndexAt(flat, end - 1)
  const startNode = flat.nodes[a]
  const endNode = flat.nodes[b]
  if (!startNode || !endNode) {
    return undefined
  }
  const startOffset = start - (flat.starts[a] ?? 0)
  const endOffset = end - (flat.starts[b] ?? 0)
  if (startOffset > startNode.length || endOffset > endNode.length || startOffset < 0 || endOffset < 1) {
    return undefined
  }
  const range = startNode.ownerDocument.createRange()
  range.setStart(startNode, startOffset)
  range.setEnd(endNode, endOffset)
  return range
}
