/**
 * The page's readable text as one string, with a map back to its text nodes.
 *
 * The core works on strings; highlights need Ranges. Flattening walks the text nodes once (a TreeWalker, the
 * cheapest way to read a DOM's text), skips what is not reading text (scripts, form fields, editors, code,
 * hidden subtrees, our own UI), puts a line break between blocks so names never run across paragraphs, and
 * records where each node starts. `rangeFor` turns string offsets back into a range by binary search.
 *
 * Per-element answers ("is this inside an editor?", "which block is this in?") are memoised, so a 10,000-deep
 * tree costs one step per element rather than one walk to the root per text node.
 */

/** NodeFilter.SHOW_TEXT, spelled out so this file also runs in Node with jsdom (the `analyze` command). */
const SHOW_TEXT = 0x4

/** Elements whose subtrees are never scanned or highlighted (by local name). */
const SKIP_TAGS = new Set([
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
  'kyrgyzstan-context-ui',
])

/**
 * Whether an element's subtree is never read: the tags above, hidden subtrees (`hidden`,
 * `aria-hidden="true"`), and anything the user can type into (a `contenteditable` other than "false";
 * `contenteditable="false"` islands inside an editor stay skipped because their editor is). Written as tag
 * and attribute checks rather than a selector: it runs for every element of the page.
 */
export function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.localName)) {
    return true
  }
  if (!el.hasAttributes()) {
    return false
  }
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') {
    return true
  }
  const editable = el.getAttribute('contenteditable')
  return editable !== null && editable !== 'false'
}

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
      let scannable = (base?.scannable ?? true) && !isSkipped(node)
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

/**
 * Reads the text under `root` part by part (a big page is read in chunks between other work). Each part is
 * a FlatText of its own and ends where a block ends, so no name is cut in two.
 */
export class FlatReader {
  readonly #walker: TreeWalker
  readonly #cache: ElementCache
  readonly #options: FlattenOptions
  /** A node read past the end of the previous part: the next part starts with it. */
  #carry: Text | undefined
  #lastBlock: Element | undefined
  #done = false

  constructor(root: Node, cache = new ElementCache(), options: FlattenOptions = {}) {
    const doc = root.ownerDocument ?? (root as Document)
    this.#walker = doc.createTreeWalker(root, SHOW_TEXT)
    this.#cache = cache
    this.#options = options
  }

  get done(): boolean {
    return this.#done
  }

  /** Whether the place reading stopped is still in the document (a page may remove it meanwhile). */
  get intact(): boolean {
    const at = this.#carry ?? this.#walker.currentNode
    return at === this.#walker.root || at.isConnected
  }

  /** The next part: at least `minChars` characters unless the text ends first. */
  next(minChars = Infinity): FlatText {
    const parts: string[] = []
    const nodes: Text[] = []
    const starts: number[] = []
    let offset = 0
    let lastParent: Node | null = null
    let lastFacts: ElementFacts | undefined
    for (;;) {
      const node = this.#carry ?? (this.#walker.nextNode() as Text | null)
      this.#carry = undefined
      if (!node) {
        this.#done = true
        break
      }
      const parent = node.parentNode
      if (parent !== lastParent) {
        lastParent = parent
        lastFacts =
          parent?.nodeType === 1 ? this.#cache.facts(parent as Element, this.#options.isVisible) : undefined
      }
      if (!lastFacts?.scannable) {
        continue
      }
      const data = node.data
      if (data.length === 0) {
        continue
      }
      if (lastFacts.block !== this.#lastBlock) {
        if (offset >= minChars) {
          // A block ends here and the part is long enough: this node starts the next part.
          this.#carry = node
          this.#lastBlock = undefined
          break
        }
        if (offset > 0) {
          parts.push('\n')
          offset += 1
        }
        this.#lastBlock = lastFacts.block
      }
      nodes.push(node)
      starts.push(offset)
      parts.push(data)
      offset += data.length
    }
    return { text: parts.join(''), nodes, starts }
  }
}

/** Flattens all the text under `root` at once. */
export function flattenText(root: Node, cache = new ElementCache(), options: FlattenOptions = {}): FlatText {
  return new FlatReader(root, cache, options).next()
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

/**
 * A StaticRange over `text[start, end)`, or undefined if the text nodes changed since flattening. Static: it
 * costs a fraction of a live Range to make, which matters on a page with tens of thousands of names.
 */
export function rangeFor(flat: FlatText, start: number, end: number): StaticRange | undefined {
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
  return new StaticRange({ startContainer: startNode, startOffset, endContainer: endNode, endOffset })
}
