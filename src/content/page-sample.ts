/**
 * The bounded sample the every-page check reads: title, URL, a few metadata fields and the first
 * PREFILTER_TEXT_BUDGET characters of text. Reading stops at the budget however large the page is.
 */
import { PREFILTER_TEXT_BUDGET } from '../core/prefilter.ts'

/** The metadata fields the check reads (name or property). */
const META = new Set([
  'description',
  'keywords',
  'news_keywords',
  'og:title',
  'og:description',
  'article:section',
  'article:tag',
])
/** At most this many of them: a page with hundreds of tags does not slow the check. */
const MAX_META = 20

/** Tags whose text is not page text. Checked on the parent only: the sample need not be exact. */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA'])

const MAX_LD_CHARS = 4000
/** NodeFilter.SHOW_TEXT and Node.TEXT_NODE. */
const SHOW_TEXT = 0x4
const TEXT_NODE = 3

export function readPageSample(doc: Document, url: string, budget = PREFILTER_TEXT_BUDGET): string {
  const parts: string[] = [doc.title, url]
  // Metadata lives in <head>. A document-wide query would walk every element of a 2 MB page.
  // Walked by hand: compiling a selector costs more than reading the few dozen elements of a head.
  let metas = 0
  let ld = false
  for (const el of doc.head?.children ?? []) {
    const tag = el.localName
    if (tag === 'meta' && metas < MAX_META) {
      const key = el.getAttribute('name') ?? el.getAttribute('property') ?? ''
      if (META.has(key.toLowerCase())) {
        parts.push(el.getAttribute('content') ?? '')
        metas++
      }
    } else if (tag === 'script' && !ld && el.getAttribute('type') === 'application/ld+json') {
      parts.push((el.textContent ?? '').slice(0, MAX_LD_CHARS))
      ld = true
    }
  }
  if (doc.body) {
    readText(doc.body, budget, parts)
  }
  return parts.join('\n')
}

/** Appends the text under `root` to `parts`, at most `budget` characters; returns what is left of the budget. */
function readText(root: Node, budget: number, parts: string[]): number {
  let remaining = budget
  if (root.nodeType === TEXT_NODE) {
    if (!NOT_TEXT.has(root.parentNode?.nodeName ?? '')) {
      const data = (root as Text).data
      parts.push(data.length > remaining ? data.slice(0, remaining) : data)
      remaining -= data.length
    }
    return remaining
  }
  const walker = (root.ownerDocument ?? document).createTreeWalker(root, SHOW_TEXT)
  for (let node = walker.nextNode(); node && remaining > 0; node = walker.nextNode()) {
    if (NOT_TEXT.has(node.parentNode?.nodeName ?? '')) {
      continue
    }
    const data = (node as Text).data
    parts.push(data.length > remaining ? data.slice(0, remaining) : data)
    remaining -= data.length
  }
  return remaining
}

/**
 * The text of nodes a page added or changed (the title among them), at most `budget` characters in all:
 * what the every-page check and a page that is not coverage read when content arrives late.
 */
export function readAddedText(nodes: Iterable<Node>, budget = PREFILTER_TEXT_BUDGET): string {
  const parts: string[] = []
  let remaining = budget
  for (const node of nodes) {
    if (remaining <= 0) {
      break
    }
    if (node.isConnected) {
      remaining = readText(node, remaining, parts)
      parts.push('\n')
    }
  }
  return parts.join('')
}
