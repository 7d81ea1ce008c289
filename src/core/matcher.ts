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
const NO_SYMBOL = -1

/**
 * The per-unit table packs the character class (low 2 bits: CLASS_* from normalize.ts), a KNOWN bit and the
 * trie symbol plus one (the rest; 0 when no pattern contains the character). UNKNOWN (0) marks a unit not
 * classified yet, so the table starts as fresh zeroed memory: no pass over it before the first page is read.
 */
const UNKNOWN = 0
const CLASS_MASK = 3
const KNOWN = 4
const SYMBOL_SHIFT = 3

/** Whether a character has an upper and a lower case (Arabic, CJK and digits do not). */
const hasCase = (code: number): boolean => {
  const ch = String.fromCharCode(code)
  return ch.toLowerCase() !== ch.toUpperCase()
}

/** Scripts whose patterns can wait until the text shows a letter of theirs (see `deferred`). */
export type DeferredScript = 'latin' | 'cyrillic'

/** The script of a letter for deferring patterns: plain and extended Latin, Cyrillic; anything else undefined. */
export function deferredScriptOf(code: number): DeferredScript | undefined {
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
    return 'latin'
  }
  if (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) {
    return 'latin'
  }
  if (code >= 0x1e00 && code <= 0x1eff) {
    return 'latin'
  }
  return code >= 0x400 && code <= 0x52f ? 'cyrillic' : undefined
}

/**
 * Where the scan's candidate regex leaves out units that cannot start a name: ASCII and basic Cyrillic, the
 * bulk of English and Russian text. Other units are always candidates and checked one by one.
 */
const CANDIDATE_FILTER_RANGES: readonly (readonly [number, number])[] = [
  [0x00, 0x7f],
  [0x400, 0x45f],
]

/** Below this many units a scan checks every unit itself (making the candidate regex costs about as much). */
const MIN_SKIPPING_SCAN = 1024

/**
 * Every DENSITY_WINDOW candidates, the scan checks how far they took it: less than MIN_MEAN_JUMP units each on
 * average, and it checks the rest of the text unit by unit.
 */
const DENSITY_WINDOW = 256
const MIN_MEAN_JUMP = 4

