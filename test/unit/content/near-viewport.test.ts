// @vitest-environment happy-dom
/**
 * Which blocks of a dense page are near the viewport, watched through one in sixteen of them: what the
 * highlight virtualisation of page-engine.ts relies on.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { NearViewport } from '../../../src/content/near-viewport.ts'

type Side = 'in' | 'above' | 'below'

const BOXES: Record<Side, { top: number; bottom: number }> = {
  above: { top: -3000, bottom: -2900 },
  in: { top: 100, bottom: 200 },
  below: { top: 6000, bottom: 6100 },
}

/** Stands in for the browser's IntersectionObserver: reports only what a test says, for observed elements. */
class FakeObserver {
  static current: FakeObserver | undefined
  readonly observed = new Set<Element>()
  readonly callback: IntersectionObserverCallback

  constructor(callback: IntersectionObserverCallback) {
    this.callback = callback
    FakeObserver.current = this
  }

  observe(el: Element): void {
    this.observed.add(el)
  }

  unobserve(el: Element): void {
    this.observed.delete(el)
  }

  disconnect(): void {
    this.observed.clear()
  }

  report(el: Element, side: Side): void {
    expect(this.observed.has(el), 'only observed elements are reported').toBe(true)
    const entry = {
      target: el,
      isIntersecting: side === 'in',
      rootBounds: { top: -800, bottom: 2400 },
      boundingClientRect: BOXES[side],
    }
    this.callback([entry as unknown as IntersectionObserverEntry], this as unknown as IntersectionObserver)
  }
}

function observer(): FakeObserver {
  const o = FakeObserver.current
  if (!o) {
    throw new Error('no observer was made')
  }
  return o
}

/** `n` paragraphs in the page, in document order. */
function paragraphs(n: number): HTMLElement[] {
  const list: HTMLElement[] = []
  for (let i = 0; i < n; i++) {
    const p = document.createElement('p')
    p.textContent = `paragraph ${i}`
    document.body.append(p)
    list.push(p)
  }
  return list
}

/** Makes getBoundingClientRect say where an element now is (for the check after scrolling). */
function placeAt(el: Element, side: Side): void {
  el.getBoundingClientRect = () =>
    ({ ...BOXES[side], left: 0, right: 100, width: 100, height: 100 }) as DOMRect
}

