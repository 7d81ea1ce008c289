/**
 * Character folding shared by the matcher, the data validator and coverage detection.
 *
 * Journalists' text arrives with every variant a keyboard or CMS can produce: curly apostrophes, NBSP, soft
 * hyphens inside names, diacritics ("Žeenbekov"), Kyrgyz letters in Russian text (Кеңеш / Кенеш), ё for е.
 * Folding maps all of these to one form so a single alias covers them. It never changes offsets: the matcher
 * folds one UTF-16 unit at a time and skips ignorable units instead of deleting them.
 */

/** What a UTF-16 unit is for the matcher. */
export const CLASS_NON_WORD = 0
export const CLASS_WORD = 1
/** Invisible in names: soft hyphen, zero-width spaces and joiners, BOM. The matcher steps over them. */
export const CLASS_IGNORABLE = 2
export const CLASS_SPACE = 3

const UNKNOWN = 255
const SPACE = 0x20
const APOSTROPHE = 0x27
const HYPHEN = 0x2d

/**
 * Per code point, filled on first use (a page uses a few hundred distinct characters): nothing is computed
 * before it is needed, so loading the engine stays cheap.
 */
const classes = new Uint8Array(0x10000).fill(UNKNOWN)
/** Folded code of each BMP code point; 0 means "not computed yet", 0xffff "ignorable". */
const folded = new Uint16Array(0x10000)
/** Letter case of each BMP code point: 0 not computed yet, 1 not upper case, 2 upper case. */
const uppers = new Uint8Array(0x10000)

/**
 * Made on first use: creating a regex with Unicode property classes builds them from ICU data (about a
 * millisecond), and most pages never need it (see computeClass).
 */
let unicodeClasses: { word: RegExp; space: RegExp } | undefined

/**
 * Letters Kyrgyz (ө ү ң) and Ukrainian (і ї є) add to Russian's alphabet, folded to the letters Russian-language
 * outlets write, so one Cyrillic alias serves all three. й keeps its identity (NFD would turn it into и).
 */
const CYRILLIC_FOLDS: Record<string, string> = {
  ө: 'о',
  ү: 'у',
  ң: 'н',
  ё: 'е',
  ә: 'а',
  і: 'и',
  ї: 'и',
  є: 'е',
  й: 'й',
}

/**
 * The class by Unicode's definition. Only for characters outside the scripts news text is mostly written in:
 * compiling the Unicode property regex costs up to a few milliseconds the first time, in the middle of the
 * engine's start.
 */
export function classByUnicode(code: number): number {
  if (
    code === 0xad ||
    code === 0x200b ||
    code === 0x200c ||
    code === 0x200d ||
    code === 0x2060 ||
    code === 0xfeff ||
    code === 0x034f
  ) {
    return CLASS_IGNORABLE
  }
  const ch = String.fromCharCode(code)
  unicodeClasses ??= { word: /[\p{L}\p{N}\p{M}]/u, space: /\s/u }
  if (unicodeClasses.space.test(ch)) {
    return CLASS_SPACE
  }
  return unicodeClasses.word.test(ch) ? CLASS_WORD : CLASS_NON_WORD
}

/**
 * The same as classByUnicode, read from the code charts for the blocks the data and most news text use: ASCII,
 * Latin-1, Latin Extended, Cyrillic, Arabic and general punctuation (a unit test holds it to Unicode).
 */
function computeClass(code: number): number {
  if (code < 0x80) {
    if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
      return CLASS_WORD
    }
    return code === 0x20 || (code >= 0x09 && code <= 0x0d) ? CLASS_SPACE : CLASS_NON_WORD
  }
  if (code >= 0xc0 && code <= 0x24f) {
    // Latin-1 letters, Latin Extended-A and -B: all letters but × and ÷.
    return code === 0xd7 || code === 0xf7 ? CLASS_NON_WORD : CLASS_WORD
  }
  if (code >= 0x400 && code <= 0x4ff) {
    // Cyrillic: letters and combining marks, but the thousands sign ҂.
    return code === 0x482 ? CLASS_NON_WORD : CLASS_WORD
  }
  if (code >= 0x80 && code < 0xc0) {
    // Latin-1 punctuation and symbols, with NBSP, the soft hyphen, ª º µ, superscripts and fractions.
    if (code === 0xa0) {
      return CLASS_SPACE
    }
    if (code === 0xad) {
      return CLASS_IGNORABLE
    }
    return code === 0xaa ||
      code === 0xb2 ||
      code === 0xb3 ||
      code === 0xb5 ||
      (code >= 0xb9 && code <= 0xbe && code !== 0xbb)
      ? CLASS_WORD
      : CLASS_NON_WORD
  }
  if (code >= 0x2000 && code <= 0x206f) {
    // General punctuation: typographic spaces, zero-width characters, dashes and quotes.
    if (code <= 0x200a || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f) {
      return CLASS_SPACE
    }
    return (code >= 0x200b && code <= 0x200d) || code === 0x2060 ? CLASS_IGNORABLE : CLASS_NON_WORD
  }
  if (code >= 0x600 && code <= 0x6ff) {
    // Arabic (an alias of the country is written in it): letters, marks and digits, but punctuation and signs.
    const nonWord =
      code <= 0x60f ||
      (code >= 0x61b && code <= 0x61f) ||
      (code >= 0x66a && code <= 0x66d) ||
      code === 0x6d4 ||
      code === 0x6dd ||
      code === 0x6de ||
      code === 0x6e9 ||
      code === 0x6fd ||
      code === 0x6fe
    return nonWord ? CLASS_NON_WORD : CLASS_WORD
  }
  return classByUnicode(code)
}

