/**
 * Every message between the extension's contexts, in one place, as a discriminated union on `type`.
 * Receivers validate what arrives (`parseMessage`): a message from another context is still input.
 */
import * as v from 'valibot'

const EntityCountSchema = v.object({
  entity: v.string(),
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
})

/** Content script → background: what this page holds, for the badge. */
export const PageStateMessage = v.object({
  type: v.literal('page-state'),
  relevant: v.boolean(),
  /** Distinct entities found (the badge number). */
  distinct: v.pipe(v.number(), v.integer(), v.minValue(0)),
})

/** Background (keyboard command) → content script: move to the next or previous mention. */
export const MoveMentionMessage = v.object({
  type: v.literal('move-mention'),
  direction: v.picklist([1, -1]),
})

/** Popup → content script: what did you find? */
export const GetPageStateMessage = v.object({ type: v.literal('get-page-state') })

/** Popup → content script: scroll to this entity's first mention and open its card. */
export const OpenEntityMessage = v.object({ type: v.literal('open-entity'), entity: v.string() })

/** Content script → background (Firefox): inject the engine chunk into this frame. */
export const LoadEngineMessage = v.object({ type: v.literal('load-engine') })

export const Message = v.variant('type', [
  PageStateMessage,
  MoveMentionMessage,
  GetPageStateMessage,
  OpenEntityMessage,
  LoadEngineMessage,
])
export type Message = v.InferOutput<typeof Message>
export type PageStateMessage = v.InferOutput<typeof PageStateMessage>

const Ms = v.pipe(v.number(), v.minValue(0))

export const Timing = v.object({
  /** The every-page script's first run (until it waits for the settings). */
  bootMs: v.optional(Ms),
  /** The every-page check (sample + prefilter), all runs added up. */
  checkMs: v.optional(Ms),
  /** Evaluating the engine chunk's code, until the engine starts (see content/engine-clock.ts). */
  evalMs: v.optional(Ms),
  /** Building the engine's data index and matcher. */
  initMs: v.optional(Ms),
  /**
   * The last full scan, in the part that blocks the page: reading the page's signals, then reading,
   * recognising and highlighting the first chunk of its text (the rest follows in idle time).
   */
  scanMs: v.optional(Ms),
  /** Reading the page's text into one string. */
  flattenMs: v.optional(Ms),
  /** All the scan's work, idle chunks included (its CPU time, without the gaps between chunks). */
  recognizeMs: v.optional(Ms),
  /** From the start of the scan until every name is highlighted (wall time, gaps included). */
  totalMs: v.optional(Ms),
  /** Recent cards: hover intent (or command) to the end of the frame that paints the card. */
  cardMs: v.optional(v.array(Ms)),
})
export type Timing = v.InferOutput<typeof Timing>

/** The content script's answer to `get-page-state`. */
export const PageStateReply = v.object({
  host: v.string(),
  /** The extension is switched on for this page (on everywhere and on this site). */
  active: v.boolean(),
  relevant: v.boolean(),
  entities: v.array(EntityCountSchema),
  /** Mentions that stayed ambiguous. */
  ambiguous: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The events the page may be about, best first (empty off coverage). */
  events: v.optional(v.array(v.object({ event: v.string(), score: v.number() }))),
  published: v.optional(v.string()),
  /** Whether the engine chunk is loaded in this page (it is only on pages that passed the every-page check). */
  engine: v.optional(v.boolean()),
  /** The extension's own measurements of its work on this page, in milliseconds (read by `npm run bench`). */
  timing: v.optional(Timing),
})
export type PageStateReply = v.InferOutput<typeof PageStateReply>

export function parseMessage(raw: unknown): Message | undefined {
  const result = v.safeParse(Message, raw)
  return result.success ? result.output : undefined
}

export function parsePageStateReply(raw: unknown): PageStateReply | undefined {
  const result = v.safeParse(PageStateReply, raw)
  return result.success ? result.output : undefined
}
