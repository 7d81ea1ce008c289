/**
 * The toolbar popup: the page's event in one screen (summary, key numbers with their dates and sources,
 * results, a timeline with the page's date marked), what this page holds (entities with counts; activating
 * one shows it on the page), the switches, and one step away the chronology of all events since 2005.
 * Without coverage, or on a page about no event in particular, it opens on the chronology.
 */
import { useState } from 'preact/hooks'
import type { DataIndex } from '../core/data-index.ts'
import { EVENT_MIN_SCORE } from '../core/rank-events.ts'
import { formatDate, formatNumber, localized, t, type UiLanguage } from '../shared/i18n.ts'
import type { PageStateReply } from '../shared/messages.ts'
import '../ui/citations.css'
import { Refs, SourceDisclosure } from '../ui/citations.tsx'
import { eventView, type EventLink, type EventView } from './event-view.ts'

/** What the popup knows about the current tab. */
export type PageStatus =
  { kind: 'loading' } | { kind: 'unavailable' } | { kind: 'ready'; state: PageStateReply }

export interface PopupProps {
  data: DataIndex
  lang: UiLanguage
  status: PageStatus
  enabled: boolean
  siteEnabled: boolean
  onToggleEverywhere: (on: boolean) => void
  onToggleSite: (on: boolean) => void
  onOpenEntity: (entity: string) => void
  onOpenOptions: () => void
}

function Switch(props: {
  id: string
  label: string
  checked: boolean
  disabled?: boolean
  onChange: (on: boolean) => void
}) {
  return (
    <label class="switch" for={props.id}>
      <input
        id={props.id}
        type="checkbox"
        role="switch"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <span>{props.label}</span>
    </label>
  )
}

function PageSection(props: PopupProps) {
  const { status, data, lang } = props
  let body
  if (status.kind === 'loading') {
    body = null
  } else if (status.kind === 'unavailable') {
    body = <p class="muted">{t('popupUnavailable')}</p>
  } else if (!status.state.active) {
    body = <p class="muted">{t('popupOff')}</p>
  } else if (!status.state.relevant) {
    body = <p class="muted">{t('popupNotCoverage')}</p>
  } else if (status.state.entities.length === 0) {
    body = <p class="muted">{t('popupNoneFound')}</p>
  } else {
    body = (
      <>
        <ul class="entities" data-testid="page-entities">
          {status.state.entities.map(({ entity, count }) => {
            const e = data.entity(entity)
            const name = e?.name.en ?? entity
            return (
              <li key={entity}>
                <button
                  type="button"
                  data-entity={entity}
                  title={t('popupShowOnPage', name)}
                  onClick={() => props.onOpenEntity(entity)}
                >
                  <span class="name">{name}</span>
                  {e && lang === 'ru' ? <span class="muted"> {e.name.ru}</span> : null}
                  <span class="count">
                    {formatNumber(count, lang)}
                    <span class="visually-hidden"> {t('popupMentionsWord')}</span>
                  </span>
                </button>
              </li>
            )
          })}
        </ul>
        {status.state.ambiguous > 0 && (
          <p class="muted">{t('popupAmbiguous', String(status.state.ambiguous))}</p>
        )}
      </>
    )
  }
  return (
    <section aria-labelledby="page-heading">
      <h2 id="page-heading">{t('popupOnThisPage')}</h2>
      {body}
      <div class="switches">
        <Switch
          id="on-everywhere"
          label={t('popupOnEverywhere')}
          checked={props.enabled}
          onChange={props.onToggleEverywhere}
        />
        <Switch
          id="on-site"
          label={
            status.kind === 'ready' && status.state.host
              ? `${t('popupOnThisSite')} (${status.state.host})`
              : t('popupOnThisSite')
          }
          checked={props.siteEnabled}
          disabled={status.kind !== 'ready' || !status.state.host || !props.enabled}
          onChange={props.onToggleSite}
        />
      </div>
    </section>
  )
}

