/**
 * The options page: highlight style (one of them colour-blind safe), which kinds of names to highlight, the
 * hover delay, and the sites where the extension is off. Few options, good defaults.
 */
import { useState } from 'preact/hooks'
import { ENTITY_TYPES } from '../data/schema.ts'
import { t, type MessageKey } from '../shared/i18n.ts'
import { TYPE_LABEL } from '../ui/type-label.ts'
import {
  HIGHLIGHT_STYLES,
  HOVER_DELAY_MAX,
  HOVER_DELAY_MIN,
  siteFromInput,
  type HighlightStyle,
  type Settings,
} from '../shared/settings.ts'

const STYLE_LABEL: Record<HighlightStyle, MessageKey> = {
  underline: 'optionsStyleUnderline',
  background: 'optionsStyleBackground',
  colorblind: 'optionsStyleColorblind',
}

/** Step of the hover-delay slider. */
const DELAY_STEP = 50

export interface OptionsProps {
  settings: Settings
  onChange: (settings: Settings) => void
  /** The keyboard shortcuts as the browser has them (they can be changed there). */
  shortcuts: [string, string]
  saved: boolean
}

export function OptionsApp({ settings, onChange, shortcuts, saved }: OptionsProps) {
  const [site, setSite] = useState('')
  const [siteError, setSiteError] = useState(false)
  const addSite = (e: Event): void => {
    e.preventDefault()
    const host = siteFromInput(site)
    if (!host) {
      setSiteError(true)
      return
    }
    setSiteError(false)
    setSite('')
    if (!settings.disabledSites.includes(host)) {
      onChange({ ...settings, disabledSites: [...settings.disabledSites, host].sort() })
    }
  }
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>

      <fieldset>
        <legend>{t('optionsStyle')}</legend>
        {HIGHLIGHT_STYLES.map((style) => (
          <label key={style} class="row">
            <input
              type="radio"
              name="style"
              value={style}
              checked={settings.highlightStyle === style}
              onChange={() => onChange({ ...settings, highlightStyle: style })}
            />
            <span class={`sample sample-${style}`} aria-hidden="true">
              Bishkek
            </span>
            {t(STYLE_LABEL[style])}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('optionsTypes')}</legend>
        {ENTITY_TYPES.map((type) => (
          <label key={type} class="row">
            <input
              type="checkbox"
              checked={settings.types[type]}
              onChange={(e) =>
                onChange({ ...settings, types: { ...settings.types, [type]: e.currentTarget.checked } })
              }
            />
            {t(TYPE_LABEL[type])}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('optionsHoverDelay')}</legend>
        <div class="row">
          <input
            id="hover-delay"
            type="range"
            min={HOVER_DELAY_MIN}
            max={HOVER_DELAY_MAX}
            step={DELAY_STEP}
            value={settings.hoverDelayMs}
            aria-label={t('optionsHoverDelay')}
            aria-valuetext={t('optionsMilliseconds', String(settings.hoverDelayMs))}
            onInput={(e) => onChange({ ...settings, hoverDelayMs: Number(e.currentTarget.value) })}
          />
          <output for="hover-delay">{t('optionsMilliseconds', String(settings.hoverDelayMs))}</output>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('optionsSites')}</legend>
        {settings.disabledSites.length === 0 ? (
          <p class="muted">{t('optionsNoSites')}</p>
        ) : (
          <ul class="sites">
            {settings.disabledSites.map((s) => (
              <li key={s}>
                <span>{s}</span>
                <button
                  type="button"
                  aria-label={t('optionsRemoveSite', s)}
                  onClick={() =>
                    onChange({ ...settings, disabledSites: settings.disabledSites.filter((x) => x !== s) })
                  }
                >
                  ✕
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="row" onSubmit={addSite}>
          <label class="visually-hidden" for="site-input">
            {t('optionsSiteInput')}
          </label>
          <input
            id="site-input"
            type="text"
            inputMode="url"
            placeholder={t('optionsSiteInput')}
            value={site}
            aria-invalid={siteError}
            aria-describedby={siteError ? 'site-error' : undefined}
            onInput={(e) => setSite(e.currentTarget.value)}
          />
          <button type="submit">{t('optionsAddSite')}</button>
        </form>
        {siteError && (
          <p id="site-error" role="alert" class="error">
            {t('optionsInvalidSite')}
          </p>
        )}
      </fieldset>

      <p class="muted">{t('optionsShortcuts', shortcuts)}</p>
      <p class="muted">{t('optionsPrivacy')}</p>
      <p role="status" class="muted">
        {saved ? t('optionsSaved') : ''}
      </p>
    </main>
  )
}
