/**
 * The bounded sample the every-page check reads: title, URL, a few metadata fields and the first
 * PREFILTER_TEXT_BUDGET characters of text. Reading stops at the budget however large the page is.
 */
import { PREFILTER_TEXT_BUDGET } from '../core/prefilter.ts'

const META =
  'meta[name="description"],meta[name="keywords"],meta[name="news_keywords"],meta[property="og:title"],meta[property="og:description"],meta[property="article:section"],meta[property="article:tag"]'

/** Tags whose text is not page text. Checked on the parent only: the sample need not be exact. */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA'])

const MAX_LD_CHARS = 4000
/** NodeFilter.SHOW_TEXT and Node.TEXT_NODE. */
const SHOW_TEXT = 0x4
const TEXT_NODE = 3

export function readPageSample(doc: Document, url: string, budget = PREFILTER_TEXT_BUDGET): string {
  const parts: string[] = [doc.title, url]
  let metas = 0
  for (const meta of doc.querySelectorAll(META)) {
    parts.push(meta.getAttribute('content') ?? '')
    if (++metas > 20) {
      break
    }
  }
  const ld = doc.querySelector('script[type="application/ld+json"]')
  if (ld?.textContent) {
    parts.push(ld.textContent.slice(0, MAX_LD_CHARS))
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