function EventLinks(props: { label: string; links: EventLink[]; onOpen: (id: string) => void }) {
  if (props.links.length === 0) {
    return null
  }
  return (
    <p class="event-links">
      {props.label}:{' '}
      {props.links.map((l, i) => (
        <span key={l.id}>
          {i > 0 ? ', ' : ''}
          <button type="button" class="link" data-event={l.id} onClick={() => props.onOpen(l.id)}>
            {l.title}
          </button>
        </span>
      ))}
    </p>
  )
}

function EventSection(props: {
  view: EventView
  lang: UiLanguage
  isPageEvent: boolean
  onOpenEvent: (id: string) => void
  onChronology: () => void
}) {
  const { view, lang } = props
  const refs = (n: readonly number[]) => <Refs refs={n} sources={view.sources} lang={lang} />
  return (
    <section aria-labelledby="event-heading" data-testid="event-summary" data-event={view.id}>
      <button type="button" class="link back" data-testid="show-chronology" onClick={props.onChronology}>
        {t('popupShowChronology')}
      </button>
      {props.isPageEvent && <p class="kicker">{t('popupPageEvent')}</p>}
      <h1 id="event-heading">{view.title}</h1>
      {view.aka.length > 0 && <p class="muted">{t('popupAlsoCalled', view.aka.join(' · '))}</p>}
      <p class="muted">
        <time dateTime={view.start}>{formatDate(view.start, lang)}</time>
        {view.end !== view.start && (
          <>
            {' – '}
            <time dateTime={view.end}>{formatDate(view.end, lang)}</time>
          </>
        )}{' '}
        · {view.place}
      </p>
      <p>
        {view.summary.text} {refs(view.summary.refs)}
      </p>

      <h2>{t('popupKeyNumbers')}</h2>
      <p class="muted">{t('popupFiguresChanged')}</p>
      <dl class="numbers">
        {view.numbers.map((n) => (
          <div key={n.id} data-number={n.id}>
            <dt>{n.label}</dt>
            {n.conflict && <dd class="muted conflict">{t('popupConflict')}</dd>}
            <dd>
              <ol class="series">
                {n.series.map((f, i) => (
                  <li key={i}>
                    <strong>{f.value}</strong> <time dateTime={f.asOf}>{formatDate(f.asOf, lang)}</time>
                    {f.note ? ` — ${f.note}` : ''} {refs(f.refs)}
                  </li>
                ))}
              </ol>
              {n.note && <p class="muted">{n.note}</p>}
            </dd>
          </div>
        ))}
      </dl>

      {view.results.map((r) => (
        <details key={r.date} class="results">
          <summary>
            {t('popupResults')}: {r.election}, <time dateTime={r.date}>{formatDate(r.date, lang)}</time>
          </summary>
          <p class="muted">
            {r.note} {refs(r.refs)}
          </p>
          <table>
            <tbody>
              {r.parties.map((p) => (
                <tr key={p.party}>
                  <th scope="row">{p.party}</th>
                  <td>
                    {[
                      p.preliminary !== undefined
                        ? `${formatNumber(p.preliminary, lang)}% (${t('popupPreliminary')})`
                        : '',
                      p.final !== undefined ? `${formatNumber(p.final, lang)}% (${t('popupFinal')})` : '',
                      p.seats !== undefined ? t('popupSeats', String(p.seats)) : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}

      <h2>{t('popupTimeline')}</h2>
      <ol class="timeline" data-testid="timeline">
        {timelineWithArticle(view).map((item, i) =>
          item === 'article' ? (
            <li key="article" class="article-date" data-testid="article-date">
              <time dateTime={view.published}>
                {t('popupArticleDate', formatDate(view.published ?? '', lang))}
              </time>
            </li>
          ) : (
            <li key={i} class={item.later ? 'later' : undefined} data-later={item.later ? 'true' : undefined}>
              <time dateTime={item.date}>{formatDate(item.date, lang)}</time>
              {item.later && <span class="later-label"> ({t('popupAfterArticle')})</span>} {item.text}{' '}
              {refs(item.refs)}
            </li>
          ),
        )}
      </ol>
      <EventLinks label={t('popupLedTo')} links={view.before} onOpen={props.onOpenEvent} />
      <EventLinks label={t('popupFollowedBy')} links={view.after} onOpen={props.onOpenEvent} />

      <SourceDisclosure sources={view.sources} lang={lang} />
    </section>
  )
}

/** The timeline's items with the article's own date put in its place among them. */
function timelineWithArticle(view: EventView): (EventView['timeline'][number] | 'article')[] {
  if (view.published === undefined) {
    return view.timeline
  }
  const at = view.timeline.findIndex((item) => item.later)
  const items: (EventView['timeline'][number] | 'article')[] = [...view.timeline]
  items.splice(at < 0 ? items.length : at, 0, 'article')
  return items
}

function Chronology(props: {
  data: DataIndex
  lang: UiLanguage
  pageEvent: string | undefined
  note: boolean
  onOpenEvent: (id: string) => void
}) {
  const events = [...props.data.pack.events.events].sort((a, b) => a.start.localeCompare(b.start))
  return (
    <section aria-labelledby="chronology-heading" data-testid="chronology">
      <h1 id="chronology-heading">{t('popupChronology')}</h1>
      {props.note && <p class="muted">{t('popupNoParticularEvent')}</p>}
      <ol class="chronology">
        {events.map((e) => (
          <li key={e.id} class={e.id === props.pageEvent ? 'page-event' : undefined}>
            <button
              type="button"
              data-event={e.id}
              aria-current={e.id === props.pageEvent ? 'true' : undefined}
              onClick={() => props.onOpenEvent(e.id)}
            >
              <time dateTime={e.start}>{formatDate(e.start.slice(0, 7), props.lang)}</time>
              <span class="title">{localized(e.title, props.lang)}</span>
              {e.id === props.pageEvent && <span class="mark"> ({t('popupThisPage')})</span>}
            </button>
          </li>
        ))}
      </ol>
    </section>
  )
}

/** The page's event, when the page is coverage and the best-ranked event is clearly its subject. */
export function pageEventOf(status: PageStatus): string | undefined {
  if (status.kind !== 'ready' || !status.state.relevant) {
    return undefined
  }
  const best = status.state.events?.[0]
  return best !== undefined && best.score >= EVENT_MIN_SCORE ? best.event : undefined
}

/** The chronology view's key where an event id would be (no event id has a space). */
const CHRONOLOGY = 'all events'

export function PopupApp(props: PopupProps) {
  const pageEvent = pageEventOf(props.status)
  // undefined: follow the page (its event, or the chronology); otherwise an event id or CHRONOLOGY, as chosen.
  const [chosen, setChosen] = useState<string | undefined>(undefined)
  const shown = chosen ?? pageEvent ?? CHRONOLOGY
  const event = shown === CHRONOLOGY ? undefined : props.data.event(shown)
  const published = props.status.kind === 'ready' ? props.status.state.published : undefined
  const coverage = props.status.kind === 'ready' && props.status.state.relevant
  return (
    <main class="popup">
      <header class="bar">
        <span class="brand">{t('popupTitle')}</span>
        <button type="button" onClick={props.onOpenOptions}>
          {t('popupOptions')}
        </button>
      </header>
      {event ? (
        <EventSection
          key={event.id}
          view={eventView(event, props.data, props.lang, event.id === pageEvent ? published : undefined)}
          lang={props.lang}
          isPageEvent={event.id === pageEvent}
          onOpenEvent={setChosen}
          onChronology={() => setChosen(CHRONOLOGY)}
        />
      ) : (
        <Chronology
          data={props.data}
          lang={props.lang}
          pageEvent={pageEvent}
          note={coverage && pageEvent === undefined && chosen === undefined}
          onOpenEvent={setChosen}
        />
      )}
      <PageSection {...props} />
    </main>
  )
}
