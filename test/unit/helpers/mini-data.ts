/** A small, self-contained entity list for core tests: behaviour is tested apart from the real data. */
import type { Alias, Entity, EntityTypeName, Role } from '../../../src/data/schema.ts'

const S = { text: { en: 'Test entity.' }, sources: ['t'] }

function entity(id: string, type: EntityTypeName, aliases: Alias[], extra: Partial<Entity> = {}): Entity {
  return { id, type, name: { en: aliases[0]?.text ?? id, ru: id }, aliases, summary: S, ...extra }
}

const role = (en: string, from: string, to?: string): Role => ({
  title: { en },
  from,
  ...(to ? { to } : {}),
  sources: ['t'],
})

export const MINI_ENTITIES: Entity[] = [
  entity(
    'sadyr-japarov',
    'person',
    [
      { text: 'Sadyr Japarov' },
      { text: 'Sadyr Zhaparov' },
      { text: 'Japarov', surname: true, ambiguousWith: ['akylbek-japarov'], preferred: true },
      { text: 'Zhaparov', surname: true, ambiguousWith: ['akylbek-japarov'], preferred: true },
      { text: 'Садыр Жапаров', inflect: ['m', 'surname-m'] },
      {
        text: 'Жапаров',
        surname: true,
        inflect: ['surname-m'],
        ambiguousWith: ['akylbek-japarov'],
        preferred: true,
      },
    ],
    {
      cues: ['Sadyr', 'Садыр'],
      roles: [
        role('President of Kyrgyzstan', '2021-01-28'),
        role('Prime Minister of Kyrgyzstan', '2020-10-10', '2020-11-14'),
      ],
    },
  ),
  entity(
    'akylbek-japarov',
    'person',
    [
      { text: 'Akylbek Japarov' },
      { text: 'Japarov', surname: true, ambiguousWith: ['sadyr-japarov'] },
      { text: 'Zhaparov', surname: true, ambiguousWith: ['sadyr-japarov'] },
      { text: 'Акылбек Жапаров', inflect: ['m', 'surname-m'] },
      { text: 'Жапаров', surname: true, inflect: ['surname-m'], ambiguousWith: ['sadyr-japarov'] },
    ],
    {
      cues: ['Akylbek', 'Акылбек', 'cabinet', 'кабинета'],
      roles: [role('Chairman of the Cabinet of Ministers', '2021-10-13', '2024-12-16')],
    },
  ),
  entity('sooronbay-jeenbekov', 'person', [
    { text: 'Sooronbay Jeenbekov' },
    { text: 'Sooronbai Jeenbekov' },
    { text: 'Jeenbekov', surname: true },
    { text: 'Сооронбай Жээнбеков', inflect: ['m-j', 'surname-m'] },
    { text: 'Жээнбеков', surname: true, inflect: ['surname-m'] },
  ]),
  entity('almazbek-atambayev', 'person', [
    { text: 'Almazbek Atambayev' },
    { text: 'Atambayev', surname: true },
    { text: 'Атамбаев', surname: true, inflect: ['surname-m'] },
  ]),
  entity('kyrgyzstan', 'place', [{ text: 'Kyrgyzstan' }, { text: 'Кыргызстан', inflect: ['m'] }]),
  entity('bishkek', 'place', [{ text: 'Bishkek' }, { text: 'Biskek' }, { text: 'Бишкек', inflect: ['m'] }]),
  entity('osh', 'place', [{ text: 'Osh', case: 'exact' }]),
  entity('white-house-bishkek', 'place', [
    { text: 'White House', context: true },
    { text: 'Белый дом', context: true, inflect: ['adj-m', 'm'] },
  ]),
  entity('central-election-commission', 'organisation', [
    { text: 'Central Election Commission', context: true },
    { text: 'CEC', case: 'exact', context: true },
  ]),
]
