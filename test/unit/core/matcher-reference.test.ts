/**
 * The matcher against a brute-force reading of its contract, on pseudo-random texts and spellings: every
 * spelling tried at every word start, one unit at a time. The matcher's shortcuts (the candidate regex that
 * skips most of a long text, the start table, the trie, spellings deferred by script) must find exactly the
 * same candidates.
 */
import { describe, expect, it } from 'vitest'
import {
  Matcher,
  deferredScriptOf,
  type MatcherImage,
  type MatcherPattern,
} from '../../../src/core/matcher.ts'
import {
  CLASS_IGNORABLE,
  CLASS_SPACE,
  CLASS_WORD,
  charClass,
  foldCode,
  isUpperCode,
} from '../../../src/core/normalize.ts'

interface Candidate {
  start: number
  /** Longest first, each with the sorted payloads ending there. */
  ends: [number, number[]][]
}

const SPACE = 0x20

/** The pattern's units as the trie holds them: ignorable units dropped, whitespace runs as one space. */
function foldedUnits(text: string): { units: number[]; rawFirst: number } {
  const units: number[] = []
  let rawFirst = -1
  let lastSpace = true
  for (let i = 0; i < text.length; i++) {
    const f = foldCode(text.charCodeAt(i))
    if (f === 0 || (f === SPACE && lastSpace)) {
      continue
    }
    lastSpace = f === SPACE
    if (units.length === 0) {
      rawFirst = text.charCodeAt(i)
    }
    units.push(f)
  }
  return { units, rawFirst }
}

const isWordAt = (text: string, j: number): boolean => {
  for (; j < text.length; j++) {
    const k = charClass(text.charCodeAt(j))
    if (k !== CLASS_IGNORABLE) {
      return k === CLASS_WORD
    }
  }
  return false
}

const isWordBefore = (text: string, i: number): boolean => {
  for (let j = i - 1; j >= 0; j--) {
    const k = charClass(text.charCodeAt(j))
    if (k !== CLASS_IGNORABLE) {
      return k === CLASS_WORD
    }
  }
  return false
}

const hasCase = (code: number): boolean => {
  const ch = String.fromCharCode(code)
  return ch.toLowerCase() !== ch.toUpperCase()
}

const isUpperBasic = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x410 && c <= 0x42f)
const isLowerBasic = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x430 && c <= 0x44f)

/** Where one spelling ends when read from word start `i` (several ends when ignorable units follow it). */
function endsOf(units: number[], text: string, i: number, to: number): number[] {
  const ends: number[] = []
  let j = i + 1
  let k = 1
  let lastSpace = false
  for (;;) {
    if (k === units.length && !isWordAt(text, j)) {
      ends.push(j)
    }
    if (j >= to) {
      return ends
    }
    const code = text.charCodeAt(j)
    const cls = charClass(code)
    if (cls === CLASS_IGNORABLE) {
      j++
      continue
    }
    if (cls === CLASS_SPACE && lastSpace) {
      j++
      continue
    }
    lastSpace = cls === CLASS_SPACE
    const f = cls === CLASS_SPACE ? SPACE : foldCode(code)
    if (k === units.length || f !== units[k]) {
      return ends
    }
    k++
    j++
  }
}

function reference(patterns: readonly MatcherPattern[], text: string, from: number, to: number): Candidate[] {
  const folded = patterns.map((p) => ({
    ...foldedUnits(p.text),
    payload: p.payload,
    upperStart: p.upperStart,
  }))
  const out: Candidate[] = []
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i)
    if (charClass(code) !== CLASS_WORD) {
      continue
    }
    if (isWordBefore(text, i) && !(isUpperBasic(code) && isLowerBasic(text.charCodeAt(i - 1)))) {
      continue
    }
    const first = foldCode(code)
    const sameFirst = folded.filter((p) => p.units[0] === first)
    const mayStart = sameFirst.some(
      (p) => p.upperStart !== true || p.rawFirst === code || isUpperCode(code) || !hasCase(code),
    )
    if (!mayStart) {
      continue
    }
    const byEnd = new Map<number, number[]>()
    for (const p of sameFirst) {
      for (const end of endsOf(p.units, text, i, to)) {
        byEnd.set(end, [...(byEnd.get(end) ?? []), p.payload])
      }
    }
    if (byEnd.size > 0) {
      const ends = [...byEnd]
        .sort((a, b) => b[0] - a[0])
        .map(([end, payloads]): [number, number[]] => [end, payloads.sort((a, b) => a - b)])
      out.push({ start: i, ends })
    }
  }
  return out
}

/** Everything the matcher offers (handler accepts nothing), or what it offers taking the longest each time. */
function scanned(m: Matcher, text: string, from: number, to: number, accept: boolean): Candidate[] {
  const out: Candidate[] = []
  m.scan(
    text,
    (start, ends, payloads) => {
      out.push({
        start,
        ends: ends.map((end, k): [number, number[]] => [end, [...(payloads[k] ?? [])].sort((a, b) => a - b)]),
      })
      return accept ? (ends[0] ?? -1) : -1
    },
    from,
    to,
  )
  return out
}

/** The reference's candidates a scan sees when it resumes after each accepted (longest) match. */
function accepting(candidates: Candidate[]): Candidate[] {
  let resume = -1
  return candidates.filter((c) => {
    if (c.start < resume) {
      return false
    }
    resume = c.ends[0]?.[0] ?? resume
    return true
  })
}

function generator(seed: number): () => number {
  let s = seed
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0
    return s / 2 ** 32
  }
}

