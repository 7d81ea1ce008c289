/**
 * Pages that must come out exactly as they went in: form fields and editors being typed into, a strict CSP,
 * a page that has replaced common globals, frames, a dark page, right-to-left text, a 2 MB article and a
 * 10,000-deep tree. Each page's DOM is compared with the same markup parsed by DOMParser (the page as served,
 * before any script ran), so "unchanged" also covers what happened before the test could look.
 */
import fs from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import type { TestPage } from './harness/browsers.ts'
import { offAndOnAgain, useSettingsControl } from './harness/extension-settings.ts'
import { hoverWord } from './harness/pointer.ts'
import { GENERATED_PAGES } from './harness/generated-pages.ts'
import { hasHighlights, highlightedTexts, hostCount, openCard } from './harness/page-helpers.ts'
import {
  appendParagraph,
  caretAtEnd,
  caretToEnd,
  cardStyle,
  domFingerprint,
  elementCenter,
  extensionTraces,
  foreignMutations,
  formAndSelectionState,
  frameTraces,
  highlightReport,
  highlightsIn,
  selectWord,
} from './harness/page-probes.ts'
import { FIXTURES } from './harness/server.ts'
import { inBothBrowsers } from './harness/suite.ts'
import { problems, sleep, until } from './harness/waiting.ts'

const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8')

const sorted = (xs: readonly string[]): string[] => [...xs].sort()

/** The page's DOM (our host aside) is the served markup, untouched. */
async function expectAsServed(page: TestPage, html: string, mask?: string): Promise<void> {
  const live = await page.evaluate(domFingerprint, mask ? { mask } : {})
  const original = await page.evaluate(domFingerprint, mask ? { mask, html } : { html })
  expect(live).toEqual(original)
}

