/**
 * Generated benchmark pages (text we generate, not copied from anywhere): a long Kyrgyzstan article that
 * names the people, places and bodies of the data in varied spellings, and an unrelated article of the same
 * size and structure. A seeded generator makes every run read the same pages.
 */

/** A small deterministic generator (mulberry32), so the pages are identical from run to run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T

const FILLER = [
  'Officials said the talks would continue later in the week',
  'the statement gave no further details about the schedule',
  'observers noted that the discussion had been calm and orderly',
  'several committees met again in the afternoon to review the figures',
  'analysts expected the decision to take some time to implement',
  'local reporters described queues outside the main offices',
  'the meeting ended without a final agreement on the budget',
  'residents were told to follow the announcements on the radio',
]

const KYRGYZ_NAMES = [
  'Sooronbay Jeenbekov',
  'Jeenbekov',
  'Sadyr Japarov',
  'Japarov',
  'Almazbek Atambayev',
  'Atambayev',
  'Kamchybek Tashiev',
  'Roza Otunbayeva',
  'Bishkek',
  'Osh',
  'Kyrgyzstan',
  'the Central Election Commission',
  'the GKNB',
  'the Jogorku Kenesh',
  'the White House in Bishkek',
  'Kumtor',
  'AKIpress',
  'the OSCE',
  'Жапаров',
  'Бишкеке',
]

const OTHER_NAMES = [
  'the regional council',
  'the river authority',
  'Mayor Harriet Lindqvist',
  'the harbour office',
  'Professor Tomas Edberg',
  'the valley museum',
  'the northern district',
  'the transport agency',
]

function paragraph(rand: () => number, names: readonly string[]): string {
  const parts: string[] = []
  for (let s = 0; s < 5; s++) {
    const name = pick(rand, names)
    const filler = pick(rand, FILLER)
    // Some names inside inline elements, as news sites link and emphasise them.
    const shown = rand() < 0.3 ? `<a href="#n${s}">${name}</a>` : rand() < 0.2 ? `<em>${name}</em>` : name
    parts.push(`On day ${1 + Math.floor(rand() * 28)}, ${shown} was mentioned again; ${filler}.`)
  }
  return `<p>${parts.join(' ')}</p>`
}

function article(
  title: string,
  names: readonly string[],
  targetBytes: number,
  seed: number,
  published: string,
): string {
  const rand = seeded(seed)
  const body: string[] = []
  let size = 0
  while (size < targetBytes) {
    const p = paragraph(rand, names)
    body.push(p)
    size += p.length
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:type" content="article">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${title}","datePublished":"${published}"}</script>
</head><body><main><article><h1>${title}</h1>
${body.join('\n')}
</article></main></body></html>`
}

export const BENCH_BYTES = 2_000_000

export const kyrgyzArticle = (bytes = BENCH_BYTES): string =>
  article('Kyrgyzstan after the October 2020 crisis: a long read', KYRGYZ_NAMES, bytes, 2020, '2020-11-01')

export const unrelatedArticle = (bytes = BENCH_BYTES): string =>
  article('How the valley towns rebuilt their harbours', OTHER_NAMES, bytes, 1999, '2021-05-01')
