import { useState } from 'preact/hooks'
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

/**
 * The source list behind a "Sources (n)" disclosure, rendered only once opened: a card lists up to a few
 * dozen sources, and a reader who never opens the list should not pay for it when the card appears.
 */
export function SourceDisclosure({ sources, lang }: { sources: readonly Source[]; lang: UiLanguage }) {
  const [open, setOpen] = useState(false)
  if (sources.length === 0) {
    return null
  }
  return (
    <details class="source-list" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('cardSourcesCount', String(sources.length))}</summary>
      {open && <SourceList sources={sources} lang={lang} />}
    </details>
  )
}
