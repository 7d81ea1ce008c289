import { afterEach, vi } from 'vitest'
import { fakeBrowser } from './fake-browser.ts'

// webextension-polyfill refuses to load outside an extension; unit tests get the fake instead.
vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }))

afterEach(async () => {
  fakeBrowser.reset()
  // Imported here, after the mock is in place: i18n imports the polyfill.
  const { resetUiLanguage } = await import('../../src/shared/i18n.ts')
  resetUiLanguage()
})
