/**
 * The toolbar popup: what this page holds (entities with counts; activating one shows it on the page), the
 * switches, and the October 2020 crisis in one screen: summary, key numbers with their dates and sources,
 * results and a timeline.
 */
import type { DataIndex } from '../core/data-index.ts'
import type { Event } from '../data/schema.ts'
import { formatDate, formatNumber, t, type UiLanguage } from '../shared/i18n.ts'
import type { PageStateReply } from '../shared/messages.ts'
import '../ui/citations.css'
import { Refs, SourceDisclosure } from '../ui/citations.tsx'
import { eventView, type EventView } from './event-view.ts'

/** What the popup knows about the current tab. */
export type PageStatus =
  { kind: 'loading' } | { kind: 'unavailable' } | { kind: 'ready'; state: PageStateReply }

export interface PopupProps {
  data: DataIndex
  event: Event
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

function EventSection({ view, lang }: { view: EventView; lang: UiLanguage }) {
  const refs = (n: readonly number[]) => <Refs refs={n} sources={view.sources} lang={lang} />
  return (
    <section aria-labelledby="event-heading" data-testid="event-summary">
      <h1 id="event-heading">{view.title}</h1>
      <p class="muted">
        <time dateTime={view.start}>{formatDate(view.start, lang)}</time> –{' '}
        <time dateTime={view.end}>{formatDate(view.end, lang)}</time> · {view.place}
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
      <ol class="timeline">
        {view.timeline.map((item, i) => (
          <li key={i}>
            <time dateTime={item.date}>{formatDate(item.date ?? '', lang)}</time> {item.text}{' '}
            {refs(item.refs)}
          </li>
        ))}
      </ol>

      <SourceDisclosure sources={view.sources} lang={lang} />
    </section>
  )
}

export function PopupApp(props: PopupProps) {
  return (
    <main class="popup">
      <header class="bar">
        <span class="brand">{t('popupTitle')}</span>
        <button type="button" onClick={props.onOpenOptions}>
          {t('popupOptions')}
        </button>
      </header>
      <PageSection {...props} />
      <EventSection view={eventView(props.event, props.data, props.lang)} lang={props.lang} />
    </main>
  )
}
