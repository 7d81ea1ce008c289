import { describe, expect, it } from 'vitest'
import {
  CLASS_IGNORABLE,
  CLASS_NON_WORD,
  CLASS_SPACE,
  CLASS_WORD,
  charClass,
  classByUnicode,
  foldByUnicode,
  foldCode,
  foldForMatching,
} from '../../../src/core/normalize.ts'

describe('folding text for matching', () => {
  it('lower-cases Latin and Cyrillic', () => {
    expect(foldForMatching('BISHKEK')).toBe('bishkek')
    expect(foldForMatching('БИШКЕК')).toBe('бишкек')
  })

  it('strips diacritics from Latin letters', () => {
    expect(foldForMatching('Žeenbekov')).toBe('zeenbekov')
    expect(foldForMatching('Sooronbaý')).toBe('sooronbay')
    expect(foldForMatching('İssyk')).toBe('issyk')
  })

  it('folds Kyrgyz and Ukrainian letters to the Russian ones outlets write', () => {
    expect(foldForMatching('Жогорку Кеңеш')).toBe('жогорку кенеш')
    expect(foldForMatching('Бішкек')).toBe('бишкек')
    expect(foldForMatching('Атамбаєв')).toBe('атамбаев')
    expect(foldForMatching('Ёлка')).toBe('елка')
  })

  it('keeps й distinct from и', () => {
    expect(foldForMatching('Сооронбай')).toBe('сооронбай')
  })

  it('treats every apostrophe as one and every dash as a hyphen', () => {
    expect(foldForMatching('Jeenbekov’s')).toBe("jeenbekov's")
    expect(foldForMatching('Ala–Too')).toBe('ala-too')
  })

  it('collapses NBSP, line breaks and runs of spaces, and drops soft hyphens and zero-width characters', () => {
    expect(foldForMatching('Sadyr\u00a0\n  Japarov')).toBe('sadyr japarov')
    expect(foldForMatching('Jeen\u00adbe\u200bkov')).toBe('jeenbekov')
  })
})

describe('character classes', () => {
  it('classifies letters of any script as word characters', () => {
    for (const ch of ['a', 'Ж', 'ü', '字', 'ق', '7']) {
      expect(charClass(ch.charCodeAt(0))).toBe(CLASS_WORD)
    }
  })
  it('classifies punctuation, spaces and invisible characters', () => {
    expect(charClass('-'.charCodeAt(0))).toBe(CLASS_NON_WORD)
    expect(charClass('’'.charCodeAt(0))).toBe(CLASS_NON_WORD)
    expect(charClass(0xa0)).toBe(CLASS_SPACE)
    expect(charClass(0xad)).toBe(CLASS_IGNORABLE)
    expect(charClass(0x200b)).toBe(CLASS_IGNORABLE)
  })
})

describe('fast paths for common scripts', () => {
  it('classify every BMP character as Unicode does', () => {
    const differ: string[] = []
    for (let code = 0; code < 0x10000; code++) {
      if (charClass(code) !== classByUnicode(code)) {
        differ.push(code.toString(16))
      }
    }
    expect(differ).toEqual([])
  })

  it('fold plain Latin and Russian letters as Unicode case mapping does', () => {
    const differ: string[] = []
    const plain = (code: number): boolean =>
      (code < 0x80 && charClass(code) !== CLASS_SPACE && code !== 0x60) || (code >= 0x410 && code <= 0x44f)
    for (let code = 0; code < 0x500; code++) {
      if (plain(code) && foldCode(code) !== foldByUnicode(code)) {
        differ.push(code.toString(16))
      }
    }
    expect(differ).toEqual([])
  })
})
