/**
 * What a page says about itself besides its text: the same shape whether it comes from a live document
 * (src/content/read-page.ts) or from an HTML file read by the `analyze` command.
 */
export interface PageSignals {
  url?: string
  title?: string
  /** og:title, twitter:title or a JSON-LD headline. */
  headline?: string
  description?: string
  /** meta keywords, news_keywords, article:tag and JSON-LD keywords, joined. */
  keywords?: string
  section?: string
  siteName?: string
  /** ISO date from article:published_time, JSON-LD datePublished or similar. */
  published?: string
  /** JSON-LD @type values and og:type. */
  types?: string[]
  /** The document's language (html lang), lower case. */
  lang?: string
}

const NEWS_TYPES =
  /^(NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|Article|BlogPosting|LiveBlogPosting|article)$/

export const looksLikeArticle = (page: PageSignals): boolean =>
  page.types?.some((t) => NEWS_TYPES.test(t)) ?? false

/** The ISO date (YYYY-MM-DD) at the start of a date-time string, if it is one. */
export function isoDay(value: string | undefined): string | undefined {
  const m = value?.trim().match(/^(\d{4}-\d{2}-\d{2})/)
  return m?.[1]
}

/** The fields scanned for coverage, with how much a Kyrgyz name in each says about the page. */
export function signalFields(page: PageSignals): { text: string; weight: number }[] {
  const fields: { text: string; weight: number }[] = []
  const add = (text: string | undefined, weight: number): void => {
    if (text !== undefined && text.trim() !== '') {
      fields.push({ text: text.slice(0, 2000), weight })
    }
  }
  // A name in the title or headline states the page's topic; keywords and description support it.
  add(page.title, 3)
  if (page.headline !== undefined && page.headline !== page.title) {
    add(page.headline, 2)
  }
  add(page.description, 1.5)
  add(page.keywords, 1.5)
  add(page.section, 1)
  return fields
}

const URL_TOPIC =
  /kyrgyz|kirgiz|kirghiz|kirgis|bishkek|jeenbekov|japarov|zhaparov|atambay|кыргыз|киргиз|бишкек/i

/** A URL's path and query, without scheme and host. */
export const urlPath = (url: string): string => url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '')

/** Percent-escapes decoded (Cyrillic slugs); the text as it is where an escape is malformed. */
export function decodedUrl(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** Whether the URL's path names the topic (".../asia/kyrgyzstan-protests"), decoded for Cyrillic slugs. */
export function urlNamesTopic(url: string | undefined): boolean {
  // Only the path and query: the host may be a site that covers the whole region.
  return url !== undefined && URL_TOPIC.test(decodedUrl(urlPath(url)))
}
