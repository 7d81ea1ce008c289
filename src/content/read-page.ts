/**
 * Reads what a page says about itself (title, Open Graph, article meta, JSON-LD) into PageSignals.
 * Works on any Document, so the `analyze` command reads HTML files with exactly this code.
 */
import type { PageSignals } from '../core/page-signals.ts'

const MAX_LD_SCRIPTS = 10
const MAX_LD_CHARS = 200_000

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

function text(value: Json | undefined): string | undefined {
  if (typeof value === 'string') {
    return value
  }
  if (Array.isArray(value)) {
    return value
      .map(text)
      .filter((v) => v !== undefined)
      .join(', ')
  }
  if (value && typeof value === 'object' && typeof value.name === 'string') {
    return value.name
  }
  return undefined
}

/** The JSON-LD objects on the page, flattened out of arrays and @graph. */
function jsonLdObjects(doc: Document): { [key: string]: Json }[] {
  const out: { [key: string]: Json }[] = []
  const visit = (v: Json): void => {
    if (Array.isArray(v)) {
      v.forEach(visit)
    } else if (v && typeof v === 'object') {
      out.push(v)
      const graph = v['@graph']
      if (graph) {
        visit(graph)
      }
    }
  }
  let n = 0
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    if (++n > MAX_LD_SCRIPTS) {
      break
    }
    const raw = script.textContent ?? ''
    if (raw.length > MAX_LD_CHARS) {
      continue
    }
    try {
      visit(JSON.parse(raw) as Json)
    } catch {
      // Broken JSON-LD is common on real sites; the page's other metadata still counts.
    }
  }
  return out
}

function metaContent(doc: Document): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const key = (
      meta.getAttribute('property') ??
      meta.getAttribute('name') ??
      meta.getAttribute('itemprop')
    )?.toLowerCase()
    const content = meta.getAttribute('content')?.trim()
    if (!key || !content) {
      continue
    }
    const list = map.get(key) ?? []
    list.push(content)
    map.set(key, list)
  }
  return map
}

export function readPageSignals(doc: Document, url?: string): PageSignals {
  const meta = metaContent(doc)
  const first = (...keys: string[]): string | undefined => {
    for (const k of keys) {
      const v = meta.get(k)?.[0]
      if (v) {
        return v
      }
    }
    return undefined
  }
  const ld = jsonLdObjects(doc)
  const article =
    ld.find((o) => typeof o.headline === 'string' || typeof o.datePublished === 'string') ?? ld[0]
  const types = [
    ...ld.flatMap((o) => {
      const t = o['@type']
      return typeof t === 'string'
        ? [t]
        : Array.isArray(t)
          ? t.filter((x): x is string => typeof x === 'string')
          : []
    }),
    ...(meta.get('og:type') ?? []),
  ]
  const keywords = [
    ...(meta.get('keywords') ?? []),
    ...(meta.get('news_keywords') ?? []),
    ...(meta.get('article:tag') ?? []),
    text(article?.keywords),
  ].filter((k): k is string => k !== undefined && k !== '')
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined
  const signals: PageSignals = {}
  const set = <K extends keyof PageSignals>(key: K, value: PageSignals[K] | undefined): void => {
    if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)) {
      signals[key] = value
    }
  }
  set('url', url ?? first('og:url') ?? canonical)
  set('title', doc.title.trim() || undefined)
  set('headline', first('og:title', 'twitter:title') ?? text(article?.headline))
  set(
    'description',
    first('description', 'og:description', 'twitter:description') ?? text(article?.description),
  )
  set('keywords', keywords.length > 0 ? keywords.join(', ') : undefined)
  set('section', first('article:section') ?? text(article?.articleSection))
  set('siteName', first('og:site_name') ?? text(article?.publisher))
  set(
    'published',
    first(
      'article:published_time',
      'datepublished',
      'date',
      'pubdate',
      'publishdate',
      'dc.date',
      'dcterms.created',
    ) ?? text(article?.datePublished),
  )
  set('types', types)
  set('lang', doc.documentElement.getAttribute('lang')?.toLowerCase() || undefined)
  return signals
}
