/**
 * State shared by the every-page script and the lazily loaded engine. Both run in the extension's isolated
 * world of the same page, so globalThis is common to them and invisible to the page.
 */
import type { Timing } from '../shared/messages.ts'

const KEY = Symbol.for('kyrgyzstan-context')

/** Cards timed (hover intent or command to painted card): the most recent ones are kept. */
const CARD_TIMINGS_KEPT = 20

export interface ContentBridge {
  /** Set by the every-page script once it has started (guards against running twice). */
  booted: boolean
  /** Set by the engine once it is loaded: from then on it answers messages and follows settings. */
  engineLoaded: boolean
  /**
   * The extension's own measurements of its work on this page (performance.now() around each piece of work),
   * reported through the popup channel for `npm run bench`. Never visible to the page.
   */
  timing: Timing & { cardMs: number[] }
}

export function bridge(): ContentBridge {
  const g = globalThis as typeof globalThis & { [KEY]?: ContentBridge }
  g[KEY] ??= { booted: false, engineLoaded: false, timing: { cardMs: [] } }
  return g[KEY]
}

/** Time spent in `timed` calls that ran inside another one, so that the outer one can leave it out. */
let nested = 0

/**
 * Runs `work`, adding its duration to `timing[key]`. Nested calls are counted once, under their own key
 * (the boot's first check is `checkMs`, not also `bootMs`), so the keys add up to the total.
 */
export function timed<T>(key: 'bootMs' | 'checkMs' | 'initMs', work: () => T): T {
  const start = performance.now()
  const before = nested
  try {
    return work()
  } finally {
    const took = performance.now() - start
    const timing = bridge().timing
    timing[key] = (timing[key] ?? 0) + took - (nested - before)
    nested = before + took
  }
}

export function recordCard(ms: number): void {
  const list = bridge().timing.cardMs
  list.push(ms)
  if (list.length > CARD_TIMINGS_KEPT) {
    list.shift()
  }
}
