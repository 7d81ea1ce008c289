/**
 * The schema of the bundled data (entities.json, events.json): the single source of its TypeScript types.
 * docs/DATA.md explains every field in words. Pure: used by the build, the tests, the Node commands and
 * (through the inferred types only) the extension.
 */
import * as v from 'valibot'

/** Whether a YYYY-MM-DD date exists (Date.parse accepts 2020-02-31). Shorter dates have no day to check. */
function isRealDay(s: string): boolean {
  if (s.length < 10) {
    return true
  }
  const [y, m, d] = s.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** ISO 8601 calendar date, or a year-month, or a year where the day is not known. */
const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/

export const IsoDate = v.pipe(
  v.string(),
  v.regex(ISO_DATE, 'must be an ISO 8601 date: YYYY-MM-DD (or YYYY-MM, YYYY)'),
  v.check(isRealDay, 'is not a real calendar date'),
)

const NonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'))

/** Text shown to readers: English is required, Russian is shown to Russian-language browsers when present. */
export const Localized = v.strictObject({ en: NonEmpty, ru: v.optional(NonEmpty), ky: v.optional(NonEmpty) })

/** A citation. `date` is the publication date of the cited page (or the day it was read, when it has none). */
export const Source = v.strictObject({
  url: v.pipe(v.string(), v.url('must be a URL'), v.startsWith('https://', 'must be an https: URL')),
  outlet: NonEmpty,
  date: IsoDate,
  title: v.optional(NonEmpty),
})

/** Keys into the file's `sources` table: every fact names at least one. */
const SourceRefs = v.pipe(v.array(NonEmpty), v.minLength(1, 'every fact needs at least one source'))

export const ENTITY_TYPES = ['person', 'place', 'organisation', 'party', 'company', 'media'] as const
export const EntityType = v.picklist(ENTITY_TYPES)

/**
 * Russian declension classes, one per word of a Cyrillic alias, so "Садыр Жапаров" also matches
 * "Садыра Жапарова", "Садыру Жапарову" and so on. `-` keeps a word as written. See src/core/inflect.ts.
 */
export const INFLECTIONS = [
  '-',
  'm',
  'm-soft',
  'm-j',
  'surname-m',
  'f-a',
  'f-ija',
  'surname-f',
  'adj-m',
  'adj-f',
] as const
export const Inflection = v.picklist(INFLECTIONS)

export const CASE_RULES = ['capitalised', 'exact', 'any'] as const

export const Alias = v.strictObject({
  /** The spelling as journalists write it. */
  text: NonEmpty,
  /** ISO 639-1 code of the script/language this spelling belongs to (informational, and for the card). */
  lang: v.optional(v.pipe(v.string(), v.regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code'))),
  /**
   * capitalised (default): each word starts with a capital, the rest as written or in capitals ("BISHKEK");
   * exact: only exactly as written (abbreviations, and names that are ordinary words in lower case: "Osh");
   * any: any case.
   */
  case: v.optional(v.picklist(CASE_RULES)),
  /** A surname (or other short form) on its own: resolved from the page's context. */
  surname: v.optional(v.boolean()),
  /** Counts only on pages already recognised as Kyrgyzstan coverage ("White House", "CEC"). */
  context: v.optional(v.boolean()),
  /** The same spelling names these other entities too: the matcher resolves it or marks it ambiguous. */
  ambiguousWith: v.optional(v.array(NonEmpty)),
  /** When an ambiguous spelling has no other evidence on the page, this entity is the one meant. */
  preferred: v.optional(v.boolean()),
  /** One declension class per word, for Cyrillic aliases. */
  inflect: v.optional(v.array(Inflection)),
})

export const Fact = v.strictObject({
  text: Localized,
  date: v.optional(IsoDate),
  sources: SourceRefs,
})

export const DatedFact = v.strictObject({
  date: IsoDate,
  text: Localized,
  sources: SourceRefs,
})

/** Lower-case-with-hyphens, as entity and event ids are. */
const Id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case-with-hyphens'))

export const Role = v.strictObject({
  title: Localized,
  from: IsoDate,
  to: v.optional(IsoDate),
  /** The role is described as acting / interim. */
  acting: v.optional(v.boolean()),
  sources: SourceRefs,
})

export const Entity = v.strictObject({
  id: Id,
  type: EntityType,
  name: v.strictObject({ en: NonEmpty, ru: NonEmpty, ky: v.optional(NonEmpty) }),
  aliases: v.pipe(v.array(Alias), v.minLength(1, 'needs at least one alias')),
  /** Words in the text that, near a surname-only mention, point to this entity ("Akylbek", "cabinet"). */
  cues: v.optional(v.array(NonEmpty)),
  born: v.optional(v.strictObject({ date: IsoDate, place: v.optional(Localized), sources: SourceRefs })),
  summary: v.strictObject({ text: Localized, sources: SourceRefs }),
  roles: v.optional(v.array(Role)),
  /** The entity's part in each event it took part in, keyed by event id (events.json): "in this story". */
  partIn: v.optional(v.record(Id, v.pipe(v.array(Fact), v.minLength(1)))),
  /** Dated later developments; a card shows those after the page's date. */
  next: v.optional(v.array(DatedFact)),
  /** How to tell this entity apart from others with the same spelling (shown for ambiguous mentions). */
  distinguish: v.optional(v.strictObject({ text: Localized, sources: SourceRefs })),
})

export const Sources = v.record(
  v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'source keys are lower-case-with-hyphens')),
  Source,
)

export const EntitiesFile = v.strictObject({
  $schema: v.optional(v.string()),
  sources: Sources,
  entities: v.pipe(v.array(Entity), v.minLength(1)),
})

/** A figure reported at one moment; a series of these keeps figures that changed over time. */
export const Figure = v.strictObject({
  value: v.number(),
  /** How the source put it when that differs from the bare number ("more than 1,000"). */
  display: v.optional(Localized),
  asOf: IsoDate,
  note: v.optional(Localized),
  sources: SourceRefs,
})

export const KeyNumber = v.strictObject({
  id: NonEmpty,
  label: Localized,
  series: v.pipe(v.array(Figure), v.minLength(1)),
  note: v.optional(Localized),
  /** The figures disagree (a CONFLICT of the fact sheets) rather than follow each other: all are shown. */
  conflict: v.optional(v.boolean()),
})

export const TimelineItem = v.strictObject({
  date: IsoDate,
  text: Localized,
  entities: v.optional(v.array(NonEmpty)),
  sources: SourceRefs,
})

export const PartyResult = v.strictObject({
  party: NonEmpty,
  /** The party's (or the candidate's) entity. */
  entity: v.optional(NonEmpty),
  leader: v.optional(NonEmpty),
  /** The leader's entity, when the data has one. */
  leaderEntity: v.optional(NonEmpty),
  preliminary: v.optional(v.number()),
  final: v.optional(v.number()),
  seats: v.optional(v.number()),
})

export const ElectionResults = v.strictObject({
  election: Localized,
  date: IsoDate,
  note: Localized,
  parties: v.array(PartyResult),
  turnout: v.optional(v.array(Figure)),
  sources: SourceRefs,
})

/** A statement of a known article about an entity, quoted exactly. */
export const ArticleStatement = v.strictObject({
  entity: NonEmpty,
  quote: NonEmpty,
  /** What later reporting adds or corrects, with its own sources. */
  context: v.optional(Fact),
})

export const KnownArticle = v.strictObject({
  id: NonEmpty,
  outlet: NonEmpty,
  title: NonEmpty,
  datePublished: IsoDate,
  urls: v.array(v.pipe(v.string(), v.url())),
  statements: v.array(ArticleStatement),
  sources: SourceRefs,
})

export const Event = v.strictObject({
  id: Id,
  title: Localized,
  /** Other names the event goes by, shown under the title and read as cues ("Tulip Revolution", "Апрельская революция"). */
  aka: v.optional(v.array(NonEmpty)),
  start: IsoDate,
  end: IsoDate,
  place: Localized,
  /** Entity ids of the places where it happened (drawn on the map, and a ranking signal). */
  places: v.pipe(v.array(Id), v.minLength(1)),
  /**
   * Words and phrases that, in a page's text, point to this event rather than another ("referendum", "Kumtor",
   * "reservoir", "Кемпир-Абад"). Matched case-insensitively on word boundaries; any language.
   */
  cues: v.pipe(v.array(NonEmpty), v.minLength(1)),
  /** Event ids that led to this one, and that followed from it. */
  before: v.optional(v.array(Id)),
  after: v.optional(v.array(Id)),
  summary: v.strictObject({ text: Localized, sources: SourceRefs }),
  numbers: v.array(KeyNumber),
  timeline: v.pipe(v.array(TimelineItem), v.minLength(1)),
  results: v.optional(v.array(ElectionResults)),
  entities: v.optional(v.array(NonEmpty)),
  articles: v.optional(v.array(KnownArticle)),
})

export const EventsFile = v.strictObject({
  $schema: v.optional(v.string()),
  sources: Sources,
  events: v.pipe(v.array(Event), v.minLength(1)),
})

export type IsoDate = v.InferOutput<typeof IsoDate>
export type Localized = v.InferOutput<typeof Localized>
export type Source = v.InferOutput<typeof Source>
export type EntityTypeName = v.InferOutput<typeof EntityType>
export type Inflection = v.InferOutput<typeof Inflection>
export type CaseRule = (typeof CASE_RULES)[number]
export type Alias = v.InferOutput<typeof Alias>
export type Fact = v.InferOutput<typeof Fact>
export type DatedFact = v.InferOutput<typeof DatedFact>
export type Role = v.InferOutput<typeof Role>
export type Entity = v.InferOutput<typeof Entity>
export type EntitiesFile = v.InferOutput<typeof EntitiesFile>
export type Figure = v.InferOutput<typeof Figure>
export type KeyNumber = v.InferOutput<typeof KeyNumber>
export type TimelineItem = v.InferOutput<typeof TimelineItem>
export type ElectionResults = v.InferOutput<typeof ElectionResults>
export type KnownArticle = v.InferOutput<typeof KnownArticle>
export type ArticleStatement = v.InferOutput<typeof ArticleStatement>
export type Event = v.InferOutput<typeof Event>
export type EventsFile = v.InferOutput<typeof EventsFile>