/** A code unit as a regex class member, escaped so no unit is read as syntax. */
const unitEscape = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`

/** Ascending code units as the inside of a regex character class, runs written as ranges. */
function classRanges(codes: readonly number[]): string {
  let out = ''
  for (let k = 0; k < codes.length;) {
    const first = codes[k] ?? 0
    let last = first
    while (codes[k + 1] === last + 1) {
      last++
      k++
    }
    k++
    out += last === first ? unitEscape(first) : `${unitEscape(first)}-${unitEscape(last)}`
  }
  return out
}

/** Letters that are always word characters: one right before a lower-case unit puts it inside a word. */
const WORD_LETTER_BEFORE = '[A-Za-z\\u0401\\u0410-\\u044f\\u0451]'

/** A matcher's tables as plain (JSON) data: see `Matcher.toImage`. */
export interface MatcherImage {
  /** Folded units by trie symbol; symbol 0 is the space. */
  alphabet: string
  /** Child of the root per symbol. */
  rootNext: number[]
  /** The open-addressing edge table (keys node × MAX_ALPHABET + symbol, −1 where empty) and its targets. */
  edgeKeys: number[]
  edgeTargets: number[]
  edges: number
  nodes: number
  /** Nodes where patterns end, and the payloads ending at each. */
  terminalNodes: number[]
  terminalPayloads: number[][]
  /** Folded first units: whether a pattern there may start in lower case, and the raw units they start with. */
  firsts: [number, boolean, number[]][]
  size: number
}

/** Symbols per trie node in an edge's key (node × MAX_ALPHABET + symbol); patterns use a few dozen. */
const MAX_ALPHABET = 1024
/** Keys must fit an Int32Array. */
const MAX_NODES = Math.floor(0x7fffffff / MAX_ALPHABET)

/** Sorts ends (and their payloads with them) in increasing order: a glued ending may reach past a later end. */
function sortByEnd(ends: number[], payloads: (readonly number[])[]): void {
  const order = ends.map((_, k) => k).sort((a, b) => (ends[a] ?? 0) - (ends[b] ?? 0))
  const e = order.map((k) => ends[k] ?? 0)
  const p = order.map((k) => payloads[k] ?? [])
  ends.splice(0, ends.length, ...e)
  payloads.splice(0, payloads.length, ...p)
}

export class Matcher {
  /** Per UTF-16 unit: class and symbol, packed (see SYMBOL_SHIFT), or UNKNOWN. */
  readonly #table = new Uint16Array(0x10000)
  /** Per UTF-16 unit: 0 not computed yet, 1 cannot start a name, 2 may start one (as cased). */
  readonly #starts = new Uint8Array(0x10000)
  /** Folded first characters of the patterns, and whether some pattern there may start in lower case. */
  readonly #firsts = new Map<number, { lower: boolean; raw: Set<number> }>()
  /** Trie symbol plus one of each folded unit, 0 for none: patterns use a few dozen distinct characters. */
  readonly #symbolOfFolded = new Uint16Array(0x10000)
  #alphabet = 0
  /** Dense first level: a candidate whose first symbol has no edge is rejected with one array read. */
  readonly #rootNext = new Int32Array(MAX_ALPHABET).fill(NO_NODE)
  /**
   * Deeper levels: one open-addressing hash table of edges keyed by node × MAX_ALPHABET + symbol. Built in
   * place with no allocation per edge, which keeps the engine's start cheap while its code is still cold.
   */
  #edgeKey = new Int32Array(1 << 10).fill(NO_NODE)
  #edgeTarget = new Int32Array(1 << 10)
  #edgeMask = (1 << 10) - 1
  /** 32 − log2 of the table's size: a slot is the top bits of the key's Fibonacci hash. */
  #edgeShift = 32 - 10
  #edges = 0
  /** Payloads of the patterns ending at each node (undefined when none). */
  readonly #terminal: (number[] | undefined)[] = [undefined]
  #size = 0
  /** Pattern groups not in the trie yet, by the script all their patterns start in. */
  readonly #deferred = new Map<DeferredScript, () => Iterable<MatcherPattern>>()
  /**
   * Endings a language glues onto names (Kyrgyz cases: "Бишкекте"): the length of one at `at`, where a spelling
   * ends inside a word, or 0. A spelling followed by one ends after it.
   */
  gluedSuffix: ((text: string, at: number) => number) | undefined = undefined
  /** See #candidates; undefined when the patterns changed since it was made. */
  #candidateRe: RegExp | undefined

  /**
   * `deferred` groups are added to the trie the first time the text has a word starting with a letter of
   * their script: an English page never pays for the Russian case forms, a Russian page not for the Latin
   * spellings. Every pattern of a group must start with a letter of its script.
   */
  constructor(
    patterns: Iterable<MatcherPattern>,
    deferred: Partial<Record<DeferredScript, () => Iterable<MatcherPattern>>> = {},
  ) {
    // Spaces in patterns: runs of whitespace in the text walk this one edge.
    this.#symbolOfFolded[SPACE] = ++this.#alphabet
    this.#insert(patterns)
    for (const [script, group] of Object.entries(deferred) as [
      DeferredScript,
      () => Iterable<MatcherPattern>,
    ][]) {
      this.#deferred.set(script, group)
    }
  }

  /**
   * The trie and start rules as plain data (every deferred group added first), for `fromImage`. The edge
   * table is packed up to three quarters full, as it will not grow again.
   */
  toImage(): MatcherImage {
    this.complete()
    let bits = 1
    while (1 << bits < (4 * this.#edges) / 3) {
      bits++
    }
    this.#rehash(bits)
    const terminalNodes: number[] = []
    const terminalPayloads: number[][] = []
    this.#terminal.forEach((payloads, node) => {
      if (payloads !== undefined) {
        terminalNodes.push(node)
        terminalPayloads.push(payloads)
      }
    })
    const alphabet: number[] = []
    this.#symbolOfFolded.forEach((symbolPlusOne, folded) => {
      if (symbolPlusOne > 0) {
        alphabet[symbolPlusOne - 1] = folded
      }
    })
    return {
      alphabet: String.fromCharCode(...alphabet),
      rootNext: [...this.#rootNext.subarray(0, this.#alphabet)],
      edgeKeys: [...this.#edgeKey],
      edgeTargets: [...this.#edgeTarget],
      edges: this.#edges,
      nodes: this.#terminal.length,
      terminalNodes,
      terminalPayloads,
      firsts: [...this.#firsts].map(([folded, { lower, raw }]) => [folded, lower, [...raw]]),
      size: this.#size,
    }
  }

  /**
   * A matcher with the tables of `toImage`, made at build time: starting the engine then costs copying a few
   * arrays instead of folding and inserting every spelling while the engine's code is still cold.
   */
  static fromImage(image: MatcherImage): Matcher {
    if (image.alphabet.charCodeAt(0) !== SPACE) {
      throw new RangeError('a matcher image must have the space as its symbol 0')
    }
    const m = new Matcher([])
    for (let symbol = 1; symbol < image.alphabet.length; symbol++) {
      m.#symbolOfFolded[image.alphabet.charCodeAt(symbol)] = symbol + 1
    }
    m.#alphabet = image.alphabet.length
    m.#rootNext.set(image.rootNext)
    const size = image.edgeKeys.length
    if (size < 2 || (size & (size - 1)) !== 0 || image.edgeTargets.length !== size) {
      throw new RangeError(`a matcher image needs an edge table whose size is a power of two, not ${size}`)
    }
    m.#edgeKey = new Int32Array(image.edgeKeys)
    m.#edgeTarget = new Int32Array(image.edgeTargets)
    m.#edgeMask = size - 1
    // An integer (clz32, not log2): the shift is read on every trie step and must stay a small integer field.
    m.#edgeShift = Math.clz32(size) + 1
    m.#edges = image.edges
    m.#terminal.length = image.nodes
    image.terminalNodes.forEach((node, k) => {
      m.#terminal[node] = image.terminalPayloads[k]
    })
    for (const [folded, lower, raw] of image.firsts) {
      m.#firsts.set(folded, { lower, raw: new Set(raw) })
    }
    m.#size = image.size
    return m
  }

  /** How many patterns the trie holds (deferred groups count once added). */
  get size(): number {
    return this.#size
  }

  /** Adds every deferred group now (for tools that need all patterns, not for scanning). */
  complete(): void {
    for (const script of [...this.#deferred.keys()]) {
      this.#addGroup(script)
    }
  }

  #addGroup(script: DeferredScript): void {
    const group = this.#deferred.get(script)
    if (group === undefined) {
      return
    }
    this.#deferred.delete(script)
    this.#insert(group(), script)
    // Units classified before may have gained a trie symbol, or become able to start a name.
    this.#table.fill(UNKNOWN)
    this.#starts.fill(0)
    this.#candidateRe = undefined
  }

  #insert(patterns: Iterable<MatcherPattern>, script?: DeferredScript): void {
    // One pass per pattern: fold each unit (spaces collapsed, ignorable units dropped) and walk or extend the
    // trie. This runs while the engine's code is still cold, so the loop keeps its tables in locals and does
    // the hashing inline.
    const list = Array.isArray(patterns) ? (patterns as readonly MatcherPattern[]) : [...patterns]
    let total = 0
    for (const { text } of list) {
      total += text.length
    }
    // Room for an edge per unit at most half full, so the table never grows during the loop.
    if (2 * (this.#edges + total) > this.#edgeMask) {
      this.#growEdges(this.#edges + total)
    }
    const symbolOfFolded = this.#symbolOfFolded
    const rootNext = this.#rootNext
    const terminals = this.#terminal
    const keys = this.#edgeKey
    const targets = this.#edgeTarget
    const mask = this.#edgeMask
    const shift = this.#edgeShift
    for (const { text, payload, upperStart } of list) {
      let node = 0
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
        let symbol = (symbolOfFolded[f] ?? 0) - 1
        if (symbol === NO_SYMBOL) {
          if (this.#alphabet === MAX_ALPHABET) {
            throw new RangeError(`the names use more than ${MAX_ALPHABET} distinct characters`)
          }
          symbol = this.#alphabet++
          symbolOfFolded[f] = symbol + 1
        }
        if (node === 0) {
          this.#noteFirst(text, i, f, upperStart === true, script)
          let child = rootNext[symbol] ?? NO_NODE
          if (child === NO_NODE) {
            child = this.#newNode()
            rootNext[symbol] = child
          }
          node = child
          continue
        }
        const key = node * MAX_ALPHABET + symbol
        let slot = Math.imul(key, 0x9e3779b1) >>> shift
        let k = keys[slot] ?? NO_NODE
        while (k !== key && k !== NO_NODE) {
          slot = (slot + 1) & mask
          k = keys[slot] ?? NO_NODE
        }
        if (k === key) {
          node = targets[slot] ?? NO_NODE
        } else {
          const child = this.#newNode()
          keys[slot] = key
          targets[slot] = child
          this.#edges++
          node = child
        }
      }
      if (node === 0) {
        continue
      }
      ;(terminals[node] ??= []).push(payload)
      this.#size++
    }
  }

  #newNode(): number {
    const node = this.#terminal.length
    if (node >= MAX_NODES) {
      throw new RangeError(`too many spellings for the matcher: over ${MAX_NODES} trie nodes`)
    }
    this.#terminal.push(undefined)
    return node
  }

  /** Records a pattern's first unit (folded): which units may start a name, and in which case. */
  #noteFirst(text: string, i: number, folded: number, upperStart: boolean, script?: DeferredScript): void {
    const raw = text.charCodeAt(i)
    if (script !== undefined && deferredScriptOf(raw) !== script) {
      throw new Error(`"${text}" is deferred until ${script} text but does not start with a ${script} letter`)
    }
    let entry = this.#firsts.get(folded)
    if (entry === undefined) {
      entry = { lower: false, raw: new Set<number>() }
      this.#firsts.set(folded, entry)
    }
    entry.lower ||= !upperStart
    entry.raw.add(raw)
  }

  #slot(key: number): number {
    // Fibonacci hashing: the top bits of the product depend on every bit of the key.
    return Math.imul(key, 0x9e3779b1) >>> this.#edgeShift
  }

  #putEdge(key: number, target: number): void {
    let slot = this.#slot(key)
    while (this.#edgeKey[slot] !== NO_NODE) {
      slot = (slot + 1) & this.#edgeMask
    }
    this.#edgeKey[slot] = key
    this.#edgeTarget[slot] = target
  }

  /** Rebuilds the edge table with room for `edges` edges at most half full (one allocation, one pass). */
  #growEdges(edges: number): void {
    let bits = 32 - this.#edgeShift
    while (1 << bits < 2 * edges) {
      bits++
    }
    this.#rehash(bits)
  }

  #rehash(bits: number): void {
    const keys = this.#edgeKey
    const targets = this.#edgeTarget
    this.#edgeKey = new Int32Array(1 << bits).fill(NO_NODE)
    this.#edgeTarget = new Int32Array(1 << bits)
    this.#edgeMask = (1 << bits) - 1
    this.#edgeShift = 32 - bits
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] ?? NO_NODE
      if (key !== NO_NODE) {
        this.#putEdge(key, targets[i] ?? 0)
      }
    }
  }

  /** Whether a code unit may start a name, in its case (computed on first sight, like the table). */
  #startsAt(code: number): boolean {
    let v = this.#starts[code] ?? 0
    if (v === 0) {
      const folded = foldCode(code)
      if (this.#deferred.size > 0) {
        const script = this.#pendingScriptOf(code, folded)
        if (script !== undefined) {
          this.#addGroup(script)
        }
      }
      v = this.#canStart(code, folded) ? 2 : 1
      this.#starts[code] = v
    }
    return v === 2
  }

  /** The deferred group a unit would add as a word start, if any is still waiting. */
  #pendingScriptOf(code: number, folded: number): DeferredScript | undefined {
    // By the folded unit too: the Kelvin sign and the Angstrom sign fold to Latin letters.
    const script = deferredScriptOf(code) ?? deferredScriptOf(folded)
    return script !== undefined && this.#deferred.has(script) ? script : undefined
  }

  /** Whether a unit cannot start a name now, nor add a waiting group that might let it. */
  #neverStarts(code: number): boolean {
    const folded = foldCode(code)
    return this.#pendingScriptOf(code, folded) === undefined && !this.#canStart(code, folded)
  }

  /** Whether the patterns in the trie now let a unit start a name (in its case). */
  #canStart(code: number, folded: number): boolean {
    const entry = this.#firsts.get(folded)
    return entry !== undefined && (entry.lower || entry.raw.has(code) || isUpperCode(code) || !hasCase(code))
  }

  /**
   * A regex that finds the next unit that may start a name, so the scan's loop runs only there: the regex
   * engine skips the lower-case letters, spaces and punctuation that make up most text in native code, where
   * a loop of our own would run in the interpreter for the first few thousand characters of a page (the
   * part a reader waits for). It is a superset, made once per set of patterns: it leaves out the units of
   * ASCII and basic Cyrillic that cannot start a name now or after a deferred group is added, and finds a
   * lower-case one that can (Russian adjectives, "kirgisische") only where no basic letter stands right before
   * it: inside a word only an upper-case letter can start a name. Every candidate it finds is still checked as
   * before.
   */
  #candidates(): RegExp {
    if (this.#candidateRe !== undefined) {
      return this.#candidateRe
    }
    const never: number[] = []
    const lower: number[] = []
    for (const [lo, hi] of CANDIDATE_FILTER_RANGES) {
      for (let code = lo; code <= hi; code++) {
        // A letter of a script whose patterns are still waiting stays a candidate: it adds them (#neverStarts).
        if (charClass(code) !== CLASS_WORD || this.#neverStarts(code)) {
          never.push(code)
        } else if (hasCase(code) && !isUpperCode(code)) {
          lower.push(code)
        }
      }
    }
    const others = `[^${classRanges(never)}${classRanges(lower)}]`
    this.#candidateRe = new RegExp(
      lower.length === 0 ? others : `(?<!${WORD_LETTER_BEFORE})[${classRanges(lower)}]|${others}`,
      'g',
    )
    return this.#candidateRe
  }

  #classify(code: number): number {
    const cls = charClass(code)
    const symbolPlusOne =
      cls === CLASS_IGNORABLE ? 0 : (this.#symbolOfFolded[cls === CLASS_SPACE ? SPACE : foldCode(code)] ?? 0)
    return (symbolPlusOne << SYMBOL_SHIFT) | KNOWN | cls
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
    const key = node * MAX_ALPHABET + symbol
    const keys = this.#edgeKey
    const mask = this.#edgeMask
    for (let slot = this.#slot(key); ; slot = (slot + 1) & mask) {
      const k = keys[slot] ?? NO_NODE
      if (k === key) {
        return this.#edgeTarget[slot] ?? NO_NODE
      }
      if (k === NO_NODE) {
        return NO_NODE
      }
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
    // Short texts (a title, a changed paragraph) are not worth making the regex for; it may also read on past
    // `to`, so only where what follows is no longer than the range itself.
    const skip = to - from >= MIN_SKIPPING_SCAN && text.length - to <= to - from
    let candidates = skip ? this.#candidates() : undefined
    let jumps = 0
    let jumpsFrom = from
    // Whether the unit before `i` continues a word: followed unit by unit, looked up after a jump.
    let prevWord = false
    let prevKnown = false
    for (let i = from; i < to; i++) {
      if (candidates !== undefined) {
        candidates.lastIndex = i
        if (!candidates.test(text)) {
          return
        }
        i = candidates.lastIndex - 1
        if (i >= to) {
          return
        }
        prevKnown = false
        // Where most units are candidates (scripts the regex does not filter: CJK, Arabic, Kyrgyz letters),
        // a regex call per unit is slower than checking each: go on unit by unit.
        if (++jumps === DENSITY_WINDOW) {
          if (i - jumpsFrom < DENSITY_WINDOW * MIN_MEAN_JUMP) {
            candidates = undefined
          }
          jumps = 0
          jumpsFrom = i
        }
      }
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
          prevKnown = true
        }
        continue
      }
      const inWord = prevKnown ? prevWord : this.#isWordBefore(text, i)
      prevWord = true
      prevKnown = true
      // Inside a word only a case change glued to the previous word ("bySooronbay") can start a name.
      if (inWord) {
        if (!((code >= 0x41 && code <= 0x5a) || (code >= 0x410 && code <= 0x42f))) {
          continue
        }
        const p = text.charCodeAt(i - 1)
        if (!((p >= 0x61 && p <= 0x7a) || (p >= 0x430 && p <= 0x44f))) {
          continue
        }
      }
      const start = starts[code]
      if (start === 1) {
        continue
      }
      if (start === 0) {
        // First sight of this unit as a word start may add a group of patterns, changing the candidates (even
        // when this unit cannot start a name) and its symbol.
        const may = this.#startsAt(code)
        if (candidates !== undefined) {
          candidates = this.#candidates()
        }
        if (!may) {
          continue
        }
        v = this.#at(code)
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
      let glued = false
      for (;;) {
        const found = terminal[node]
        if (found !== undefined) {
          if (!this.#isWordAt(text, j)) {
            ends.push(j)
            payloads.push(found)
          } else if (this.gluedSuffix !== undefined) {
            const n = this.gluedSuffix(text, j)
            if (n > 0) {
              ends.push(j + n)
              payloads.push(found)
              glued = true
            }
          }
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
        if (glued) {
          sortByEnd(ends, payloads)
        }
        ends.reverse()
        payloads.reverse()
        const resume = onCandidates(i, ends, payloads)
        if (resume > i) {
          // Continue after the match (the loop's step is undone here).
          i = resume - 1
          prevKnown = false
        }
      }
    }
  }
}
