// @vitest-environment jsdom
/** Offsets in the flattened text map back to the page's text nodes, across inline elements. */
import { describe, expect, it } from 'vitest'
import { flattenText, rangeFor } from '../../../src/content/flatten-text.ts'
import { rangeText } from '../../../src/content/mention-store.ts'

describe('rangeFor', () => {
  it('maps a name split by an inline element back onto both text nodes', () => {
    const p = document.createElement('p')
    p.append('Freed: Sadyr ', Object.assign(document.createElement('b'), { textContent: 'Japarov' }), '.')
    document.body.replaceChildren(p)
    const flat = flattenText(document.body)
    const start = flat.text.indexOf('Sadyr Japarov')
    const range = rangeFor(flat, start, start + 'Sadyr Japarov'.length)
    expect(range?.startContainer).toBe(p.firstChild)
    expect(range?.endContainer).toBe(p.querySelector('b')?.firstChild)
    expect(range && rangeText(range)).toBe('Sadyr Japarov')
  })

  it('gives nothing when the text changed since it was read', () => {
    document.body.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Bishkek' }))
    const flat = flattenText(document.body)
    ;(document.body.firstChild?.firstChild as Text).data = 'B'
    expect(rangeFor(flat, 0, 7)).toBeUndefined()
  })
})
