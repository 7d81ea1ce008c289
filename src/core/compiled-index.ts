/**
 * The entity index made at build time, as plain data, and loaded by the extension in its place.
 *
 * Building the index folds, inflects and inserts some 800 spellings. On a reader's page that ran while the
 * engine's code was still cold, in the middle of the first scan (a few milliseconds; more on a Russian page,
 * whose case forms are two thirds of the spellings). The build runs the same `buildEntityIndex` on the same
 * bundled entities and ships its result; loading it copies arrays and makes the forms a page matches on
 * first use. Tests compare the loaded index with a built one on real and random text.
 */
import type { CaseRule, Entity, EntityTypeName } from '../data/schema.ts'
import type { LexiconEntry } from './coverage-lexicon.ts'
import {
  allForms,
  buildEntityIndex,
  type EntityIndex,
  type EntityInfo,
  type Form,
  type FormKind,
} from './entity-index.ts'
import { rolePeriods, type RolePeriods } from './disambiguate.ts'
import { gluedSuffixLength } from './kyrgyz-suffixes.ts'
import { Matcher, type MatcherImage } from './matcher.ts'
import type { Misspellable } from './misspellings.ts'
import type { RoleFamily } from './name-context.ts'

/**
 * A form in one row: its spelling, kind and case rule (as indexes into KINDS and CASE_RULES), the index of its
 * entity in `CompiledIndex.entities` (−1 for coverage words), flags, and the entities it is shared with.
 */
export type CompiledForm = [
  text: string,
  kind: number,
  caseRule: number,
  entity: number,
  flags: number,
  ambiguousWith?: string[],
]

const KINDS: readonly FormKind[] = ['entity', 'kyrgyz', 'other']
const CASE_RULES: readonly CaseRule[] = ['capitalised', 'exact', 'any']
const SURNAME = 1
const CONTEXT = 2
const PREFERRED = 4

export interface CompiledIndex {
  matcher: MatcherImage
  /** By payload. */
  forms: CompiledForm[]
  /** id, type, folded given names and initials, folded cue words. */
  entities: [id: string, type: EntityTypeName, givenNames: string[], cues: string[]][]
  /** The offices that settle "President Japarov" at a page's date (disambiguate.ts), so the engine needs no data. */
  roles: [id: string, family: RoleFamily, from: string, to?: string][]
  /** The spellings looked up for misspellings (misspellings.ts): listed here so no page makes every form for it. */
  misspellable: Misspellable[]
}

/** Builds the index of `entities` (see entity-index.ts) and keeps it as plain data. */
export function compileEntityIndex(
  entities: readonly Entity[],
  lexicon?: { kyrgyz: readonly LexiconEntry[]; other: readonly LexiconEntry[] },
): CompiledIndex {
  const index = buildEntityIndex(entities, lexicon)
  const ids = [...index.entities.keys()]
  const forms = allForms(index).map((f): CompiledForm => {
    const flags = (f.surname ? SURNAME : 0) | (f.context ? CONTEXT : 0) | (f.preferred ? PREFERRED : 0)
    const entity = f.entity === undefined ? -1 : ids.indexOf(f.entity)
    const row: CompiledForm = [f.text, KINDS.indexOf(f.kind), CASE_RULES.indexOf(f.caseRule), entity, flags]
    if (f.ambiguousWith.length > 0) {
      row.push([...f.ambiguousWith])
    }
    return row
  })
  const roles: CompiledIndex['roles'] = []
  for (const [id, periods] of rolePeriods(entities)) {
    for (const p of periods) {
      roles.push(p.to === undefined ? [id, p.family, p.from] : [id, p.family, p.from, p.to])
    }
  }
  return {
    matcher: index.matcher.toImage(),
    forms,
    entities: [...index.entities.values()].map((e) => [e.id, e.type, [...e.givenNames], e.cues]),
    roles,
    misspellable: [...index.misspellable()],
  }
}

/** The role periods of a compiled index, as rolePeriods() makes them from the data. */
export function loadRolePeriods(compiled: CompiledIndex): RolePeriods {
  const out: RolePeriods = new Map(compiled.entities.map(([id]) => [id, []]))
  for (const [id, family, from, to] of compiled.roles) {
    out.get(id)?.push(to === undefined ? { family, from } : { family, from, to })
  }
  return out
}

const NOT_SHARED: readonly string[] = []

function formOf(
  [text, kind, caseRule, entity, flags, ambiguousWith]: CompiledForm,
  entities: CompiledIndex['entities'],
): Form {
  const form: Form = {
    kind: KINDS[kind] ?? 'other',
    text,
    caseRule: CASE_RULES[caseRule] ?? 'capitalised',
    surname: (flags & SURNAME) !== 0,
    context: (flags & CONTEXT) !== 0,
    ambiguousWith: ambiguousWith ?? NOT_SHARED,
    preferred: (flags & PREFERRED) !== 0,
  }
  const id = entities[entity]?.[0]
  if (id !== undefined) {
    form.entity = id
  }
  return form
}

/** The index of a compiled one: the matcher's tables as they were built, each form made when first asked for. */
export function loadEntityIndex(compiled: CompiledIndex): EntityIndex {
  // Allocated at its length: filled at scattered indexes, a growing array could fall back to slow elements.
  const forms = new Array<Form | undefined>(compiled.forms.length)
  const form = (payload: number): Form | undefined => {
    let f = forms[payload]
    if (f === undefined) {
      const row = compiled.forms[payload]
      if (row === undefined) {
        return undefined
      }
      f = formOf(row, compiled.entities)
      forms[payload] = f
    }
    return f
  }
  const entities = new Map<string, EntityInfo>()
  for (const [id, type, givenNames, cues] of compiled.entities) {
    entities.set(id, { id, type, givenNames: new Set(givenNames), cues })
  }
  const matcher = Matcher.fromImage(compiled.matcher)
  matcher.gluedSuffix = gluedSuffixLength
  return {
    matcher,
    form,
    allForms: () => compiled.forms.map((_, p) => form(p) as Form),
    misspellable: () => compiled.misspellable,
    entities,
  }
}
