/**
 * The popup's account of the event, as a plain model: every statement and figure with numbered references
 * into one source list, as on the cards.
 */
import type { DataIndex } from '../core/data-index.ts'
import { isoOrder } from '../core/iso-date.ts'
import type { Event, Figure, Source } from '../data/schema.ts'
import { formatNumber, localized, type UiLanguage } from '../shared/i18n.ts'
import type { Cited } from '../ui/card-view.ts'
import { Citations } from '../ui/citation-list.ts'

export interface FigureView {
  value: string
  asOf: string
  note?: string
  refs: number[]
}

export interface NumberView {
  id: string
  label: string
  series: FigureView[]
  note?: string
  /** The figures disagree rather than follow each other. */
  conflict: boolean
}

export interface TimelineItemView extends Cited {
  date: string
  /** Dated after the page's publication: what happened after this article. */
  later: boolean
}

export interface EventLink {
  id: string
  title: string
  start: string
}

export interface PartyView {
  party: string
  preliminary?: number
  final?: number
  seats?: number
}

export interface ResultsView {
  election: string
  date: string
  note: string
  parties: PartyView[]
  refs: number[]
}

export interface EventView {
  id: string
  title: string
  aka: string[]
  start: string
  end: string
  place: string
  summary: Cited
  numbers: NumberView[]
  results: ResultsView[]
  timeline: TimelineItemView[]
  /** The page's publication date, marked on the timeline. */
  published?: string
  before: EventLink[]
  after: EventLink[]
  sources: Source[]
}

export const eventLink = (event: Event, lang: UiLanguage): EventLink => ({
  id: event.id,
  title: localized(event.title, lang),
  start: event.start,
})

export function eventView(event: Event, data: DataIndex, lang: UiLanguage, published?: string): EventView {
  const citations = new Citations()
  const refs = (keys: readonly string[]): number[] => citations.cite(data.eventSources(keys))
  const figure = (f: Figure): FigureView => ({
    value: f.display ? localized(f.display, lang) : formatNumber(f.value, lang),
    asOf: f.asOf,
    ...(f.note ? { note: localized(f.note, lang) } : {}),
    refs: refs(f.sources),
  })
  const links = (ids: readonly string[] | undefined): EventLink[] =>
    (ids ?? [])
      .map((id) => data.event(id))
      .filter((e): e is Event => e !== undefined)
      .map((e) => eventLink(e, lang))
  return {
    id: event.id,
    title: localized(event.title, lang),
    aka: event.aka ?? [],
    start: event.start,
    end: event.end,
    place: localized(event.place, lang),
    summary: { text: localized(event.summary.text, lang), refs: refs(event.summary.sources) },
    numbers: event.numbers.map((n) => ({
      id: n.id,
      label: localized(n.label, lang),
      series: n.series.map(figure),
      ...(n.note ? { note: localized(n.note, lang) } : {}),
      conflict: n.conflict ?? false,
    })),
    results: (event.results ?? []).map((r) => ({
      election: localized(r.election, lang),
      date: r.date,
      note: localized(r.note, lang),
      parties: r.parties.map((p) => ({
        party: p.party,
        ...(p.preliminary !== undefined ? { preliminary: p.preliminary } : {}),
        ...(p.final !== undefined ? { final: p.final } : {}),
        ...(p.seats !== undefined ? { seats: p.seats } : {}),
      })),
      refs: refs(r.sources),
    })),
    timeline: event.timeline.map((item) => ({
      date: item.date,
      text: localized(item.text, lang),
      refs: refs(item.sources),
      later: published !== undefined && isoOrder(item.date, published) > 0,
    })),
    ...(published !== undefined ? { published } : {}),
    before: links(event.before),
    after: links(event.after),
    sources: citations.list,
  }
}
