/**
 * How people reach a card: hover (with intent), tap, and the keyboard commands; and how it goes away
 * (pointer out after a grace period, Esc, a tap elsewhere, the close button), unless pinned.
 */
import { uiLanguage } from '../shared/i18n.ts'
import { guard } from '../shared/log.ts'
import { EVENT_MIN_SCORE } from '../core/rank-events.ts'
import { ambiguousCardView, entityCardView, type CardView } from '../ui/card-view.ts'
import { recordCard } from './bridge.ts'
import { caretAt, rectAt } from './caret.ts'
import { CardController, type OpenCard } from './card-controller.tsx'
import { liveRange, type PageMention } from './mention-store.ts'
import type { PageEngine } from './page-engine.ts'

/**
 * Time the pointer may spend between the name and the card (or outside both) before the card closes:
 * enough to cross the gap to the card without aiming, short enough that the card does not linger.
 * Wikipedia's page previews use 300 ms for the same purpose.
 */
export const HIDE_GRACE_MS = 300

/**
 * The card is built, hidden, once the pointer has rested this long on a name (or half the hover delay if that
 * is shorter), so it can be shown in the frame after the intent fires. Not at once: a pointer crossing a
 * paragraph full of names would build a card for each of them.
 */
const PREPARE_AFTER_MS = 80

/** Identifies a card: the mention, and the candidate chosen on an ambiguous one. */
const cardKey = (m: PageMention, chosen?: string): string => `${m.key}:${chosen ?? ''}`

export interface InteractionOptions {
  hoverDelayMs: () => number
}

export class Interaction {
  readonly #engine: PageEngine
  readonly #options: InteractionOptions
  readonly cards: CardController
  #cardMention: PageMention | undefined
  /** The open card came from the keyboard (or the popup): pointer movement elsewhere does not close it. */
  #byKeyboard = false
  /** The entity shown when the card is for an ambiguous mention and the reader picked a candidate. */
  #chosen: string | undefined
  /** The mention last opened: keyboard moves continue from it after its card is closed. */
  #focused: PageMention | undefined
  #openTimer: number | undefined
  #prepareTimer: number | undefined
  #closeTimer: number | undefined
  #pending: PageMention | undefined
  #frame: number | undefined
  #point: { x: number; y: number } | undefined

  constructor(engine: PageEngine, options: InteractionOptions) {
    this.#engine = engine
    this.#options = options
    this.cards = new CardController({
      onClose: () => this.close(),
      onMove: (delta) => this.#moveWithinEntity(delta),
      onChoose: (entity) => this.#choose(entity),
      onPointerEnter: () => this.#cancelClose(),
      onPointerLeave: () => this.#scheduleClose(),
    })
  }

