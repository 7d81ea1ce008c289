/**
 * "Cheap when irrelevant": on a page that is not Kyrgyzstan coverage only the small every-page script runs;
 * the engine chunk (data, matcher, UI) is neither loaded nor evaluated. On coverage it is.
 */
import { expect, it } from 'vitest'
import type { PageStateReply } from '../../src/shared/messages.ts'
import { hasHighlights, hostCount, sendToPreviousTab } from './harness/page-helpers.ts'
import { inBothBrowsers } from './harness/suite.ts'

inBothBrowsers('lazy loading', (ctx) => {
  async function stateAfter(file: string): Promise<PageStateReply> {
    const page = await ctx.browser.newPage(ctx.server.url(file))
    if (file === 'seed-upi.html') {
      await page.waitFor(hasHighlights)
    } else {
      await new Promise((r) => setTimeout(r, 1500))
      expect(await page.evaluate(hostCount)).toBe(0)
    }
    const popup = await ctx.browser.openExtensionPage('src/popup/index.html')
    const state = (await popup.evaluate(sendToPreviousTab, { type: 'get-page-state' })) as PageStateReply
    await popup.close()
    await page.close()
    return state
  }

  it('runs only the every-page check on an unrelated page: the engine is never loaded', async () => {
    const state = await stateAfter('unrelated.html')
    expect(state.engine).toBe(false)
    expect(state.relevant).toBe(false)
    expect(state.timing?.checkMs).toBeGreaterThanOrEqual(0)
    expect(state.timing?.scanMs).toBeUndefined()
  })

  it('loads the engine on coverage', async () => {
    const state = await stateAfter('seed-upi.html')
    expect(state.engine).toBe(true)
    expect(state.relevant).toBe(true)
    expect(state.timing?.scanMs).toBeGreaterThan(0)
  })
})
