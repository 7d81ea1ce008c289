import { afterEach, vi } from 'vitest'
import { fakeBrowser } from './fake-browser.ts'

// webextension-polyfill refuses to load outside an extension; unit tests get the fake instead.
vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }))

afterEach(() => {
  fakeBrowser.reset()
})
