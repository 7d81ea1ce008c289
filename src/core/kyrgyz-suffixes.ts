/**
 * Kyrgyz case, plural and locative-attributive endings glued to a name: "Жапаровдун" (Japarov's), "Бишкекте"
 * (in Bishkek), "Кыргызстандагы" (in Kyrgyzstan, attributive), "Ташиевге" (to Tashiev). Kyrgyz writes them
 * onto the name itself, in one of up to four forms: the ending's vowel follows the name's last vowel (vowel
 * harmony: а/ы → а, ы; о/у → о, у; е/и → е, и; ө/ү → ө, ү), which is checked; its first consonant follows the
 * name's last sound, which is not (д/т/н all pass). Only whole endings from this list, followed by the end of
 * the word, are accepted. Single letters are left out: the Russian plural and genitive ("Бакиевы", "Бишкека")
 * would pass for Kyrgyz possessives.
 */
import { foldCode, foldForMatching, isWordCode } from './normalize.ts'

const GENITIVE = ['дын', 'дин', 'дун', 'дүн', 'тын', 'тин', 'тун', 'түн', 'нын', 'нин', 'нун', 'нүн']
const DATIVE = ['га', 'ге', 'го', 'гө', 'ка', 'ке', 'ко', 'кө', 'на', 'не', 'но', 'нө']
const ACCUSATIVE = ['ды', 'ди', 'ду', 'дү', 'ты', 'ти', 'ту', 'тү', 'ны', 'ни', 'ну', 'нү']
const LOCATIVE = ['да', 'де', 'до', 'дө', 'та', 'те', 'то', 'тө']
const ABLATIVE = ['дан', 'ден', 'дон', 'дөн', 'тан', 'тен', 'тон', 'төн', 'нан', 'нен', 'нон', 'нөн']
const ATTRIBUTIVE = ['дагы', 'деги', 'догу', 'дөгү', 'тагы', 'теги', 'тогу', 'төгү']
const PLURAL = ['лар', 'лер', 'лор', 'лөр', 'дар', 'дер', 'дор', 'дөр', 'тар', 'тер', 'тор', 'төр']
/** After a plural the case ending starts with д/г (лардын, ларга, ларды, ларда, лардан). */
const AFTER_PLURAL = [
  'дын',
  'дин',
  'дун',
  'дүн',
  'га',
  'ге',
  'го',
  'гө',
  'ды',
  'ди',
  'ду',
  'дү',
  ...LOCATIVE.slice(0, 4),
  'дан',
  'ден',
  'дон',
  'дөн',
]
/** The same endings in the Latin transliteration some outlets use ("Kyrgyzstandagy"), three letters or more. */
const LATIN = [
  'dagy',
  'degi',
  'dogu',
  'dyn',
  'din',
  'dun',
  'nyn',
  'nin',
  'dan',
  'den',
  'don',
  'tan',
  'ten',
  'ton',
  'lar',
  'ler',
]

/** Harmony classes: 1 back unrounded, 2 back rounded, 3 front unrounded, 4 front rounded; 0 not a vowel. */
function harmonyOf(code: number): number {
  switch (String.fromCharCode(code).toLowerCase()) {
    case 'а':
    case 'ы':
    case 'я':
    case 'a':
    case 'y':
      return 1
    case 'о':
    case 'у':
    case 'ю':
    case 'ё':
    case 'o':
    case 'u':
      return 2
    case 'е':
    case 'и':
    case 'э':
    case 'e':
    case 'i':
      return 3
    case 'ө':
    case 'ү':
    case 'ö':
    case 'ü':
      return 4
    default:
      return 0
  }
}

/** The harmony class of the last vowel before `at` (within the name), or 0. */
function stemHarmony(text: string, at: number): number {
  for (let j = at - 1; j >= 0 && j >= at - 24; j--) {
    const code = text.charCodeAt(j)
    if (!isWordCode(code)) {
      return 0
    }
    const h = harmonyOf(code)
    if (h !== 0) {
      return h
    }
  }
  return 0
}

const ENDINGS: ReadonlySet<string> = new Set(
  [
    ...GENITIVE,
    ...DATIVE,
    ...ACCUSATIVE,
    ...LOCATIVE,
    ...ABLATIVE,
    ...ATTRIBUTIVE,
    ...PLURAL,
    ...PLURAL.flatMap((p) => AFTER_PLURAL.map((c) => p + c)),
    ...LATIN,
  ].map(foldForMatching),
)

const LONGEST = Math.max(...[...ENDINGS].map((e) => e.length))

/**
 * The length of a Kyrgyz ending glued to a name that ends at `at` in `text`, when the word ends right after
 * it; 0 otherwise.
 */
export function gluedSuffixLength(text: string, at: number): number {
  const stem = stemHarmony(text, at)
  let folded = ''
  let found = 0
  let vowel = 0
  for (let j = at; j < text.length && j - at < LONGEST; j++) {
    const code = text.charCodeAt(j)
    if (!isWordCode(code)) {
      break
    }
    vowel ||= harmonyOf(code)
    folded += String.fromCharCode(foldCode(code))
    if (ENDINGS.has(folded) && vowel === stem && !isWordCode(text.charCodeAt(j + 1) || 0x20)) {
      found = j + 1 - at
    }
  }
  return found
}
