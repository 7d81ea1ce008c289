/**
 * Runs a block of end-to-end tests once per browser, with the browser launched once per block and the
 * fixture server shared. Test names start with the browser, so the output says where each ran.
 */
import { afterAll, beforeAll, describe } from 'vitest'
import { BROWSERS, launchBrowser, type BrowserName, type ExtensionBrowser } from './browsers.ts'
import { startServer, type FixtureServer, type Generated } from './server.ts'

export interface SuiteContext {
  readonly name: BrowserName
  readonly browser: ExtensionBrowser
  readonly server: FixtureServer
}

export function inBothBrowsers(
  title: string,
  body: (ctx: SuiteContext) => void,
  generated: Generated = {},
): void {
  for (const name of BROWSERS) {
    describe(`[${name}] ${title}`, () => {
      let browser: ExtensionBrowser | undefined
      let server: FixtureServer | undefined
      const ctx: SuiteContext = {
        name,
        get browser() {
          if (!browser) {
            throw new Error(`${name} did not start`)
          }
          return browser
        },
        get server() {
          if (!server) {
            throw new Error('fixture server did not start')
          }
          return server
        },
      }
      beforeAll(async () => {
        server = await startServer(generated)
        browser = await launchBrowser(name)
      })
      afterAll(async () => {
        await browser?.close()
        await server?.close()
      })
      body(ctx)
    })
  }
}
