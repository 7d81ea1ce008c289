// @vitest-environment happy-dom
/**
 * The card in its states, rendered as the reader sees it (Testing Library queries by role and name).
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DataIndex } from '../../../src/core/data-index.ts'
import { ENTITIES_FILE, EVENTS_FILE } from '../../../src/data/index.ts'
import { ambiguousCardView, entityCardView, type CardContext } from '../../../src/ui/card-view.ts'
import { MentionCard, type CardProps } from '../../../src/ui/mention-card.tsx'
import { fakeBrowser } from '../fake-browser.ts'

const data = new DataIndex({ entities: ENTITIES_FILE, events: EVENTS_FILE })
const seed = EVENTS_FILE.events.flatMap((e) => e.articles ?? []).find((a) => a.id === 'upi-2020-10-06')!

function ctx(extra: Partial<CardContext> = {}): CardContext {
  return { data, lang: 'en', count: 1, position: 1, ...extra }
}

function renderCard(props: Partial<CardProps> & Pick<CardProps, 'view'>) {
  const handlers = { onClose: vi.fn(), onTogglePin: vi.fn(), onMove: vi.fn(), onChoose: vi.fn() }
  render(<MentionCard lang="en" theme="light" pinned={false} autoFocus={false} {...handlers} {...props} />)
  return handlers
}

afterEach(cleanup)

describe('the card for a person', () => {
  const sadyr = data.entity('sadyr-japarov')!

  it('is a dialog named after the person, with Latin and Cyrillic names, type and summary', () => {
    renderCard({ view: entityCardView(sadyr, ctx()) })
    const dialog = screen.getByRole('dialog', { name: 'Sadyr Japarov' })
    expect(within(dialog).getByText('Садыр Жапаров')).toBeTruthy()
    expect(dialog.textContent).toMatch(/Person/)
    expect(dialog.textContent).toContain(sadyr.summary.text.en)
  })

  it('shows roles with dates, and numbered source links that open in a new tab without a referrer', () => {
    renderCard({ view: entityCardView(sadyr, ctx()) })
    const roles = screen.getByRole('heading', { name: 'Roles' }).parentElement!
    expect(within(roles).getAllByRole('listitem')[0]!.textContent).toMatch(
      /^President of Kyrgyzstan, January 28, 2021 – present/,
    )
    const refs = screen.getAllByRole('link', { name: /^Source \d+: / })
    expect(refs.length).toBeGreaterThan(5)
    for (const a of refs) {
      expect(a.getAttribute('target')).toBe('_blank')
      expect(a.getAttribute('rel')).toBe('noopener noreferrer')
      expect(a.getAttribute('href')).toMatch(/^https?:\/\//)
    }
    expect(screen.getByText(/^Sources \(\d+\)$/)).toBeTruthy()
  })

  it('gives every statement at least one source', () => {
    const view = entityCardView(sadyr, ctx())
    for (const item of [view.summary, ...view.inThisStory, ...view.next, ...view.roles]) {
      expect(item.refs.length, JSON.stringify(item).slice(0, 80)).toBeGreaterThan(0)
      for (const n of item.refs) {
        expect(view.sources[n - 1]).toBeDefined()
      }
    }
  })

  it('says how often the page names them and moves between mentions', () => {
    const { onMove } = renderCard({ view: entityCardView(sadyr, ctx({ count: 3, position: 2 })) })
    expect(screen.getByText('This page names them 3 times; this is mention 2.')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Next mention' }))
    fireEvent.click(screen.getByRole('button', { name: 'Previous mention' }))
    expect(onMove.mock.calls).toEqual([[1], [-1]])
  })

  it('quotes what the seed article says, exactly, with what later reporting adds', () => {
    const view = entityCardView(
      data.entity('sooronbay-jeenbekov')!,
      ctx({ article: seed, published: '2020-10-06' }),
    )
    renderCard({ view })
    expect(screen.getByText('UPI writes:')).toBeTruthy()
    const quotes = data.statements(seed, 'sooronbay-jeenbekov').map((s) => s.quote)
    expect(quotes.length).toBeGreaterThan(0)
    for (const q of quotes) {
      expect(screen.getByText(q)).toBeTruthy()
    }
  })

  it('lists only what happened after the article’s date under "what happened next"', () => {
    const all = entityCardView(sadyr, ctx())
    const after = entityCardView(sadyr, ctx({ published: '2021-06-01' }))
    expect(after.next.length).toBeLessThan(all.next.length)
    expect(after.next.every((f) => (f.date ?? '') > '2021-06')).toBe(true)
    renderCard({ view: after })
    expect(screen.getByRole('heading', { name: /After this article \(June 1, 2021\)/ })).toBeTruthy()
  })

  it('closes on Esc and from its close button, and pins', () => {
    const { onClose, onTogglePin } = renderCard({ view: entityCardView(sadyr, ctx()), pinned: true })
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' })
    fireEvent.click(screen.getByRole('button', { name: 'Close card' }))
    expect(onClose).toHaveBeenCalledTimes(2)
    const pin = screen.getByRole('button', { name: 'Unpin card' })
    expect(pin.getAttribute('aria-pressed')).toBe('true')
    fireEvent.click(pin)
    expect(onTogglePin).toHaveBeenCalledOnce()
  })

  it('takes focus when opened from the keyboard', () => {
    renderCard({ view: entityCardView(sadyr, ctx()), autoFocus: true })
    expect(document.activeElement).toBe(screen.getByRole('dialog'))
  })

  it('built ahead of the hover intent, is hidden from sight and from assistive technology until shown', () => {
    const props = {
      view: entityCardView(sadyr, ctx()),
      lang: 'en',
      theme: 'light',
      pinned: false,
      autoFocus: false,
      onClose: vi.fn(),
      onTogglePin: vi.fn(),
      onMove: vi.fn(),
      onChoose: vi.fn(),
    } as const
    const { rerender } = render(<MentionCard {...props} hidden />)
    expect(screen.queryByRole('dialog')).toBeNull()
    const prepared = document.querySelector<HTMLElement>('.card.prepared')!
    expect(prepared.getAttribute('aria-hidden')).toBe('true')
    expect(prepared.dataset.testid).toBeUndefined()
    rerender(<MentionCard {...props} hidden={false} />)
    // Shown by changing the same element, not by building another.
    const dialog = screen.getByRole('dialog', { name: 'Sadyr Japarov' })
    expect(dialog).toBe(prepared)
    expect(dialog.classList.contains('prepared')).toBe(false)
    expect(dialog.dataset.testid).toBe('mention-card')
  })

  it('speaks Russian to a Russian-language browser', () => {
    fakeBrowser.uiLanguage = 'ru'
    renderCard({ view: entityCardView(sadyr, ctx({ lang: 'ru', event: '2020-kyrgyz-crisis' })), lang: 'ru' })
    expect(screen.getByRole('heading', { name: /^В этой истории: / })).toBeTruthy()
    expect(screen.getByRole('dialog').textContent).toContain(sadyr.summary.text.ru ?? '')
    expect(screen.getByRole('button', { name: 'Закрыть карточку' })).toBeTruthy()
  })
})

describe('a card follows the page’s event', () => {
  const sadyr = data.entity('sadyr-japarov')!
  const events = Object.keys(sadyr.partIn ?? {})

  it('shows, as "In this story", the part in the page’s event and the other events one step away', () => {
    expect(events.length).toBeGreaterThan(1)
    for (const event of events) {
      const view = entityCardView(sadyr, ctx({ event }))
      expect(view.story).toBe(data.event(event)!.title.en)
      expect(view.inThisStory.map((f) => f.text)).toEqual(sadyr.partIn![event]!.map((f) => f.text.en))
      expect(view.otherEvents.map((e) => e.id).sort()).toEqual(events.filter((e) => e !== event).sort())
    }
    const event = events[0]!
    renderCard({ view: entityCardView(sadyr, ctx({ event })) })
    expect(
      screen.getByRole('heading', { name: `In this story: ${data.event(event)!.title.en}` }),
    ).toBeTruthy()
    const others = screen.getByTestId('other-events')
    expect(others.tagName).toBe('DETAILS')
    expect(others.hasAttribute('open')).toBe(false)
  })

  it('without a page event, has no "In this story" and keeps every event one step away, latest first', () => {
    const view = entityCardView(sadyr, ctx())
    expect(view.story).toBeUndefined()
    expect(view.inThisStory).toEqual([])
    expect(view.otherEvents).toHaveLength(events.length)
    const starts = view.otherEvents.map((e) => e.start)
    expect(starts).toEqual([...starts].sort().reverse())
  })

  it('puts first the role held on the page’s date', () => {
    const on = (published: string) => entityCardView(sadyr, ctx({ published })).roles[0]!
    expect(on('2022-06-01').title).toMatch(/^President/)
    expect(on('2022-06-01').current).toBe(true)
    expect(on('2020-10-20').title).toMatch(/[Pp]rime [Mm]inister|[Aa]cting [Pp]resident/)
    expect(on('2020-10-20').current).toBe(true)
  })

  it('says "acting" once, never after a title that says it already', () => {
    for (const entity of data.entities) {
      for (const role of entityCardView(entity, ctx()).roles) {
        expect(role.acting && /\bacting\b/i.test(role.title), `${entity.id}: ${role.title}`).toBe(false)
      }
    }
  })

  it('lists "what happened next" from after the page’s date only', () => {
    const view = entityCardView(sadyr, ctx({ published: '2022-01-01' }))
    expect(view.next.length).toBeGreaterThan(0)
    expect(view.next.every((f) => (f.date ?? '') > '2022')).toBe(true)
  })
})

describe('the card for an ambiguous surname', () => {
  it('shows both candidates, how to tell them apart, and opens the one chosen', () => {
    const view = ambiguousCardView('Japarov', ['sadyr-japarov', 'akylbek-japarov'], ctx())
    const { onChoose } = renderCard({ view })
    expect(screen.getByRole('dialog', { name: 'Which Japarov?' })).toBeTruthy()
    expect(screen.getByText('Sadyr Japarov')).toBeTruthy()
    expect(screen.getByText('Akylbek Japarov')).toBeTruthy()
    expect(screen.getByRole('dialog').textContent).toContain(
      data.entity('akylbek-japarov')!.distinguish!.text.en,
    )
    // How to tell them apart is sourced too.
    expect(view.candidates.every((c) => (c.distinguishRefs ?? []).length > 0)).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: 'Show Akylbek Japarov' }))
    expect(onChoose).toHaveBeenCalledWith('akylbek-japarov')
  })

  it('renders page text as text, never as markup', () => {
    const surface = '<img src=x onerror="window.pwned=1">'
    renderCard({ view: ambiguousCardView(surface, ['sadyr-japarov', 'akylbek-japarov'], ctx()) })
    expect(screen.getByRole('dialog').querySelector('img')).toBeNull()
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(`Which ${surface}?`)
  })
})
