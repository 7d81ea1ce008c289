/**
 * The build loads webextension-polyfill as an ES module (scripts/lib/polyfill-esm.ts): same polyfill, no
 * CommonJS interop copying the browser's `browser` object.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { afterEach, describe, expect, it } from 'vitest'
import { polyfillToEsm } from '../../../scripts/lib/polyfill-esm.ts'

const source = fs.readFileSync(createRequire(import.meta.url).resolve('webextension-polyfill'), 'utf8')
const globals = globalThis as { chrome?: unknown; browser?: unknown }

async function load(code: string): Promise<unknown> {
  const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: unknown }
  return module.default
}

describe('webextension-polyfill as an ES module', () => {
  afterEach(() => {
    delete globals.chrome
    delete globals.browser
  })

  it("exports the browser's own `browser` object itself where there is one (nothing copied)", async () => {
    const native = { runtime: { id: 'ext' } }
    globals.chrome = { runtime: { id: 'ext' } }
    globals.browser = native
    expect(await load(polyfillToEsm(source))).toBe(native)
  })

  it('wraps `chrome` into a promise-based `browser` where there is none', async () => {
    const sent: unknown[] = []
    globals.chrome = {
      runtime: {
        id: 'ext',
        lastError: undefined,
        sendMessage: (message: unknown, reply: (r: unknown) => void) => {
          sent.push(message)
          reply('pong')
        },
      },
    }
    const browser = (await load(`${polyfillToEsm(source)}\n// chrome only`)) as {
      runtime: { sendMessage: (m: unknown) => Promise<unknown> }
    }
    await expect(browser.runtime.sendMessage('ping')).resolves.toBe('pong')
    expect(sent).toEqual(['ping'])
  })

  it('refuses a polyfill whose wrapper has changed, saying where to look', () => {
    expect(() =>
      polyfillToEsm(source.replace('function (global, factory)', 'function (root, factory)')),
    ).toThrow(/UMD wrapper is not the expected one; update scripts\/lib\/polyfill-esm.ts/)
  })
})