describe('NearViewport', () => {
  let changes: { members: readonly Element[]; near: boolean }[]
  let near: NearViewport

  beforeEach(() => {
    vi.useFakeTimers()
    vi.stubGlobal('IntersectionObserver', FakeObserver)
    Object.defineProperty(window, 'innerHeight', { value: 800, configurable: true })
    changes = []
    near = new NearViewport({
      before: 1,
      after: 2,
      onChange: (members, isNear) => changes.push({ members, near: isNear }),
    })
  })

  afterEach(() => {
    near.disconnect()
    document.body.replaceChildren()
    vi.unstubAllGlobals()
    vi.useRealTimers()
  })

  it('watches a long run of blocks through the first of every sixteen, and the last', () => {
    const ps = paragraphs(64)
    ps.forEach((p) => near.add(p))
    expect([...observer().observed]).toEqual([ps[0], ps[16], ps[32], ps[48], ps[63]])
  })

  it('counts blocks as far until reported, and a group as near when its first block or the next group’s first is', () => {
    const ps = paragraphs(40)
    ps.forEach((p) => near.add(p))
    expect(ps.every((p) => near.isFar(p))).toBe(true)
    observer().report(ps[0]!, 'in')
    expect(changes).toEqual([{ members: ps.slice(0, 16), near: true }])
    expect(near.isFar(ps[15]!)).toBe(false)
    expect(near.isFar(ps[16]!)).toBe(true)
    // Scrolled on: the first block has left the area above, the next group's first has come in.
    observer().report(ps[16]!, 'in')
    observer().report(ps[0]!, 'above')
    expect(near.isFar(ps[15]!)).toBe(false)
    expect(near.isFar(ps[16]!)).toBe(false)
    observer().report(ps[16]!, 'above')
    expect(near.isFar(ps[15]!)).toBe(true)
    expect(changes.at(-1)).toEqual({ members: ps.slice(0, 16), near: false })
  })

  it('counts a group taller than the area as near while its first block is above it and the next group’s below', () => {
    const ps = paragraphs(20)
    ps.forEach((p) => near.add(p))
    observer().report(ps[0]!, 'above')
    observer().report(ps[16]!, 'below')
    expect(near.isFar(ps[8]!)).toBe(false)
    observer().report(ps[16]!, 'above')
    expect(near.isFar(ps[8]!)).toBe(true)
  })

  it('catches a jump across the area, which the observer does not report, once scrolling stops', () => {
    const ps = paragraphs(20)
    ps.forEach((p) => near.add(p))
    observer().report(ps[0]!, 'below')
    observer().report(ps[16]!, 'below')
    expect(near.isFar(ps[8]!)).toBe(true)
    // A jump into the middle of the group: its ends went from below to above and below without crossing.
    placeAt(ps[0]!, 'above')
    placeAt(ps[16]!, 'below')
    placeAt(ps[19]!, 'below')
    window.dispatchEvent(new Event('scroll'))
    expect(near.isFar(ps[8]!)).toBe(true)
    vi.advanceTimersByTime(200)
    expect(near.isFar(ps[8]!)).toBe(false)
  })

  it('watches a block added out of document order on its own', () => {
    const ps = paragraphs(10)
    ps.forEach((p) => near.add(p))
    const early = document.createElement('p')
    document.body.prepend(early)
    near.add(early)
    expect(observer().observed.has(early)).toBe(true)
    observer().report(early, 'in')
    expect(near.isFar(early)).toBe(false)
    expect(near.isFar(ps[1]!)).toBe(true)
  })

  it('gives a block that joins a near group that group’s state at once', () => {
    const ps = paragraphs(4)
    ps.slice(0, 3).forEach((p) => near.add(p))
    observer().report(ps[0]!, 'in')
    near.add(ps[3]!)
    expect(near.isFar(ps[3]!)).toBe(false)
  })

  it('keeps watching the rest of a group whose first block went, without flickering', () => {
    const ps = paragraphs(20)
    ps.forEach((p) => near.add(p))
    observer().report(ps[0]!, 'in')
    changes = []
    near.remove(ps[0]!)
    ps[0]!.remove()
    expect(observer().observed.has(ps[0]!)).toBe(false)
    expect(ps.slice(1, 16).every((p) => observer().observed.has(p))).toBe(true)
    expect(ps.slice(1, 16).every((p) => !near.isFar(p))).toBe(true)
    expect(changes).toEqual([])
    observer().report(ps[3]!, 'below')
    expect(near.isFar(ps[3]!)).toBe(true)
    expect(near.isFar(ps[2]!)).toBe(false)
  })

  it('lets the group before end at its own last block when the one after loses its first', () => {
    const ps = paragraphs(20)
    ps.forEach((p) => near.add(p))
    near.remove(ps[16]!)
    expect(observer().observed.has(ps[16]!)).toBe(false)
    expect(observer().observed.has(ps[15]!)).toBe(true)
    observer().report(ps[0]!, 'above')
    observer().report(ps[15]!, 'in')
    expect(near.isFar(ps[7]!)).toBe(false)
  })

  it('keeps the state blocks had when watching starts, if asked, until the observer reports', () => {
    const ps = paragraphs(3)
    ps.forEach((p) => near.add(p, false))
    expect(ps.some((p) => near.isFar(p))).toBe(false)
    observer().report(ps[0]!, 'below')
    observer().report(ps[2]!, 'below')
    expect(near.isFar(ps[1]!)).toBe(true)
  })

  it('stops observing everything when disconnected', () => {
    const ps = paragraphs(40)
    ps.forEach((p) => near.add(p))
    near.disconnect()
    expect(observer().observed.size).toBe(0)
    expect(near.isFar(ps[0]!)).toBe(false)
  })
})
