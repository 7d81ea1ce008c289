// @vitest-environment jsdom
/** The page's mentions: kept in document order whatever order they arrive in, found by text position. */
import { describe, expect, it } from 'vitest'
import { MentionStore, type PageMention } from '../../../src/content/mention-store.ts'

let nextKey = 0

function mention(node: Text, word: string, entity: string | null): PageMention {
  const start = node.data.indexOf(word)
  if (start < 0) {
    throw new Error(`"${word}" is not in "${node.data}"`)
  }
  return {
    key: nextKey++,
    entity,
    candidates: [],
    type: entity === null ? 'ambiguous' : 'person',
    range: new StaticRange({
      startContainer: node,
      startOffset: start,
      endContainer: node,
      endOffset: start + word.length,
    }),
    surface: word,
    highlight: '',
    painted: '',
  }
}

function page(...paragraphs: string[]): Text[] {
  document.body.replaceChildren(
    ...paragraphs.map((text) => Object.assign(document.createElement('p'), { textContent: text })),
  )
  return [...document.querySelectorAll('p')].map((p) => p.firstChild as Text)
}

describe('MentionStore', () => {
  it('keeps mentions in document order when a rescan adds earlier ones last', () => {
    const [first, second] = page('Jeenbekov resigned.', 'Japarov and Jeenbekov met.') as [Text, Text]
    const store = new MentionStore()
    const late = mention(second, 'Jeenbekov', 'sooronbay-jeenbekov')
    const early = mention(first, 'Jeenbekov', 'sooronbay-jeenbekov')
    const middle = mention(second, 'Japarov', 'sadyr-japarov')
    store.add(late)
    store.add(early)
    store.add(middle)
    expect(store.ordered()).toEqual([early, middle, late])
  })

  it('tells how many mentions an entity has and where one of them stands', () => {
    const [first, second] = page('Jeenbekov resigned.', 'Japarov and Jeenbekov met.') as [Text, Text]
    const store = new MentionStore()
    const a = mention(first, 'Jeenbekov', 'sooronbay-jeenbekov')
    const b = mention(second, 'Japarov', 'sadyr-japarov')
    const c = mention(second, 'Jeenbekov', 'sooronbay-jeenbekov')
    for (const m of [a, b, c]) {
      store.add(m)
    }
    expect(store.placeOf(c, 'sooronbay-jeenbekov')).toEqual({ count: 2, position: 2 })
    expect(store.placeOf(a, 'sooronbay-jeenbekov')).toEqual({ count: 2, position: 1 })
    expect(store.placeOf(b, 'sooronbay-jeenbekov')).toEqual({ count: 2, position: 0 })
    store.remove(a)
    expect(store.placeOf(c, 'sooronbay-jeenbekov')).toEqual({ count: 1, position: 1 })
  })

  it('finds the mention under a text position, and none just past its end', () => {
    const [text] = page('Japarov and Jeenbekov met.') as [Text]
    const store = new MentionStore()
    const japarov = mention(text, 'Japarov', 'sadyr-japarov')
    store.add(japarov)
    expect(store.at(text, 0)).toBe(japarov)
    expect(store.at(text, 6)).toBe(japarov)
    expect(store.at(text, 7)).toBeUndefined()
  })
})