inBothBrowsers(
  'pages that must not break',
  (ctx) => {
    const control = useSettingsControl(ctx)

    it('never highlights or alters form fields, editors, code and hidden text, while the user types', async () => {
      const page = await ctx.browser.newPage(ctx.server.url('forms-and-editors.html'))
      await page.waitFor(hasHighlights)
      const html = fixture('forms-and-editors.html')
      // Only the article's visible text: not the display:none and visibility:hidden spans of #p4.
      const articleNames = [
        'Kyrgyzstan',
        'Bishkek',
        'Sadyr Japarov',
        'Almazbek Atambayev',
        'Sooronbay Jeenbekov',
      ]
      const check = async (): Promise<void> => {
        const report = await page.evaluate(highlightReport)
        expect(report.live.filter((r) => r.zone !== 'article')).toEqual([])
        expect(sorted(report.live.map((r) => r.text))).toEqual(sorted(articleNames))
        expect(report.duplicates).toBe(0)
      }
      await check()
      await expectAsServed(page, html)
      const initial = await page.evaluate(formAndSelectionState)

      // Type into each field and editor: the text arrives exactly, the caret stays at its end, focus stays.
      const typed = ' and Kamchybek Tashiev in Bishkek'
      for (const selector of ['#question', '#details', '#editor', '#plain-editor']) {
        const point = await page.evaluate(elementCenter, selector)
        await page.mouseClick(point!.x, point!.y)
        expect(await page.evaluate(caretToEnd, selector), selector).toBe(true)
        await page.type(typed)
        await sleep(700) // the engine handles the changes when the page is idle
        expect(await page.evaluate(caretAtEnd, selector), selector).toBe(true)
        const text = await page.evaluate((s: string) => {
          const el = document.querySelector<HTMLElement>(s)
          return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement
            ? el.value
            : (el?.textContent ?? '')
        }, selector)
        expect(text.endsWith(typed), `${selector}: ${text}`).toBe(true)
        await check()
      }
      const afterTyping = await page.evaluate(formAndSelectionState)
      expect(afterTyping.values).toEqual(
        initial.values.map((v) => (/^(question|details)=/.test(v) ? `${v}${typed}` : v)),
      )

      // A card opened by hover leaves focus and caret in the field being typed into.
      const point = await page.evaluate(elementCenter, '#question')
      await page.mouseClick(point!.x, point!.y)
      await page.evaluate(caretToEnd, '#question')
      const focused = await page.evaluate(formAndSelectionState)
      await hoverWord(page, 'Sadyr Japarov', '#p2')
      expect((await page.waitFor(openCard)).entity).toBe('sadyr-japarov')
      expect(await page.evaluate(formAndSelectionState)).toEqual(focused)
      await page.type('!')
      expect((await page.evaluate(formAndSelectionState)).values[0]).toMatch(/Tashiev in Bishkek!$/)
      await page.press('Escape')

      // The reader's selection over a highlighted name survives new text arriving and being highlighted.
      expect(await page.evaluate(selectWord, { root: '#p2', word: 'freed Sadyr Japarov from' })).toBe(
        'freed Sadyr Japarov from',
      )
      const selected = await page.evaluate(formAndSelectionState)
      await page.evaluate(appendParagraph, {
        parent: '#more',
        id: 'p5',
        text: 'Kamchybek Tashiev was later appointed to lead the GKNB.',
      })
      await until(page, highlightsIn, '#p5', (t) => t.includes('Kamchybek Tashiev'))
      expect(await page.evaluate(formAndSelectionState)).toEqual(selected)

      // Off and on again: values, focus and selection are what the user left.
      await offAndOnAgain(page, control(), async () => {
        expect(await page.evaluate(formAndSelectionState)).toEqual(selected)
      })
      expect(await page.evaluate(formAndSelectionState)).toEqual(selected)

      expect(await page.evaluate(foreignMutations)).toEqual([])
      expect(problems(page)).toEqual([])
      await page.close()
    })

    it('works on a page served with Content-Security-Policy: default-src none', async () => {
      const page = await ctx.browser.newPage(ctx.server.url('strict-csp.html'))
      await page.waitFor(hasHighlights)
      const texts = await page.evaluate(highlightedTexts)
      for (const name of ['Sadyr Japarov', 'Almazbek Atambayev', 'Central Election Commission', 'Bishkek']) {
        expect(texts, name).toContain(name)
      }
      await hoverWord(page, 'Sadyr Japarov')
      const card = await page.waitFor(openCard)
      expect(card.heading).toBe('Sadyr Japarov')
      // The card's stylesheet applied inside the shadow root despite the policy.
      expect(await page.evaluate(cardStyle)).toMatchObject({ position: 'fixed', theme: 'light' })
      expect(card.rect.right - card.rect.left).toBeGreaterThan(150)
      await expectAsServed(page, fixture('strict-csp.html'))
      await offAndOnAgain(page, control(), () => expectAsServed(page, fixture('strict-csp.html')))
      // Firefox reports the policy blocking the browser's own favicon request; nothing else may appear.
      expect(problems(page).filter((p) => !/favicon\.ico/.test(p))).toEqual([])
      await page.close()
    })

    it('is not affected by a page that replaced Array.prototype.map, contains, rAF, JSON, Promise and more', async () => {
      const page = await ctx.browser.newPage(ctx.server.url('hostile-globals.html'))
      await page.waitFor(hasHighlights)
      const texts = await page.evaluate(highlightedTexts)
      for (const name of ['Sadyr Japarov', 'Almazbek Atambayev', 'Sooronbay Jeenbekov', 'Bishkek']) {
        expect(texts, name).toContain(name)
      }
      await hoverWord(page, 'Almazbek Atambayev')
      expect((await page.waitFor(openCard)).entity).toBe('almazbek-atambayev')
      // Nothing called the page's replacements (they throw, and record the call).
      expect(
        await page.evaluate(() => (window as unknown as { __hijackCalls: string[] }).__hijackCalls),
      ).toEqual([])
      await expectAsServed(page, fixture('hostile-globals.html'))
      await offAndOnAgain(page, control(), () => expectAsServed(page, fixture('hostile-globals.html')))
      expect(problems(page)).toEqual([])
      await page.close()
    })

    it('runs in the top frame only: framed articles stay plain, the top page works', async () => {
      const page = await ctx.browser.newPage(ctx.server.url('iframe-host.html'))
      await page.waitFor(hasHighlights)
      const report = await page.evaluate(highlightReport)
      expect(sorted(report.live.map((r) => r.text))).toEqual(
        sorted(['Kyrgyzstan', 'Kyrgyzstan', 'Sooronbay Jeenbekov', 'Bishkek', 'Sadyr Japarov']),
      )
      for (const frame of ['#framed', '#inline']) {
        const traces = await page.waitFor(frameTraces, frame)
        expect(traces.text, frame).toMatch(/Atambayev/)
        expect({ entries: traces.entries, hosts: traces.hosts }, frame).toEqual({ entries: 0, hosts: 0 })
      }
      expect(await page.evaluate(domFingerprint, { frame: '#framed' })).toEqual(
        await page.evaluate(domFingerprint, { html: fixture('iframe-article.html') }),
      )
      await hoverWord(page, 'Sooronbay Jeenbekov', '#top-text')
      expect((await page.waitFor(openCard)).entity).toBe('sooronbay-jeenbekov')
      await expectAsServed(page, fixture('iframe-host.html'))
      await offAndOnAgain(page, control(), () => expectAsServed(page, fixture('iframe-host.html')))
      expect(problems(page)).toEqual([])
      await page.close()
    })

    it('uses the dark highlight names and a dark card on a dark page', async () => {
      const page = await ctx.browser.newPage(ctx.server.url('dark.html'))
      await page.waitFor(hasHighlights)
      const names = Object.keys((await page.evaluate(highlightReport)).entries)
      expect(names.length).toBeGreaterThan(0)
      expect(names.filter((n) => !n.includes('-dark-'))).toEqual([])
      await hoverWord(page, 'Sadyr Japarov')
      await page.waitFor(openCard)
      expect(await page.evaluate(cardStyle)).toMatchObject({ theme: 'dark' })
      await expectAsServed(page, fixture('dark.html'))
      await offAndOnAgain(page, control(), () => expectAsServed(page, fixture('dark.html')))
      expect(problems(page)).toEqual([])
      await page.close()
    })

    it('highlights names in right-to-left Arabic text, Latin and Arabic script, and opens their cards', async () => {
      const page = await ctx.browser.newPage(ctx.server.url('rtl-arabic.html'))
      await page.waitFor(hasHighlights)
      const report = await page.evaluate(highlightReport)
      expect(sorted(report.live.map((r) => r.text))).toEqual(
        sorted([
          'قيرغيزستان',
          'بيشكيك',
          'قيرغيزستان',
          'صادر جاباروف',
          'Sadyr Japarov',
          'أتامباييف',
          'Almazbek Atambayev',
          'سورونباي جينبيكوف',
          'Sooronbay Jeenbekov',
          'بيشكيك',
          'لجنة الانتخابات المركزية',
        ]),
      )
      expect(report.duplicates).toBe(0)
      await hoverWord(page, 'Sadyr Japarov')
      expect((await page.waitFor(openCard)).entity).toBe('sadyr-japarov')
      await page.press('Escape')
      await hoverWord(page, 'بيشكيك', '#p3')
      expect((await page.waitFor(openCard)).entity).toBe('bishkek')
      await expectAsServed(page, fixture('rtl-arabic.html'))
      await offAndOnAgain(page, control(), () => expectAsServed(page, fixture('rtl-arabic.html')))
      expect(problems(page)).toEqual([])
      await page.close()
    })

    it('keeps its own errors: a page claiming our element name gets highlights, no card, no uncaught error', async () => {
      const page = await ctx.browser.newPage(ctx.server.url('claimed-host-name.html'))
      await page.waitFor(hasHighlights)
      await hoverWord(page, 'Sadyr Japarov')
      await sleep(1200)
      expect(await page.evaluate(openCard)).toBeNull()
      expect(await page.evaluate(hostCount)).toBe(0)
      // The page's constructor ran once (for the element we created and then left detached).
      expect(await page.evaluate(() => (window as unknown as { __constructed: number }).__constructed)).toBe(
        1,
      )
      await hoverWord(page, 'Almazbek Atambayev')
      await sleep(800)
      // One prefixed warning, once, and nothing uncaught.
      const seen = problems(page)
      expect(seen, seen.join('\n')).toHaveLength(1)
      expect(seen[0]).toMatch(/^warn(ing)?: \[Kyrgyzstan Context\] ui host: /)
      expect(await page.evaluate(highlightedTexts)).toContain('Sadyr Japarov')
      await offAndOnAgain(page, control(), () => expectAsServed(page, fixture('claimed-host-name.html')))
      expect(problems(page)).toHaveLength(1)
      await page.close()
    })

    it('falls back to the defaults with one warning when the stored settings are corrupt', async () => {
      await control().setRaw('not settings')
      const page = await ctx.browser.newPage(ctx.server.url('dark.html'))
      await page.waitFor(hasHighlights)
      await sleep(500)
      // Both content scripts read the settings; the warning is still printed once.
      const seen = problems(page)
      expect(seen, seen.join('\n')).toHaveLength(1)
      expect(seen[0]).toMatch(
        /^warn(ing)?: \[Kyrgyzstan Context\] settings: stored settings are not an object/,
      )
      await page.close()
    })

    it('highlights a 2 MB article to its last paragraph and the page stays responsive', async () => {
      const page = await ctx.browser.newPage(ctx.server.url('generated/big-article.html'))
      await page.waitFor(() => document.readyState === 'complete')
      // Probe how long the page's main thread is blocked while the extension works.
      await page.evaluate(() => {
        const w = window as unknown as { __maxGap: number }
        w.__maxGap = 0
        let last = performance.now()
        setInterval(() => {
          const now = performance.now()
          w.__maxGap = Math.max(w.__maxGap, now - last)
          last = now
        }, 20)
      })
      // Past 1,500 mentions only those near the viewport are painted (docs/ARCHITECTURE.md): the last
      // paragraph gets its highlights once it is scrolled to, after the scan has reached it.
      await until(page, hasHighlights, undefined, Boolean, 30_000)
      await page.evaluate(() => document.querySelector('#last')?.scrollIntoView({ block: 'center' }))
      await until(page, highlightsIn, '#last', (t) => t.includes('Sadyr Japarov'), 30_000)
      const traces = await page.evaluate(extensionTraces)
      expect(traces.ranges).toBeGreaterThan(0)
      expect(traces.ranges, 'ranges painted at once on a page of 10,000+ mentions').toBeLessThan(5_000)
      await sleep(300)
      const maxGap = await page.evaluate(() => (window as unknown as { __maxGap: number }).__maxGap)
      console.log(
        `[${ctx.name}] 2 MB article: ${traces.ranges} ranges, longest main-thread gap ${Math.round(maxGap)} ms`,
      )
      expect(maxGap).toBeLessThan(5000)
      await hoverWord(page, 'Sadyr Japarov', '#last')
      expect((await page.waitFor(openCard)).entity).toBe('sadyr-japarov')
      // Scrolled far away again, the last paragraph's ranges are taken out: the registry stays small.
      await page.mouseMove(1, 1)
      await page.evaluate(() => window.scrollTo(0, 0))
      await until(page, highlightsIn, '#last', (t) => t.length === 0)
      const served = GENERATED_PAGES['generated/big-article.html']!()
      await expectAsServed(page, served)
      await offAndOnAgain(page, control(), () => expectAsServed(page, served))
      expect(problems(page)).toEqual([])
      await page.close()
    })

    it('handles a 10,000-deep tree without throwing', async () => {
      const page = await ctx.browser.newPage(ctx.server.url('generated/deep-nesting.html'))
      expect(await page.evaluate(() => (window as unknown as { __depth: number }).__depth)).toBeGreaterThan(
        10_000,
      )
      await page.waitFor(hasHighlights)
      await until(page, highlightsIn, '#top', (t) => t.includes('Sadyr Japarov') && t.includes('Bishkek'))
      // Every 1,000 levels a paragraph names Jeenbekov and Bishkek; the deepest names Tashiev and the GKNB.
      await until(page, highlightsIn, '#deepest', (t) => sorted(t).join() === 'GKNB,Kamchybek Tashiev')
      const deep = await page.evaluate(highlightsIn, '#nest')
      expect(deep.filter((t) => t === 'Sooronbay Jeenbekov')).toHaveLength(10)
      expect(deep.filter((t) => t === 'Bishkek')).toHaveLength(10)
      const before = await page.evaluate(domFingerprint, {})
      expect(before.nodes).toBeGreaterThan(10_000)
      await expectAsServed(page, GENERATED_PAGES['generated/deep-nesting.html']!(), '#nest')
      expect(await page.evaluate(domFingerprint, {})).toEqual(before)
      await hoverWord(page, 'Kamchybek Tashiev', '#deepest')
      expect((await page.waitFor(openCard)).entity).toBe('kamchybek-tashiev')
      expect(await page.evaluate(hostCount)).toBe(1)
      await offAndOnAgain(page, control(), async () => {
        expect(await page.evaluate(domFingerprint, {})).toEqual(before)
      })
      expect(problems(page)).toEqual([])
      await page.close()
    })
  },
  GENERATED_PAGES,
)
