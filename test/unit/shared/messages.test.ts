import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { badgeText } from '../../../src/background/badge.ts'
import { allHighlightNames } from '../../../src/content/highlight-names.ts'
import { parseMessage, parsePageStateReply } from '../../../src/shared/messages.ts'

describe('messages between contexts', () => {
  it('are accepted when well-formed', () => {
    expect(parseMessage({ type: 'page-state', relevant: true, distinct: 4 })).toEqual({
      type: 'page-state',
      relevant: true,
      distinct: 4,
    })
    expect(parseMessage({ type: 'move-mention', direction: -1 })).toEqual({
      type: 'move-mention',
      direction: -1,
    })
    expect(parseMessage({ type: 'open-entity', entity: 'bishkek' })).toEqual({
      type: 'open-entity',
      entity: 'bishkek',
    })
  })

  it('are rejected when malformed or unknown', () => {
    for (const bad of [
      null,
      'page-state',
      { type: 'page-state', relevant: 'yes', distinct: 1 },
      { type: 'move-mention', direction: 2 },
      { type: 'explode' },
    ]) {
      expect(parseMessage(bad), JSON.stringify(bad)).toBeUndefined()
    }
    expect(parsePageStateReply({ host: 'x', active: true })).toBeUndefined()
  })
})

describe('the badge', () => {
  it('shows the number of distinct entities on coverage, and nothing otherwise', () => {
    expect(badgeText({ relevant: true, distinct: 7 })).toBe('7')
    expect(badgeText({ relevant: true, distinct: 0 })).toBe('')
    expect(badgeText({ relevant: false, distinct: 3 })).toBe('')
    expect(badgeText({ relevant: true, distinct: 120 })).toBe('99+')
  })
})

describe('highlight styles', () => {
  it('have a ::highlight() rule for every name the content script can register', () => {
    const css = fs.readFileSync('src/content/highlights.css', 'utf8')
    const names = allHighlightNames()
    expect(names.length).toBe(1 + 3 * 2 * 7)
    for (const name of names) {
      expect(css, name).toContain(`::highlight(${name})`)
    }
  })
})
