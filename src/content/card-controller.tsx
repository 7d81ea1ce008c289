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
  /** Which mention (and candidate) the card is for: a prepared card is shown only for the same key. */
  key: string
  /** Called once, in the frame the card is first painted at its place. */
  onShown?: () => void
}

/** The positioning of the card on screen: started when it is rendered, visible or not. */
interface Tracking {
  card: OpenCard
  placed: boolean
  stop: () => void
  /** Switches to the full tracking (with layout shifts) once the card is on screen. */
  upgrade: () => void
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
  /**
   * A card rendered and placed but hidden, while the hover intent is still being decided: when the intent
   * fires, showing it is one attribute change, so the card is on screen in the next frame.
   */
  #prepared: OpenCard | undefined
  #pinned = false
  #tracking: Tracking | undefined
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
    this.#prepared = undefined
    this.#open = card
    this.#render()
    this.#track(card)
  }

  /**
   * Renders and places the card for a name the pointer rests on, hidden, so that `reveal` can show it at
   * once when the hover intent fires. An open card is left alone: the next one is built when its intent fires.
   */
  prepare(card: OpenCard): void {
    if (this.#open) {
      return
    }
    this.#prepared = card
    this.#render()
    this.#track(card)
  }

  /** Shows the prepared card if it is for `key` (with `onShown` as its paint callback); false if there is none. */
  reveal(key: string, onShown: () => void): boolean {
    const card = this.#prepared
    if (!card || card.key !== key || this.#open) {
      return false
    }
    this.#prepared = undefined
    this.#open = card
    card.onShown = onShown
    this.#render()
    if (this.#tracking?.card === card && this.#tracking.placed) {
      this.#afterPlaced(this.#tracking)
    }
    return true
  }

  /** Drops a prepared card (the pointer moved on before the intent fired). */
  discardPrepared(): void {
    if (!this.#prepared) {
      return
    }
    this.#prepared = undefined
    if (!this.#open) {
      this.#stopTrackingCard()
      render(null, ensureUiHost().mount)
    }
  }

  togglePin(): void {
    this.#pinned = !this.#pinned
    this.#render()
  }

  close(): void {
    if (!this.#open) {
      this.discardPrepared()
      return
    }
    const hadFocus = this.element()?.matches(':focus-within') ?? false
    this.#open = undefined
    this.#prepared = undefined
    this.#pinned = false
    this.#stopTrackingCard()
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
    const card = this.#open ?? this.#prepared
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
          hidden={card !== this.#open}
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

  #stopTrackingCard(): void {
    this.#tracking?.stop()
    this.#tracking = undefined
  }

  /** Places the card now and keeps it placed; a visible card reports its first paint (#afterPlaced). */
  #track(card: OpenCard): void {
    this.#stopTrackingCard()
    const floating = this.element()
    if (!floating) {
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
          if (!tracking.placed && this.#tracking === tracking) {
            tracking.placed = true
            if (this.#open === card) {
              this.#afterPlaced(tracking)
            }
          }
        })
        .catch((err: unknown) => logOnce('card', err))
    }
    // Following layout shifts (an ad loading above the name moves it) needs an IntersectionObserver on the
    // name's element, whose setup forces another layout: it starts once the card is on screen, not before.
    const tracking: Tracking = {
      card,
      placed: false,
      stop: autoUpdate(reference, floating, update, { animationFrame: false, layoutShift: false }),
      upgrade: () => {
        tracking.stop()
        tracking.stop = autoUpdate(reference, floating, update, { animationFrame: false })
      },
    }
    this.#tracking = tracking
  }

  /**
   * The card is visible and placed: it is painted in the next frame. A task queued from that frame's
   * animation callback runs once the frame's rendering is done, so that is when `onShown` reports it shown.
   */
  #afterPlaced(tracking: Tracking): void {
    const card = tracking.card
    requestAnimationFrame(() =>
      setTimeout(() =>
        guard('card', () => {
          const shown = card.onShown
          card.onShown = undefined
          shown?.()
          if (this.#open === card && this.#tracking === tracking) {
            tracking.upgrade()
          }
        }),
      ),
    )
  }
}
