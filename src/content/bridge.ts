/**
 * State shared by the every-page script and the lazily loaded engine. Both run in the extension's isolated
 * world of the same page, so globalThis is common to them and invisible to the page.
 */
const KEY = Symbol.for('kyrgyzstan-context')

export interface ContentBridge {
  /** Set by the every-page script once it has started (guards against running twice). */
  booted: boolean
  /** Set by the engine once it is loaded: from then on it answers messages and follows settings. */
  engineLoaded: boolean
}

export function bridge(): ContentBridge {
  const g = globalThis as typeof globalThis & { [KEY]?: ContentBridge }
  g[KEY] ??= { booted: false, engineLoaded: false }
  return g[KEY]
}
