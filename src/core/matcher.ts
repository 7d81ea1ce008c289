/**
 * Finds every known name in a text in one left-to-right pass.
 *
 * Names only start where a word starts, so instead of a full Aho–Corasick automaton the matcher walks a trie
 * from each possible start and stops as soon as the trie has no edge for the next character. A walk can never
 * be longer than the longest alias, so the cost is linear in the text.
 *
 * Most words cannot start a name at all: names are capitalised, and only a few spellings may start with a
 * lower-case letter (Russian adjectives such as "кыргызский"). One table says, per UTF-16 unit, whether it is
 * a word character, a space or ignorable and which trie symbol it folds to; a second says whether it may start
 * a name in that case. The scan is a single tight loop over the text with two array reads per character, and
 * a trie walk only where a name can start. That keeps a scan of a 2 MB page close to the cost of reading it,
 * and nearly independent of how many names the trie holds (the benchmark's `names_x100` measures this).
 *
 * The trie is built once from folded spellings (see normalize.ts). While walking, runs of whitespace count as
 * one space and ignorable characters (soft hyphens, zero-width spaces) are stepped over, so "Jeen\u00ADbekov"
 * and "Sadyr\nJaparov" match; offsets always refer to the original text.
 */
import { CLASS_IGNORABLE, CLASS_SPACE, CLASS_WORD, charClass, foldCode, isUpperCode } from './normalize.ts'

export interface MatcherPattern {
  /** The spelling; folded before it enters the trie. */
  text: string
  /** Returned with each match: an index into the caller's own tables. */
  payload: number
  /** The pattern can only match where the text's first letter is upper case (its case rule requires it). */
  upperStart?: boolean
}

/**
 * Called at each word start where at least one pattern ends on a word boundary. `ends` and `payloads` run
 * from the longest candidate to the shortest (`payloads[i]` lists every pattern ending at `ends[i]`).
 * Returns where scanning resumes: the end of the accepted match, or -1 to accept none and move on.
 */
export type CandidateHandler = (
  start: number,
  ends: readonly number[],
  payloads: readonly (readonly number[])[],
) => number

const SPACE = 0x20
const NO_NODE = -1

/**
 * The per-unit table packs the character class (low 2 bits: CLASS_* from normalize.ts) and the trie symbol
 * plus one (the rest; 0 when no pattern contains the character). UNKNOWN marks a unit not classified yet.
 */
const UNKNOWN = -1
const CLASS_MASK = 3
const SYMBOL_SHIFT = 2

/** Whether a character has an upper and a lower case (Arabic, CJK and digits do not). */
const hasCase = (code: number): boolean => {
  const ch = String.fromCharCode(code)
  return ch.toLowerCase() !== ch.toUpperCase()
}

export class Matcher {
  /** Per UTF-16 unit: class and symbol, packed (see SYMBOL_SHIFT), or UNKNOWN. */
  readonly #table = new Int32Array(0x10000).fill(UNKNOWN)
  /** Per UTF-16 unit: 0 not computed yet, 1 cannot start a name, 2 may start one (as cased). */
  readonly #starts = new Uint8Array(0x10000)
  /** Folded first characters of the patterns, and whether some pattern there may start in lower case. */
  #firsts = new Map<number, { lower: boolean; raw: Set<number> }>()
  readonly #symbolOfFolded = new Map<number, number>()
  #alphabet = 0
  /** Dense first level: a candidate whose first symbol has no edge is rejected with one array read. */
  readonly #rootNext: Int32Array
  /** Sparse deeper levels: per node, a run of (symbol, target) pairs sorted by symbol. */
  readonly #edgeStart: Int32Array
  readonly #edgeCount: Uint16Array
  readonly #edgeSymbol: Int32Array
  readonly #edgeTarget: Int32Array
  /** Payloads of the patterns ending at each node (undefined when none). */
  readonly #terminal: (number[] | undefined)[]
  readonly size: number

