/**
 * Turns matched spellings into mentions of entities, resolving surnames from the page's context.
 *
 * Order of evidence for a surname shared by several entities ("Japarov": Sadyr or Akylbek):
 *   1. a given name or initial right before it ("Akylbek Japarov", "S. Japarov", a patronymic form);
 *   2. a title right before it whose role only one of them held, at the page's date when it has one
 *      ("President Japarov"; "Prime Minister Japarov" in October 2020);
 *   3. a cue word of only one of them right around it ("cabinet chairman Japarov", "Japarov, the cabinet chairman");
 *   4. only one of them named in full before it (or, if none is, anywhere on the page);
 *   5. several named in full: the one named in full last in the same sentence ("… dismissed Akylbek Japarov
 *      and named Kasymaliev to replace Japarov"), else the one the page's title names;
 *   6. none of them named in full: the one the title names; for places only, the preferred reading (Talas
 *      the town, not the region). A person the page does not name is never chosen without a title that fits.
 * Otherwise the mention stays ambiguous: `entity: null` with its candidates. Never silently wrong.
 * A surname preceded by somebody else's given name ("Raisa Atambayeva", a byline) is not a mention.
 */
import type { Entity } from '../data/schema.ts'
import type { EntityIndex, Form } from './entity-index.ts'
import {
  looksLikeOtherGivenName,
  patronymicBefore,
  roleFamiliesIn,
  roleFamilyOf,
  titleSpanBefore,
  wordBefore,
  type RoleFamily,
} from './name-context.ts'
import { foldForMatching, isUpperCode } from './normalize.ts'
import type { Hit } from './scan.ts'

export interface Mention {
  start: number
  end: number
  /** The entity meant, or null when the page does not settle it. */
  entity: string | null
  /** For an ambiguous mention: who it may be. */
  candidates?: string[]
}

/** Role periods by entity, for resolving "President Japarov" at the page's date. */
export type RolePeriods = Map<string, { family: RoleFamily; from: string; to?: string }[]>

export function rolePeriods(entities: readonly Entity[]): RolePeriods {
  const out: RolePeriods = new Map()
  for (const e of entities) {
    const periods = []
    for (const role of e.roles ?? []) {
      const family = roleFamilyOf(role.title.en)
      if (family) {
        periods.push(
          role.to === undefined ? { family, from: role.from } : { family, from: role.from, to: role.to },
        )
      }
    }
    out.set(e.id, periods)
  }
  return out
}

export interface DisambiguationContext {
  index: EntityIndex
  roles: RolePeriods
  /** The page's publication date (YYYY-MM-DD), when known. */
  published?: string
  /** Entities named in full elsewhere on the page (when only part of it is being read again). */
  anchored?: ReadonlySet<string>
  /** Who the page is about: the people its title or headline names in full. */
  subjects?: ReadonlySet<string>
}

export interface Disambiguation {
  mentions: Mention[]
  /** Entities named in full: they settle later surname-only mentions. */
  anchored: Set<string>
}

/** How far around a surname a cue word may stand: the words in front and an appositive after. */
const CUE_LEAD = 40
const CUE_APPOSITIVE = 50

/**
 * The few words in front of a name, within its clause, and an appositive after it (", the cabinet
 * chairman,"). Wider windows pick up cues of other people named in the same sentence.
 */
function cueWindow(text: string, start: number, end: number): string {
  const lead = text.slice(Math.max(0, start - CUE_LEAD), start)
  const clauseStart = Math.max(...[',', ';', '.', '(', '\n', '—', '–'].map((p) => lead.lastIndexOf(p)))
  const after = text.slice(end, end + CUE_APPOSITIVE)
  const appositive = /^\s*[,(—–]\s*([^,.;)\n]*)/u.exec(after)?.[1] ?? ''
  return `${lead.slice(clauseStart + 1)} ${appositive}`
}

function entitiesOf(forms: readonly Form[]): string[] {
  const ids = new Set<string>()
  for (const f of forms) {
    if (f.kind !== 'entity' || f.entity === undefined) {
      continue
    }
    ids.add(f.entity)
    for (const other of f.ambiguousWith) {
      ids.add(other)
    }
  }
  return [...ids]
}

function heldAt(ctx: DisambiguationContext, entity: string, families: Set<RoleFamily>): boolean {
  const date = ctx.published
  return (ctx.roles.get(entity) ?? []).some(
    (r) =>
      families.has(r.family) &&
      (date === undefined ||
        (r.from.slice(0, date.length) <= date && (r.to === undefined || date <= r.to.padEnd(10, '9')))),
  )
}