  attach(signal: AbortSignal): void {
    const opts = { capture: true, passive: true, signal }
    // Every callback is guarded: an error of ours is reported once, never thrown into the page's console.
    document.addEventListener('pointermove', (e) => guard('pointer', () => this.#onPointerMove(e)), opts)
    document.addEventListener('pointerdown', (e) => guard('pointer', () => this.#onPointerDown(e)), opts)
    document.addEventListener('keydown', (e) => guard('keyboard', () => this.#onKeyDown(e)), {
      capture: true,
      signal,
    })
    signal.addEventListener('abort', () =>
      guard('detach', () => {
        this.#clearTimers()
        this.close()
      }),
    )
  }

  /** The mention under a point, if it is highlighted. */
  hitTest(x: number, y: number): PageMention | undefined {
    const caret = caretAt(document, x, y)
    if (!caret || caret.node.nodeType !== Node.TEXT_NODE) {
      return undefined
    }
    // The caret offset is an insertion point: at the end of a name it sits after the last letter.
    const m =
      this.#engine.store.at(caret.node, caret.offset) ?? this.#engine.store.at(caret.node, caret.offset - 1)
    if (!m || !this.#engine.isShown(m) || !rectAt(liveRange(m), x, y)) {
      return undefined
    }
    return m
  }

  /**
   * Opens the card of `m`: next to `rect` (a line of a name broken across lines), or the line at `point`
   * (where the pointer rests), or the name's first line.
   */
  open(m: PageMention, how: { byKeyboard: boolean; rect?: DOMRect; point?: { x: number; y: number } }): void {
    // card_ms in the benchmark: from here (the hover intent has fired, or a command arrived) to painted.
    const since = performance.now()
    const onShown = (): void => recordCard(performance.now() - since)
    // The card built while the pointer rested here, if any (before the timers go: that drops it).
    const revealed = !how.byKeyboard && this.cards.reveal(cardKey(m), onShown)
    this.#clearTimers()
    this.#cardMention = m
    this.#byKeyboard = how.byKeyboard
    this.#chosen = undefined
    this.#focused = m
    this.#engine.highlighter.focus(m.range)
    if (!revealed) {
      const rect = how.rect ?? (how.point ? this.#rectOption(m, how.point.x, how.point.y).rect : undefined)
      this.#showCard(m, how.byKeyboard, rect, onShown)
    }
  }

  close(): void {
    this.#clearTimers()
    this.#cardMention = undefined
    this.#chosen = undefined
    this.#engine.highlighter.focus(undefined)
    this.cards.close()
  }

  /** Keyboard command: the next or previous highlighted mention on the page, with its card. */
  move(direction: 1 | -1): void {
    const shown = this.#shownMentions()
    if (shown.length === 0) {
      return
    }
    const from = this.#cardMention ?? this.#focused
    const current = from ? shown.indexOf(from) : -1
    const next =
      current < 0
        ? direction === 1
          ? 0
          : shown.length - 1
        : (current + direction + shown.length) % shown.length
    const m = shown[next]
    if (!m) {
      return
    }
    this.#scrollTo(m)
    this.open(m, { byKeyboard: true })
  }

  /** From the popup: go to an entity's first mention and open its card. */
  openEntity(entity: string): boolean {
    const m = this.#engine.store.ofEntity(entity).find((x) => this.#engine.isShown(x))
    if (!m) {
      return false
    }
    this.#scrollTo(m)
    this.open(m, { byKeyboard: true })
    return true
  }

  /** Rebuilds the open card (after the page or the settings changed). */
  refresh(): void {
    // A card prepared for a hover that has not fired yet may show what the page no longer says.
    this.cards.discardPrepared()
    const m = this.#cardMention
    if (!m) {
      return
    }
    if (!this.#engine.store.get(m.key)) {
      this.close()
    } else {
      this.#showCard(m, false)
    }
  }

  #shownMentions(): PageMention[] {
    return this.#engine.store.ordered().filter((m) => this.#engine.isShown(m))
  }

  #view(m: PageMention): CardView {
    const engine = this.#engine
    const entityId = this.#chosen ?? m.entity
    const lang = uiLanguage()
    const article = engine.data.knownArticle(engine.page)
    const published = engine.published
    const best = engine.events[0]
    const event = best !== undefined && best.score >= EVENT_MIN_SCORE ? best.event : undefined
    const base = {
      data: engine.data,
      lang,
      ...(article ? { article } : {}),
      ...(published ? { published } : {}),
      ...(event !== undefined ? { event } : {}),
    }
    const entity = entityId !== null ? engine.data.entity(entityId) : undefined
    if (!entity) {
      return ambiguousCardView(m.surface, m.candidates, { ...base, count: 1, position: 1 })
    }
    const { count, position } = engine.store.placeOf(m, entity.id)
    return entityCardView(entity, {
      ...base,
      count: Math.max(1, count),
      position: Math.max(1, position),
    })
  }

  #showCard(m: PageMention, byKeyboard: boolean, rect?: DOMRect, onShown?: () => void): void {
    this.cards.show({ ...this.#cardFor(m, byKeyboard, rect), ...(onShown ? { onShown } : {}) })
  }

  #cardFor(m: PageMention, byKeyboard: boolean, rect?: DOMRect): OpenCard {
    const range = liveRange(m)
    const first = range.getClientRects()[0]
    let anchorRect = rect ?? first ?? range.getBoundingClientRect()
    // Keep the card next to the line the pointer was on while the page scrolls.
    const offsetFromRange = {
      dx: anchorRect.left - range.getBoundingClientRect().left,
      dy: anchorRect.top - range.getBoundingClientRect().top,
    }
    return {
      key: cardKey(m, this.#chosen),
      view: this.#view(m),
      anchor: () => {
        const box = range.getBoundingClientRect()
        anchorRect = new DOMRect(
          box.left + offsetFromRange.dx,
          box.top + offsetFromRange.dy,
          anchorRect.width,
          anchorRect.height,
        )
        return anchorRect
      },
      context: m.range.startContainer.parentElement,
      theme: this.#engine.theme,
      lang: uiLanguage(),
      byKeyboard,
    }
  }

  #moveWithinEntity(delta: -1 | 1): void {
    const m = this.#cardMention
    const entity = this.#chosen ?? m?.entity
    if (!m || entity === null || entity === undefined) {
      return
    }
    const list = this.#engine.store.ofEntity(entity)
    const i = list.indexOf(m)
    const next = list[(i + delta + list.length) % list.length]
    if (!next) {
      return
    }
    this.#scrollTo(next)
    this.open(next, { byKeyboard: true })
  }

  #choose(entity: string): void {
    const m = this.#cardMention
    if (!m) {
      return
    }
    this.#chosen = entity
    this.#showCard(m, true)
  }

  #scrollTo(m: PageMention): void {
    const r = liveRange(m).getBoundingClientRect()
    if (r.top >= 0 && r.bottom <= window.innerHeight) {
      return
    }
    window.scrollBy({ top: r.top - window.innerHeight / 3, behavior: 'instant' })
  }

  #onPointerMove(e: PointerEvent): void {
    if (e.pointerType === 'touch') {
      return
    }
    this.#point = { x: e.clientX, y: e.clientY }
    // One hit test per frame at most, however fast the pointer events come.
    this.#frame ??= window.requestAnimationFrame(() =>
      guard('pointer', () => {
        this.#frame = undefined
        if (this.#point) {
          this.#onHover(this.#point.x, this.#point.y)
        }
      }),
    )
  }

  #onHover(x: number, y: number): void {
    if (this.cards.isOpen && this.cards.contains(x, y)) {
      this.#cancelClose()
      return
    }
    const hit = this.hitTest(x, y)
    if (hit && hit === this.#cardMention) {
      this.#cancelClose()
      this.#cancelOpen()
      return
    }
    if (hit) {
      if (this.cards.pinned) {
        return
      }
      if (hit !== this.#pending) {
        this.#scheduleOpen(hit, x, y)
      }
      return
    }
    this.#cancelOpen()
    if (this.cards.isOpen && !this.cards.pinned && !this.#byKeyboard) {
      this.#scheduleClose()
    }
  }

  #onPointerDown(e: PointerEvent): void {
    const inCard = e.composedPath().some((n) => n === this.cards.element())
    if (inCard) {
      return
    }
    if (e.pointerType === 'touch') {
      const hit = this.hitTest(e.clientX, e.clientY)
      const target = e.target instanceof Element ? e.target : null
      // A tap on a name inside a link follows the link.
      if (hit && !target?.closest('a[href]')) {
        this.open(hit, { byKeyboard: false, ...this.#rectOption(hit, e.clientX, e.clientY) })
        return
      }
    }
    if (this.cards.isOpen && !this.cards.pinned) {
      this.close()
    }
  }

  #onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.cards.isOpen) {
      e.stopPropagation()
      this.close()
    }
  }

  #rectOption(m: PageMention, x: number, y: number): { rect?: DOMRect } {
    const rect = rectAt(liveRange(m), x, y)
    return rect ? { rect } : {}
  }

  #scheduleOpen(m: PageMention, x: number, y: number): void {
    this.#cancelOpen()
    this.#pending = m
    const delay = this.#options.hoverDelayMs()
    this.#prepareTimer = window.setTimeout(
      () =>
        guard('card', () => {
          this.#prepareTimer = undefined
          if (this.#pending === m && !this.cards.isOpen) {
            this.cards.prepare(this.#cardFor(m, false, this.#rectOption(m, x, y).rect))
          }
        }),
      Math.min(PREPARE_AFTER_MS, delay / 2),
    )
    this.#openTimer = window.setTimeout(
      () =>
        guard('card', () => {
          this.#openTimer = undefined
          this.#pending = undefined
          // Still there? The pointer may have left while the timer ran.
          if (this.#point && this.hitTest(this.#point.x, this.#point.y) !== m) {
            this.cards.discardPrepared()
            return
          }
          this.open(m, { byKeyboard: false, point: { x, y } })
        }),
      delay,
    )
  }

  #cancelOpen(): void {
    if (this.#openTimer !== undefined) {
      clearTimeout(this.#openTimer)
    }
    if (this.#prepareTimer !== undefined) {
      clearTimeout(this.#prepareTimer)
    }
    this.#openTimer = undefined
    this.#prepareTimer = undefined
    this.#pending = undefined
    this.cards.discardPrepared()
  }

  #scheduleClose(): void {
    if (this.#closeTimer !== undefined || this.cards.pinned) {
      return
    }
    this.#closeTimer = window.setTimeout(
      () =>
        guard('card', () => {
          this.#closeTimer = undefined
          if (!this.cards.pinned) {
            this.close()
          }
        }),
      HIDE_GRACE_MS,
    )
  }

  #cancelClose(): void {
    if (this.#closeTimer !== undefined) {
      clearTimeout(this.#closeTimer)
    }
    this.#closeTimer = undefined
  }

  #clearTimers(): void {
    this.#cancelOpen()
    this.#cancelClose()
    if (this.#frame !== undefined) {
      cancelAnimationFrame(this.#frame)
    }
    this.#frame = undefined
  }
}
