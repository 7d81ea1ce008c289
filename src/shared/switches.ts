/**
 * The two switches, "on everywhere" and "on this site", apart from the rest of the settings: the every-page
 * script reads only these, and must not carry the schema library to do so. settings.ts builds the full
 * settings on top of this module.
 */

/** The storage.local key of the settings (switches included). */
export const SETTINGS_KEY = 'settings'

/** The two switches. */
export interface Switches {
  enabled: boolean
  disabledSites: string[]
}

export const DEFAULT_SWITCHES: Readonly<Switches> = Object.freeze({ enabled: true, disabledSites: [] })

/**
 * Reads just the switches from stored settings, by hand: the every-page script cannot afford the schema
 * library. Each switch falls back to its default when missing or malformed (with a warning). This is the
 * schema's rule for these two fields; where another field is corrupt, the full parse takes all defaults
 * while this keeps the user's switches, so a corrupt profile never turns the extension on against them.
 */
export function readSwitches(stored: unknown): { switches: Switches; warning?: string } {
  const defaults: Switches = { enabled: DEFAULT_SWITCHES.enabled, disabledSites: [] }
  if (stored === undefined || stored === null) {
    return { switches: defaults }
  }
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return { switches: defaults, warning: 'stored settings are not an object; using defaults' }
  }
  const raw = stored as Record<string, unknown>
  const enabled = raw.enabled ?? defaults.enabled
  const sites = raw.disabledSites ?? defaults.disabledSites
  const sitesOk = Array.isArray(sites) && sites.every((s) => typeof s === 'string' && s.length > 0)
  if (typeof enabled !== 'boolean' || !sitesOk) {
    return { switches: defaults, warning: 'stored switches are invalid; using defaults' }
  }
  return { switches: { enabled, disabledSites: sites as string[] } }
}

/** Whether `host` is covered by an entry of the disabled list (the entry itself or a subdomain of it). */
export function isSiteDisabled(settings: Pick<Switches, 'disabledSites'>, host: string): boolean {
  const h = host.toLowerCase().replace(/^www\./, '')
  return settings.disabledSites.some((site) => {
    const s = site.toLowerCase().replace(/^www\./, '')
    return h === s || h.endsWith(`.${s}`)
  })
}

export const isActiveOn = (settings: Switches, host: string): boolean =>
  settings.enabled && !isSiteDisabled(settings, host)
