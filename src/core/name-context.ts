/**
 * The words around a surname that say whose surname it is.
 *
 * "President Japarov" and "Садыр Жапаров" name the politician; "Raisa Atambayeva", "Раиса Атамбаева" and a
 * byline "Leila Zhaparov" name somebody else with the same surname. A capitalised word right before a bare
 * surname is taken as another person's given name unless it is a title, a sentence-opening word, or one of
 * the entity's own given names.
 */
import { CLASS_WORD, charClass } from './normalize.ts'

/** Titles and descriptions that may stand, capitalised, right before a surname. Folded (lower case). */
const TITLE_WORDS = new Set(
  [
    // English
    'president',
    'ex-president',
    'president-elect',
    'prime',
    'minister',
    'pm',
    'premier',
    'mr',
    'mr.',
    'mrs',
    'mrs.',
    'ms',
    'ms.',
    'dr',
    'dr.',
    'gen',
    'gen.',
    'general',
    'former',
    'ex',
    'acting',
    'interim',
    'chairman',
    'chair',
    'speaker',
    'leader',
    'deputy',
    'head',
    'opposition',
    'politician',
    'lawmaker',
    'mp',
    'candidate',
    'nationalist',
    'populist',
    'incumbent',
    'ousted',
    'jailed',
    'freed',
    'kyrgyz',
    'kyrgyzstani',
    'then-president',
    'then-prime',
    'presidents',
    'leaders',
    'mayor',
    'governor',
    'ambassador',
    'senator',
    'chief',
    'commander',
    'rival',
    'ally',
    'vice',
    'secretary',
    'spokesman',
    'spokeswoman',
    'minister-president',
    // German, Dutch, Nordic, Romanian, Italian, French and Spanish titles
    'präsident',
    'staatschef',
    'regierungschef',
    'premierminister',
    'ministerpräsident',
    'ex-präsident',
    'presidente',
    'président',
    'ministre',
    'premier-ministre',
    'preşedintele',
    'președintele',
    'presedintele',
    'premierul',
    'fostul',
    'oud-president',
    // Russian and Ukrainian (capitalised at the start of a sentence)
    'президент',
    'экс-президент',
    'премьер',
    'премьер-министр',
    'глава',
    'лидер',
    'спикер',
    'председатель',
    'депутат',
    'генерал',
    'господин',
    'г-н',
    'и.о.',
    'президента',
    'президенту',
    'президентом',
    'премьера',
    'экс-президента',
  ].map((w) => w.toLowerCase()),
)

/**
 * Common given names in Kyrgyz, Russian and international news, lower case. Used only for a word that opens a
 * sentence, where capitalisation says nothing: "Raisa Atambayeva said…" is somebody else, "Then Japarov…"
 * is the politician.
 */
const GIVEN_NAMES = new Set(
  (
    'aibek aida aidai aidana aigerim aigul aijamal ainura aisulu ajar akmat aliya almaz altynai anara asel asylbek ' +
    'azamat bakyt bermet chinara cholpon dinara elmira emil erlan gulnara gulzat jamila janyl kanybek kubanych ' +
    'kyial mairam marat meerim nazgul nurbek nurlan raisa roza saltanat talant timur tolkun urmat zhyldyz ' +
    'alexander alexei andrei anna boris dmitry elena galina igor irina ivan maria mikhail natalia nikolai olga ' +
    'pavel sergei svetlana tatiana vladimir yulia leila laila fatima maya sara sarah john david michael james ' +
    'анна айгуль айгүл айдай айжамал айнура асель бермет гульнара динара жамиля елена ирина лейла мария наталья ' +
    'ольга раиса роза светлана татьяна юлия алмаз азамат бакыт марат нурлан талант тимур алексей андрей борис ' +
    'дмитрий иван игорь михаил николай павел сергей владимир'
  ).split(' '),
)

export interface WordBefore {
  word: string
  start: number
  /** The word opens a sentence (or a line, a quote, a parenthesis). */
  opening: boolean
  /** An article stands before the word ("nach dem Sturz Akajews", "the Kremlin"): it is a noun, not a name. */
  afterArticle?: boolean
}

/** "On Tuesday Japarov …", "in March Japarov …": days and months are not given names. */
const CALENDAR_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(
    ' ',
  ),
)

