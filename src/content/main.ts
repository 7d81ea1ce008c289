/**
 * The engine chunk, loaded only on pages that passed the every-page check (index.ts). It holds the full data,
 * the recognizer, the highlighter and the card UI, and from here on answers the popup and the keyboard
 * commands, follows the settings live, and re-checks the page after navigations.
 */
// First, so that it is evaluated first (see engine-clock.ts).
import { ENGINE_EVALUATION_STARTED } from './engine-clock.ts'
import browser from 'webextension-polyfill'
import { loadEntityIndex, loadRolePeriods } from '../core/compiled-index.ts'
import { partInOf, recognizerOf } from '../core/recognize.ts'
import { guard, guardAsync, logOnce } from '../shared/log.ts'
import { parseMessage, type Message, type PageStateMessage, type PageStateReply } from '../shared/messages.ts'
import { isActiveOn, type Settings } from '../shared/settings.ts'
import { loadSettings, onSettingsChanged } from '../shared/settings-store.ts'
import { bridge, timed } from './bridge.ts'
import { engineData } from './engine-data.ts'
import { highlightsSupported } from './highlighter.ts'
import { Interaction } from './interaction.ts'
import { watchNavigation, type NavigationWatch } from './navigation-watch.ts'
import { PageEngine } from './page-engine.ts'
import { followFullscreen, removeUiHost } from './ui-host.ts'
import COMPILED_INDEX from 'virtual:compiled-index'

/** Badge updates wait for a burst of page changes to settle. */
const REPORT_DELAY_MS = 200

async function start(): Promise<void> {
  const shared = bridge()
  if (shared.engineLoaded) {
    return
  }
  shared.engineLoaded = true
  shared.timing.evalMs = performance.now() - ENGINE_EVALUATION_STARTED
  if (!highlightsSupported()) {
    logOnce('highlights', 'the CSS Custom Highlight API is not available in this browser')
    return
  }
  let settings: Settings = await loadSettings()
  const recognizer = timed('initMs', () =>
    recognizerOf(loadEntityIndex(COMPILED_INDEX), loadRolePeriods(COMPILED_INDEX), () => {
      const data = engineData()
      return { events: data.pack.events.events, partIn: partInOf(data.entities) }
    }),
  )
  let reportTimer: number | undefined
  let lastReport = ''
  const report = (): void => {
    if (reportTimer !== undefined) {
      clearTimeout(reportTimer)
    }
    reportTimer = window.setTimeout(() => {
      const message: PageStateMessage = {
        type: 'page-state',
        relevant: engine.running && engine.relevant,
        distinct: engine.running ? engine.store.counts().length : 0,
      }
      const key = JSON.stringify(message)
      if (key === lastReport) {
        return
      }
      lastReport = key
      void guardAsync('badge', browser.runtime.sendMessage(message))
    }, REPORT_DELAY_MS)
  }
  let navigation: NavigationWatch | undefined
  const engine: PageEngine = new PageEngine({
    data: engineData,
    recognizer,
    settings,
    listener: {
      onChange: () => {
        report()
        interaction.refresh()
      },
      // The engine's one MutationObserver also notices pushState navigations that fire no event.
      onMutations: () => navigation?.poke(),
    },
  })
  const interaction: Interaction = new Interaction(engine, { hoverDelayMs: () => settings.hoverDelayMs })
  let lifetime: AbortController | undefined

  const activate = (): void => {
    if (lifetime) {
      return
    }
    lifetime = new AbortController()
    engine.start()
    interaction.attach(lifetime.signal)
    followFullscreen(lifetime.signal)
    navigation = watchNavigation(
      () =>
        guard('navigation', () => {
          interaction.close()
          engine.navigated()
        }),
      lifetime.signal,
    )
  }
  const deactivate = (): void => {
    lifetime?.abort()
    lifetime = undefined
    navigation = undefined
    engine.stop()
    removeUiHost()
  }

  onSettingsChanged((next) =>
    guard('settings', () => {
      settings = next
      if (!isActiveOn(settings, location.hostname)) {
        deactivate()
      } else if (!lifetime) {
        activate()
      } else {
        engine.updateSettings(settings)
        interaction.refresh()
      }
    }),
  )

  const answer = (
    message: Message,
  ): PageStateReply | { opened: boolean } | { moved: boolean } | undefined => {
    switch (message.type) {
      case 'get-page-state': {
        const published = engine.published
        return {
          host: location.hostname,
          active: lifetime !== undefined,
          relevant: engine.running && engine.relevant,
          entities: engine.running ? engine.store.counts() : [],
          ambiguous: engine.running ? engine.store.ambiguousCount() : 0,
          events: engine.running ? engine.events.slice(0, 5) : [],
          engine: true,
          timing: shared.timing,
          ...(published ? { published } : {}),
        }
      }
      case 'open-entity':
        return { opened: interaction.openEntity(message.entity) }
      case 'move-mention':
        interaction.move(message.direction)
        return { moved: true }
      default:
        return undefined
    }
  }
  browser.runtime.onMessage.addListener((raw: unknown) => {
    const message = parseMessage(raw)
    if (!message) {
      return undefined
    }
    const reply = guard('message', () => answer(message))
    return reply === undefined ? undefined : Promise.resolve(reply)
  })

  if (isActiveOn(settings, location.hostname)) {
    activate()
  }
}

void guardAsync('engine', start)