// Letters in both cases and scripts (with ё/е and the Kelvin sign K that fold together), and the separators
// and invisible units that names are written across.
const LETTERS = [
  'a',
  'b',
  'e',
  'k',
  'A',
  'B',
  'E',
  'K',
  '\u212A',
  'é',
  'É',
  'а',
  'б',
  'е',
  'ё',
  'А',
  'Б',
  'Ё',
]
const INSIDE = ['\u00AD', '\u200B', '-', "'"]
const BETWEEN = [' ', '  ', '\u00A0', '\n', ', ', '. ', ' (', ') ', '1', '-', '\u00AD', '\u200B ']

function randomCase(
  pick: <T>(items: readonly T[]) => T,
  rnd: () => number,
): {
  patterns: MatcherPattern[]
  text: string
} {
  const word = (): string => Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(LETTERS)).join('')
  const patterns: MatcherPattern[] = []
  for (let p = 0; p < 30; p++) {
    const words = Array.from({ length: 1 + Math.floor(rnd() * 2) }, word)
    patterns.push({ text: words.join(' '), payload: p, upperStart: rnd() < 0.5 })
  }
  const parts: string[] = []
  while (parts.join('').length < 2500) {
    let piece = rnd() < 0.4 ? pick(patterns).text : word()
    if (rnd() < 0.2) {
      const at = Math.floor(rnd() * piece.length)
      piece = piece.slice(0, at) + pick(INSIDE) + piece.slice(at)
    }
    if (rnd() < 0.3) {
      piece = rnd() < 0.5 ? piece.toUpperCase() : piece.toLowerCase()
    }
    parts.push(piece, pick(BETWEEN))
  }
  return { patterns, text: parts.join('') }
}

describe('matcher, against a brute-force reading of every spelling at every word start', () => {
  const cases = Array.from({ length: 60 }, (_, n) => {
    const rnd = generator(n + 1)
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T
    return { n, rnd, ...randomCase(pick, rnd) }
  })

  it('finds the same candidates in long texts (the skipping scan) and short ranges (unit by unit)', () => {
    for (const { n, rnd, patterns, text } of cases) {
      const ranges: [number, number][] = [[0, text.length]]
      for (let r = 0; r < 6; r++) {
        const from = Math.floor(rnd() * text.length)
        ranges.push([from, Math.min(text.length, from + Math.floor(rnd() * 400))])
      }
      // A long range with a short tail after it: still the skipping scan, stopping at `to`.
      ranges.push([5, text.length - 7])
      const m = new Matcher(patterns)
      for (const [from, to] of ranges) {
        const expected = reference(patterns, text, from, to)
        expect(scanned(m, text, from, to, false), `case ${n}, [${from}, ${to})`).toEqual(expected)
        expect(scanned(m, text, from, to, true), `case ${n}, [${from}, ${to}), accepting`).toEqual(
          accepting(expected),
        )
      }
    }
  })

  it('finds the same with the spellings of each script deferred until the text shows it', () => {
    for (const { n, patterns, text } of cases) {
      const byScript = (script: 'latin' | 'cyrillic' | undefined): MatcherPattern[] =>
        patterns.filter((p) => deferredScriptOf(foldedUnits(p.text).rawFirst) === script)
      const m = new Matcher(byScript(undefined), {
        latin: () => byScript('latin'),
        cyrillic: () => byScript('cyrillic'),
      })
      expect(scanned(m, text, 0, text.length, true), `case ${n}`).toEqual(
        accepting(reference(patterns, text, 0, text.length)),
      )
    }
  })

  it('finds the same when loaded from its image, as the build ships it (plain data)', () => {
    for (const { n, patterns, text } of cases) {
      const image = JSON.parse(JSON.stringify(new Matcher(patterns).toImage())) as MatcherImage
      const m = Matcher.fromImage(image)
      expect(m.size, `case ${n}`).toBe(patterns.length)
      expect(scanned(m, text, 0, text.length, false), `case ${n}`).toEqual(
        reference(patterns, text, 0, text.length),
      )
      expect(scanned(m, text, 100, 300, true), `case ${n}, a short range`).toEqual(
        accepting(reference(patterns, text, 100, 300)),
      )
    }
  })

  it('finds the same where nearly every unit is a candidate (CJK, Arabic), where the scan goes unit by unit', () => {
    const rnd = generator(99)
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T
    const { patterns } = randomCase(pick, rnd)
    const parts: string[] = []
    for (let k = 0; k < 300; k++) {
      parts.push(
        pick(['吉尔吉斯斯坦的首都', 'قرغيزستان', '比什凯克']),
        k % 7 === 0 ? ` ${pick(patterns).text} ` : '',
      )
    }
    const text = parts.join('')
    const m = new Matcher(patterns)
    const expected = reference(patterns, text, 0, text.length)
    expect(expected.length).toBeGreaterThan(20)
    expect(scanned(m, text, 0, text.length, true)).toEqual(accepting(expected))
  })

  it('is exercised: the texts hold many candidates, in both scripts', () => {
    const found = cases.map(({ patterns, text }) => reference(patterns, text, 0, text.length))
    expect(Math.min(...found.map((c) => c.length))).toBeGreaterThan(50)
    const starts = found.flatMap((c, k) => c.map((x) => cases[k]?.text.charCodeAt(x.start) ?? 0))
    expect(starts.some((c) => deferredScriptOf(c) === 'cyrillic')).toBe(true)
    expect(starts.some((c) => c === 0x212a)).toBe(true)
  })
})
