import type { Source } from '../data/schema.ts'
import { formatDate, t, type UiLanguage } from '../shared/i18n.ts'

const describe = (s: Source, lang: UiLanguage): string => `${s.outlet}, ${formatDate(s.date, lang)}`

/** Numbered links to a fact's sources ("[1][3]"), each opening the source in a new tab. */
export function Refs({
  refs,
  sources,
  lang,
}: {
  refs: readonly number[]
  sources: readonly Source[]
  lang: UiLanguage
}) {
  if (refs.length === 0) {
    return null
  }
  return (
    <span class="refs">
      {refs.map((n) => {
        const s = sources[n - 1]
        if (!s) {
          return null
        }
        return (
          <a
            key={n}
            href={s.url}
            target="_blank"
            rel="noopener noreferrer"
            title={`${s.title ?? s.outlet}, ${formatDate(s.date, lang)}`}
            aria-label={t('cardSourceRef', [String(n), describe(s, lang)])}
          >
            {n}
          </a>
        )
      })}
    </span>
  )
}

/** The numbered source list the references point into. */
export function SourceList({ sources, lang }: { sources: readonly Source[]; lang: UiLanguage }) {
  return (
    <ol class="sources">
      {sources.map((s) => (
        <li key={s.url}>
          <a href={s.url} target="_blank" rel="noopener noreferrer">
            {s.outlet}
          </a>
          {s.title !== undefined ? `: ${s.title}` : ''},{' '}
          <time dateTime={s.date}>{formatDate(s.date, lang)}</time>
        </li>
      ))}
    </ol>
  )
}