/** Articles of the languages that capitalise nouns or put an article before a noun used as a title. */
const ARTICLES = new Set(
  'der die das dem den des ein eine einem einen einer eines de het een the le la les du un une el los las il lo gli'.split(
    ' ',
  ),
)

/** How far back the word before a name may start. */
const WORD_BEFORE_REACH = 40

const isLineSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0xa0
/** Letters and marks, and the punctuation a name or title may contain (S. / O’Brien / ex-President). */
const isWordish = (c: number): boolean =>
  charClass(c) === CLASS_WORD || c === 0x2e || c === 0x27 || c === 0x2019 || c === 0x2d
const isLetter = (c: number): boolean => charClass(c) === CLASS_WORD && !(c >= 0x30 && c <= 0x39)
/** What ends a sentence, a line, or opens a quote or a parenthesis before a word. */
const OPENERS = new Set([...'.!?:;«»"“”„(\n\u2014\u2013'].map((c) => c.charCodeAt(0)))

/**
 * The word right before `pos` on the same line (up to 40 characters back), if any. A given name and its
 * surname share a line; a word on the line above is a heading or a caption, not a given name.
 * (A hand-written backward scan: it runs for every surname on a page.)
 */
export function wordBefore(text: string, pos: number): WordBefore | undefined {
  let j = pos - 1
  while (j >= 0 && isLineSpace(text.charCodeAt(j))) {
    j--
  }
  if (j === pos - 1 || j < 0) {
    return undefined
  }
  const end = j + 1
  while (j >= 0 && end - j <= WORD_BEFORE_REACH && isWordish(text.charCodeAt(j))) {
    j--
  }
  let start = j + 1
  while (start < end && !isLetter(text.charCodeAt(start))) {
    start++
  }
  if (start >= end || pos - start > WORD_BEFORE_REACH) {
    return undefined
  }
  let k = start - 1
  while (
    k >= 0 &&
    (isLineSpace(text.charCodeAt(k)) || text.charCodeAt(k) === 0x0a || text.charCodeAt(k) === 0x0d)
  ) {
    k--
  }
  const opening =
    k < 0 ||
    OPENERS.has(text.charCodeAt(k)) ||
    (text.charCodeAt(k) === 0x2d && text.charCodeAt(k - 1) === 0x2d)
  let a = k
  while (a >= 0 && isLetter(text.charCodeAt(a))) {
    a--
  }
  const article = k >= 0 && !opening && ARTICLES.has(text.slice(a + 1, k + 1))
  return { word: text.slice(start, end), start, opening, ...(article ? { afterArticle: true } : {}) }
}

const isCapitalised = (word: string): boolean => {
  const first = word.charAt(0)
  return first !== first.toLowerCase()
}

const isAllCaps = (word: string): boolean => word.length > 1 && word === word.toUpperCase()

/** A hyphen followed by a lower-case letter ("Kremlin-backed"), without compiling a Unicode property regex. */
function hyphenBeforeLowerCase(word: string): boolean {
  for (let i = word.indexOf('-'); i >= 0; i = word.indexOf('-', i + 1)) {
    const next = word.charAt(i + 1)
    if (next !== '' && next !== next.toUpperCase() && next === next.toLowerCase()) {
      return true
    }
  }
  return false
}

