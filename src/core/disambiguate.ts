/**
 * Turns matched spellings into mentions of entities, resolving surnames from the page's context.
 *
 * Order of evidence for a surname shared by several entities ("Japarov": Sadyr or Akylbek):
 *   1. a given name or initial right before it ("Akylbek Japarov", "S. Japarov", a patronymic form);
 *   2. a title right before it whose role only one of them held, at the page's date when it has one
 *      ("President Japarov"; "Prime Minister Japarov" in October 2020);
 *   3. a cue word of only one of them right around it ("cabinet chairman Japarov", "Japarov, the cabinet chairman");
 *   4. only one of them named in full before it (or, if none is, anywhere on the page);
 *   5. none of them named in full, and one is the preferred reading.
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
  wordBefore,
  type RoleFamily,
} from './name-context.ts'
import { foldForMatching } from './normalize.ts'
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

/**
 * Resolves entity hits into mentions. `hits` must be in text order and may include non-entity hits (ignored).
 */
export function disambiguate(ctx: DisambiguationContext, text: string, hits: readonly Hit[]): Disambiguation {
  const { index } = ctx
  // Entities named in full: anywhere on the page, and (filled in as we go) before the current mention.
  const fullName = (hit: Hit): string | undefined =>
    hit.forms.find(
      (f) =>
        f.kind === 'entity' &&
        f.entity !== undefined &&
        !f.surname &&
        !f.context &&
        f.ambiguousWith.length === 0,
    )?.entity
  const anchored = new Set<string>(ctx.anchored)
  for (const hit of hits) {
    const id = fullName(hit)
    if (id !== undefined) {
      anchored.add(id)
    }
  }
  const anchoredBefore = new Set<string>(ctx.anchored)

  const mentions: Mention[] = []
  let previousEnd = -1
  for (const hit of hits) {
    const named = fullName(hit)
    if (named !== undefined) {
      anchoredBefore.add(named)
    }
    const forms = hit.forms.filter((f) => f.kind === 'entity')
    const afterPrevious = previousEnd
    previousEnd = hit.end
    if (forms.length === 0) {
      continue
    }
    const candidates = entitiesOf(forms)
    const surname = forms.every((f) => f.surname)
    let start = hit.start
    let resolved: string | null | undefined

    if (surname) {
      const given = new Set<string>()
      for (const id of candidates) {
        for (const g of index.entities.get(id)?.givenNames ?? []) {
          given.add(g)
        }
      }
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
          const byGiven = only(candidates, (id) => index.entities.get(id)?.givenNames.has(word) ?? false)
          if (byGiven) {
            resolved = byGiven
          } else if (looksLikeOtherGivenName(before, given)) {
            continue
          } // somebody else with this surname
        }
      }
    }

    if (resolved === undefined && candidates.length === 1) {
      resolved = candidates[0]
    }
    if (resolved === undefined) {
      resolved = resolveShared(ctx, text, hit, candidates, { anywhere: anchored, before: anchoredBefore })
    }
    const mention: Mention = { start, end: hit.end, entity: resolved ?? null }
    if (resolved === null || resolved === undefined) {
      mention.candidates = candidates
    }
    mentions.push(mention)
  }
  return { mentions, anchored }
}

function resolveShared(
  ctx: DisambiguationContext,
  text: string,
  hit: Hit,
  candidates: readonly string[],
  anchored: { anywhere: ReadonlySet<string>; before: ReadonlySet<string> },
): string | null {
  // A title right before the name ("President Japarov", "премьер-министр Жапаров").
  const lead = text.slice(Math.max(0, hit.start - 40), hit.start)
  const families = roleFamiliesIn(lead.slice(lead.search(/\S+\s*\S*\s*$/u)))
  if (families.size > 0) {
    const byRole = only(candidates, (id) => heldAt(ctx, id, families))
    if (byRole) {
      return byRole
    }
  }
  // Cue words of exactly one candidate right around the name.
  const window = ` ${foldForMatching(cueWindow(text, hit.start, hit.end))} `
  const byCue = only(candidates, (id) =>
    (ctx.index.entities.get(id)?.cues ?? []).some((cue) => window.includes(` ${foldForMatching(cue)}`)),
  )
  if (byCue) {
    return byCue
  }
  // The one of them named in full so far ("Sadyr Japarov … Japarov"), else the one named anywhere.
  const namedBefore = candidates.filter((id) => anchored.before.has(id))
  if (namedBefore.length === 1) {
    return namedBefore[0] ?? null
  }
  const named = candidates.filter((id) => anchored.anywhere.has(id))
  if (namedBefore.length === 0 && named.length === 1) {
    return named[0] ?? null
  }
  if (named.length === 0) {
    const preferred = hit.forms.find((f) => f.preferred && f.entity !== undefined)?.entity
    if (preferred !== undefined) {
      return preferred
    }
  }
  return null
}
