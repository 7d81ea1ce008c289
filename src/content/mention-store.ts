/**
 * The mentions currently highlighted on the page: their ranges, their order in the document, and a lookup from
 * a text node to the mentions that touch it (for the pointer).
 *
 * Highlights hold StaticRanges: creating one costs a fraction of a live Range, and a page with tens of
 * thousands of names needs that many. Where geometry is needed (hover, card placement), liveRange() makes a
 * live Range from it, once per mention.
 */
import type { Mention } from '../core/recognize.ts'
import type { EntityTypeName } from '../data/schema.ts'

export interface PageMention {
  readonly key: number
  entity: string | null
  candidates: readonly string[]
  type: EntityTypeName | 'ambiguous'
  readonly range: StaticRange
  /** The text as matched, to notice when the page has rewritten it. */
  readonly surface: string
  /** The CSS.highlights entry its range belongs under ('' when its type is switched off). */
  highlight: string
  /** The entry its range is registered under now ('' when not registered: off, or far on a big page). */
  painted: string
  /** The block element the mention is in. */
  block?: Element
  /** The live Range for geometry, made on first use. */
  live?: Range
}

export function fromMention(
  key: number,
  mention: Mention,
  range: StaticRange,
  surface: string,
  typeOf: (entity: string) => EntityTypeName | undefined,
): PageMention | undefined {
  const type = mention.entity === null ? 'ambiguous' : typeOf(mention.entity)
  if (type === undefined) {
    return undefined
  }
  return {
    key,
    entity: mention.entity,
    candidates: mention.candidates ?? [],
    type,
    range,
    surface,
    highlight: '',
    painted: '',
  }
}

/** A live Range over a mention, for its on-screen boxes. */
export function liveRange(m: PageMention): Range {
  if (!m.live) {
    const r = m.range.startContainer.ownerDocument?.createRange() ?? new Range()
    r.setStart(m.range.startContainer, m.range.startOffset)
    r.setEnd(m.range.endContainer, m.range.endOffset)
    m.live = r
  }
  return m.live
}

/** The text a static range covers now (for a single text node, without making a live Range). */
export function rangeText(r: AbstractRange): string {
  if (r.startContainer === r.endContainer && r.startContainer.nodeType === 3) {
    return (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)
  }
  const live = new Range()
  live.setStart(r.startContainer, r.startOffset)
  live.setEnd(r.endContainer, r.endOffset)
  return live.toString()
}

/** Document order of two boundary points. */
function comparePoints(a: Node, aOffset: number, b: Node, bOffset: number): number {
  if (a === b) {
    return aOffset - bOffset
  }
  const position = a.compareDocumentPosition(b)
  // FOLLOWING (4): b comes after a; PRECEDING (2): b comes before a.
  return position & 4 ? -1 : position & 2 ? 1 : 0
}

export class MentionStore {
  readonly #byKey = new Map<number, PageMention>()
  readonly #byNode = new Map<Node, PageMention[]>()
  /** Every mention, in document order. */
  #ordered: PageMention[] = []

  get size(): number {
    return this.#byKey.size
  }

  /** Adds a mention. Mentions added in document order (a scan) are appended; others are inserted in place. */
  add(m: PageMention): void {
    this.#byKey.set(m.key, m)
    for (const node of [m.range.startContainer, m.range.endContainer]) {
      const list = this.#byNode.get(node) ?? []
      if (!list.includes(m)) {
        list.push(m)
      }
      this.#byNode.set(node, list)
    }
    const order = this.#ordered
    const last = order[order.length - 1]
    const after = (x: PageMention): boolean =>
      comparePoints(
        x.range.startContainer,
        x.range.startOffset,
        m.range.startContainer,
        m.range.startOffset,
      ) <= 0
    if (!last || after(last)) {
      order.push(m)
      return
    }
    let lo = 0
    let hi = order.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      const x = order[mid]
      if (x && after(x)) {
        lo = mid + 1
      } else {
        hi = mid
      }
    }
    order.splice(lo, 0, m)
  }

  remove(m: PageMention): void {
    if (!this.#byKey.delete(m.key)) {
      return
    }
    for (const node of [m.range.startContainer, m.range.endContainer]) {
      const list = this.#byNode.get(node)
      if (!list) {
        continue
      }
      const rest = list.filter((x) => x !== m)
      if (rest.length > 0) {
        this.#byNode.set(node, rest)
      } else {
        this.#byNode.delete(node)
      }
    }
    const i = this.#ordered.indexOf(m)
    if (i >= 0) {
      this.#ordered.splice(i, 1)
    }
  }

  clear(): void {
    this.#byKey.clear()
    this.#byNode.clear()
    this.#ordered = []
  }

  get(key: number): PageMention | undefined {
    return this.#byKey.get(key)
  }

  all(): IterableIterator<PageMention> {
    return this.#byKey.values()
  }

  /** The mention covering `offset` in text node `node`, if any. */
  at(node: Node, offset: number): PageMention | undefined {
    for (const m of this.#byNode.get(node) ?? []) {
      const r = m.range
      const afterStart = node !== r.startContainer || offset >= r.startOffset
      const beforeEnd = node !== r.endContainer || offset < r.endOffset
      if (afterStart && beforeEnd) {
        return m
      }
    }
    return undefined
  }

  /** Mentions in document order. */
  ordered(): readonly PageMention[] {
    return this.#ordered
  }

  /** Mentions of one entity in document order. */
  ofEntity(entity: string): PageMention[] {
    return this.#ordered.filter((m) => m.entity === entity)
  }

  /**
   * How many mentions `entity` has on the page and where `m` stands among them (1-based; 0 if it is not one of
   * them). One pass without allocating: a card opens with this on pages of tens of thousands of mentions.
   */
  placeOf(m: PageMention, entity: string): { count: number; position: number } {
    let count = 0
    let position = 0
    for (const x of this.#ordered) {
      if (x.entity === entity) {
        count++
        if (x === m) {
          position = count
        }
      }
    }
    return { count, position }
  }

  /** Mentions per resolved entity, most mentioned first. */
  counts(): { entity: string; count: number }[] {
    const counts = new Map<string, number>()
    for (const m of this.#byKey.values()) {
      if (m.entity !== null) {
        counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1)
      }
    }
    return [...counts]
      .map(([entity, count]) => ({ entity, count }))
      .sort((a, b) => b.count - a.count || a.entity.localeCompare(b.entity))
  }

  ambiguousCount(): number {
    let n = 0
    for (const m of this.#byKey.values()) {
      if (m.entity === null) {
        n++
      }
    }
    return n
  }

  /** Mentions starting inside `root`. */
  within(root: Node): PageMention[] {
    const out: PageMention[] = []
    for (const m of this.#byKey.values()) {
      if (root.contains(m.range.startContainer)) {
        out.push(m)
      }
    }
    return out
  }
}
