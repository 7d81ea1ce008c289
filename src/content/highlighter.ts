/**
 * Keeps our entries in the page's CSS.highlights registry. Each entry is a Highlight holding the Ranges of
 * one kind of mention; ranges are added and removed one by one as the page changes, so a rescan of one
 * paragraph never rebuilds the rest. We only ever delete our own names: never CSS.highlights.clear(),
 * which would wipe the page's own highlights.
 */
import { FOCUS_HIGHLIGHT } from './highlight-names.ts'

/** Above the page's own highlights (default priority 0), below nothing in particular. */
const MENTION_PRIORITY = 1
/** The focused mention paints over its ordinary highlight. */
const FOCUS_PRIORITY = 2

export const highlightsSupported = (): boolean =>
  typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function'

export class Highlighter {
  readonly #entries = new Map<string, Highlight>()

  add(name: string, range: AbstractRange): void {
    let entry = this.#entries.get(name)
    if (!entry) {
      entry = new Highlight()
      entry.priority = name === FOCUS_HIGHLIGHT ? FOCUS_PRIORITY : MENTION_PRIORITY
      this.#entries.set(name, entry)
      CSS.highlights.set(name, entry)
    }
    entry.add(range)
  }

  remove(name: string, range: AbstractRange): void {
    this.#entries.get(name)?.delete(range)
  }

  /** Shows `range` (or nothing) as the focused mention. */
  focus(range: AbstractRange | undefined): void {
    const entry = this.#entries.get(FOCUS_HIGHLIGHT)
    entry?.clear()
    if (range) {
      this.add(FOCUS_HIGHLIGHT, range)
    }
  }

  /** Number of ranges under `name` (tests and the benchmark read it). */
  size(name: string): number {
    return this.#entries.get(name)?.size ?? 0
  }

  /** Removes every entry we created, and only those. */
  clear(): void {
    for (const [name, entry] of this.#entries) {
      entry.clear()
      if (CSS.highlights.get(name) === entry) {
        CSS.highlights.delete(name)
      }
    }
    this.#entries.clear()
  }
}
