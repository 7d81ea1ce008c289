/**
 * Names of our entries in the page's CSS.highlights registry. The registry is shared with the page, so every
 * name starts with HIGHLIGHT_PREFIX; the matching ::highlight() rules are in highlights.css. The user's
 * highlight style and the page's theme are part of the name, which lets one static stylesheet serve every
 * setting without touching the page's DOM.
 */
import { ENTITY_TYPES, type EntityTypeName } from '../data/schema.ts'
import { HIGHLIGHT_STYLES, type HighlightStyle } from '../shared/settings.ts'

export const HIGHLIGHT_PREFIX = 'kyrgyzstan-context'

export type Theme = 'light' | 'dark'
export type HighlightKind = EntityTypeName | 'ambiguous'

export const highlightName = (style: HighlightStyle, theme: Theme, kind: HighlightKind): string =>
  `${HIGHLIGHT_PREFIX}-${style}-${theme}-${kind}`

/** The mention whose card is open or that the keyboard moved to. */
export const FOCUS_HIGHLIGHT = `${HIGHLIGHT_PREFIX}-focus`

export function allHighlightNames(): string[] {
  const names = [FOCUS_HIGHLIGHT]
  for (const style of HIGHLIGHT_STYLES) {
    for (const theme of ['light', 'dark'] as const) {
      for (const kind of [...ENTITY_TYPES, 'ambiguous'] as const) {
        names.push(highlightName(style, theme, kind))
      }
    }
  }
  return names
}