function computeFold(code: number): number {
  switch (classes[code] === UNKNOWN ? computeClass(code) : classes[code]) {
    case CLASS_SPACE:
      return SPACE
    case CLASS_IGNORABLE:
      return 0
  }
  switch (code) {
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x02bc: // ʼ
    case 0x02b9: // ʹ
    case 0x0060: // `
    case 0x00b4: // ´
    case 0x2032: // ′
      return APOSTROPHE
    case 0x2010: // ‐
    case 0x2011: // non-breaking hyphen
    case 0x2012:
    case 0x2013: // –
    case 0x2014: // —
    case 0x2212: // −
      return HYPHEN
  }
  // Plain Latin and Russian letters: their lower case is a fixed offset and they have no diacritics.
  if (code < 0x80) {
    return code >= 0x41 && code <= 0x5a ? code + 0x20 : code
  }
  if (code >= 0x410 && code <= 0x44f) {
    return code <= 0x42f ? code + 0x20 : code
  }
  return foldByUnicode(code)
}

/** Lower case without diacritics, by Unicode's case mapping and decomposition (letters beyond the plain ones). */
export function foldByUnicode(code: number): number {
  // A Hangul syllable decomposes into its letters (jamo): keeping the first would leave one consonant of each
  // syllable, and 오시 (Osh) would match 여성 ("woman"). Syllables are kept whole.
  if (code >= 0xac00 && code <= 0xd7a3) {
    return code
  }
  const ch = String.fromCharCode(code)
  // "İ".toLowerCase() is two units; its decomposition starts with the plain letter.
  const lower =
    ch.toLowerCase().length === 1 ? ch.toLowerCase() : (ch.normalize('NFD')[0] ?? ch).toLowerCase()
  const mapped = CYRILLIC_FOLDS[lower]
  if (mapped !== undefined) {
    return mapped.charCodeAt(0)
  }
  // Strip diacritics: keep the base letter when NFD splits the character into letter + combining marks.
  const decomposed = lower.normalize('NFD')
  return decomposed.length > 1 ? decomposed.charCodeAt(0) : lower.charCodeAt(0)
}

/** The matcher class of a UTF-16 unit (CLASS_*). */
export function charClass(code: number): number {
  const known = classes[code]
  if (known !== undefined && known !== UNKNOWN) {
    return known
  }
  const computed = computeClass(code)
  classes[code] = computed
  return computed
}

/** The folded UTF-16 unit, or 0 for an ignorable one. Whitespace folds to a plain space. */
export function foldCode(code: number): number {
  const known = folded[code]
  if (known !== undefined && known !== 0) {
    return known === 0xffff ? 0 : known
  }
  charClass(code)
  const f = computeFold(code)
  folded[code] = f || 0xffff
  return f
}

export const isWordCode = (code: number): boolean => charClass(code) === CLASS_WORD

/**
 * Folds a whole string the way the matcher sees it: lower case, no diacritics, one space for any run of
 * whitespace, ignorable characters removed. Used for keys (duplicate-alias checks) and short metadata.
 */
export function foldForMatching(text: string): string {
  let out = ''
  let lastSpace = true
  for (let i = 0; i < text.length; i++) {
    const f = foldCode(text.charCodeAt(i))
    if (f === 0) {
      continue
    }
    if (f === SPACE) {
      if (!lastSpace) {
        out += ' '
      }
      lastSpace = true
      continue
    }
    out += String.fromCharCode(f)
    lastSpace = false
  }
  return out.endsWith(' ') ? out.slice(0, -1) : out
}

/** True when the character is an upper-case letter (a letter whose lower case differs). */
export function isUpperCode(code: number): boolean {
  let u = uppers[code] ?? 0
  if (u === 0) {
    const ch = String.fromCharCode(code)
    u = ch !== ch.toLowerCase() && ch === ch.toUpperCase() ? 2 : 1
    uppers[code] = u
  }
  return u === 2
}
