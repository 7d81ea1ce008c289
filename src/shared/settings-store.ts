/**
 * Settings in browser storage: read with fallback, write, and follow changes. The pure rules are in
 * settings.ts; this file is the only one that touches storage for them.
 */
import browser from 'webextension-polyfill'
import { logOnce } from './log.ts'
import { SETTINGS_KEY, parseSettings, type Settings } from './settings.ts'

export async function loadSettings(): Promise<Settings> {
  let stored: unknown
  try {
    stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]
  } catch (err) {
    logOnce('settings', err)
  }
  const { settings, warning } = parseSettings(stored)
  if (warning !== undefined) {
    logOnce('settings', warning)
  }
  return settings
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings })
}

/** Calls `listener` with the new settings whenever they change; returns the function that stops listening. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, browser.Storage.StorageChange>, area: string): void => {
    const change = changes[SETTINGS_KEY]
    if (area !== 'local' || change === undefined) {
      return
    }
    const { settings, warning } = parseSettings(change.newValue)
    if (warning !== undefined) {
      logOnce('settings', warning)
    }
    listener(settings)
  }
  browser.storage.onChanged.addListener(handler)
  return () => browser.storage.onChanged.removeListener(handler)
}
