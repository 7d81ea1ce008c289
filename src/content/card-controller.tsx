/**
 * Opens, places and closes the card. Positioning uses @floating-ui/dom against the mention's on-screen box
 * (flip to stay in view, shift along the edge, size to the space left), and follows scrolling and resizing
 * while the card is open, so it never leaves the viewport, at any zoom and window size.
 */
import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom'
import { render } from 'preact'
import type { CardView } from '../ui/card-view.ts'
import { MentionCard, type Theme } from '../ui/mention-card.tsx'
import type { UiLanguage } from '../shared/i18n.ts'
import { guard, logOnce } from '../shared/log.ts'
import { ensureUiHost } from './ui-host.ts'

/** Gap between the name and the card. */
const CARD_GAP = 6
/** Minimum distance from the viewport's edges. */
const VIEWPORT_MARGIN = 8
/** The card's preferred size; smaller windows get what is left. */
const CARD_MAX_WIDTH = 380
const CARD_MAX_HEIGHT = 520
/** Below this the card scrolls rather than shrinking further. */
const CARD_MIN_HEIGHT = 140
/**
 * floating-ui finds a context element's scrolling ancestors recursively, one call per level: on a page nested
 * thousands of levels deep that overflows Chromium's stack. Deeper names are placed against the viewport only.
 */
const MAX_CONTEXT_DEPTH = 500

function shallowEnough(el: Element): boolean {
  let depth = 0
  for (let n: Node | null = el; n; n = n.parentNode) {
    if (++depth > MAX_CONTEXT_DEPTH) {
      return false
    }
  }
  return true
}

export interface OpenCard {
  view: CardView
  anchor: () => DOMRect
  /** Element whose scrolling containers move the anchor. */
  context: Element | null
  theme: Theme
  lang: UiLanguage
  byKeyboard: boolean
  /** Called once, in the frame the card is first painted at its place. */
  onShown?: () => void
}

export interface CardCallbacks {
  onClose: () => void
  onMove: (delta: -1 | 1) => void
  onChoose: (entity: string) => void
  onPointerEnter: () => void
  onPointerLeave: () => void
}

export class CardController {
  #open: OpenCard | undefined
  #pinned = false
  #stopTracking: (() => void) | undefined
  #returnFocus: Element | null = null
  readonly #callbacks: CardCallbacks

  constructor(callbacks: CardCallbacks) {
    this.#callbacks = callbacks
  }

  get isOpen(): boolean {
    return this.#open !== undefined
  }

  get pinned(): boolean {
    return this.#pinned
  }

  get current(): OpenCard | undefined {
    return this.#open
  }

  /** The card element, if open. */
  element(): HTMLElement | undefined {
    return ensureUiHost().mount.querySelector<HTMLElement>('.card') ?? undefined
  }

  show(card: OpenCard): void {
    if (card.byKeyboard && !this.#open) {
      this.#returnFocus = document.activeElement
    }
    this.#open = card
    this.#render()
    this.#track()
  }

  togglePin(): void {
    this.#pinned = !this.#pinned
    this.#render()
  }

  close(): void {
    if (!this.#open) {
      return
    }
    const hadFocus = this.element()?.matches(':focus-within') ?? false
    this.#open = undefined
    this.#pinned = false
    this.#stopTracking?.()
    this.#stopTracking = undefined
    render(null, ensureUiHost().mount)
    const back = this.#returnFocus
    this.#returnFocus = null
    if (hadFocus && back instanceof HTMLElement && back.isConnected) {
      back.focus({ preventScroll: true })
    }
  }

  /** Whether a point (client coordinates) is over the card. */
  contains(x: number, y: number): boolean {
    const r = this.element()?.getBoundingClientRect()
    return r !== undefined && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom
  }

  #render(): void {
    const card = this.#open
    if (!card) {
      return
    }
    const { mount } = ensureUiHost()
    render(
      <div onPointerEnter={this.#callbacks.onPointerEnter} onPointerLeave={this.#callbacks.onPointerLeave}>
        <MentionCard
          view={card.view}
          lang={card.lang}
          theme={card.theme}
          pinned={this.#pinned}
          autoFocus={card.byKeyboard}
          onClose={this.#callbacks.onClose}
          onTogglePin={() => this.togglePin()}
          onMove={this.#callbacks.onMove}
          onChoose={this.#callbacks.onChoose}
        />
      </div>,
      mount,
    )
  }

  #track(): void {
    this.#stopTracking?.()
    const card = this.#open
    const floating = this.element()
    if (!card || !floating) {
      return
    }
    const reference: VirtualElement = {
      getBoundingClientRect: card.anchor,
      ...(card.context && shallowEnough(card.context) ? { contextElement: card.context } : {}),
    }
    const update = (): void => {
      void computePosition(reference, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(CARD_GAP),
          flip({ padding: VIEWPORT_MARGIN }),
          shift({ padding: VIEWPORT_MARGIN }),
          size({
            padding: VIEWPORT_MARGIN,
            apply({ availableWidth, availableHeight, elements }) {
              elements.floating.style.maxWidth = `${Math.min(CARD_MAX_WIDTH, availableWidth)}px`
              elements.floating.style.maxHeight = `${Math.max(CARD_MIN_HEIGHT, Math.min(CARD_MAX_HEIGHT, availableHeight))}px`
            },
          }),
        ],
      })
        .then(({ x, y }) => {
          floating.style.left = `${x}px`
          floating.style.top = `${y}px`
          if (!placed) {
            placed = true
            // The next frame's callback runs before that frame is painted with the card in place.
            requestAnimationFrame(() => guard('card', () => afterFirstPaint()))
          }
        })
        .catch((err: unknown) => logOnce('card', err))
    }
    let placed = false
    // Following layout shifts (an ad loading above the name moves it) needs an IntersectionObserver on the
    // name's element, whose setup forces another layout: it starts once the card is on screen, not before.
    const firstTracking = autoUpdate(reference, floating, update, {
      animationFrame: false,
      layoutShift: false,
    })
    const afterFirstPaint = (): void => {
      const shown = card.onShown
      card.onShown = undefined
      shown?.()
      setTimeout(() =>
        guard('card', () => {
          if (this.#open === card && this.#stopTracking === firstTracking) {
            firstTracking()
            this.#stopTracking = autoUpdate(reference, floating, update, { animationFrame: false })
          }
        }),
      )
    }
    this.#stopTracking = firstTracking
  }
}
