/**
 * Compiles the entity data and the coverage lexicon into one matcher, built once per data pack.
 *
 * Every spelling, with its Russian case forms, becomes a pattern whose payload indexes a `Form`: which entity
 * it names (or which kind of coverage signal it is) and the rules that decide whether a match counts.
 */
import type { Alias, CaseRule, Entity, EntityTypeName } from '../data/schema.ts'
import { KYRGYZ_SIGNALS, OTHER_PLACES, type LexiconEntry } from './coverage-lexicon.ts'
import { inflectForms } from './inflect.ts'
import { gluedSuffixLength } from './kyrgyz-suffixes.ts'
import { misspellableOf, type Misspellable } from './misspellings.ts'
import { Matcher, deferredScriptOf, type DeferredScript, type MatcherPattern } from './matcher.ts'
import { CLASS_IGNORABLE, CLASS_SPACE, charClass, foldForMatching, isUpperCode } from './normalize.ts'

export type FormKind = 'entity' | 'kyrgyz' | 'other'

export interface Form {
  kind: FormKind
  /** The spelling (one case form of an alias) as the data writes it: the reference for the case rule. */
  text: string
  caseRule: CaseRule
  /** For kind 'entity'. */
  entity?: string
  surname: boolean
  context: boolean
  ambiguousWith: readonly string[]
  preferred: boolean
}

/** What the recognizer needs to know about an entity beyond its spellings. */
export interface EntityInfo {
  id: string
  type: EntityTypeName
  /** Folded given names and initials, from the full-name aliases: "sadyr", "s", "садыр", "с". */
  givenNames: Set<string>
  /** Folded cue words from the data. */
  cues: string[]
}

export interface EntityIndex {
  matcher: Matcher
  /** The form a match's payload stands for. */
  form: (payload: number) => Form | undefined
  /** Every form, with the spellings of scripts the text has not shown yet (for tools, not for scanning). */
  allForms: () => readonly Form[]
  /** The spellings looked up for misspellings, with their payloads (misspellings.ts). */
  misspellable: () => readonly Misspellable[]
  entities: Map<string, EntityInfo>
}

/** Every form of an index (see EntityIndex.allForms). */
export function allForms(index: EntityIndex): readonly Form[] {
  return index.allForms()
}

/** Whether a form can only match where the text starts with a capital (what lets the matcher skip words). */
function requiresUpperStart(form: Form): boolean {
  const first = form.text.charCodeAt(0)
  return form.caseRule !== 'any' && isUpperCode(first)
}

function caseRuleOf(alias: Pick<Alias, 'case'>): CaseRule {
  return alias.case ?? 'capitalised'
}

export function buildEntityIndex(
  entities: readonly Entity[],
  lexicon: { kyrgyz: readonly LexiconEntry[]; other: readonly LexiconEntry[] } = {
    kyrgyz: KYRGYZ_SIGNALS,
    other: OTHER_PLACES,
  },
): EntityIndex {
  const forms: Form[] = []
  // Spellings are made (Russian case forms included) and handed to the matcher per script, when the text
  // first shows a word in it: most pages are in one language, and the other's forms are most of the work.
  type Group = DeferredScript | 'now'
  const producers: Record<Group, (() => void)[]> = { now: [], latin: [], cyrillic: [] }
  const groupOf = (text: string): Group => deferredScriptOf(text.charCodeAt(0)) ?? 'now'
  let patterns: MatcherPattern[] = []
  const add = (form: Form): void => {
    patterns.push({ text: form.text, payload: forms.length, upperStart: requiresUpperStart(form) })
    forms.push(form)
  }
  const produce = (group: Group): MatcherPattern[] => {
    patterns = []
    for (const make of producers[group]) {
      make()
    }
    return patterns
  }
  const infos = new Map<string, EntityInfo>()
  for (const entity of entities) {
    const info: EntityInfo = {
      id: entity.id,
      type: entity.type,
      givenNames: new Set(),
      // Folded once here, as the text around a name is folded before it is compared with them.
      cues: (entity.cues ?? []).map(foldForMatching),
    }
    infos.set(entity.id, info)
    for (const alias of entity.aliases) {
      producers[groupOf(alias.text)].push(() => {
        const spellings = alias.inflect ? inflectForms(alias.text, alias.inflect) : [alias.text]
        for (const text of spellings) {
          add({
            kind: 'entity',
            text,
            caseRule: caseRuleOf(alias),
            entity: entity.id,
            surname: alias.surname ?? false,
            context: alias.context ?? false,
            ambiguousWith: alias.ambiguousWith ?? [],
            preferred: alias.preferred ?? false,
          })
        }
      })
      // A person's full name gives the given names and initials that may precede a bare surname.
      if (entity.type === 'person' && !alias.surname && !alias.context) {
        const words = alias.text.split(/\s+/)
        if (words.length > 1) {
          const first = (words[0] ?? '').toLowerCase()
          info.givenNames.add(first)
          info.givenNames.add(first.charAt(0))
        }
      }
    }
  }
  const lexical = (kind: FormKind, entry: LexiconEntry): void => {
    producers[groupOf(entry.text)].push(() => {
      for (const text of entry.inflect ? inflectForms(entry.text, entry.inflect) : [entry.text]) {
        add({
          kind,
          text,
          caseRule: entry.case ?? 'capitalised',
          surname: false,
          context: false,
          ambiguousWith: [],
          preferred: false,
        })
      }
    })
  }
  for (const entry of lexicon.kyrgyz) {
    lexical('kyrgyz', entry)
  }
  for (const entry of lexicon.other) {
    lexical('other', entry)
  }
  const matcher = new Matcher(produce('now'), {
    latin: () => produce('latin'),
    cyrillic: () => produce('cyrillic'),
  })
  matcher.gluedSuffix = gluedSuffixLength
  return {
    matcher,
    // Grows when the matcher adds a deferred script's spellings.
    form: (payload) => forms[payload],
    allForms: () => {
      matcher.complete()
      return forms
    },
    misspellable: () => {
      matcher.complete()
      return misspellableOf(forms)
    },
    entities: infos,
  }
}

/**
 * Whether `text[start, end)` satisfies the case rule of `form`. The trie has already matched the folded
 * letters, so only letter case is compared, walking both strings in step (ignorables and whitespace runs are
 * skipped the same way the matcher skips them).
 */
export function caseAccepts(form: Form, text: string, start: number, end: number): boolean {
  if (form.caseRule === 'any') {
    return true
  }
  const ref = form.text
  let i = start
  let r = 0
  while (i < end && r < ref.length) {
    const c = text.charCodeAt(i)
    const k = charClass(c)
    if (k === CLASS_IGNORABLE) {
      i++
      continue
    }
    if (k === CLASS_SPACE) {
      while (i < end && charClass(text.charCodeAt(i)) === CLASS_SPACE) {
        i++
      }
      while (r < ref.length && charClass(ref.charCodeAt(r)) === CLASS_SPACE) {
        r++
      }
      continue
    }
    const rc = ref.charCodeAt(r)
    const refUpper = isUpperCode(rc)
    const textUpper = isUpperCode(c)
    if (refUpper && !textUpper) {
      return false
    }
    if (form.caseRule === 'exact' && textUpper !== refUpper) {
      return false
    }
    i++
    r++
  }
  return true
}