  constructor(patterns: Iterable<MatcherPattern>) {
    // Build a plain object trie first, then freeze it into flat typed arrays for the scan.
    // Build the trie with one map of edges keyed by (node, symbol), then freeze it into flat typed arrays
    // sorted by node and symbol: far fewer allocations than a map per node, which matters for start-up.
    const EDGE_KEY = 0x10000
    const edges = new Map<number, number>()
    const terminals: (number[] | undefined)[] = [undefined]
    let nodeCount = 1
    const symbolOf = (folded: number): number => {
      let s = this.#symbolOfFolded.get(folded)
      if (s === undefined) {
        s = this.#alphabet++
        this.#symbolOfFolded.set(folded, s)
      }
      return s
    }
    // Spaces in patterns: runs of whitespace in the text walk this one edge.
    symbolOf(SPACE)
    // First characters (folded) that may start a name, and whether some pattern allows a lower-case start.
    const firsts = new Map<number, { lower: boolean; raw: Set<number> }>()
    let count = 0
    for (const { text, payload, upperStart } of patterns) {
      let node = 0
      let lastSpace = true
      let first = -1
      for (let i = 0; i < text.length; i++) {
        const f = foldCode(text.charCodeAt(i))
        if (f === 0) {
          continue
        }
        if (f === SPACE) {
          if (lastSpace) {
            continue
          }
          lastSpace = true
        } else {
          lastSpace = false
        }
        if (first < 0) {
          first = f
          const entry = firsts.get(f) ?? { lower: false, raw: new Set<number>() }
          entry.lower ||= !upperStart
          entry.raw.add(text.charCodeAt(i))
          firsts.set(f, entry)
        }
        const key = node * EDGE_KEY + symbolOf(f)
        let child = edges.get(key)
        if (child === undefined) {
          child = nodeCount++
          edges.set(key, child)
          terminals.push(undefined)
        }
        node = child
      }
      if (node === 0) {
        continue
      }
      ;(terminals[node] ??= []).push(payload)
      count++
    }
    this.size = count
    this.#terminal = terminals

    // Counting sort of the edges by node, then by symbol within each node (runs are short).
    this.#rootNext = new Int32Array(this.#alphabet).fill(NO_NODE)
    this.#edgeCount = new Uint16Array(nodeCount)
    for (const key of edges.keys()) {
      const from = Math.floor(key / EDGE_KEY)
      this.#edgeCount[from] = (this.#edgeCount[from] ?? 0) + 1
    }
    this.#edgeStart = new Int32Array(nodeCount)
    for (let n = 1; n < nodeCount; n++) {
      this.#edgeStart[n] = (this.#edgeStart[n - 1] ?? 0) + (this.#edgeCount[n - 1] ?? 0)
    }
    this.#edgeSymbol = new Int32Array(edges.size)
    this.#edgeTarget = new Int32Array(edges.size)
    const filled = new Uint16Array(nodeCount)
    for (const [key, child] of edges) {
      const from = Math.floor(key / EDGE_KEY)
      const symbol = key - from * EDGE_KEY
      if (from === 0) {
        this.#rootNext[symbol] = child
      }
      // Insert in symbol order within the node's run.
      const start = this.#edgeStart[from] ?? 0
      let k = start + (filled[from] ?? 0)
      while (k > start && (this.#edgeSymbol[k - 1] ?? 0) > symbol) {
        this.#edgeSymbol[k] = this.#edgeSymbol[k - 1] ?? 0
        this.#edgeTarget[k] = this.#edgeTarget[k - 1] ?? 0
        k--
      }
      this.#edgeSymbol[k] = symbol
      this.#edgeTarget[k] = child
      filled[from] = (filled[from] ?? 0) + 1
    }
    this.#firsts = firsts
  }

  /** Whether a code unit may start a name, in its case (computed on first sight, like the table). */
  #startsAt(code: number): boolean {
    let v = this.#starts[code] ?? 0
    if (v === 0) {
      const entry = this.#firsts.get(foldCode(code))
      const ok =
        entry !== undefined && (entry.lower || entry.raw.has(code) || isUpperCode(code) || !hasCase(code))
      v = ok ? 2 : 1
      this.#starts[code] = v
    }
    return v === 2
  }

