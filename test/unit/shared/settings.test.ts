import { describe, expect, it, vi } from 'vitest'
import {
  DEFAULT_SETTINGS,
  isActiveOn,
  isSiteDisabled,
  parseSettings,
  siteFromInput,
  withSiteEnabled,
} from '../../../src/shared/settings.ts'
import { readSwitches } from '../../../src/shared/switches.ts'
import { loadSettings } from '../../../src/shared/settings-store.ts'
import { fakeBrowser } from '../fake-browser.ts'

describe('settings', () => {
  it('start from sensible defaults', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS })
    expect(DEFAULT_SETTINGS).toMatchObject({
      enabled: true,
      disabledSites: [],
      highlightStyle: 'background',
      hoverDelayMs: 300,
    })
    expect(Object.values(DEFAULT_SETTINGS.types).every(Boolean)).toBe(true)
  })

  it('fill fields a newer version added from the defaults', () => {
    const { settings, warning } = parseSettings({ version: 1, enabled: false })
    expect(warning).toBeUndefined()
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, enabled: false })
  })

  it('migrate the unversioned early shape', () => {
    const { settings } = parseSettings({ enabled: true, style: 'background' })
    expect(settings.highlightStyle).toBe('background')
    expect(settings.version).toBe(1)
  })

  it('fall back to the defaults, with a warning naming the field, when stored values are corrupt', () => {
    const garbage = parseSettings('garbage')
    expect(garbage.settings).toEqual(DEFAULT_SETTINGS)
    expect(garbage.warning).toMatch(/not an object/)
    const bad = parseSettings({ version: 1, hoverDelayMs: 'soon' })
    expect(bad.settings).toEqual(DEFAULT_SETTINGS)
    expect(bad.warning).toMatch(/hoverDelayMs/)
    expect(parseSettings({ version: 1, highlightStyle: 'neon' }).settings).toEqual(DEFAULT_SETTINGS)
  })

  it('turn off a site and its subdomains, and back on', () => {
    const off = withSiteEnabled(DEFAULT_SETTINGS, 'www.example.org', false)
    expect(off.disabledSites).toEqual(['example.org'])
    expect(isSiteDisabled(off, 'news.example.org')).toBe(true)
    expect(isSiteDisabled(off, 'example.com')).toBe(false)
    expect(isActiveOn(off, 'example.org')).toBe(false)
    expect(withSiteEnabled(off, 'example.org', true).disabledSites).toEqual([])
    expect(isActiveOn({ ...DEFAULT_SETTINGS, enabled: false }, 'example.com')).toBe(false)
  })

  it('read a site name from what a user types', () => {
    expect(siteFromInput(' https://WWW.Example.org:8080/path?q ')).toBe('example.org')
    expect(siteFromInput('news.example')).toBe('news.example')
    expect(siteFromInput('not a site')).toBeUndefined()
    expect(siteFromInput('')).toBeUndefined()
  })
})

describe('settings in storage', () => {
  it('load the stored values', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, hoverDelayMs: 500 } })
    expect((await loadSettings()).hoverDelayMs).toBe(500)
  })

  it('fall back to defaults with one prefixed warning when storage holds something unreadable', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    await fakeBrowser.storage.local.set({ settings: { version: 1, types: 'all' } })
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS)
    await loadSettings()
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0]?.[0]).toMatch(/^\[Kyrgyzstan Context\] settings: stored settings are invalid/)
    warn.mockRestore()
  })
})

describe('the switches the every-page script reads', () => {
  it('agree with the full settings on valid input', () => {
    for (const stored of [
      undefined,
      { version: 1, enabled: false },
      { version: 1, disabledSites: ['a.example'] },
    ]) {
      const full = parseSettings(stored).settings
      expect(readSwitches(stored).switches).toEqual({
        enabled: full.enabled,
        disabledSites: full.disabledSites,
      })
    }
  })

  it('fall back to on everywhere when the switches themselves are corrupt, with a warning', () => {
    expect(readSwitches({ enabled: 'no' })).toEqual({
      switches: { enabled: true, disabledSites: [] },
      warning: 'stored switches are invalid; using defaults',
    })
    expect(readSwitches(42).warning).toMatch(/not an object/)
  })

  it('keep the user’s switches when only another field is corrupt', () => {
    expect(readSwitches({ version: 1, enabled: false, hoverDelayMs: 'soon' }).switches.enabled).toBe(false)
  })
})
