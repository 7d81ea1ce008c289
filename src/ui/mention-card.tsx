/**
 * The card shown for a highlighted name: who this is, their part in the story, what this page says, what
 * happened next, and the sources. A non-modal dialog: it holds links and buttons, takes focus when opened
 * from the keyboard, and closes on Esc. All text is rendered as text nodes (no innerHTML anywhere), so page
 * content and data can never become markup.
 */
import { useEffect, useId, useRef } from 'preact/hooks'
import type { Source } from '../data/schema.ts'
import { formatDate, t, type UiLanguage } from '../shared/i18n.ts'
import type { AmbiguousCardView, CardView, Cited, EntityCardView, RoleView } from './card-view.ts'
import { Refs, SourceDisclosure } from './citations.tsx'
import { TYPE_LABEL } from './type-label.ts'

export type Theme = 'light' | 'dark'

export interface CardProps {
  view: CardView
  lang: UiLanguage
  theme: Theme
  pinned: boolean
  /**
   * Rendered ahead of the hover intent and not shown yet: invisible, out of the accessibility tree, and not
   * the card as far as anything looking for it is concerned (no test id).
   */
  hidden?: boolean
  /** Move focus into the card when it opens (it was opened from the keyboard). */
  autoFocus: boolean
  onClose: () => void
  onTogglePin: () => void
  /** Go to the previous (-1) or next (+1) mention of the same entity. */
  onMove: (delta: -1 | 1) => void
  /** Open the card of one candidate of an ambiguous mention. */
  onChoose: (entity: string) => void
}

interface Ctx {
  lang: UiLanguage
  sources: readonly Source[]
}

function CitedItem({ item, ctx }: { item: Cited; ctx: Ctx }) {
  return (
    <li>
      {item.date !== undefined && (
        <>
          <time dateTime={item.date}>{formatDate(item.date, ctx.lang)}</time>
          {': '}
        </>
      )}
      {item.text} <Refs refs={item.refs} sources={ctx.sources} lang={ctx.lang} />
    </li>
  )
}

function roleDates(role: RoleView, lang: UiLanguage): string {
  const to = role.to !== undefined ? formatDate(role.to, lang) : t('cardPresent')
  return `${formatDate(role.from, lang)} – ${to}`
}

function Tools(props: Pick<CardProps, 'pinned' | 'onTogglePin' | 'onClose'>) {
  const pinLabel = props.pinned ? t('cardUnpin') : t('cardPin')
  return (
    <div class="tools">
      <button
        type="button"
        aria-pressed={props.pinned}
        aria-label={pinLabel}
        title={pinLabel}
        onClick={props.onTogglePin}
      >
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M10 1l5 5-2 1-3 3 1 4-2 1-3-4-4 4-1-1 4-4-4-3 1-2 4 1 3-3z" />
        </svg>
      </button>
      <button type="button" aria-label={t('cardClose')} title={t('cardClose')} onClick={props.onClose}>
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path stroke="currentColor" stroke-width="2" d="M3 3l10 10M13 3L3 13" />
        </svg>
      </button>
    </div>
  )
}

