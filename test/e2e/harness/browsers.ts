/**
 * Launches the real browsers with the built extension: Debian's Chromium through playwright-core, and
 * Firefox ESR through puppeteer-core over WebDriver BiDi (temporary add-on install). Both are wrapped in one
 * small interface so each end-to-end test runs unchanged in both.
 *
 * A missing browser is an error that says how to install it, never a skipped test.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core'
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core'

export type BrowserName = 'chromium' | 'firefox'
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox']

const GECKO_ID = 'kyrgyzstan-context@kyrgyzstan-context.org'
/** Pinned so the tests know the moz-extension:// origin (Firefox picks a random one per profile). */
const FIREFOX_UUID = '6f1c9a2e-4b7d-4e8a-9c3f-2a5b7d9e1f40'

function findBinary(envVar: string, candidates: string[], install: string): string {
  const fromEnv = process.env[envVar]
  if (fromEnv) {
    if (fs.existsSync(fromEnv)) {
      return fromEnv
    }
    throw new Error(`${envVar}=${fromEnv} does not exist. ${install}`)
  }
  const found = candidates.find((c) => fs.existsSync(c))
  if (found) {
    return found
  }
  throw new Error(`No ${envVar.toLowerCase()} binary found (looked in ${candidates.join(', ')}). ${install}`)
}

export const chromiumPath = (): string =>
  findBinary(
    'CHROMIUM',
    ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'],
    'Install it with `sudo apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM=/path/to/chromium.',
  )

export const firefoxPath = (): string =>
  findBinary(
    'FIREFOX',
    ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr'],
    'Install it with `sudo apt-get install firefox-esr` (Debian/Ubuntu), or set FIREFOX=/path/to/firefox.',
  )

export const distDir = (name: BrowserName): string =>
  path.resolve('dist', name === 'chromium' ? 'chrome' : 'firefox')

/** The parts of a page the tests use, the same for both drivers. */
export interface TestPage {
  readonly browser: BrowserName
  goto(url: string): Promise<void>
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>
  /** Evaluates a script source in the page (as devtools would: page CSP does not apply). */
  evaluateScript(source: string): Promise<unknown>
  bringToFront(): Promise<void>
  /** Emulates the browser's colour scheme preference for this page. */
  colorScheme(scheme: 'light' | 'dark'): Promise<void>
  /** Polls `fn` in the page until it returns a truthy value; returns it. */
  waitFor<R, A = undefined>(
    fn: (arg: A) => R | Promise<R>,
    arg?: A,
    timeoutMs?: number,
  ): Promise<NonNullable<R>>
  mouseMove(x: number, y: number): Promise<void>
  mouseClick(x: number, y: number): Promise<void>
  tap(x: number, y: number): Promise<void>
  press(key: string): Promise<void>
  type(text: string): Promise<void>
  screenshot(file: string): Promise<void>
  setViewport(width: number, height: number): Promise<void>
  /** Messages the page logged to its console (warnings and errors), and uncaught page errors. */
  consoleProblems(): string[]
  close(): Promise<void>
}

export interface ExtensionBrowser {
  readonly name: BrowserName
  newPage(url?: string): Promise<TestPage>
  /** Opens one of the extension's own pages (popup, options) in a tab. */
  openExtensionPage(relativePath: string): Promise<TestPage>
  close(): Promise<void>
}

const DEFAULT_TIMEOUT = 15_000