  #classify(code: number): number {
    const cls = charClass(code)
    const symbol =
      cls === CLASS_IGNORABLE
        ? undefined
        : this.#symbolOfFolded.get(cls === CLASS_SPACE ? SPACE : foldCode(code))
    return ((symbol === undefined ? 0 : symbol + 1) << SYMBOL_SHIFT) | cls
  }

  /** The packed entry of a code unit, classifying it on first sight. */
  #at(code: number): number {
    const v = this.#table[code] ?? UNKNOWN
    if (v !== UNKNOWN) {
      return v
    }
    const computed = this.#classify(code)
    this.#table[code] = computed
    return computed
  }

  #child(node: number, symbol: number): number {
    if (node === 0) {
      return this.#rootNext[symbol] ?? NO_NODE
    }
    const start = this.#edgeStart[node] ?? 0
    const end = start + (this.#edgeCount[node] ?? 0)
    for (let e = start; e < end; e++) {
      const s = this.#edgeSymbol[e] ?? -1
      if (s === symbol) {
        return this.#edgeTarget[e] ?? NO_NODE
      }
      if (s > symbol) {
        break
      }
    }
    return NO_NODE
  }

  /** Whether the unit at `j` continues a word (ignorable units are looked through). */
  #isWordAt(text: string, j: number): boolean {
    while (j < text.length) {
      const k = charClass(text.charCodeAt(j))
      if (k !== CLASS_IGNORABLE) {
        return k === CLASS_WORD
      }
      j++
    }
    return false
  }

  #isWordBefore(text: string, i: number): boolean {
    for (let j = i - 1; j >= 0; j--) {
      const k = charClass(text.charCodeAt(j))
      if (k !== CLASS_IGNORABLE) {
        return k === CLASS_WORD
      }
    }
    return false
  }

  /**
   * Scans `text[from, to)` and calls `onCandidates` at every word start where some pattern matches on word
   * boundaries. Characters outside the range still count for boundaries.
   */
  scan(text: string, onCandidates: CandidateHandler, from = 0, to = text.length): void {
    const ends: number[] = []
    const payloads: (readonly number[])[] = []
    const table = this.#table
    const starts = this.#starts
    const rootNext = this.#rootNext
    const terminal = this.#terminal
    let prevWord = from > 0 && this.#isWordBefore(text, from)
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i)
      let v = table[code] ?? UNKNOWN
      if (v === UNKNOWN) {
        v = this.#at(code)
      }
      const cls = v & CLASS_MASK
      if (cls !== CLASS_WORD) {
        // Ignorable units neither end nor start a word.
        if (cls !== CLASS_IGNORABLE) {
          prevWord = false
        }
        continue
      }
      // Inside a word only a case change glued to the previous word ("bySooronbay") can start a name
      // (checked inline: this branch runs for most characters of the text).
      if (prevWord) {
        if (!((code >= 0x41 && code <= 0x5a) || (code >= 0x410 && code <= 0x42f))) {
          continue
        }
        const p = text.charCodeAt(i - 1)
        if (!((p >= 0x61 && p <= 0x7a) || (p >= 0x430 && p <= 0x44f))) {
          continue
        }
      }
      prevWord = true
      if (starts[code] === 1 || (starts[code] === 0 && !this.#startsAt(code))) {
        continue
      }
      let node = rootNext[(v >> SYMBOL_SHIFT) - 1] ?? NO_NODE
      if (node === NO_NODE) {
        continue
      }
      // Walk the trie from this word start.
      ends.length = 0
      payloads.length = 0
      let j = i + 1
      let lastSpace = false
      for (;;) {
        const found = terminal[node]
        if (found !== undefined && !this.#isWordAt(text, j)) {
          ends.push(j)
          payloads.push(found)
        }
        if (j >= to) {
          break
        }
        const c = text.charCodeAt(j)
        let w = table[c] ?? UNKNOWN
        if (w === UNKNOWN) {
          w = this.#at(c)
        }
        const k = w & CLASS_MASK
        if (k === CLASS_IGNORABLE) {
          j++
          continue
        }
        if (k === CLASS_SPACE) {
          if (lastSpace) {
            j++
            continue
          }
          lastSpace = true
        } else {
          lastSpace = false
        }
        const symbol = (w >> SYMBOL_SHIFT) - 1
        if (symbol < 0) {
          break
        }
        const next = this.#child(node, symbol)
        if (next === NO_NODE) {
          break
        }
        node = next
        j++
      }
      if (ends.length > 0) {
        ends.reverse()
        payloads.reverse()
        const resume = onCandidates(i, ends, payloads)
        if (resume > i) {
          // Continue after the match; the unit before `resume` decides whether a word continues there.
          i = resume - 1
          prevWord = this.#isWordBefore(text, resume)
        }
      }
    }
  }
}
