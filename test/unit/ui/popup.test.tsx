// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DataIndex } from '../../../src/core/data-index.ts'
import { ENTITIES_FILE, EVENTS_FILE } from '../../../src/data/index.ts'
import { PopupApp, type PageStatus, type PopupProps } from '../../../src/popup/popup-app.tsx'
import { fakeBrowser } from '../fake-browser.ts'

const data = new DataIndex({ entities: ENTITIES_FILE, events: EVENTS_FILE })
const event = data.event('2020-kyrgyz-crisis')!

const ready = (over: Partial<Extract<PageStatus, { kind: 'ready' }>['state']> = {}): PageStatus => ({
  kind: 'ready',
  state: {
    host: 'news.example',
    active: true,
    relevant: true,
    entities: [],
    ambiguous: 0,
    events: [{ event: '2020-kyrgyz-crisis', score: 12 }],
    ...over,
  },
})

function renderPopup(props: Partial<PopupProps> = {}) {
  const handlers = {
    onToggleEverywhere: vi.fn(),
    onToggleSite: vi.fn(),
    onOpenEntity: vi.fn(),
    onOpenOptions: vi.fn(),
  }
  render(<PopupApp data={data} lang="en" status={ready()} enabled siteEnabled {...handlers} {...props} />)
  return handlers
}

afterEach(cleanup)

