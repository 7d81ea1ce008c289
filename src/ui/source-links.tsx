import type { Source } from '../data/schema.ts'
import { formatDate, type UiLanguage } from '../shared/i18n.ts'

/** A fact's sources as small links: outlet names, with title and date on hover. New tab, no referrer. */
export function SourceLinks({ sources, lang }: { sources: readonly Source[]; lang: UiLanguage }) {
  if (sources.length === 0) {
    return null
  }
  return (
    <span class="cite">
      {sources.map((s) => (
        <a
          key={s.url}
          href={s.url}
          target="_blank"
          rel="noopener noreferrer"
          title={`${s.title ?? s.outlet}, ${formatDate(s.date, lang)}`}
        >
          {s.outlet}
        </a>
      ))}
    </span>
  )
}
