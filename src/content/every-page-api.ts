/**
 * The few extension APIs the every-page script needs, used directly rather than through
 * webextension-polyfill. The polyfill is most of the weight of a script that runs on every page, and both
 * browsers give these calls promises natively in Manifest V3 (Firefox as `browser`, Chrome as `browser` since
 * version 148 and as `chrome` before). The lazily loaded engine and the extension pages use the polyfill.
 */
import { logOnce } from '../shared/log.ts'
import { SETTINGS_KEY, readSwitches, type Switches } from '../shared/switches.ts'

type Listener = (
  message: unknown,
  sender: unknown,
  sendResponse: (response: unknown) => void,
) => boolean | undefined

interface EveryPageApi {
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>> }
    onChanged: {
      addListener(l: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void
    }
  }
  runtime: {
    getURL(path: string): string
    sendMessage(message: unknown): Promise<unknown>
    onMessage: { addListener(l: Listener): void }
  }
}

const g = globalThis as unknown as { browser?: EveryPageApi; chrome?: EveryPageApi }
export const ext = (g.browser ?? g.chrome) as EveryPageApi

function parse(stored: unknown): Switches {
  const { switches, warning } = readSwitches(stored)
  if (warning !== undefined) {
    logOnce('settings', warning)
  }
  return switches
}

/** The "on everywhere" and "on this site" switches (the rest of the settings is the engine's business). */
export async function loadSwitches(): Promise<Switches> {
  try {
    return parse((await ext.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY])
  } catch (err) {
    logOnce('settings', err)
    return parse(undefined)
  }
}

export function onSwitchesChanged(listener: (switches: Switches) => void): void {
  ext.storage.onChanged.addListener((changes, area) => {
    const change = changes[SETTINGS_KEY]
    if (area === 'local' && change !== undefined) {
      listener(parse(change.newValue))
    }
  })
}

/**
 * Answers `type` messages with what `reply()` gives (or resolves to); when it gives undefined, other
 * listeners (the engine, once loaded) answer instead. sendResponse rather than a returned promise: that
 * works in every Chrome the manifest accepts.
 */
export function answer(type: string, reply: () => unknown): void {
  ext.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const m = message as { type?: unknown } | null
    if (typeof m !== 'object' || m === null || m.type !== type) {
      return undefined
    }
    const response = reply()
    if (response === undefined) {
      return undefined
    }
    if (response instanceof Promise) {
      response.then(sendResponse, (err: unknown) => {
        logOnce('answer', err)
        sendResponse(undefined)
      })
      return true
    }
    sendResponse(response)
    return false
  })
}
