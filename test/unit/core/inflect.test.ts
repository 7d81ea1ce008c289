import { describe, expect, it } from 'vitest'
import { inflectForms } from '../../../src/core/inflect.ts'

describe('Russian case forms', () => {
  it('declines a surname in -ов in all cases', () => {
    expect(inflectForms('Жапаров', ['surname-m'])).toEqual([
      'Жапаров',
      'Жапарова',
      'Жапарову',
      'Жапаровым',
      'Жапарове',
    ])
  })

  it('declines a city name like Бишкек', () => {
    expect(inflectForms('Бишкек', ['m'])).toEqual(['Бишкек', 'Бишкека', 'Бишкеку', 'Бишкеком', 'Бишкеке'])
  })

  it('keeps the words of a full name in the same case', () => {
    const forms = inflectForms('Сооронбай Жээнбеков', ['m-j', 'surname-m'])
    expect(forms).toContain('Сооронбая Жээнбекова')
    expect(forms).toContain('Сооронбаем Жээнбековым')
    expect(forms).not.toContain('Сооронбая Жээнбеков')
  })

  it('leaves invariant words alone', () => {
    expect(inflectForms('Жогорку Кенеш', ['-', 'm-soft'])).toEqual([
      'Жогорку Кенеш',
      'Жогорку Кенеша',
      'Жогорку Кенешу',
      'Жогорку Кенешем',
      'Жогорку Кенеше',
    ])
  })

  it('declines feminine nouns and adjectives', () => {
    expect(inflectForms('Киргизия', ['f-ija'])).toEqual(['Киргизия', 'Киргизии', 'Киргизию', 'Киргизией'])
    expect(inflectForms('Белый дом', ['adj-m', 'm'])).toContain('Белого дома')
    expect(inflectForms('Белый дом', ['adj-m', 'm'])).toContain('Белому дому')
    expect(inflectForms('Отунбаева', ['surname-f'])).toEqual(['Отунбаева', 'Отунбаевой', 'Отунбаеву'])
  })

  it('rejects a class that does not fit the word, and a wrong number of classes', () => {
    expect(() => inflectForms('Бишкек', ['f-ija'])).toThrow(/does not end in "ия"/)
    expect(() => inflectForms('Садыр Жапаров', ['m'])).toThrow(/2 words but 1/)
  })
})
