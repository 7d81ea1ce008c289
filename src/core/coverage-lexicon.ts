/**
 * Words that tell what a page is about without being names the extension highlights.
 *
 * - Kyrgyz signals: demonyms and adjectives ("Kyrgyz", "кыргызский") and regions. The annotation conventions say
 *   they are not highlighted, but they are among the best evidence that a page is about Kyrgyzstan.
 * - Other places: neighbours and the countries of confusable coverage (Kazakhstan 2022, Belarus 2020, Armenia
 *   2018, Moscow 1993, Washington). They weigh against Kyrgyzstan, and a Kyrgyz name inside a list of them
 *   ("Kazakhstan, Kyrgyzstan and Tajikistan") is a passing mention.
 */
import type { Inflection } from '../data/schema.ts'

export interface LexiconEntry {
  text: string
  inflect?: Inflection[]
  /** capitalised by default, as for aliases; 'any' for Russian adjectives written in lower case. */
  case?: 'capitalised' | 'exact' | 'any'
}

const adjectiveForms = (stem: string): string[] =>
  ['ий', 'ая', 'ое', 'ие', 'ого', 'ой', 'ому', 'ую', 'им', 'ом', 'их', 'ими'].map((e) => stem + e)

// Both lists are made by pure IIFEs, so the engine's bundle, which loads the index compiled from them at build
// time (compiled-index.ts), drops them instead of building them at its start.

/** Evidence for Kyrgyzstan that is not itself highlighted. */
export const KYRGYZ_SIGNALS: readonly LexiconEntry[] = /* @__PURE__ */ (() => [
  ...['Kyrgyz', 'Kirghiz', 'Kirgiz', 'Kyrgyzstani', 'Kyrgyzstanis'].map((text) => ({ text })),
  // German, Dutch, French, Italian and Scandinavian adjectives.
  ...[
    'kirgisische',
    'kirgisischen',
    'kirgisischer',
    'kirgisisk',
    'kirgizische',
    'kirghize',
    'kirghizes',
    'kirghiso',
  ].map((text) => ({ text, case: 'any' as const })),
  ...[...adjectiveForms('кыргызск'), ...adjectiveForms('киргизск'), ...adjectiveForms('киргизьк')].map(
    (text) => ({
      text,
      case: 'any' as const,
    }),
  ),
  ...['кыргыз', 'киргиз', 'кыргызы', 'киргизы', 'кыргызов', 'киргизов', 'кыргызстанцы', 'кыргызстанцев'].map(
    (text) => ({
      text,
      case: 'any' as const,
    }),
  ),
  // Kyrgyz-language words of Kyrgyz politics (their case endings are read like the names'): election,
  // Kyrgyzstani, the Kyrgyz Republic.
  ...['шайлоо', 'кыргызстандык', 'кыргызстандыктар'].map((text) => ({ text, case: 'any' as const })),
  { text: 'Кыргыз Республикасы' },
  // Regions and places that only Kyrgyz coverage names (capital and Osh are entities of their own).
  ...[
    'Batken',
    'Jalal-Abad',
    'Issyk-Kul',
    'Issyk Kul',
    'Naryn',
    'Talas',
    'Chui Region',
    'Chuy Region',
    'Ala-Too',
    'Ala Archa',
    'Kochkor',
    'Karakol',
    'Tokmok',
  ].map((text) => ({ text })),
  { text: 'Баткен', inflect: ['m'] },
  { text: 'Джалал-Абад', inflect: ['m'] },
  { text: 'Жалал-Абад', inflect: ['m'] },
  { text: 'Иссык-Куль', inflect: ['-'] },
  { text: 'Нарын', inflect: ['m'] },
  { text: 'Талас', inflect: ['m'] },
  { text: 'Ала-Тоо', inflect: ['-'] },
  ...adjectiveForms('Баткенск').map((text) => ({ text })),
  ...adjectiveForms('баткенск').map((text) => ({ text })),
])()

/** Places whose coverage is confusable with Kyrgyzstan's or lists it among others. */
export const OTHER_PLACES: readonly LexiconEntry[] = /* @__PURE__ */ (() => [
  ...[
    'Kazakhstan',
    'Uzbekistan',
    'Tajikistan',
    'Turkmenistan',
    'Afghanistan',
    'Belarus',
    'Armenia',
    'Georgia',
    'Azerbaijan',
    'Mongolia',
    'Ukraine',
    'Moldova',
    'Russia',
    'China',
    'Karakalpakstan',
    'Sri Lanka',
    'Brazil',
    'Astana',
    'Almaty',
    'Nur-Sultan',
    'Tashkent',
    'Dushanbe',
    'Ashgabat',
    'Minsk',
    'Yerevan',
    'Tbilisi',
    'Ulaanbaatar',
    'Moscow',
    'Washington',
    'Kazakh',
    'Uzbek',
    'Tajik',
    'Belarusian',
    'Armenian',
    'Mongolian',
  ].map((text) => ({ text })),
  { text: 'Казахстан', inflect: ['m'] },
  { text: 'Узбекистан', inflect: ['m'] },
  { text: 'Таджикистан', inflect: ['m'] },
  { text: 'Туркменистан', inflect: ['m'] },
  { text: 'Беларусь', inflect: ['-'] },
  { text: 'Белоруссия', inflect: ['f-ija'] },
  { text: 'Армения', inflect: ['f-ija'] },
  { text: 'Грузия', inflect: ['f-ija'] },
  { text: 'Монголия', inflect: ['f-ija'] },
  { text: 'Россия', inflect: ['f-ija'] },
  { text: 'Украина', inflect: ['f-a'] },
  { text: 'Москва', inflect: ['f-a'] },
  { text: 'Алматы', inflect: ['-'] },
  { text: 'Астана', inflect: ['f-a'] },
  { text: 'Ташкент', inflect: ['m'] },
  { text: 'Душанбе', inflect: ['-'] },
  { text: 'Минск', inflect: ['m'] },
  { text: 'Ереван', inflect: ['m'] },
  ...[...adjectiveForms('казахстанск'), ...adjectiveForms('таджикск'), ...adjectiveForms('узбекск')].map(
    (text) => ({
      text,
      case: 'any' as const,
    }),
  ),
  ...[...adjectiveForms('белорусск'), ...adjectiveForms('армянск'), ...adjectiveForms('московск')].map(
    (text) => ({
      text,
      case: 'any' as const,
    }),
  ),
])()
