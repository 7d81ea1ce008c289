/**
 * Which of many elements are near the viewport, watched through a few of them.
 *
 * An IntersectionObserver costs Chromium about 1.5 µs per observed element on every frame that changes
 * anything (measured: 6,000 observed paragraphs add 9 ms to each such frame, so a dense page could not
 * scroll or show a card smoothly). So elements added in document order are grouped, and only the first of
 * each group is observed: a group reaches from its first element to the next group's first, and is near
 * when either of those is, or when one is above the watched area and the other below it (a group taller
 * than the area). Elements added out of order (a page re-rendering a paragraph) are observed on their own.
 *
 * The observer sees an element cross into or out of the area, not a jump from above it to below it (a
 * scroll by several screens at once), so once scrolling stops the groups that depend on those sides are
 * checked again from the elements' boxes.
 */

import { guard } from '../shared/log.ts'

/** Elements per group: 6,000 paragraphs are watched through fewer than 400. */
const GROUP_SIZE = 16
/** Quiet time after the last scroll event before the sides are checked again. */
const SETTLE_MS = 150

/** Where an observed element is, as last reported; `unknown` until the observer's first report. */
type Side = 'in' | 'above' | 'below' | 'unknown'

interface Group {
  /** In document order. */
  members: Element[]
  /** The observed elements bounding it: its first member, and the next group's first or its own last. */
  start: Element
  end: Element
  /** Undefined until known: the state the group's members had before they were watched stands. */
  near: boolean | undefined
}

interface Sentinel {
  side: Side
  /** The groups it bounds (as start of one and end of the one before). */
  groups: Set<Group>
}

export interface NearViewportOptions {
  /** How far the watched area reaches above and below the viewport, in viewport heights. */
  before: number
  after: number
  /** Called when a group's members become near (true) or far (false). */
  onChange: (members: readonly Element[], near: boolean) => void
}

function isNear(start: Side, end: Side): boolean | undefined {
  if (start === 'in' || end === 'in') {
    return true
  }
  if (start === 'unknown' || end === 'unknown') {
    return undefined
  }
  return start === 'above' && end === 'below'
}

function follows(a: Element, b: Element): boolean {
  return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
}

export class NearViewport {
  readonly #options: NearViewportOptions
  readonly #observer: IntersectionObserver
  readonly #groupOf = new Map<Element, Group>()
  readonly #sentinels = new Map<Element, Sentinel>()
  /** The last group of the chain: elements that follow it join it (or start the next group). */
  #tail: Group | undefined
  #settleTimer: number | undefined
  readonly #scrolls = new AbortController()

