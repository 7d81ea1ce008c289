/**
 * Finds every known name in a text in one left-to-right pass.
 *
 * Names only start where a word starts, so instead of a full Aho–Corasick automaton the matcher walks a trie
 * from each word start and stops as soon as the trie has no edge for the next character. Most words stop at
 * their first letter; a walk can never be longer than the longest alias. The cost is therefore linear in the
 * text and nearly independent of how many names the trie holds (the benchmark's `names_x100` measures this).
 *
 * The trie is built once from folded spellings (see normalize.ts). While walking, runs of whitespace count as
 * one space and ignorable characters (soft hyphens, zero-width spaces) are stepped over, so "Jeen\u00ADbekov"
 * and "Sadyr\nJaparov" match; offsets always refer to the original text.
 */
import { CLASS_IGNORABLE, CLASS_SPACE, CLASS_WORD, charClass, foldCode } from './normalize.ts'

export interface MatcherPattern {
  /** The spelling; folded before it enters the trie. */
  text: string
  /** Returned with each match: an index into the caller's own tables. */
  payload: number
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

/** An upper-case Latin or Cyrillic letter right after a lower-case one. Cheap range checks: hot loop. */
function isCaseBoundary(text: string, i: number, code: number): boolean {
  const upper = (code >= 0x41 && code <= 0x5a) || (code >= 0x410 && code <= 0x42f)
  if (!upper || i === 0) {
    return false
  }
  const prev = text.charCodeAt(i - 1)
  return (prev >= 0x61 && prev <= 0x7a) || (prev >= 0x430 && prev <= 0x44f)
}

export class Matcher {
  /** Symbol of each folded UTF-16 unit, or -1 when no pattern contains it. */
  readonly #symbols = new Int16Array(0x10000).fill(-1)
  #alphabet = 0
  /** Dense first level: most word starts are rejected with one array read. */
  #rootNext: Int32Array
  /** Sparse deeper levels: per node, a run of (symbol, target) pairs sorted by symbol. */
  #edgeStart: Int32Array
  #edgeCount: Uint16Array
  #edgeSymbol: Int32Array
  #edgeTarget: Int32Array
  /** Payloads of the patterns ending at each node (undefined when none). */
  #terminal: (number[] | undefined)[]
  readonly #spaceSymbol: number
  readonly size: number

  constructor(patterns: Iterable<MatcherPattern>) {
    // Build a plain object trie first, then freeze it into flat typed arrays for the scan.
    interface BuildNode {
      next: Map<number, BuildNode>
      id: number
      payloads?: number[]
    }
    const root: BuildNode = { next: new Map(), id: 0 }
    const nodes: BuildNode[] = [root]
    const symbolOf = (folded: number): number => {
      let s = this.#symbols[folded] ?? -1
      if (s < 0) {
        s = this.#alphabet++
        this.#symbols[folded] = s
      }
      return s
    }
    this.#spaceSymbol = symbolOf(SPACE)
    let count = 0
    for (const { text, payload } of patterns) {
      let node = root
      let lastSpace = true
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
        const s = symbolOf(f)
        let child = node.next.get(s)
        if (!child) {
          child = { next: new Map(), id: nodes.length }
          nodes.push(child)
          node.next.set(s, child)
        }
        node = child
      }
      if (node === root) {
        continue
      }
      ;(node.payloads ??= []).push(payload)
      count++
    }
    this.size = count

    this.#rootNext = new Int32Array(this.#alphabet).fill(NO_NODE)
    for (const [s, child] of root.next) {
      this.#rootNext[s] = child.id
    }
    this.#edgeStart = new Int32Array(nodes.length)
    this.#edgeCount = new Uint16Array(nodes.length)
    const totalEdges = nodes.reduce((n, node) => n + node.next.size, 0)
    this.#edgeSymbol = new Int32Array(totalEdges)
    this.#edgeTarget = new Int32Array(totalEdges)
    this.#terminal = new Array<number[] | undefined>(nodes.length)
    let e = 0
    for (const node of nodes) {
      this.#edgeStart[node.id] = e
      this.#edgeCount[node.id] = node.next.size
      for (const [s, child] of [...node.next].sort((a, b) => a[0] - b[0])) {
        this.#edgeSymbol[e] = s
        this.#edgeTarget[e] = child.id
        e++
      }
      this.#terminal[node.id] = node.payloads
    }
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

  #symbolAt(code: number): number {
    return this.#symbols[foldCode(code)] ?? -1
  }

  /**
   * Scans `text[from, to)` and calls `onCandidates` at every word start where some pattern matches on word
   * boundaries. Characters outside the range still count for boundaries.
   */
  scan(text: string, onCandidates: CandidateHandler, from = 0, to = text.length): void {
    const ends: number[] = []
    const payloads: (readonly number[])[] = []
    let prevWord = from > 0 && this.#isWordBefore(text, from)
    let i = from
    while (i < to) {
      const code = text.charCodeAt(i)
      const cls = charClass(code)
      if (cls === CLASS_IGNORABLE) {
        i++
        continue
      }
      if (cls !== CLASS_WORD) {
        prevWord = false
        i++
        continue
      }
      // Inside a word, the only place a name can start is a lower-to-upper case change: text extracted
      // from tables and infoboxes glues cells together ("Preceded bySooronbay Jeenbekov").
      if (prevWord && !isCaseBoundary(text, i, code)) {
        i++
        continue
      }
      prevWord = true
      const first = this.#symbolAt(code)
      let node = first < 0 ? NO_NODE : (this.#rootNext[first] ?? NO_NODE)
      if (node === NO_NODE) {
        i++
        continue
      }
      // Walk the trie from this word start.
      ends.length = 0
      payloads.length = 0
      let j = i + 1
      let lastSpace = false
      for (;;) {
        const found = this.#terminal[node]
        if (found !== undefined && !this.#isWordAt(text, j)) {
          ends.push(j)
          payloads.push(found)
        }
        if (j >= to) {
          break
        }
        const c = text.charCodeAt(j)
        const k = charClass(c)
        if (k === CLASS_IGNORABLE) {
          j++
          continue
        }
        let s: number
        if (k === CLASS_SPACE) {
          if (lastSpace) {
            j++
            continue
          }
          s = this.#spaceSymbol
          lastSpace = true
        } else {
          s = this.#symbolAt(c)
          lastSpace = false
        }
        if (s < 0) {
          break
        }
        const next = this.#child(node, s)
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
          i = resume
          prevWord = this.#isWordBefore(text, i)
          continue
        }
      }
      i++
    }
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
}
