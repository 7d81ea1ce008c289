/**
 * The background: the toolbar badge (distinct entities on a coverage page, empty otherwise) and the keyboard
 * commands. It holds no state of its own and makes no network requests.
 */
import browser, { type Runtime } from 'webextension-polyfill'
import { LAZY_CHUNK } from '../shared/lazy-chunk.ts'
import { guardAsync } from '../shared/log.ts'
import { parseMessage } from '../shared/messages.ts'
import { badgeText } from './badge.ts'

/** A calm blue that reads on light and dark toolbars, with white text. */
const BADGE_COLOR = '#0b5cad'

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const message = parseMessage(raw)
  const tabId = sender.tab?.id
  if (__TARGET__ === 'firefox' && message?.type === 'load-engine' && tabId !== undefined) {
    // Only into the frame that asked, and only our own file (see src/content/index.ts).
    return guardAsync('load', async () => {
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [sender.frameId ?? 0] },
        files: [`/${LAZY_CHUNK}`],
      })
      return { loaded: true }
    })
  }
  if (message?.type !== 'page-state' || tabId === undefined || sender.frameId !== 0) {
    return undefined
  }
  return guardAsync('badge', async () => {
    await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR })
    await browser.action.setBadgeText({ tabId, text: badgeText(message) })
    return { ok: true }
  })
})

// A new page in the tab starts without a badge until its content script reports.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') {
    void guardAsync('badge', browser.action.setBadgeText({ tabId, text: '' }))
  }
})

browser.commands.onCommand.addListener((command) => {
  const direction = command === 'next-mention' ? 1 : command === 'previous-mention' ? -1 : undefined
  if (direction === undefined) {
    return
  }
  void guardAsync('command', async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true })
    if (tab?.id !== undefined) {
      await browser.tabs.sendMessage(tab.id, { type: 'move-mention', direction })
    }
  })
})