  constructor(options: NearViewportOptions) {
    this.#options = options
    const margins = `${options.before * 100}% 0px ${options.after * 100}% 0px`
    this.#observer = new IntersectionObserver((entries) => guard('virtual', () => this.#onEntries(entries)), {
      rootMargin: margins,
    })
    // Capture: scrolling containers inside the page do not bubble their scroll events.
    window.addEventListener('scroll', () => guard('virtual', () => this.#scheduleSettle()), {
      capture: true,
      passive: true,
      signal: this.#scrolls.signal,
    })
  }

  /** Whether an element is known to be far from the viewport (an element not added, or not reported yet, is not). */
  isFar(el: Element): boolean {
    return this.#groupOf.get(el)?.near === false
  }

  /**
   * Starts watching an element. It joins the group before it if it can, and takes that group's state;
   * otherwise it counts as far until the observer reports, or, with `assumeFar` false, as whatever it was.
   */
  add(el: Element, assumeFar = true): void {
    if (this.#groupOf.has(el)) {
      return
    }
    const tail = this.#tail
    const last = tail?.members[tail.members.length - 1]
    if (tail && last && follows(last, el)) {
      if (tail.members.length < GROUP_SIZE) {
        tail.members.push(el)
        this.#groupOf.set(el, tail)
        this.#setEnd(tail, el)
        return
      }
      // A new group starts here, taken to be as near as the one before until the observer reports.
      const group = this.#newGroup(el, tail.near)
      this.#setEnd(tail, el)
      this.#tail = group
      return
    }
    const group = this.#newGroup(el, assumeFar ? false : undefined)
    this.#tail ??= group
  }

  /** Stops watching an element (its names are gone, or it left the page). */
  remove(el: Element): void {
    const group = this.#groupOf.get(el)
    if (!group) {
      return
    }
    this.#groupOf.delete(el)
    group.members.splice(group.members.indexOf(el), 1)
    if (el !== group.start && el !== group.end) {
      return
    }
    // A bound is gone. The group before, if it ended here, ends at its own last member instead; this
    // group's other members are watched on their own, keeping their state until the observer reports.
    for (const other of this.#sentinels.get(el)?.groups ?? []) {
      const otherLast = other.members[other.members.length - 1]
      if (other !== group && other.end === el && otherLast) {
        this.#setEnd(other, otherLast)
      }
    }
    this.#unbind(group.start, group)
    this.#unbind(group.end, group)
    if (this.#tail === group) {
      this.#tail = undefined
    }
    for (const member of group.members) {
      this.#groupOf.delete(member)
      const alone = this.#newGroup(member, group.near)
      if (alone.near !== group.near && alone.near !== undefined) {
        this.#options.onChange(alone.members, alone.near)
      }
    }
  }

  disconnect(): void {
    this.#observer.disconnect()
    this.#scrolls.abort()
    if (this.#settleTimer !== undefined) {
      clearTimeout(this.#settleTimer)
    }
    this.#groupOf.clear()
    this.#sentinels.clear()
    this.#tail = undefined
  }

  /** A group of one element, watched through it; `near` stands until the observer reports. */
  #newGroup(el: Element, near: boolean | undefined): Group {
    const group: Group = { members: [el], start: el, end: el, near }
    this.#groupOf.set(el, group)
    this.#bind(el, group)
    // Already observed (as the end of the group before): what it reported holds.
    group.near = isNear(this.#side(el), this.#side(el)) ?? near
    return group
  }

  #setEnd(group: Group, el: Element): void {
    const old = group.end
    if (old === el) {
      return
    }
    group.end = el
    // A new end is of unknown side until the observer reports, which leaves the group's state as it was.
    this.#bind(el, group)
    if (old !== group.start) {
      this.#unbind(old, group)
    }
    this.#update(group)
  }

  #bind(el: Element, group: Group): void {
    let sentinel = this.#sentinels.get(el)
    if (!sentinel) {
      sentinel = { side: 'unknown', groups: new Set() }
      this.#sentinels.set(el, sentinel)
      this.#observer.observe(el)
    }
    sentinel.groups.add(group)
  }

  #unbind(el: Element, group: Group): void {
    const sentinel = this.#sentinels.get(el)
    if (!sentinel) {
      return
    }
    sentinel.groups.delete(group)
    if (sentinel.groups.size === 0) {
      this.#sentinels.delete(el)
      this.#observer.unobserve(el)
    }
  }

  #side(el: Element): Side {
    return this.#sentinels.get(el)?.side ?? 'unknown'
  }

  #update(group: Group): void {
    const near = isNear(this.#side(group.start), this.#side(group.end))
    if (near !== undefined && near !== group.near) {
      group.near = near
      this.#options.onChange(group.members, near)
    }
  }

  #setSide(el: Element, side: Side): void {
    const sentinel = this.#sentinels.get(el)
    if (!sentinel || sentinel.side === side) {
      return
    }
    sentinel.side = side
    for (const group of sentinel.groups) {
      this.#update(group)
    }
  }

  #onEntries(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const bounds = entry.rootBounds
      const side: Side = entry.isIntersecting
        ? 'in'
        : bounds && entry.boundingClientRect.bottom <= bounds.top
          ? 'above'
          : 'below'
      this.#setSide(entry.target, side)
    }
  }

  #scheduleSettle(): void {
    if (this.#settleTimer !== undefined) {
      clearTimeout(this.#settleTimer)
    }
    this.#settleTimer = window.setTimeout(
      () =>
        guard('virtual', () => {
          this.#settleTimer = undefined
          this.#settle()
        }),
      SETTLE_MS,
    )
  }

  /** Reads which side of the watched area each element outside it is on (see the note at the top). */
  #settle(): void {
    const top = -this.#options.before * window.innerHeight
    const bottom = (1 + this.#options.after) * window.innerHeight
    for (const [el, sentinel] of this.#sentinels) {
      if (sentinel.side === 'in') {
        continue
      }
      const box = el.getBoundingClientRect()
      // Only the side is decided here; whether it is in the area is the observer's to say.
      if (box.bottom <= top) {
        this.#setSide(el, 'above')
      } else if (box.top >= bottom) {
        this.#setSide(el, 'below')
      }
    }
  }
}
