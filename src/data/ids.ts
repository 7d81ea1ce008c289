/** Ids fixed by contract (BRIEF §4.4): scripts outside the code rely on them. */

/** Entity ids that other tools rely on (BRIEF §4.4, corpus/README.md): they may never disappear or change. */
export const REQUIRED_ENTITY_IDS = [
  'sooronbay-jeenbekov',
  'sadyr-japarov',
  'almazbek-atambayev',
  'akylbek-japarov',
  'kamchybek-tashiev',
  'roza-otunbayeva',
  'kurmanbek-bakiyev',
  'askar-akayev',
  'omurbek-babanov',
  'kyrgyzstan',
  'bishkek',
  'osh',
  'white-house-bishkek',
  'central-election-commission',
  'gknb',
  'jogorku-kenesh',
  'osce',
  'akipress',
  'kumtor',
] as const

export const MAIN_EVENT_ID = '2020-kyrgyz-crisis'

/** The events of Kyrgyz politics 2005–2026 that the data holds (BRIEF §4.4): ids fixed by contract. */
export const REQUIRED_EVENT_IDS = [
  '2005-tulip-revolution',
  '2010-april-revolution',
  '2010-south-kyrgyzstan-violence',
  '2011-presidential-election',
  '2016-constitutional-referendum',
  '2017-presidential-election',
  '2019-koi-tash-raid',
  '2020-kyrgyz-crisis',
  '2021-presidential-election-and-referendums',
  '2021-kumtor-takeover',
  '2021-kyrgyz-tajik-border-clashes',
  '2022-kyrgyz-tajik-border-clashes',
  '2022-kempir-abad-reservoir',
  '2024-media-and-ngo-laws',
  '2024-cabinet-chairman-change',
  '2025-kyrgyz-tajik-border-treaty',
  '2025-parliamentary-election',
  '2026-tashiev-dismissal',
] as const
