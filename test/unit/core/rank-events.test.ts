import { describe, expect, it } from 'vitest'
import { dateInUrl, EventRanker, type RankedEventData } from '../../../src/core/rank-events.ts'

// Three invented events, shaped like the data's: what matters is which evidence tells them apart.
const EVENTS: RankedEventData[] = [
  {
    id: 'spring-uprising',
    start: '2010-04-06',
    end: '2010-04-15',
    places: ['capital', 'country'],
    entities: ['old-president', 'interim-leader'],
    cues: ['uprising', 'interim government'],
    aka: ['Spring Revolution'],
  },
  {
    id: 'summer-clashes',
    start: '2010-06-10',
    end: '2010-06-14',
    places: ['southern-city', 'country'],
    entities: ['interim-leader'],
    cues: ['clashes', 'refugees'],
  },
  {
    id: 'border-war',
    start: '2022-09-14',
    end: '2022-09-20',
    places: ['border-town', 'country'],
    entities: ['neighbour'],
    cues: ['border', 'ceasefire', 'пограничный конфликт'],
  },
]

const ranker = new EventRanker(EVENTS, new Map([['general', ['border-war']]]))
const top = (evidence: Parameters<EventRanker['rank']>[0]): string | undefined =>
  ranker.rank(evidence)[0]?.event

describe('ranking the page’s event', () => {
  it('ranks by the event’s own name and cue words', () => {
    const texts = [{ text: 'After the Spring Revolution the interim government promised a vote.', weight: 1 }]
    expect(top({ texts, entities: [] })).toBe('spring-uprising')
  })

  it('reads cues in any case and with a short inflected ending', () => {
    const texts = [{ text: 'Новый ПОГРАНИЧНЫЙ КОНФЛИКТА не будет, заявили стороны.', weight: 1 }]
    expect(top({ texts, entities: [] })).toBe('border-war')
  })

  it('does not take a short cue inside a longer word', () => {
    const short = new EventRanker([{ ...EVENTS[0]!, cues: ['osh'] }])
    expect(short.rank({ texts: [{ text: 'oshibka', weight: 1 }], entities: [] })).toEqual([])
  })

  it('weighs entities by how few events they belong to', () => {
    // "country" is in every event and says nothing; the southern city names one.
    const entities = [
      { entity: 'country', count: 9 },
      { entity: 'southern-city', count: 1 },
    ]
    expect(ranker.rank({ texts: [], entities }).map((e) => e.event)).toEqual(['summer-clashes'])
  })

  it('counts a person for the events they have a part in, even where the event does not list them', () => {
    expect(top({ texts: [], entities: [{ entity: 'general', count: 2 }] })).toBe('border-war')
  })

  it('tells apart two events with the same people by the years the text names', () => {
    const entities = [{ entity: 'interim-leader', count: 3 }]
    expect(top({ texts: [{ text: 'In 2022 the fighting resumed.', weight: 1 }], entities })).toBe(
      'border-war',
    )
  })

  it('never picks an event that had not happened when the page was published', () => {
    const texts = [{ text: 'Ceasefire talks on the border continue.', weight: 1 }]
    const ranked = ranker.rank({ texts, published: '2011-03-01', entities: [] })
    expect(ranked.map((e) => e.event)).not.toContain('border-war')
  })

  it('prefers the event the page was published during', () => {
    const entities = [{ entity: 'interim-leader', count: 1 }]
    expect(top({ texts: [], published: '2010-06-12', entities })).toBe('summer-clashes')
    expect(top({ texts: [], published: '2010-04-10', entities })).toBe('spring-uprising')
  })

  it('ranks nothing when the page gives no evidence', () => {
    expect(ranker.rank({ texts: [{ text: 'Nothing to see here.', weight: 1 }], entities: [] })).toEqual([])
  })

  it('is best first with scores that fall', () => {
    const texts = [{ text: 'uprising clashes clashes refugees', weight: 1 }]
    const ranked = ranker.rank({ texts, entities: [] })
    expect(ranked.map((e) => e.event)).toEqual(['summer-clashes', 'spring-uprising'])
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score)
  })
})

describe('a date in a page’s address', () => {
  it.each([
    ['https://example.org/news/2022/09/16/story', '2022-09-16'],
    ['https://example.org/world/2010/0408/Protests', '2010-04-08'],
    ['https://example.org/news/2020-10-06-crisis', '2020-10-06'],
    ['https://example.org/world/202010051080673768-bishkek', '2020-10-05'],
    ['https://example.org/a/31505403.html', undefined],
    ['https://2022.example.org/story', undefined],
  ])('%s → %s', (url, expected) => {
    expect(dateInUrl(url)).toBe(expected)
  })
})
