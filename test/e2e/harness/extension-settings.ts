/**
 * Switches the extension on and off the way its popup does: by writing `settings` in storage.local from one
 * of its own pages. A suite opens that page once, before its test pages, so the pages under test stay in
 * the foreground.
 */
import { afterAll, afterEach, beforeAll } from 'vitest'
import type { TestPage } from './browsers.ts'
import { extensionTraces, highlightReport } from './page-probes.ts'
import type { SuiteContext } from './suite.ts'
import { until } from './waiting.ts'

/**
 * Evaluated in an extension page: self-contained. Stores `patch` over the settings, keeping the rest as stored,
 * or, given `raw`, stores that as the settings as is (to test corrupt profiles).
 */
export async function storeSettings(
  change: { patch: Record<string, unknown> } | { raw: unknown },
): Promise<void> {
  interface Area {
    get(key: string): Promise<Record<string, unknown>>
    set(items: Record<string, unknown>): Promise<void>
  }
  const g = globalThis as unknown as {
    browser?: { storage: { local: Area } }
    chrome?: { storage: { local: Area } }
  }
  const api = g.browser ?? g.chrome
  if (!api) {
    throw new Error('no extension API in this page')
  }
  if ('raw' in change) {
    await api.storage.local.set({ settings: change.raw })
    return
  }
  const stored = (await api.storage.local.get('settings')).settings
  const base = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : { version: 1 }
  await api.storage.local.set({ settings: { ...base, ...change.patch } })
}

export interface SettingsControl {
  setEnabled(enabled: boolean): Promise<void>
  /** Stores some settings the way the options page does, keeping the others. */
  patch(settings: Record<string, unknown>): Promise<void>
  setRaw(value: unknown): Promise<void>
  close(): Promise<void>
}

export async function openSettingsControl(ctx: SuiteContext): Promise<SettingsControl> {
  const page: TestPage = await ctx.browser.openExtensionPage('src/popup/index.html')
  return {
    setEnabled: async (enabled) => {
      await page.evaluate(storeSettings, { patch: { enabled } })
    },
    patch: async (settings) => {
      await page.evaluate(storeSettings, { patch: settings })
    },
    setRaw: async (value) => {
      await page.evaluate(storeSettings, { raw: value })
    },
    close: () => page.close(),
  }
}

/**
 * For a suite: opens the control before the suite's pages (so they stay in the foreground), switches the
 * extension back on after each test, closes the control at the end. Gives the control to the tests.
 */
export function useSettingsControl(ctx: SuiteContext): () => SettingsControl {
  let control: SettingsControl | undefined
  beforeAll(async () => {
    control = await openSettingsControl(ctx)
  })
  afterEach(async () => {
    await control?.setEnabled(true)
  })
  afterAll(async () => {
    await control?.close()
  })
  return () => {
    if (!control) {
      throw new Error('the settings control is opened in beforeAll')
    }
    return control
  }
}

/**
 * Switches the extension off, waits until every trace is gone (highlight entries, the UI host), runs
 * `whileOff`, switches it on and waits for the same highlights to come back, without a reload.
 */
export async function offAndOnAgain(
  page: TestPage,
  control: SettingsControl,
  whileOff?: () => Promise<void>,
): Promise<void> {
  const texts = (r: Awaited<ReturnType<typeof highlightReport>>): string =>
    r.live
      .map((x) => x.text)
      .sort()
      .join('|')
  const before = texts(await page.evaluate(highlightReport))
  await control.setEnabled(false)
  await until(page, extensionTraces, undefined, (t) => t.entries === 0 && t.ranges === 0 && t.hosts === 0)
  await whileOff?.()
  await control.setEnabled(true)
  await until(
    page,
    highlightReport,
    undefined,
    (r) => r.stale === 0 && r.duplicates === 0 && texts(r) === before,
    30_000,
  )
}
