// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DataIndex } from '../../../src/core/data-index.ts'
import { ENTITIES_FILE, EVENTS_FILE } from '../../../src/data/index.ts'
import { PopupApp, type PageStatus, type PopupProps } from '../../../src/popup/popup-app.tsx'

const data = new DataIndex({ entities: ENTITIES_FILE, events: EVENTS_FILE })
const event = data.event('2020-kyrgyz-crisis')!

const ready = (over: Partial<Extract<PageStatus, { kind: 'ready' }>['state']> = {}): PageStatus => ({
  kind: 'ready',
  state: { host: 'news.example', active: true, relevant: true, entities: [], ambiguous: 0, ...over },
})

function renderPopup(props: Partial<PopupProps> = {}) {
  const handlers = {
    onToggleEverywhere: vi.fn(),
    onToggleSite: vi.fn(),
    onOpenEntity: vi.fn(),
    onOpenOptions: vi.fn(),
  }
  render(
    <PopupApp
      data={data}
      event={event}
      lang="en"
      status={ready()}
      enabled
      siteEnabled
      {...handlers}
      {...props}
    />,
  )
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
    expect(items[3]).toMatch(/^more than 1,000 October 2020/)
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

  it('links to the options', () => {
    const { onOpenOptions } = renderPopup()
    fireEvent.click(screen.getByRole('button', { name: 'Options' }))
    expect(onOpenOptions).toHaveBeenCalledOnce()
  })
})
