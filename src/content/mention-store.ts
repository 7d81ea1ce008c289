/**
 * The mentions currently highlighted on the page: their Ranges, where they are in document order, and a
 * lookup from a text node to the mentions that touch it (for the pointer).
 */
import type { Mention } from '../core/recognize.ts'
import type { EntityTypeName } from '../data/schema.ts'

export interface PageMention {
  readonly key: number
  readonly entity: string | null
  readonly candidates: readonly string[]
  readonly type: EntityTypeName | 'ambiguous'
  readonly range: Range
  /** The text as matched, to notice when the page has rewritten it. */
  readonly surface: string
  /** The CSS.highlights entry holding its range. */
  highlight: string
}

export function fromMention(
  key: number,
  mention: Mention,
  range: Range,
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
  }
}

/** Document order of two ranges by their start. */
function compareRanges(a: Range, b: Range): number {
  try {
    return a.compareBoundaryPoints(Range.START_TO_START, b)
  } catch {
    return 0 // different documents or detached: order does not matter any more
  }
}

export class MentionStore {
  readonly #byKey = new Map<number, PageMention>()
  readonly #byNode = new Map<Node, PageMention[]>()
  #ordered: PageMention[] | undefined

  get size(): number {
    return this.#byKey.size
  }

  add(m: PageMention): void {
    this.#byKey.set(m.key, m)
    for (const node of [m.range.startContainer, m.range.endContainer]) {
      const list = this.#byNode.get(node) ?? []
      if (!list.includes(m)) {
        list.push(m)
      }
      this.#byNode.set(node, list)
    }
    this.#ordered = undefined
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
    this.#ordered = undefined
  }

  clear(): void {
    this.#byKey.clear()
    this.#byNode.clear()
    this.#ordered = undefined
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
    this.#ordered ??= [...this.#byKey.values()].sort((a, b) => compareRanges(a.range, b.range))
    return this.#ordered
  }

  /** Mentions of one entity in document order. */
  ofEntity(entity: string): PageMention[] {
    return this.ordered().filter((m) => m.entity === entity)
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

  /** Mentions whose text the page has removed or rewritten. */
  stale(): PageMention[] {
    const out: PageMention[] = []
    for (const m of this.#byKey.values()) {
      const r = m.range
      if (
        !r.startContainer.isConnected ||
        !r.endContainer.isConnected ||
        r.collapsed ||
        r.toString() !== m.surface
      ) {
        out.push(m)
      }
    }
    return out
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