function only<T>(items: readonly T[], keep: (item: T) => boolean): T | undefined {
  const kept = items.filter(keep)
  return kept.length === 1 ? kept[0] : undefined
}

/** The entities named in full after hit `h` and before the end of its sentence. */
function namedLaterInSentence(text: string, hits: readonly Hit[], h: number): Set<string> {
  const out = new Set<string>()
  const from = hits[h]?.end ?? 0
  for (let k = h + 1; k < hits.length; k++) {
    const next = hits[k] as Hit
    if (!sameSentence(text, from, next.start)) {
      break
    }
    const named = fullName(next)
    if (named !== undefined) {
      out.add(named)
    }
  }
  return out
}

/** Whether nothing ends a sentence between `from` and `to` (a full stop, a question, a new line). */
function sameSentence(text: string, from: number, to: number): boolean {
  return !/[.!?;\n]/.test(text.slice(from, to))
}

/** An entity named in full by a hit (the hit anchors later surnames), if any. */
function fullName(hit: Hit): string | undefined {
  for (const f of hit.forms) {
    if (
      f.kind === 'entity' &&
      f.entity !== undefined &&
      !f.surname &&
      !f.context &&
      f.ambiguousWith.length === 0
    ) {
      return f.entity
    }
  }
  return undefined
}

/** A shared surname's reading: an entity, ambiguous (null), or to be settled when the whole page is read. */
type Shared = { entity: string | null } | 'provisional'

/** A mention settled only by who is named in full elsewhere on the page: revisited when all is read. */
interface Provisional {
  mention: Mention
  candidates: readonly string[]
  preferred: string | undefined
}

/**
 * Resolves entity hits into mentions, part by part in text order (a big page is read in chunks). Whatever
 * depends on names further down the page ("only one of them is named in full anywhere") is provisional
 * until finish().
 */
export class Disambiguator {
  readonly #ctx: DisambiguationContext
  /** Entities named in full so far. */
  readonly anchored: Set<string>
  readonly #provisional: Provisional[] = []
  /** Where each entity's last full name in the current text ended: "… Akylbek Japarov, to replace Japarov". */
  readonly #lastFull = new Map<string, number>()

  constructor(ctx: DisambiguationContext) {
    this.#ctx = ctx
    this.anchored = new Set(ctx.anchored)
  }

  /** The mentions of `hits` (in text order, from `text`; non-entity hits are ignored). */
  resolve(text: string, hits: readonly Hit[]): Mention[] {
    const { index } = this.#ctx
    const mentions: Mention[] = []
    let previousEnd = -1
    this.#lastFull.clear()
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h] as Hit
      const named = fullName(hit)
      if (named !== undefined) {
        this.anchored.add(named)
        this.#lastFull.set(named, hit.end)
      }
      const afterPrevious = previousEnd
      previousEnd = hit.end
      let entityForms = 0
      let surname = true
      for (const f of hit.forms) {
        if (f.kind === 'entity') {
          entityForms++
          surname &&= f.surname
        }
      }
      if (entityForms === 0) {
        continue
      }
      const candidates = entitiesOf(hit.forms)
      let start = hit.start
      let resolved: string | null | undefined

      if (surname) {
        const patronymic = patronymicBefore(text, hit.start)
        const byPatronymic =
          patronymic &&
          only(
            candidates,
            (id) => index.entities.get(id)?.givenNames.has(foldForMatching(patronymic.given)) ?? false,
          )
        if (patronymic && byPatronymic) {
          start = patronymic.start
          resolved = byPatronymic
        } else {
          const before = wordBefore(text, hit.start)
          // A word that is itself a known name ("Bishkek Japarov", "Kyrgyz Japarov") is not a given name.
          if (before && before.start >= afterPrevious) {
            const word = foldForMatching(before.word.replace(/\.$/, ''))
            // A given name or initial is written with a capital: the article "a" is not Akylbek's "A.".
            const capital = isUpperCode(before.word.charCodeAt(0))
            const byGiven =
              capital && only(candidates, (id) => index.entities.get(id)?.givenNames.has(word) ?? false)
            if (byGiven) {
              resolved = byGiven
            } else {
              const given = new Set<string>()
              for (const id of candidates) {
                for (const g of index.entities.get(id)?.givenNames ?? []) {
                  given.add(g)
                }
              }
              if (looksLikeOtherGivenName(before, given)) {
                continue // somebody else with this surname
              }
            }
          }
        }
      }

