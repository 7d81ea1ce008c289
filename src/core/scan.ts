/**
 * Runs the matcher over a text and keeps, at each word start, the longest spelling whose case rule holds.
 */
import { caseAccepts, type EntityIndex, type Form } from './entity-index.ts'

export interface Hit {
  start: number
  end: number
  /** Every form that matched this span under its case rule (several when a spelling is shared). */
  forms: Form[]
}

export function scanText(index: EntityIndex, text: string, from = 0, to = text.length): Hit[] {
  const hits: Hit[] = []
  index.matcher.scan(
    text,
    (start, ends, payloads) => {
      for (let k = 0; k < ends.length; k++) {
        const end = ends[k] ?? start
        const accepted: Form[] = []
        for (const p of payloads[k] ?? []) {
          const form = index.form(p)
          if (form && caseAccepts(form, text, start, end)) {
            accepted.push(form)
          }
        }
        if (accepted.length > 0) {
          hits.push({ start, end, forms: accepted })
          return end
        }
      }
      return -1
    },
    from,
    to,
  )
  return hits
}
