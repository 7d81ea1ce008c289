/**
 * Russian case forms of Cyrillic names, generated from one spelling and one declension class per word.
 *
 * Russian-language coverage declines every name: "Жапаров" is "Жапарова" after "сторонники", "Жапаровым"
 * after "с", "Бишкеке" after "в". Rather than listing these in the data, an alias says how each word declines
 * and the matcher is given all six cases. Words of a multi-word alias agree in case ("Садыра Жапарова").
 */
import type { Inflection } from '../data/schema.ts'

/** [nominative, genitive, dative, accusative, instrumental, prepositional]: the ending replaces `strip`. */
interface Paradigm {
  strip: string
  endings: readonly [string, string, string, string, string, string]
}

const VELAR_OR_SIBILANT = /[гкхжшчщ]$/

function paradigm(word: string, cls: Inflection): Paradigm | undefined {
  switch (cls) {
    case '-':
      return undefined
    case 'm':
      // Inanimate accusative = nominative, animate = genitive: both are generated anyway.
      return { strip: '', endings: ['', 'а', 'у', '', 'ом', 'е'] }
    case 'm-soft':
      return { strip: '', endings: ['', 'а', 'у', '', 'ем', 'е'] }
    case 'm-j':
      return { strip: 'й', endings: ['й', 'я', 'ю', 'й', 'ем', 'е'] }
    case 'surname-m':
      return { strip: '', endings: ['', 'а', 'у', 'а', 'ым', 'е'] }
    case 'f-a': {
      const stem = word.slice(0, -1)
      const gen = VELAR_OR_SIBILANT.test(stem) ? 'и' : 'ы'
      return { strip: 'а', endings: ['а', gen, 'е', 'у', 'ой', 'е'] }
    }
    case 'f-ija':
      return { strip: 'ия', endings: ['ия', 'ии', 'ии', 'ию', 'ией', 'ии'] }
    case 'surname-f':
      return { strip: 'а', endings: ['а', 'ой', 'ой', 'у', 'ой', 'ой'] }
    case 'adj-m':
      return word.endsWith('ий')
        ? { strip: 'ий', endings: ['ий', 'ого', 'ому', 'ий', 'им', 'ом'] }
        : { strip: 'ый', endings: ['ый', 'ого', 'ому', 'ый', 'ым', 'ом'] }
    case 'adj-f':
      return { strip: 'ая', endings: ['ая', 'ой', 'ой', 'ую', 'ой', 'ой'] }
  }
}

function decline(word: string, cls: Inflection, caseIndex: number): string {
  const p = paradigm(word, cls)
  if (p === undefined) {
    return word
  }
  const lower = word.toLowerCase()
  if (p.strip !== '' && !lower.endsWith(p.strip)) {
    throw new Error(`"${word}" does not end in "${p.strip}", as declension class "${cls}" needs`)
  }
  return word.slice(0, word.length - p.strip.length) + (p.endings[caseIndex] ?? '')
}

/**
 * All case forms of `text` (the form as written first), one declension class per word.
 * Throws when a class does not fit its word, so a data mistake fails the build, not a reader's page.
 */
export function inflectForms(text: string, classes: readonly Inflection[]): string[] {
  const words = text.split(/\s+/)
  if (words.length !== classes.length) {
    throw new Error(`"${text}" has ${words.length} words but ${classes.length} declension classes`)
  }
  const forms = new Set<string>([text])
  for (let c = 0; c < 6; c++) {
    forms.add(words.map((w, i) => decline(w, classes[i] ?? '-', c)).join(' '))
  }
  return [...forms]
}
