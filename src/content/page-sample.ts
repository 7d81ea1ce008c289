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
/** NodeFilter.SHOW_TEXT. */
const SHOW_TEXT = 0x4

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
  const body = doc.body
  if (body) {
    const walker = doc.createTreeWalker(body, SHOW_TEXT)
    let remaining = budget
    for (let node = walker.nextNode(); node && remaining > 0; node = walker.nextNode()) {
      if (NOT_TEXT.has(node.parentNode?.nodeName ?? '')) {
        continue
      }
      const data = (node as Text).data
      parts.push(data.length > remaining ? data.slice(0, remaining) : data)
      remaining -= data.length
    }
  }
  return parts.join('\n')
}
