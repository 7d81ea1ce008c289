/**
 * The interface people use, end to end in both browsers: hover intent, pinning and closing; the keyboard
 * path; the popup opening a card on the page; the badge; placement in small windows; touch; and axe-core
 * finding no accessibility violations in the card (light and dark pages), the popup and the options page.
 */
import fs from 'node:fs'
import { expect, it } from 'vitest'
import { launchBrowser, type TestPage } from './harness/browsers.ts'
import { openSettingsControl } from './harness/extension-settings.ts'
import {
  axeViolations,
  badgeOfPreviousTab,
  cardClosed,
  cardFocus,
  hasHighlights,
  openCard,
  preparedCard,
  sendToPreviousTab,
  wordCenter,
} from './harness/page-helpers.ts'
import { inBothBrowsers } from './harness/suite.ts'

const AXE = fs.readFileSync('node_modules/axe-core/axe.min.js', 'utf8')
const CARD_CONTEXT = {
  include: [{ fromShadowDom: ['kyrgyzstan-context-ui', '[data-testid="mention-card"]'] }],
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** Moves the pointer onto a word the way a person would: from elsewhere, then onto it. */
async function hover(page: TestPage, word: string, occurrence = 0): Promise<{ x: number; y: number }> {
  const point = await page.waitFor(wordCenter, { word, occurrence })
  await page.mouseMove(Math.max(1, point.x - 60), Math.max(1, point.y - 50))
  await page.mouseMove(point.x, point.y)
  return point
}

/** A point at the left edge, below `y` if there is room (never outside the viewport: Firefox refuses). */
async function awayFrom(page: TestPage, y: number): Promise<void> {
  const h = await page.evaluate(() => window.innerHeight)
  await page.mouseMove(2, Math.min(h - 2, y + 200))
}

inBothBrowsers('cards, popup and keyboard', (ctx) => {
  const seed = (): string => ctx.server.url('seed-upi.html')

  /** Stores a hover delay the way the options page does (the content scripts follow storage changes). */
  async function setHoverDelay(ms: number): Promise<void> {
    const control = await openSettingsControl(ctx)
    await control.patch({ hoverDelayMs: ms })
    await control.close()
  }

  it('opens a card on hover after the delay, keeps it while the pointer is on it, and closes it after the pointer leaves', async () => {
    const page = await ctx.browser.newPage(seed())
    await page.waitFor(hasHighlights)
    const point = await hover(page, 'Almazbek Atambayev')
    const card = await page.waitFor(openCard)
    expect(card.entity).toBe('almazbek-atambayev')
    // Into the card: it stays open.
    await page.mouseMove((card.rect.left + card.rect.right) / 2, card.rect.top + 20)
    await pause(700)
    expect(await page.evaluate(openCard)).not.toBeNull()
    // Away from both: it closes after the grace period.
    await awayFrom(page, point.y)
    await page.waitFor(cardClosed)
    await page.close()
  })

  it('builds the card hidden while the pointer rests on a name, shows that same card when the intent fires, and drops it when the pointer moves on first', async () => {
    // A long hover delay, so that the hidden card can be looked at before the intent fires.
    await setHoverDelay(1200)
    try {
      const page = await ctx.browser.newPage(seed())
      await page.waitFor(hasHighlights)
      const point = await hover(page, 'Almazbek Atambayev')
      expect(await page.waitFor(preparedCard)).toEqual({
        visibility: 'hidden',
        pointerEvents: 'none',
        ariaHidden: 'true',
        testId: null,
      })
      expect(await page.evaluate(openCard)).toBeNull()
      // Moving on before the intent: the hidden card goes, and no card opens.
      await awayFrom(page, point.y)
      await page.waitFor(
        () => !document.querySelector('kyrgyzstan-context-ui')?.shadowRoot?.querySelector('.card'),
      )
      await pause(1500)
      expect(await page.evaluate(openCard)).toBeNull()
      // Resting until the intent: the card built while waiting is the one shown.
      await hover(page, 'Almazbek Atambayev')
      await page.waitFor(preparedCard)
      await page.evaluate(() =>
        document
          .querySelector('kyrgyzstan-context-ui')
          ?.shadowRoot?.querySelector('.card.prepared')
          ?.setAttribute('data-probe', 'built-early'),
      )
      const card = await page.waitFor(openCard)
      expect(card.entity).toBe('almazbek-atambayev')
      expect(
        await page.evaluate(() => {
          const el = document
            .querySelector('kyrgyzstan-context-ui')
            ?.shadowRoot?.querySelector<HTMLElement>('[data-testid="mention-card"]')
          return el ? { probe: el.dataset.probe, visibility: getComputedStyle(el).visibility } : null
        }),
      ).toEqual({ probe: 'built-early', visibility: 'visible' })
      expect(await page.evaluate(preparedCard)).toBeNull()
      await page.close()
    } finally {
      await setHoverDelay(300)
    }
  })

  it('keeps a pinned card open and closes it with Esc', async () => {
    const page = await ctx.browser.newPage(seed())
    await page.waitFor(hasHighlights)
    await hover(page, 'Sadyr Japarov')
    const card = await page.waitFor(openCard)
    const pin = await page.evaluate(() => {
      const b = document
        .querySelector('kyrgyzstan-context-ui')
        ?.shadowRoot?.querySelector<HTMLElement>('button[aria-label="Pin card"]')
      const r = b?.getBoundingClientRect()
      return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null
    })
    expect(pin).not.toBeNull()
    await page.mouseMove(pin!.x, pin!.y)
    await page.mouseClick(pin!.x, pin!.y)
    await awayFrom(page, card.rect.bottom)
    await pause(800)
    expect((await page.evaluate(openCard))?.entity).toBe('sadyr-japarov')
    await page.press('Escape')
    await page.waitFor(cardClosed)
    await page.close()
  })

  it('moves through the mentions with the keyboard command, focusing the card, and Esc gives focus back', async () => {
    const page = await ctx.browser.newPage(seed())
    await page.waitFor(hasHighlights)
    const popup = await ctx.browser.openExtensionPage('src/popup/index.html')
    await popup.evaluate(sendToPreviousTab, { type: 'move-mention', direction: 1 })
    await page.bringToFront()
    const first = await page.waitFor(openCard)
    // The first highlighted name on the page is "Kyrgyzstan" in the headline.
    expect(first.entity).toBe('kyrgyzstan')
    expect((await page.evaluate(cardFocus)).onCard).toBe(true)
    await page.press('Tab')
    const focus = await page.evaluate(cardFocus)
    expect(focus.inCard).toBe(true)
    expect(focus.label).not.toBe('')
    await popup.evaluate(sendToPreviousTab, { type: 'move-mention', direction: 1 })
    // The second highlighted name is "Kyrgyzstan" again, in the first paragraph.
    const second = await page.waitFor(openCard)
    expect(second.entity).toBe('kyrgyzstan')
    await page.waitFor(() =>
      document
        .querySelector('kyrgyzstan-context-ui')
        ?.shadowRoot?.querySelector('[data-testid="mention-card"]')
        ?.textContent?.includes('this is mention 2'),
    )
    await page.press('Escape')
    await page.waitFor(cardClosed)
    expect((await page.evaluate(cardFocus)).inCard).toBe(false)
    await popup.close()
    await page.close()
  })

  it('opens an entity’s card on the page from the popup’s list', async () => {
    const page = await ctx.browser.newPage(seed())
    await page.waitFor(hasHighlights)
    const popup = await ctx.browser.openExtensionPage('src/popup/index.html')
    const button = await popup.waitFor(() => {
      const b = document.querySelector<HTMLButtonElement>('button[data-entity="central-election-commission"]')
      return b ? b.textContent : null
    })
    expect(button).toMatch(/Central Election Commission \(CEC\)\s*2 mentions/)
    await popup.evaluate(() =>
      document.querySelector<HTMLButtonElement>('button[data-entity="central-election-commission"]')?.click(),
    )
    const card = await page.waitFor(openCard)
    expect(card.entity).toBe('central-election-commission')
    await popup.close()
    await page.close()
  })

  it('shows the number of distinct entities on the toolbar badge, and none on other pages', async () => {
    const page = await ctx.browser.newPage(seed())
    await page.waitFor(hasHighlights)
    const popup = await ctx.browser.openExtensionPage('src/popup/index.html')
    expect(await popup.waitFor(badgeOfPreviousTab)).toBe('10')
    await popup.close()
    await page.goto(ctx.server.url('unrelated.html'))
    await pause(1000)
    const again = await ctx.browser.openExtensionPage('src/popup/index.html')
    expect(await again.evaluate(badgeOfPreviousTab)).toBe('')
    await again.close()
    await page.close()
  })

  it('places the card inside a small window, wherever the name is', async () => {
    const page = await ctx.browser.newPage(seed())
    await page.setViewport(420, 360)
    await page.waitFor(hasHighlights)
    for (const [word, occurrence] of [
      ['Jeenbekov', 3],
      ['Biskek', 0],
    ] as const) {
      await hover(page, word, occurrence)
      const card = await page.waitFor(openCard)
      const size = await page.evaluate(() => ({ w: window.innerWidth, h: window.innerHeight }))
      expect(card.rect.left).toBeGreaterThanOrEqual(0)
      expect(card.rect.top).toBeGreaterThanOrEqual(0)
      expect(card.rect.right).toBeLessThanOrEqual(size.w)
      expect(card.rect.bottom).toBeLessThanOrEqual(size.h)
      await page.press('Escape')
      await page.waitFor(cardClosed)
    }
    await page.close()
  })

  it('opens a card with a tap', async () => {
    const page = await ctx.browser.newPage(seed())
    await page.waitFor(hasHighlights)
    const point = await page.waitFor(wordCenter, { word: 'White House' })
    await page.tap(point.x, point.y)
    const card = await page.waitFor(openCard)
    expect(card.entity).toBe('white-house-bishkek')
    await page.close()
  })

  it('has no accessibility violations in the card, on a light and on a dark page', async () => {
    for (const [file, theme] of [
      ['seed-upi.html', 'light'],
      ['ui-dark.html', 'dark'],
    ] as const) {
      const page = await ctx.browser.newPage(ctx.server.url(file))
      await page.waitFor(hasHighlights)
      await hover(page, 'Sadyr Japarov')
      await page.waitFor(openCard)
      await pause(300)
      const theme$ = await page.evaluate(
        () =>
          document
            .querySelector('kyrgyzstan-context-ui')
            ?.shadowRoot?.querySelector<HTMLElement>('[data-testid="mention-card"]')?.dataset.theme,
      )
      expect(theme$).toBe(theme)
      await page.evaluateScript(AXE)
      expect(await page.evaluate(axeViolations, CARD_CONTEXT), file).toEqual([])
      await page.close()
    }
  })

  it('has no accessibility violations in the popup and the options page, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      // Firefox cannot emulate the colour scheme per page over WebDriver BiDi: it gets its own launch.
      const own =
        ctx.name === 'firefox' && scheme === 'dark'
          ? await launchBrowser('firefox', { colorScheme: 'dark' })
          : undefined
      const browser = own ?? ctx.browser
      const content = await browser.newPage(seed())
      await content.waitFor(hasHighlights)
      for (const path of ['src/popup/index.html', 'src/options/index.html']) {
        const page = await browser.openExtensionPage(path)
        if (ctx.name === 'chromium') {
          await page.colorScheme(scheme)
        }
        await page.waitFor(() => document.querySelector('main') !== null)
        expect(
          await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches),
          `${path} ${scheme}`,
        ).toBe(scheme === 'dark')
        await pause(300)
        await page.evaluateScript(AXE)
        expect(await page.evaluate(axeViolations, { exclude: [] }), `${path} ${scheme}`).toEqual([])
        await page.close()
      }
      await content.close()
      await own?.close()
    }
  })
})
