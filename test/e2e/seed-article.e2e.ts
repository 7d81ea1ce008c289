/**
 * The reference case end to end: the UPI article of 6 Oct 2020 as a news page, in both browsers.
 */
import { expect, it } from 'vitest'
import {
  hasHighlights,
  highlightEntries,
  highlightedTexts,
  hostCount,
  openCard,
  pageSnapshot,
  popupTexts,
  wordCenter,
} from './harness/page-helpers.ts'
import { inBothBrowsers } from './harness/suite.ts'

inBothBrowsers('seed article', (ctx) => {
  it('highlights the people, places and bodies of the article through CSS.highlights', async () => {
    const page = await ctx.browser.newPage(ctx.server.url('seed-upi.html'))
    await page.waitFor(hasHighlights)
    const entries = await page.evaluate(highlightEntries)
    expect(Object.keys(entries).every((n) => n.startsWith('kyrgyzstan-context'))).toBe(true)
    expect(entries['kyrgyzstan-context-background-light-person']).toBeGreaterThanOrEqual(6)
    const texts = await page.evaluate(highlightedTexts)
    for (const name of [
      'Jeenbekov',
      'Sooronbai Jeenbekov',
      'Sadyr Japarov',
      'Almazbek Atambayev',
      'Bishkek',
      'Biskek',
      'White House',
    ]) {
      expect(texts, name).toContain(name)
    }
    await page.close()
  })

  it('opens a card with the person’s name and role when a highlighted name is hovered', async () => {
    const page = await ctx.browser.newPage(ctx.server.url('seed-upi.html'))
    await page.waitFor(hasHighlights)
    const before = await page.evaluate(pageSnapshot)
    const point = await page.evaluate(wordCenter, { word: 'Sadyr Japarov' })
    expect(point).not.toBeNull()
    await page.mouseMove(point!.x - 30, point!.y - 40)
    await page.mouseMove(point!.x, point!.y)
    const card = await page.waitFor(openCard)
    expect(card.entity).toBe('sadyr-japarov')
    expect(card.heading).toBe('Sadyr Japarov')
    expect(card.text).toMatch(/President of Kyrgyzstan/)
    expect(await page.evaluate(hostCount)).toBe(1)
    // Nothing but our host element was added to the page.
    expect(await page.evaluate(pageSnapshot)).toBe(before)
    await page.close()
  })

  it('shows the October 2020 crisis in the toolbar popup', async () => {
    const page = await ctx.browser.newPage(ctx.server.url('seed-upi.html'))
    await page.waitFor(hasHighlights)
    const popup = await ctx.browser.openExtensionPage('src/popup/index.html')
    const { summary, entities } = await popup.waitFor(popupTexts)
    expect(summary).toMatch(/2020/)
    expect(summary).toMatch(/Kyrgyz/)
    expect(entities).toMatch(/Sooronbay Jeenbekov/)
    await popup.close()
    await page.close()
  })
})

inBothBrowsers('unrelated page', (ctx) => {
  it('leaves a page that is not Kyrgyzstan coverage untouched', async () => {
    const page = await ctx.browser.newPage(ctx.server.url('unrelated.html'))
    const before = await page.evaluate(pageSnapshot)
    // Give the content script time to run (it runs at document_idle).
    await new Promise((r) => setTimeout(r, 1500))
    expect(await page.evaluate(highlightEntries)).toEqual({})
    expect(await page.evaluate(hostCount)).toBe(0)
    expect(await page.evaluate(pageSnapshot)).toBe(before)
    await page.close()
  })
})
