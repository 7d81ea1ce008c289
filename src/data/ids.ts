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
