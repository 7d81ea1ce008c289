/**
 * UI strings through browser.i18n (_locales/en, _locales/ru), and the data's own texts in the same language.
 * Dates and numbers are formatted with Intl in the UI language.
 */
import browser from 'webextension-polyfill'
import type { Localized } from '../data/schema.ts'
import type en from '../../public/_locales/en/messages.json'

export type MessageKey = keyof typeof en

export type UiLanguage = 'en' | 'ru'

let cachedLanguage: UiLanguage | undefined

/** The browser's UI language, as far as we have translations (read once: it does not change under us). */
export function uiLanguage(): UiLanguage {
  if (cachedLanguage === undefined) {
    try {
      cachedLanguage = browser.i18n.getUILanguage().toLowerCase().startsWith('ru') ? 'ru' : 'en'
    } catch {
      cachedLanguage = 'en'
    }
  }
  return cachedLanguage
}

/** Forgets the cached language (tests switch it). */
export function resetUiLanguage(): void {
  cachedLanguage = undefined
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
  const precision = d !== undefined ? 'day' : m !== undefined ? 'month' : 'year'
  return dateFormat(lang, precision).format(date)
}

/** Formatters are costly to create (a card formats dozens of dates): one per language and precision. */
const dateFormats = new Map<string, Intl.DateTimeFormat>()

function dateFormat(lang: UiLanguage, precision: 'day' | 'month' | 'year'): Intl.DateTimeFormat {
  const key = `${lang}:${precision}`
  let f = dateFormats.get(key)
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      precision === 'day'
        ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
        : precision === 'month'
          ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
          : { year: 'numeric', timeZone: 'UTC' }
    f = new Intl.DateTimeFormat(lang, options)
    dateFormats.set(key, f)
  }
  return f
}

const numberFormats = new Map<UiLanguage, Intl.NumberFormat>()

export function formatNumber(n: number, lang: UiLanguage = uiLanguage()): string {
  let f = numberFormats.get(lang)
  if (!f) {
    f = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 })
    numberFormats.set(lang, f)
  }
  return f.format(n)
}
