import { describe, expect, it } from 'vitest'
import { Matcher } from '../../../src/core/matcher.ts'

/** All matches, taking the longest candidate at each word start (what the recognizer does). */
function find(patterns: string[], text: string): string[] {
  const m = new Matcher(patterns.map((p, i) => ({ text: p, payload: i })))
  const out: string[] = []
  m.scan(text, (start, ends) => {
    const end = ends[0] ?? start
    out.push(text.slice(start, end))
    return end
  })
  return out
}

describe('matcher', () => {
  it('finds names only on word boundaries', () => {
    expect(find(['Kyrgyzstan'], 'Kyrgyzstan, Kyrgyzstani, subkyrgyzstan and Kyrgyzstan.')).toEqual([
      'Kyrgyzstan',
      'Kyrgyzstan',
    ])
  })

  it('accepts possessives and hyphenated compounds as boundaries', () => {
    expect(find(['Jeenbekov'], "Jeenbekov’s office; Jeenbekov's allies; pro-Jeenbekov parties")).toEqual([
      'Jeenbekov',
      'Jeenbekov',
      'Jeenbekov',
    ])
  })

  it('prefers the longest name at a position and does not match inside it', () => {
    expect(find(['Japarov', 'Sadyr Japarov'], 'freed Sadyr Japarov; later Japarov')).toEqual([
      'Sadyr Japarov',
      'Japarov',
    ])
  })

  it('matches across NBSP, line breaks, soft hyphens and zero-width spaces, keeping original offsets', () => {
    const text = 'President Sadyr\u00a0\nJa\u00adparov and Jeen\u200bbekov'
    expect(find(['Sadyr Japarov', 'Jeenbekov'], text)).toEqual([
      'Sadyr\u00a0\nJa\u00adparov',
      'Jeen\u200bbekov',
    ])
  })

  it('folds case and diacritics (case rules are applied by the caller)', () => {
    expect(find(['Bishkek'], 'BISHKEK — in bishkek and Bíshkek')).toEqual(['BISHKEK', 'bishkek', 'Bíshkek'])
  })

  it('works in Cyrillic with the same boundaries', () => {
    expect(find(['Бишкек', 'Бишкеке'], 'в Бишкеке и Бишкекский')).toEqual(['Бишкеке'])
  })

  it('reports every pattern ending at a position, longest first', () => {
    const m = new Matcher([
      { text: 'White House', payload: 1 },
      { text: 'White', payload: 2 },
      { text: 'white house', payload: 3 },
    ])
    const seen: { ends: number[]; payloads: number[][] }[] = []
    m.scan('the White House said', (_start, ends, payloads) => {
      seen.push({ ends: [...ends], payloads: payloads.map((p) => [...p]) })
      return -1
    })
    expect(seen).toEqual([{ ends: [15, 9], payloads: [[1, 3], [2]] }])
  })

  it('skips matches the handler rejects and goes on', () => {
    const m = new Matcher([{ text: 'Osh', payload: 0 }])
    const starts: number[] = []
    m.scan('OSH, Osh, osh', (start) => {
      starts.push(start)
      return -1
    })
    expect(starts).toEqual([0, 5, 10])
  })

  it('scans only the requested range but respects boundaries outside it', () => {
    const m = new Matcher([{ text: 'Osh', payload: 0 }])
    const starts: number[] = []
    m.scan('9Osh Osh', (s) => (starts.push(s), -1), 1)
    expect(starts).toEqual([5])
  })

  it('finds a name glued to the word before it by a lower-to-upper case change (table cells)', () => {
    expect(find(['Sooronbay Jeenbekov'], 'Preceded bySooronbay Jeenbekov; Succeeded byTalant')).toEqual([
      'Sooronbay Jeenbekov',
    ])
    expect(find(['Жапаров'], 'ПрезидентЖапаров и преджапаров')).toEqual(['Жапаров'])
  })

  it('has a size that counts the patterns it holds', () => {
    expect(
      new Matcher([
        { text: 'a b', payload: 0 },
        { text: '', payload: 1 },
      ]).size,
    ).toBe(1)
  })

  it('finds every one of thousands of names that share few prefixes, added at once and later (tables grow)', () => {
    // Deterministic pseudo-random names, so deeper levels branch widely: Latin ones given at construction,
    // Cyrillic ones deferred until the text shows Cyrillic (inserted into an already filled table).
    let seed = 7
    const letter = (base: number): string => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return String.fromCharCode(base + (seed % 26))
    }
    const names = (first: string, base: number): string[] => {
      const out = new Set<string>()
      while (out.size < 1500) {
        out.add(first + Array.from({ length: 6 + (out.size % 5) }, () => letter(base)).join(''))
      }
      return [...out]
    }
    const latin = names('Q', 0x61)
    const cyrillic = names('Ж', 0x430)
    const m = new Matcher(
      latin.map((text, payload) => ({ text, payload })),
      { cyrillic: () => cyrillic.map((text, i) => ({ text, payload: latin.length + i })) },
    )
    // A Cyrillic name first: its group is inserted before any Latin name is looked up.
    const order = [cyrillic[0] ?? '', ...latin, ...cyrillic.slice(1)]
    const text = order.join(', ')
    const found: string[] = []
    m.scan(text, (start, ends) => {
      found.push(text.slice(start, ends[0]))
      return ends[0] ?? start
    })
    expect(found).toEqual(order)
    expect(find(latin, 'Qzzzzzzzzzz and Q')).toEqual([])
  })

  describe('spellings deferred until the text shows their script', () => {
    const found = (m: Matcher, text: string): string[] => {
      const out: string[] = []
      m.scan(text, (start, ends) => {
        out.push(text.slice(start, ends[0]))
        return ends[0] ?? start
      })
      return out
    }

    it("adds a script's spellings only once a word in that script appears, and finds that first word", () => {
      let made = 0
      const m = new Matcher([{ text: 'Bishkek', payload: 0 }], {
        cyrillic: () => {
          made++
          return [{ text: 'Бишкек', payload: 1 }]
        },
      })
      expect(found(m, 'Bishkek, Osh and Naryn')).toEqual(['Bishkek'])
      expect(made).toBe(0)
      expect(m.size).toBe(1)
      expect(found(m, 'Bishkek (Бишкек)')).toEqual(['Bishkek', 'Бишкек'])
      expect(made).toBe(1)
      expect(m.size).toBe(2)
    })

    it('adds a script for a lower-case word in a long text, where the scan skips what cannot start a name', () => {
      const m = new Matcher([], { latin: () => [{ text: 'kyrgyz', payload: 0 }] })
      const text = `kyrgyz ${'1920, '.repeat(400)}Kyrgyz`
      expect(found(m, text)).toEqual(['kyrgyz', 'Kyrgyz'])
    })

    it('matches letters the text showed before their spellings were added', () => {
      const m = new Matcher([], { cyrillic: () => [{ text: 'Бишкек', payload: 0 }] })
      // "иш" is read inside a Latin word, before any word starts in Cyrillic.
      expect(found(m, 'Zиш Бишкек')).toEqual(['Бишкек'])
    })

    it('adds a script for a letter that only folds into it (the Kelvin sign K), and finds that word', () => {
      const m = new Matcher([], {
        latin: () => [{ text: 'Kurmanbek Bakiyev', payload: 0, upperStart: true }],
      })
      expect(found(m, '\u212Aurmanbek Bakiyev')).toEqual(['\u212Aurmanbek Bakiyev'])
    })

    it('adds everything on request, and refuses a spelling filed under the wrong script', () => {
      const m = new Matcher([], { latin: () => [{ text: 'Osh', payload: 0 }] })
      m.complete()
      expect(m.size).toBe(1)
      const wrong = new Matcher([], { latin: () => [{ text: 'Ош', payload: 0 }] })
      expect(() => wrong.complete()).toThrow(/"Ош" is deferred until latin text/)
    })
  })
})