      const mention: Mention = { start, end: hit.end, entity: null }
      if (resolved === undefined && candidates.length === 1) {
        resolved = candidates[0]
      }
      if (resolved === undefined) {
        const shared = this.#resolveShared(text, hit, candidates, namedLaterInSentence(text, hits, h))
        if (shared === 'provisional') {
          // A preferred reading settles a shared place name (Talas the town, not the region); never a person the
          // page does not name ("Japarov" alone is shown as ambiguous, not taken to be Sadyr).
          const preferred = hit.forms.find(
            (f) => f.preferred && f.entity !== undefined && index.entities.get(f.entity)?.type !== 'person',
          )?.entity
          this.#provisional.push({ mention, candidates, preferred })
          resolved = preferred ?? null
        } else {
          resolved = shared.entity
        }
      }
      mention.entity = resolved ?? null
      if (mention.entity === null) {
        mention.candidates = candidates
      }
      mentions.push(mention)
    }
    return mentions
  }

  /**
   * Settles the provisional mentions now that the whole page is read: the one candidate named in full
   * anywhere, else the preferred reading when none is named, else ambiguous. Returns those that changed.
   */
  finish(): Mention[] {
    const changed: Mention[] = []
    for (const p of this.#provisional) {
      const named = p.candidates.filter((id) => this.anchored.has(id))
      const entity =
        named.length === 1 ? (named[0] ?? null) : named.length === 0 ? (p.preferred ?? null) : null
      if (entity !== p.mention.entity) {
        p.mention.entity = entity
        if (entity === null) {
          p.mention.candidates = [...p.candidates]
        } else {
          delete p.mention.candidates
        }
        changed.push(p.mention)
      }
    }
    this.#provisional.length = 0
    return changed
  }

  /** `namedNext`: candidates named in full further on in the same sentence ("Japarov named Akylbek Japarov"). */
  #resolveShared(
    text: string,
    hit: Hit,
    candidates: readonly string[],
    namedNext: ReadonlySet<string>,
  ): Shared {
    const ctx = this.#ctx
    // A title right before the name ("President Japarov", "премьер-министр Жапаров").
    const families = roleFamiliesIn(titleSpanBefore(text, hit.start))
    if (families.size > 0) {
      const byRole = only(candidates, (id) => heldAt(ctx, id, families))
      if (byRole) {
        return { entity: byRole }
      }
    }
    // Cue words of exactly one candidate right around the name.
    const window = ` ${foldForMatching(cueWindow(text, hit.start, hit.end))} `
    const byCue = only(candidates, (id) =>
      (ctx.index.entities.get(id)?.cues ?? []).some((cue) => window.includes(` ${cue}`)),
    )
    if (byCue) {
      return { entity: byCue }
    }
    // "Japarov named Akylbek Japarov (no relation)": nobody writes that of one man, so it is the other.
    if (namedNext.size > 0) {
      const other = only(candidates, (id) => !namedNext.has(id))
      if (other !== undefined && candidates.some((id) => namedNext.has(id))) {
        return { entity: other }
      }
    }
    // The one of them named in full so far ("Sadyr Japarov … Japarov").
    const namedBefore = candidates.filter((id) => this.anchored.has(id))
    if (namedBefore.length === 1) {
      return { entity: namedBefore[0] ?? null }
    }
    const subject = only(candidates, (id) => ctx.subjects?.has(id) ?? false)
    if (namedBefore.length > 1) {
      // Both named: the full name just before it in the same sentence ("… dismissed Akylbek Japarov and named
      // Kasymaliev to replace Japarov"), else the one the page is about, else it stays ambiguous.
      let nearest: string | undefined
      let nearestEnd = -1
      for (const id of candidates) {
        const end = this.#lastFull.get(id) ?? -1
        if (end > nearestEnd) {
          nearest = id
          nearestEnd = end
        }
      }
      if (nearest !== undefined && sameSentence(text, nearestEnd, hit.start)) {
        return { entity: nearest }
      }
      return { entity: subject ?? null }
    }
    // Nobody named yet: the one the title names, or what the rest of the page says.
    return subject !== undefined ? { entity: subject } : 'provisional'
  }
}

/** Resolves all of a text's hits at once (the `analyze` command, and small rescans). */
export function disambiguate(ctx: DisambiguationContext, text: string, hits: readonly Hit[]): Disambiguation {
  const d = new Disambiguator(ctx)
  const mentions = d.resolve(text, hits)
  d.finish()
  return { mentions, anchored: d.anchored }
}