describe('the toolbar popup', () => {
  it('summarises the October 2020 crisis with dates, place and sources', () => {
    renderPopup()
    const summary = screen.getByTestId('event-summary')
    expect(within(summary).getByRole('heading', { level: 1 }).textContent).toBe(event.title.en)
    expect(summary.textContent).toContain('October 4, 2020')
    expect(summary.textContent).toContain(event.summary.text.en)
    expect(within(summary).getAllByRole('link').length).toBeGreaterThan(10)
  })

  it('shows key numbers as dated series and says that figures changed', () => {
    renderPopup()
    expect(screen.getByText(/Figures changed as reports came in/)).toBeTruthy()
    const injured = screen.getByText(event.numbers.find((n) => n.id === 'injured')!.label.en).parentElement!
    const items = within(injured)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '')
    expect(items[0]).toMatch(/^590 October 6, 2020/)
    expect(items[1]).toMatch(/^686 October 6, 2020/)
    expect(items[2]).toMatch(/^768 October 7, 2020/)
  })

  it('has a timeline from the election to the inauguration', () => {
    renderPopup()
    const timeline = screen.getByRole('heading', { name: 'Timeline' }).nextElementSibling!
    const items = within(timeline as HTMLElement).getAllByRole('listitem')
    expect(items[0]?.textContent).toMatch(/^October 4, 2020/)
    expect(items.at(-1)?.textContent).toMatch(/^January 28, 2021/)
  })

  it('lists the entities found on the page with counts; activating one opens it on the page', () => {
    const { onOpenEntity } = renderPopup({
      status: ready({
        entities: [
          { entity: 'sooronbay-jeenbekov', count: 5 },
          { entity: 'bishkek', count: 2 },
        ],
        ambiguous: 1,
      }),
    })
    const button = screen.getByRole('button', { name: 'Sooronbay Jeenbekov 5 mentions' })
    expect(button.getAttribute('title')).toBe('Show Sooronbay Jeenbekov on the page')
    fireEvent.click(button)
    expect(onOpenEntity).toHaveBeenCalledWith('sooronbay-jeenbekov')
    expect(screen.getByText('1 mentions could not be attributed with certainty.')).toBeTruthy()
  })

  it('says why nothing is listed', () => {
    renderPopup({ status: { kind: 'unavailable' } })
    expect(screen.getByText(/cannot read this page/)).toBeTruthy()
    cleanup()
    renderPopup({ status: ready({ relevant: false }) })
    expect(screen.getByText(/does not look like coverage of Kyrgyzstan/)).toBeTruthy()
    cleanup()
    renderPopup({ status: ready({ active: false }) })
    expect(screen.getByText('Switched off for this page.')).toBeTruthy()
  })

  it('has the "on everywhere" and "on this site" switches', () => {
    const { onToggleEverywhere, onToggleSite } = renderPopup()
    const everywhere = screen.getByRole('switch', { name: 'On everywhere' })
    const site = screen.getByRole('switch', { name: 'On this site (news.example)' })
    expect((everywhere as HTMLInputElement).checked).toBe(true)
    fireEvent.click(site)
    expect(onToggleSite).toHaveBeenCalledWith(false)
    fireEvent.click(everywhere)
    expect(onToggleEverywhere).toHaveBeenCalledWith(false)
  })

  it('disables "on this site" where there is no site or when off everywhere', () => {
    renderPopup({ enabled: false })
    expect(screen.getByRole<HTMLInputElement>('switch', { name: /On this site/ }).disabled).toBe(true)
  })

  it('leads with the page’s event, marks the article’s date on its timeline and labels what came after', () => {
    renderPopup({ status: ready({ published: '2020-10-06' }) })
    const summary = screen.getByTestId('event-summary')
    expect(summary.dataset.event).toBe('2020-kyrgyz-crisis')
    expect(within(summary).getByText('This page is about')).toBeTruthy()
    const timeline = screen.getByTestId('timeline')
    const items = within(timeline).getAllByRole('listitem')
    const marker = items.findIndex((li) => li.dataset.testid === 'article-date')
    expect(items[marker]!.textContent).toBe('This article: October 6, 2020')
    // Everything after the marker is dated after the article and says so; nothing before it does.
    expect(items.slice(marker + 1).length).toBeGreaterThan(0)
    expect(items.slice(marker + 1).every((li) => li.dataset.later === 'true')).toBe(true)
    expect(items.slice(marker + 1)[0]!.textContent).toContain('after this article')
    expect(items.slice(0, marker).some((li) => li.dataset.later === 'true')).toBe(false)
  })

  it('opens on the chronology of all events when the page is not coverage', () => {
    renderPopup({ status: ready({ relevant: false, events: [] }) })
    const chronology = screen.getByTestId('chronology')
    const buttons = within(chronology).getAllByRole('button')
    expect(buttons).toHaveLength(EVENTS_FILE.events.length)
    const starts = buttons.map((b) => b.querySelector('time')!.getAttribute('datetime')!)
    expect(starts).toEqual([...starts].sort())
    expect(screen.queryByText(/not about one event in particular/)).toBeNull()
  })

  it('says so, and shows the chronology, on coverage that is about no event in particular', () => {
    renderPopup({ status: ready({ events: [{ event: '2020-kyrgyz-crisis', score: 0.5 }] }) })
    expect(screen.getByTestId('chronology')).toBeTruthy()
    expect(screen.getByText(/not about one event in particular/)).toBeTruthy()
  })

  it('keeps the chronology one step away, with the page’s event marked, and opens any event from it', () => {
    renderPopup()
    fireEvent.click(screen.getByTestId('show-chronology'))
    const chronology = screen.getByTestId('chronology')
    const current = within(chronology).getByRole('button', { current: true })
    expect(current.dataset.event).toBe('2020-kyrgyz-crisis')
    expect(current.textContent).toContain('(this page)')
    const other = EVENTS_FILE.events.find((e) => e.id !== '2020-kyrgyz-crisis')!
    fireEvent.click(within(chronology).getByRole('button', { name: new RegExp(other.title.en.slice(0, 20)) }))
    const summary = screen.getByTestId('event-summary')
    expect(summary.dataset.event).toBe(other.id)
    expect(within(summary).queryByText('This page is about')).toBeNull()
    // Another event's timeline is not this article's: no article date, nothing labelled "after this article".
    expect(screen.queryByTestId('article-date')).toBeNull()
  })

  it('speaks Russian: the page’s event, its timeline marks and the chronology', () => {
    fakeBrowser.uiLanguage = 'ru'
    renderPopup({ lang: 'ru', status: ready({ published: '2020-10-06' }) })
    const summary = screen.getByTestId('event-summary')
    expect(within(summary).getByRole('heading', { level: 1 }).textContent).toBe(
      data.event('2020-kyrgyz-crisis')!.title.ru,
    )
    expect(within(summary).getByText('Эта страница о событии')).toBeTruthy()
    expect(screen.getByTestId('article-date').textContent).toMatch(/^Эта статья: /)
    fireEvent.click(screen.getByTestId('show-chronology'))
    expect(within(screen.getByTestId('chronology')).getByRole('heading').textContent).toBe(
      'Политика Кыргызстана с 2005 года',
    )
  })

  it('links to the options', () => {
    const { onOpenOptions } = renderPopup()
    fireEvent.click(screen.getByRole('button', { name: 'Options' }))
    expect(onOpenOptions).toHaveBeenCalledOnce()
  })
})
