/**
 * Names journalists misspell: a swapped, doubled, dropped, extra or different letter in a long name
 * ("Atmabayev", "Japparov", "Jeenbkov", "Kyrgystan"). Read only on coverage pages and only for capitalised
 * Latin words the exact matcher did not find, and accepted only where little else could be meant:
 *   - seven letters or more: one edit (insertion, deletion, substitution) or one swap of neighbours;
 *   - five or six letters: only a swap of neighbours or a doubled letter;
 *   - and the entity is named correctly elsewhere on the page, unless the word is nine letters or longer.
 * The index keys every spelling and every spelling with one letter left out (symmetric deletion), so a word
 * is looked up in as many keys as it has letters, whatever the size of the data.
 */
import type { Form } from './entity-index.ts'
import { foldForMatching } from './normalize.ts'
import type { Hit } from './scan.ts'

const MIN_LENGTH = 5
const ONE_EDIT_LENGTH = 7
const ALONE_LENGTH = 9

/** A capitalised Latin word of five letters or more, not inside another word. */
const CANDIDATE = /(?<![A-Za-zÀ-ÖØ-öø-ɏ'’-])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{4,}(?![A-Za-zÀ-ÖØ-öø-ɏ])/g

const isLatin = (s: string): boolean => /^[a-z\u00c0-\u024f]+$/.test(s)

/** Whether `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) {
    return false
  }
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) {
    i++
  }
  if (a.length === b.length) {
    // Substitution, or a swap of neighbours.
    return (
      a.slice(i + 1) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
    )
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a]
  return longer.slice(i + 1) === shorter.slice(i)
}

/** Whether `a` and `b` differ only by a swap of neighbours or one doubled letter (the strict rule for short names). */
function swapOrDouble(a: string, b: string): boolean {
  if (!oneEditApart(a, b)) {
    return false
  }
  if (a.length === b.length) {
    let i = 0
    while (a[i] === b[i]) {
      i++
    }
    return a[i] === b[i + 1] && a[i + 1] === b[i]
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a]
  let i = 0
  while (i < shorter.length && longer[i] === shorter[i]) {
    i++
  }
  // The extra letter repeats its neighbour.
  return longer[i] === longer[i - 1] || longer[i] === longer[i + 1]
}

/** A spelling that may be misspelt (folded) and the payload of its form. */
export type Misspellable = readonly [spelling: string, payload: number]

/**
 * The spellings worth looking up for misspellings: single Latin words of five letters or more that name an
 * entity. `forms[payload]` is the form of `payload`. The build keeps this list in the compiled index.
 */
export function misspellableOf(forms: readonly Form[]): Misspellable[] {
  const out: Misspellable[] = []
  forms.forEach((form, payload) => {
    if (form.kind !== 'entity' || form.entity === undefined) {
      return
    }
    const spelling = foldForMatching(form.text)
    if (spelling.length >= MIN_LENGTH && isLatin(spelling)) {
      out.push([spelling, payload])
    }
  })
  return out
}

export class MisspellingIndex {
  /** Folded key → the spellings (folded) it may stand for, with their payloads. */
  readonly #keys = new Map<string, { spelling: string; payload: number }[]>()
  readonly #form: (payload: number) => Form | undefined

  constructor(entries: Iterable<Misspellable>, form: (payload: number) => Form | undefined) {
    this.#form = form
    for (const [spelling, payload] of entries) {
      this.#add(spelling, spelling, payload)
      for (let i = 0; i < spelling.length; i++) {
        this.#add(spelling.slice(0, i) + spelling.slice(i + 1), spelling, payload)
      }
    }
  }

  #add(key: string, spelling: string, payload: number): void {
    const list = this.#keys.get(key)
    if (list === undefined) {
      this.#keys.set(key, [{ spelling, payload }])
    } else if (!list.some((e) => e.payload === payload)) {
      list.push({ spelling, payload })
    }
  }

  /** The forms a misspelt word may stand for (all of the closest spelling's forms), or none. */
  lookup(word: string): Form[] {
    const folded = foldForMatching(word)
    const seen = new Set<number>()
    const out: Form[] = []
    const consider = (key: string): void => {
      for (const { spelling, payload } of this.#keys.get(key) ?? []) {
        if (seen.has(payload) || spelling === folded) {
          continue
        }
        const form = this.#form(payload)
        if (form === undefined) {
          continue
        }
        const close =
          Math.max(spelling.length, folded.length) >= ONE_EDIT_LENGTH
            ? oneEditApart(spelling, folded)
            : swapOrDouble(spelling, folded)
        if (close) {
          seen.add(payload)
          out.push(form)
        }
      }
    }
    consider(folded)
    for (let i = 0; i < folded.length; i++) {
      consider(folded.slice(0, i) + folded.slice(i + 1))
    }
    // One spelling (shared or not: "Japarov" stays for the disambiguator to settle), or one entity's spellings.
    // Spellings of different entities within one edit: not a misspelling anyone could settle.
    const spellings = new Set(out.map((f) => foldForMatching(f.text)))
    const entities = new Set(out.map((f) => f.entity))
    return spellings.size === 1 || entities.size === 1 ? out : []
  }
}

/**
 * Misspelt names in `text[from, to)` outside the exact `hits`, for a page already known to be coverage.
 * `named` holds the entities the page names correctly.
 */
export function misspelledHits(
  index: MisspellingIndex,
  text: string,
  from: number,
  to: number,
  hits: readonly Hit[],
  named: ReadonlySet<string>,
): Hit[] {
  const out: Hit[] = []
  let h = 0
  CANDIDATE.lastIndex = from
  for (let m = CANDIDATE.exec(text); m !== null && m.index < to; m = CANDIDATE.exec(text)) {
    const start = m.index
    const end = start + m[0].length
    while (h < hits.length && (hits[h]?.end ?? 0) <= start) {
      h++
    }
    const hit = hits[h]
    if (hit !== undefined && hit.start < end) {
      continue
    }
    const forms = index.lookup(m[0])
    if (forms.length > 0 && (m[0].length >= ALONE_LENGTH || forms.some((f) => named.has(f.entity ?? '')))) {
      out.push({ start, end, forms })
    }
  }
  return out
}