async function poll<R>(check: () => Promise<R>, timeoutMs: number, what: string): Promise<NonNullable<R>> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const value = await check()
      if (value) {
        return value
      }
      last = value
    } catch (err) {
      last = err
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`)
    }
    await new Promise((r) => setTimeout(r, 50))
  }
}

function wrapPlaywright(page: PwPage): TestPage {
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') {
      problems.push(`${m.type()}: ${m.text()}`)
    }
  })
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  return {
    browser: 'chromium',
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' })
    },
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
    evaluateScript: (source) => page.evaluate(source),
    bringToFront: () => page.bringToFront(),
    colorScheme: (scheme) => page.emulateMedia({ colorScheme: scheme }),
    waitFor: (fn, arg, timeoutMs = DEFAULT_TIMEOUT) =>
      poll(() => page.evaluate(fn as (a: unknown) => never, arg), timeoutMs, fn.toString().slice(0, 120)),
    mouseMove: (x, y) => page.mouse.move(x, y),
    mouseClick: (x, y) => page.mouse.click(x, y),
    tap: async (x, y) => {
      const cdp = await page.context().newCDPSession(page)
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] })
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
      await cdp.detach()
    },
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    screenshot: async (file) => {
      await page.screenshot({ path: file })
    },
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    consoleProblems: () => [...problems],
    close: () => page.close(),
  }
}

function wrapPuppeteer(page: PpPage): TestPage {
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') {
      problems.push(`${m.type()}: ${m.text()}`)
    }
  })
  page.on('pageerror', (e) => problems.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`))
  return {
    browser: 'firefox',
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' })
    },
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
    evaluateScript: (source) => page.evaluate(source),
    bringToFront: () => page.bringToFront(),
    // WebDriver BiDi has no media emulation yet: launch Firefox with LaunchOptions.colorScheme instead.
    colorScheme: (scheme) =>
      Promise.reject(
        new Error(`Firefox cannot switch to ${scheme} per page; launch it with { colorScheme }`),
      ),
    waitFor: (fn, arg, timeoutMs = DEFAULT_TIMEOUT) =>
      poll(
        () => page.evaluate(fn as (a: unknown) => never, arg) as never,
        timeoutMs,
        fn.toString().slice(0, 120),
      ),
    mouseMove: (x, y) => page.mouse.move(x, y),
    mouseClick: (x, y) => page.mouse.click(x, y),
    tap: (x, y) => page.touchscreen.tap(x, y),
    press: (key) => page.keyboard.press(key as never),
    type: (text) => page.keyboard.type(text),
    screenshot: async (file) => {
      await page.screenshot({ path: file })
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    consoleProblems: () => [...problems],
    close: () => page.close(),
  }
}

async function launchChromium(options: LaunchOptions): Promise<ExtensionBrowser> {
  const ext = options.extensionDir ?? distDir('chromium')
  if (!fs.existsSync(path.join(ext, 'manifest.json'))) {
    throw new Error(`No build in ${ext}: run npm run build first.`)
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-chromium-'))
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  })
  let [worker] = context.serviceWorkers()
  worker ??= await context.waitForEvent('serviceworker', { timeout: DEFAULT_TIMEOUT })
  const extensionId = new URL(worker.url()).host
  return {
    name: 'chromium',
    newPage: async (url) => {
      const page = wrapPlaywright(await context.newPage())
      if (url) {
        await page.goto(url)
      }
      return page
    },
    openExtensionPage: async (relativePath) => {
      const page = await context.newPage()
      await page.goto(`chrome-extension://${extensionId}/${relativePath}`)
      return wrapPlaywright(page)
    },
    close: async () => {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
}

async function launchFirefox(options: LaunchOptions): Promise<ExtensionBrowser> {
  const ext = options.extensionDir ?? distDir('firefox')
  if (!fs.existsSync(path.join(ext, 'manifest.json'))) {
    throw new Error(`No build in ${ext}: run npm run build first.`)
  }
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // Lets the tests open moz-extension:// pages (popup, options) in a tab.
    args: ['--remote-allow-system-access', '--width=1280', '--height=800'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // No network for the browser itself: the tests only talk to 127.0.0.1.
      'network.captive-portal-service.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      // 0 = dark, 1 = light: what prefers-color-scheme reports to pages, extension pages included.
      ...(options.colorScheme
        ? { 'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1 }
        : {}),
    },
  })
  await browser.installExtension(ext)
  return {
    name: 'firefox',
    newPage: async (url) => {
      const raw = await browser.newPage()
      await raw.setViewport({ width: 1280, height: 800 })
      const page = wrapPuppeteer(raw)
      if (url) {
        await page.goto(url)
      }
      return page
    },
    openExtensionPage: async (relativePath) => {
      const page = await browser.newPage()
      // Navigation to moz-extension:// never reports completion over BiDi: start it, then wait for content.
      page.goto(`moz-extension://${FIREFOX_UUID}/${relativePath}`).catch(() => undefined)
      // An evaluation that straddles the switch from about:blank to the extension page can fail inside
      // Firefox's remote agent ("right-hand side of 'in' should be an object, got null"): poll again.
      await poll(
        () =>
          page.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete'),
        DEFAULT_TIMEOUT,
        `moz-extension://…/${relativePath}`,
      )
      return wrapPuppeteer(page)
    },
    close: () => browser.close(),
  }
}

export interface LaunchOptions {
  /** Chromium only: false opens a real window (npm start with a display). */
  headless?: boolean
  /** Firefox only: the colour scheme pages see (Chromium emulates it per page with TestPage.colorScheme). */
  colorScheme?: 'light' | 'dark'
  /** The unpacked extension to load instead of dist/ (the release check loads the unzipped packages). */
  extensionDir?: string
}

export function launchBrowser(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options)
}
