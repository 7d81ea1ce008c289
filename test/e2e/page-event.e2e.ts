/**
 * The page's own event, end to end: reports written for this project about the 2022 border fighting and the
 * 2005 Tulip Revolution open the popup on their event, and a card on each shows the person's part in it.
 */
import { expect, it } from 'vitest'
import { ENTITIES_FILE, EVENTS_FILE } from '../../src/data/index.ts'
import { hasHighlights, openCard, wordCenter } from './harness/page-helpers.ts'
import { inBothBrowsers } from './harness/suite.ts'

/** The popup's event view once rendered: which event it shows, whether as the page's, and its timeline marks. */
function popupEvent(): { event: string; kicker: boolean; articleDate: boolean; later: number } | null {
  const section = document.querySelector<HTMLElement>('[data-testid="event-summary"]')
  if (!section?.dataset.event) {
    return null
  }
  return {
    event: section.dataset.event,
    kicker: section.querySelector('.kicker') !== null,
    articleDate: section.querySelector('[data-testid="article-date"]') !== null,
    later: section.querySelectorAll('[data-later="true"]').length,
  }
}

/** The card's "in this story" section: its heading and text, once the card shows it. */
function cardStory(): { heading: string; text: string } | null {
  const root = document.querySelector('kyrgyzstan-context-ui')?.shadowRoot
  const story = root?.querySelector('[data-testid="mention-card"] [data-testid="in-this-story"]')
  return story
    ? { heading: story.querySelector('h3')?.textContent ?? '', text: story.textContent ?? '' }
    : null
}

const CASES = [
  { file: 'border-2022.html', event: '2022-kyrgyz-tajik-border-clashes', person: 'Kamchybek Tashiev' },
  { file: 'tulip-2005.html', event: '2005-tulip-revolution', person: 'Askar Akayev' },
] as const

inBothBrowsers('the page’s event', (ctx) => {
  for (const c of CASES) {
    const event = EVENTS_FILE.events.find((e) => e.id === c.event)!
    const entity = ENTITIES_FILE.entities.find((e) => e.name.en === c.person)!

    it(`opens the popup on ${c.event} for ${c.file}`, async () => {
      const page = await ctx.browser.newPage(ctx.server.url(c.file))
      await page.waitFor(hasHighlights)
      const popup = await ctx.browser.openExtensionPage('src/popup/index.html')
      const shown = await popup.waitFor(popupEvent)
      expect(shown.event).toBe(c.event)
      expect(shown.kicker).toBe(true)
      // The article's date is marked among the timeline's items.
      expect(shown.articleDate).toBe(true)
      expect(await popup.evaluate(() => document.querySelector('h1')?.textContent)).toBe(event.title.en)
      await popup.close()
      await page.close()
    })

    it(`shows ${c.person}'s part in ${c.event} on the card`, async () => {
      const part = entity.partIn?.[c.event]?.[0]
      expect(part, `${entity.id} has a part in ${c.event} in the data`).toBeDefined()
      const page = await ctx.browser.newPage(ctx.server.url(c.file))
      await page.waitFor(hasHighlights)
      const point = await page.evaluate(wordCenter, { word: c.person })
      expect(point).not.toBeNull()
      await page.mouseMove(point!.x - 30, point!.y - 40)
      await page.mouseMove(point!.x, point!.y)
      const card = await page.waitFor(openCard)
      expect(card.entity).toBe(entity.id)
      const story = await page.waitFor(cardStory)
      expect(story.heading).toContain(event.title.en)
      expect(story.text).toContain(part!.text.en)
      await page.close()
    })
  }
})
