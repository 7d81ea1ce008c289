/**
 * A small stand-in for the WebExtension API in unit tests: i18n from the real _locales files (with $1…$9
 * substitutions, like browsers), an in-memory storage.local with change events, and no-op messaging.
 */
import fs from 'node:fs'
import path from 'node:path'

type Messages = Record<string, { message: string }>

const locales: Record<string, Messages> = {
  en: JSON.parse(fs.readFileSync(path.resolve('public/_locales/en/messages.json'), 'utf8')) as Messages,
  ru: JSON.parse(fs.readFileSync(path.resolve('public/_locales/ru/messages.json'), 'utf8')) as Messages,
}

type ChangeListener = (
  changes: Record<string, { oldValue?: unknown; newValue?: unknown }>,
  area: string,
) => void

export const fakeBrowser = {
  uiLanguage: 'en',
  storageData: new Map<string, unknown>(),
  storageListeners: new Set<ChangeListener>(),
  reset(): void {
    this.uiLanguage = 'en'
    this.storageData.clear()
    this.storageListeners.clear()
  },
  i18n: {
    getUILanguage: (): string => fakeBrowser.uiLanguage,
    getMessage: (key: string, subs?: string | string[]): string => {
      const table = locales[fakeBrowser.uiLanguage.startsWith('ru') ? 'ru' : 'en'] ?? {}
      const text = table[key]?.message ?? ''
      const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]
      return text.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '')
    },
  },
  storage: {
    local: {
      get: (key: string): Promise<Record<string, unknown>> =>
        Promise.resolve(
          fakeBrowser.storageData.has(key)
            ? { [key]: structuredClone(fakeBrowser.storageData.get(key)) }
            : {},
        ),
      set: (items: Record<string, unknown>): Promise<void> => {
        for (const [k, v] of Object.entries(items)) {
          const oldValue = fakeBrowser.storageData.get(k)
          fakeBrowser.storageData.set(k, structuredClone(v))
          for (const l of fakeBrowser.storageListeners) {
            l({ [k]: { oldValue, newValue: structuredClone(v) } }, 'local')
          }
        }
        return Promise.resolve()
      },
    },
    onChanged: {
      addListener: (l: ChangeListener): void => void fakeBrowser.storageListeners.add(l),
      removeListener: (l: ChangeListener): void => void fakeBrowser.storageListeners.delete(l),
    },
  },
  runtime: {
    sendMessage: (): Promise<undefined> => Promise.resolve(undefined),
    onMessage: { addListener: (): void => undefined },
    getURL: (p: string): string => `moz-extension://test/${p}`,
  },
}
