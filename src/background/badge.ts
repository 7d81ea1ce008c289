import type { PageStateMessage } from '../shared/messages.ts'

/** The badge shows how many distinct entities a coverage page names; nothing otherwise. */
export function badgeText(state: Pick<PageStateMessage, 'relevant' | 'distinct'>): string {
  if (!state.relevant || state.distinct <= 0) {
    return ''
  }
  return state.distinct > 99 ? '99+' : String(state.distinct)
}
