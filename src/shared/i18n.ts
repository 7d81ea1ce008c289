/**
 * UI strings through browser.i18n (_locales/en, _locales/ru), and the data's own texts in the same language.
 * Dates and numbers are formatted with Intl in the UI language.
 */
import browser from 'webextension-polyfill'
import type { Localized } from '../data/schema.ts'
import type en from '../../public/_locales/en/messages.json'

export type MessageKey = keyof typeof en

export type UiLanguage = 'en' | 'ru'

export function uiLanguage(): UiLanguage {
  try {
    return browser.i18n.getUILanguage().toLowerCase().startsWith('ru') ? 'ru' : 'en'
  } catch {
    return 'en'
  }
}

/** The UI string for `key`; the key itself if the locale lacks it (visible in tests, never blank). */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  try {
    return browser.i18n.getMessage(key, substitutions) || key
  } catch {
    return key
  }
}

export const localized = (text: Localized, lang: UiLanguage = uiLanguage()): string =>
  (lang === 'ru' ? text.ru : undefined) ?? text.en

/** An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) in the UI language, at the precision the data has. */
export function formatDate(iso: string, lang: UiLanguage = uiLanguage()): string {
  const [y, m, d] = iso.split('-').map(Number)
  if (y === undefined || Number.isNaN(y)) {
    return iso
  }
  const date = new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1))
  const options: Intl.DateTimeFormatOptions =
    d !== undefined
      ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
      : m !== undefined
        ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
        : { year: 'numeric', timeZone: 'UTC' }
  return new Intl.DateTimeFormat(lang, options).format(date)
}

export const formatNumber = (n: number, lang: UiLanguage = uiLanguage()): string =>
  new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(n)
