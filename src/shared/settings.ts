/**
 * User settings: one schema, versioned defaults, migration, and a safe reader. Stored in storage.local under
 * SETTINGS_KEY. Anything unreadable falls back to the defaults with one warning, so a corrupt profile can
 * never stop the extension or a page.
 */
import * as v from 'valibot'
import { ENTITY_TYPES, type EntityTypeName } from '../data/schema.ts'
import { DEFAULT_SWITCHES } from './switches.ts'

export { SETTINGS_KEY, isActiveOn, isSiteDisabled } from './switches.ts'

export const SETTINGS_VERSION = 1

/**
 * The background tint is the default: in Chromium, a highlight that draws a text decoration makes every
 * frame of a long page redo paint bookkeeping for the whole document (measured: 13 ms a frame on a 2 MB
 * page, with one underlined name as with a thousand), while a tint costs nothing measurable.
 */
export const HIGHLIGHT_STYLES = ['background', 'underline', 'colorblind'] as const
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number]

/** The hover delay bounds: below 50 ms cards flash while the pointer merely crosses text. */
export const HOVER_DELAY_MIN = 50
export const HOVER_DELAY_MAX = 1500

const TypesSchema = v.object(
  Object.fromEntries(ENTITY_TYPES.map((t) => [t, v.boolean()])) as Record<
    EntityTypeName,
    v.BooleanSchema<undefined>
  >,
)

export const SettingsSchema = v.object({
  version: v.literal(SETTINGS_VERSION),
  /** "On everywhere". */
  enabled: v.boolean(),
  /** Host names where the extension is off ("on this site" unticked); a host also covers its subdomains. */
  disabledSites: v.array(v.pipe(v.string(), v.minLength(1))),
  highlightStyle: v.picklist(HIGHLIGHT_STYLES),
  /** Which entity types are highlighted. */
  types: TypesSchema,
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(HOVER_DELAY_MIN), v.maxValue(HOVER_DELAY_MAX)),
})

export type Settings = v.InferOutput<typeof SettingsSchema>

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  version: SETTINGS_VERSION,
  ...DEFAULT_SWITCHES,
  highlightStyle: 'background',
  types: Object.fromEntries(ENTITY_TYPES.map((t) => [t, true])) as Record<EntityTypeName, boolean>,
  // Long enough that a pointer crossing a line of text does not open cards, short enough to feel immediate
  // (Wikipedia's page previews wait 150 ms before fetching and show after about 500 ms).
  hoverDelayMs: 300,
})

/**
 * Migrations from older stored shapes to the current one. Version 0 is the unversioned shape of early
 * development builds, which stored `style` instead of `highlightStyle`.
 */
function migrate(raw: Record<string, unknown>): Record<string, unknown> {
  const out = { ...raw }
  if (out.version === undefined || out.version === 0) {
    if (out.highlightStyle === undefined && typeof out.style === 'string') {
      out.highlightStyle = out.style
    }
    delete out.style
    out.version = 1
  }
  return out
}

export interface ParsedSettings {
  settings: Settings
  /** Set when the stored value could not be used and the defaults were taken instead. */
  warning?: string
}

/**
 * Reads whatever storage held. Missing fields take their defaults (a newer version adds fields); a value of
 * the wrong type, or an unreadable whole, gives the defaults and a warning.
 */
export function parseSettings(stored: unknown): ParsedSettings {
  if (stored === undefined || stored === null) {
    return { settings: DEFAULT_SETTINGS }
  }
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return { settings: DEFAULT_SETTINGS, warning: 'stored settings are not an object; using defaults' }
  }
  const migrated = migrate(stored as Record<string, unknown>)
  // Entity types added by a newer version default to on; a `types` that is not an object is corrupt.
  const storedTypes = migrated.types
  const types =
    storedTypes === undefined
      ? DEFAULT_SETTINGS.types
      : typeof storedTypes === 'object' && storedTypes !== null && !Array.isArray(storedTypes)
        ? { ...DEFAULT_SETTINGS.types, ...storedTypes }
        : storedTypes
  const candidate = { ...DEFAULT_SETTINGS, ...migrated, types, version: SETTINGS_VERSION }
  const result = v.safeParse(SettingsSchema, candidate)
  if (result.success) {
    return { settings: result.output }
  }
  const issue = result.issues[0]
  const where = issue?.path?.map((p) => String(p.key)).join('.') ?? ''
  return {
    settings: DEFAULT_SETTINGS,
    warning: `stored settings are invalid (${where ? `${where}: ` : ''}${issue?.message ?? 'unknown'}); using defaults`,
  }
}

/** Normalises what a user typed into a host name for the disabled list, or undefined when it is not one. */
export function siteFromInput(input: string): string | undefined {
  let s = input.trim().toLowerCase()
  if (s === '') {
    return undefined
  }
  s = s
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/^www\./, '')
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(s) ? s : undefined
}

export function withSiteEnabled(settings: Settings, host: string, enabled: boolean): Settings {
  const h = host.toLowerCase().replace(/^www\./, '')
  const others = settings.disabledSites.filter((s) => {
    const x = s.toLowerCase().replace(/^www\./, '')
    return !(h === x || h.endsWith(`.${x}`))
  })
  return { ...settings, disabledSites: enabled ? others : [...others, h].sort() }
}
