import '../ui/base.css'
import './options.css'
import { render } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import browser from 'webextension-polyfill'
import { uiLanguage } from '../shared/i18n.ts'
import { guardAsync, logOnce } from '../shared/log.ts'
import type { Settings } from '../shared/settings.ts'
import { loadSettings, onSettingsChanged, saveSettings } from '../shared/settings-store.ts'
import { OptionsApp } from './options-app.tsx'

/** How long "Saved." stays announced. */
const SAVED_NOTICE_MS = 1500

function Options() {
  const [settings, setSettings] = useState<Settings | undefined>()
  const [shortcuts, setShortcuts] = useState<[string, string]>(['Alt+Shift+K', 'Alt+Shift+J'])
  const [saved, setSaved] = useState(false)
  useEffect(() => {
    void guardAsync('options', async () => {
      setSettings(await loadSettings())
      const commands = await browser.commands.getAll()
      const key = (name: string, fallback: string): string =>
        commands.find((c) => c.name === name)?.shortcut || fallback
      setShortcuts([key('next-mention', 'Alt+Shift+K'), key('previous-mention', 'Alt+Shift+J')])
    })
    return onSettingsChanged(setSettings)
  }, [])
  useEffect(() => {
    if (!saved) {
      return
    }
    const timer = setTimeout(() => setSaved(false), SAVED_NOTICE_MS)
    return () => clearTimeout(timer)
  }, [saved])
  if (!settings) {
    return null
  }
  return (
    <OptionsApp
      settings={settings}
      shortcuts={shortcuts}
      saved={saved}
      onChange={(next) => {
        setSettings(next)
        saveSettings(next).then(
          () => setSaved(true),
          (err: unknown) => logOnce('save', err),
        )
      }}
    />
  )
}

document.documentElement.lang = uiLanguage()
document.title = browser.i18n.getMessage('optionsTitle') || document.title
const app = document.getElementById('app')
if (app) {
  render(<Options />, app)
}