function EntityBody({
  view,
  lang,
  onMove,
}: {
  view: EntityCardView
  lang: UiLanguage
  onMove: CardProps['onMove']
}) {
  const ctx: Ctx = { lang, sources: view.sources }
  const { article } = view
  return (
    <>
      <p class="summary">
        {view.summary.text} <Refs refs={view.summary.refs} sources={view.sources} lang={lang} />
      </p>
      {view.roles.length > 0 && (
        <section>
          <h3>{t('cardRoles')}</h3>
          <ul class="roles">
            {view.roles.map((r) => (
              <li key={`${r.title}-${r.from}`} class={r.current ? 'current' : undefined}>
                {r.title}
                {r.acting ? ` (${t('cardActing')})` : ''}
                {', '}
                <span class="dates">{roleDates(r, lang)}</span>{' '}
                <Refs refs={r.refs} sources={view.sources} lang={lang} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {view.inThisStory.length > 0 && (
        <section data-testid="in-this-story">
          <h3>{view.story !== undefined ? t('cardInThisStoryOf', view.story) : t('cardInThisStory')}</h3>
          <ul>
            {view.inThisStory.map((f, i) => (
              <CitedItem key={i} item={f} ctx={ctx} />
            ))}
          </ul>
        </section>
      )}
      {view.otherEvents.length > 0 && (
        <details class="other-events" data-testid="other-events">
          <summary>{t('cardOtherEvents', String(view.otherEvents.length))}</summary>
          {view.otherEvents.map((e) => (
            <section key={e.id} data-event={e.id}>
              <h4>
                {e.title} <time dateTime={e.start}>({formatDate(e.start.slice(0, 4), lang)})</time>
              </h4>
              <ul>
                {e.items.map((f, i) => (
                  <CitedItem key={i} item={f} ctx={ctx} />
                ))}
              </ul>
            </section>
          ))}
        </details>
      )}
      <section>
        <h3>{t('cardInThisArticle')}</h3>
        <div class="nav">
          <span>
            {article.count <= 1
              ? t('cardMentionOnce')
              : t('cardMentionCount', [String(article.count), String(article.position)])}
          </span>
          {article.count > 1 && (
            <span class="nav-buttons">
              <button
                type="button"
                onClick={() => onMove(-1)}
                aria-label={t('cardPrevious')}
                title={t('cardPrevious')}
              >
                ‹
              </button>
              <button
                type="button"
                onClick={() => onMove(1)}
                aria-label={t('cardNextMention')}
                title={t('cardNextMention')}
              >
                ›
              </button>
            </span>
          )}
        </div>
        {article.outlet !== undefined && (
          <>
            <p>
              {t('cardArticleSays', article.outlet)}{' '}
              <Refs refs={article.refs} sources={view.sources} lang={lang} />
            </p>
            {article.statements.map((s, i) => (
              <blockquote key={i} lang="en">
                <p>{s.quote}</p>
                {s.context && (
                  <p class="context">
                    <strong>{t('cardLaterReporting')}:</strong> {s.context.text}{' '}
                    <Refs refs={s.context.refs} sources={view.sources} lang={lang} />
                  </p>
                )}
              </blockquote>
            ))}
          </>
        )}
      </section>
      {view.next.length > 0 && (
        <section>
          <h3>
            {view.nextAfter !== undefined
              ? t('cardNextAfter', formatDate(view.nextAfter, lang))
              : t('cardNext')}
          </h3>
          <ul>
            {view.next.map((f, i) => (
              <CitedItem key={i} item={f} ctx={ctx} />
            ))}
          </ul>
        </section>
      )}
    </>
  )
}

function AmbiguousBody({
  view,
  lang,
  onChoose,
}: {
  view: AmbiguousCardView
  lang: UiLanguage
  onChoose: CardProps['onChoose']
}) {
  return (
    <>
      <p>{t('cardAmbiguousHint')}</p>
      <ul class="candidates">
        {view.candidates.map((c) => (
          <li key={c.id}>
            <strong>{c.name}</strong>
            {c.role && (
              <>
                {' — '}
                {c.role.title}, <span class="dates">{roleDates(c.role, lang)}</span>{' '}
                <Refs refs={c.role.refs} sources={view.sources} lang={lang} />
              </>
            )}
            {c.distinguish !== undefined && (
              <p>
                {c.distinguish} <Refs refs={c.distinguishRefs ?? []} sources={view.sources} lang={lang} />
              </p>
            )}
            <button type="button" onClick={() => onChoose(c.id)}>
              {t('cardShowCandidate', c.name)}
            </button>
          </li>
        ))}
      </ul>
    </>
  )
}

export function MentionCard(props: CardProps) {
  const { view, lang, theme } = props
  const root = useRef<HTMLDivElement>(null)
  const headingId = useId()
  const focusKey = view.kind === 'entity' ? view.id : view.surface

  useEffect(() => {
    if (props.autoFocus) {
      root.current?.focus({ preventScroll: true })
    }
  }, [props.autoFocus, focusKey])

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.stopPropagation()
      props.onClose()
    }
  }

  const title = view.kind === 'entity' ? view.name : t('cardAmbiguous', view.surface)
  return (
    <div
      ref={root}
      class={props.hidden ? 'card prepared' : 'card'}
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      aria-hidden={props.hidden ? 'true' : undefined}
      data-theme={theme}
      data-testid={props.hidden ? undefined : 'mention-card'}
      data-entity={view.kind === 'entity' ? view.id : ''}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div class="head">
        <div class="names">
          <h2 id={headingId}>{title}</h2>
          {view.kind === 'entity' && (
            <>
              {view.cyrillic.length > 0 && (
                <p class="cyrillic" lang="ru">
                  {view.cyrillic.join(' · ')}
                </p>
              )}
              <p class="type">
                {t(TYPE_LABEL[view.type])}
                {view.born?.date !== undefined && (
                  <>
                    {' · '}
                    {t(
                      'cardBornOn',
                      [formatDate(view.born.date, lang), view.born.text].filter(Boolean).join(', '),
                    )}{' '}
                    <Refs refs={view.born.refs} sources={view.sources} lang={lang} />
                  </>
                )}
              </p>
            </>
          )}
        </div>
        <Tools pinned={props.pinned} onTogglePin={props.onTogglePin} onClose={props.onClose} />
      </div>
      {view.kind === 'entity' ? (
        <EntityBody view={view} lang={lang} onMove={props.onMove} />
      ) : (
        <AmbiguousBody view={view} lang={lang} onChoose={props.onChoose} />
      )}
      <SourceDisclosure sources={view.sources} lang={lang} />
    </div>
  )
}
