/**
 * The text position under a point. `caretPositionFromPoint` is the standard (Firefox; Chrome 128+);
 * `caretRangeFromPoint` is the older WebKit/Blink form, kept for browsers that only have it.
 */
export interface Caret {
  node: Node
  offset: number
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null
  caretRangeFromPoint?: (x: number, y: number) => Range | null
}

export function caretAt(doc: Document, x: number, y: number): Caret | undefined {
  const d = doc as CaretDocument
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y)
    return p ? { node: p.offsetNode, offset: p.offset } : undefined
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y)
    return r ? { node: r.startContainer, offset: r.startOffset } : undefined
  }
  return undefined
}

/** Tolerance around a line box: the pointer sits between lines or on the underline. */
const HIT_SLOP = 2

/**
 * The client rect of `range` that contains the point, if any. A caret position is the nearest insertion
 * point, which exists even when the pointer is past the end of a line, so the box must be checked too.
 */
export function rectAt(range: Range, x: number, y: number): DOMRect | undefined {
  for (const r of range.getClientRects()) {
    if (
      x >= r.left - HIT_SLOP &&
      x <= r.right + HIT_SLOP &&
      y >= r.top - HIT_SLOP &&
      y <= r.bottom + HIT_SLOP
    ) {
      return r
    }
  }
  return undefined
}
