/**
 * Popup wiring: finds the tab it is about, asks its content script what it found, and keeps the switches in
 * storage. Opened as a page (tests, or a reader who opened it in a tab) it describes the tab used before it.
 */
import '../ui/base.css'
import './popup.css'
import { render } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import browser, { type Tabs } from 'webextension-polyfill'
import { DataIndex } from '../core/data-index.ts'
import { ENTITIES_FILE, EVENTS_FILE } from '../data/index.ts'
import { uiLanguage } from '../shared/i18n.ts'
import { guardAsync, logOnce } from '../shared/log.ts'
import { parsePageStateReply } from '../shared/messages.ts'
import { isSiteDisabled, withSiteEnabled, type Settings } from '../shared/settings.ts'
import { loadSettings, onSettingsChanged, saveSettings } from '../shared/settings-store.ts'
import { PopupApp, type PageStatus } from './popup-app.tsx'

const data = new DataIndex({ entities: ENTITIES_FILE, events: EVENTS_FILE })

async function targetTab(): Promise<Tabs.Tab | undefined> {
  const self = await browser.tabs.getCurrent()
  if (!self) {
    return (await browser.tabs.query({ active: true, currentWindow: true }))[0]
  }
  const tabs = await browser.tabs.query({ currentWindow: true })
  return tabs.filter((t) => t.id !== self.id).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0]
}

async function askPage(tabId: number): Promise<PageStatus> {
  try {
    const state = parsePageStateReply(await browser.tabs.sendMessage(tabId, { type: 'get-page-state' }))
    return state ? { kind: 'ready', state } : { kind: 'unavailable' }
  } catch {
    // No content script here: a browser page, the web store, a file, or a page loaded before install.
    return { kind: 'unavailable' }
  }
}

function Popup() {
  const [settings, setSettings] = useState<Settings | undefined>()
  const [status, setStatus] = useState<PageStatus>({ kind: 'loading' })
  const [tab, setTab] = useState<Tabs.Tab | undefined>()

  useEffect(() => {
    void guardAsync('popup', async () => {
      setSettings(await loadSettings())
      const target = await targetTab()
      setTab(target)
      setStatus(target?.id !== undefined ? await askPage(target.id) : { kind: 'unavailable' })
    })
    return onSettingsChanged(setSettings)
  }, [])

  // The page's answer changes when a switch turns the extension on or off there.
  useEffect(() => {
    if (tab?.id === undefined || settings === undefined) {
      return
    }
    const id = tab.id
    const timer = setTimeout(() => void askPage(id).then(setStatus), 150)
    return () => clearTimeout(timer)
  }, [settings, tab])

  if (!settings) {
    return null
  }
  const host = status.kind === 'ready' ? status.state.host : ''
  const save = (next: Settings): void => {
    setSettings(next)
    void saveSettings(next).catch((err: unknown) => logOnce('save', err))
  }
  return (
    <PopupApp
      data={data}
      lang={uiLanguage()}
      status={status}
      enabled={settings.enabled}
      siteEnabled={!host || !isSiteDisabled(settings, host)}
      onToggleEverywhere={(on) => save({ ...settings, enabled: on })}
      onToggleSite={(on) => host && save(withSiteEnabled(settings, host, on))}
      onOpenEntity={(entity) => {
        if (tab?.id === undefined) {
          return
        }
        void guardAsync('open', async () => {
          await browser.tabs.update(tab.id, { active: true })
          await browser.tabs.sendMessage(tab.id as number, { type: 'open-entity', entity })
          if (!(await browser.tabs.getCurrent())) {
            window.close()
          }
        })
      }}
      onOpenOptions={() => void guardAsync('options', browser.runtime.openOptionsPage())}
    />
  )
}

document.documentElement.lang = uiLanguage()
const app = document.getElementById('app')
if (app) {
  render(<Popup />, app)
}