export const isTitleWord = (word: string): boolean =>
  TITLE_WORDS.has(word.toLowerCase().replace(/[’']s$/, ''))

/**
 * Whether the word before a surname looks like another person's given name: capitalised, not a title, not
 * a possessive or an all-capitals dateline, and not a word that merely opens a sentence.
 */
export function looksLikeOtherGivenName(before: WordBefore, ownGivenNames: ReadonlySet<string>): boolean {
  const word = before.word.replace(/[.’'-]+$/, '')
  const lower = word.toLowerCase()
  if (word === '' || !isCapitalised(word) || isAllCaps(word)) {
    return false
  }
  // "…said Japarov. Japarov's supporters": a word with a full stop ends the previous sentence (an initial
  // such as "S." has already been compared with the entity's own initials).
  if (before.word.endsWith('.')) {
    return false
  }
  if (ownGivenNames.has(lower)) {
    return false
  }
  if (isTitleWord(word) || /[’']s$/.test(before.word) || CALENDAR_WORDS.has(lower)) {
    return false
  }
  // "Kremlin-backed Jeenbekov": a hyphenated description, not a double given name like "Jean-Paul".
  if (hyphenBeforeLowerCase(word)) {
    return false
  }
  // At the start of a sentence every word is capitalised ("Представителям Атамбаева", "Then Japarov"):
  // there only a known given name marks somebody else ("Raisa Atambayeva said").
  // After an article the word is a noun ("nach dem Sturz Akajews"): the same holds.
  if (before.opening || before.afterArticle === true) {
    return GIVEN_NAMES.has(lower)
  }
  return true
}

/**
 * A full name with a patronymic before the surname: "Sadyr Nurgozho uulu Japarov",
 * "Садыр Нургожоевич (Нургожо уулу) Жапаров". Returns the start of the given name and the given name.
 */
let patronymicPattern: RegExp | undefined
/** Made on first use, which few pages reach: creating it builds Unicode property classes (about a millisecond). */
const patronymicBeforeRe = (): RegExp =>
  (patronymicPattern ??=
    /(\p{Lu}[\p{Ll}\p{M}’'-]+)[ \u00a0]+(?:\(?\p{Lu}[\p{Ll}\p{M}]+[ \u00a0]+(?:uulu|kyzy|уулу|кызы)\)?|\p{Lu}[\p{Ll}\p{M}]+(?:ovich|evich|ovna|evna|ович|евич|овна|евна|ojewitsch|owitsch|ewitsch)(?:[ \u00a0]+\(\p{Lu}[\p{Ll}\p{M}]+[ \u00a0]+(?:uulu|kyzy|уулу|кызы)\))?)[ \u00a0]+$/u)

/** The word before a surname ends like a patronymic, or a parenthesis closes there: worth the full pattern. */
const PATRONYMIC_END = /(uulu|kyzy|уулу|кызы|vich|vna|вич|вна|witsch)$/

export function patronymicBefore(text: string, pos: number): { start: number; given: string } | undefined {
  let j = pos - 1
  while (j >= 0 && isLineSpace(text.charCodeAt(j))) {
    j--
  }
  if (j < 0) {
    return undefined
  }
  if (text.charCodeAt(j) !== 0x29 && !PATRONYMIC_END.test(wordBefore(text, pos)?.word ?? '')) {
    return undefined
  }
  const from = Math.max(0, pos - 80)
  const m = patronymicBeforeRe().exec(text.slice(from, pos))
  if (!m?.[1]) {
    return undefined
  }
  return { start: from + m.index, given: m[1] }
}

/** Role families that a title word in front of a surname refers to. */
export type RoleFamily = 'president' | 'head-of-government' | 'speaker' | 'security'

// Without the `u` flag: these patterns need no Unicode escapes, and a case-insensitive Unicode regex costs
// several times more to compile, which happens while the engine starts.
const ROLE_WORDS: readonly [RegExp, RoleFamily][] = [
  [/\b(president|präsident|presidente|président|pre[sşș]edinte)|президент/i, 'president'],
  [
    /\b(prime minister|premier|pm|chairman of the cabinet|cabinet chairman|head of (the )?cabinet|head of government)\b|премьер|председател[а-я]* кабинета|глав[а-я]* кабмина|кабмин/i,
    'head-of-government',
  ],
  [/\bspeaker\b|спикер|торага/i, 'speaker'],
  [/\b(security chief|gknb|scns)\b|гкнб/i, 'security'],
]

/** Role families named in a short span of text ("Prime Minister", "президента"). */
/** The last two words of `text` before `pos` (where a title stands: "Prime Minister", "экс-президент"). */
export function titleSpanBefore(text: string, pos: number): string {
  const from = Math.max(0, pos - WORD_BEFORE_REACH)
  let j = pos
  for (let words = 0; words < 2; words++) {
    while (j > from && /\s/.test(text.charAt(j - 1))) {
      j--
    }
    while (j > from && !/\s/.test(text.charAt(j - 1))) {
      j--
    }
  }
  return text.slice(j, pos)
}

export function roleFamiliesIn(span: string): Set<RoleFamily> {
  const out = new Set<RoleFamily>()
  for (const [re, family] of ROLE_WORDS) {
    if (re.test(span)) {
      out.add(family)
    }
  }
  return out
}

/** The role family of a role title in the data. */
export function roleFamilyOf(title: string): RoleFamily | undefined {
  for (const [re, family] of ROLE_WORDS) {
    if (re.test(title)) {
      return family
    }
  }
  return undefined
}
