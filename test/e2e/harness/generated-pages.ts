/**
 * Pages too big to keep as files, built on demand by the fixture server (server.ts `generated`): a 2 MB
 * Kyrgyzstan article, a 2 MB page on something else, and a 10,000-deep nesting page. Deterministic, so the
 * end-to-end tests and the benchmark read the same pages in every run.
 *
 * The text is written for these tests: short neutral sentences about the October 2020 events in Kyrgyzstan,
 * recombined (by a seeded generator) into paragraphs until the page reaches its size.
 */

/** The names the big article is made of; every one is in src/data/entities.json. */
/** The same events told in Russian (written for these tests), with names in several grammatical cases. */
const RUSSIAN_SENTENCES = [
  'Протесты в Бишкеке начались 5 октября 2020 года, на следующий день после выборов в парламент.',
  'Оппозиционные партии заявили о подкупе избирателей.',
  'Ночью сторонники освободили Садыра Жапарова и бывшего президента Алмазбека Атамбаева.',
  'Люди вошли в Белый дом, где работают администрация президента и Жогорку Кенеш.',
  'Центральная избирательная комиссия признала итоги голосования недействительными.',
  'Президент Сооронбай Жээнбеков ввёл чрезвычайное положение в столице.',
  'Жээнбеков сказал, что готов уйти в отставку после утверждения нового правительства.',
  'Парламент утвердил Жапарова премьер-министром на заседании в гостинице.',
  'Камчыбек Ташиев, соратник Жапарова, позже возглавил ГКНБ.',
  'Жители Оша следили за событиями в Бишкеке по телевизору.',
  'К концу недели на улицах столицы стало спокойно.',
]

const KYRGYZ_SENTENCES = [
  'Protests broke out in Bishkek on Oct. 5, 2020, the day after a parliamentary election.',
  'Opposition parties said the vote had been marred by vote buying.',
  'Overnight, protesters freed Sadyr Japarov from prison, along with former President Almazbek Atambayev.',
  'Crowds entered the White House, which houses the presidential administration and the Jogorku Kenesh.',
  'On Oct. 6 the Central Election Commission annulled the official results of the vote.',
  'President Sooronbay Jeenbekov declared a state of emergency in the capital.',
  'Jeenbekov said he was ready to resign once a new government was in place.',
  'Parliament named Japarov prime minister in a session held outside the capital.',
  'Kamchybek Tashiev, an ally of Japarov, was later appointed to lead the GKNB.',
  'Roza Otunbayeva, who led the country after the 2010 uprising, called for calm.',
  'Observers from the OSCE had described the campaign as competitive.',
  'The news agency AKIpress reported that hundreds of people were injured in the clashes.',
  'Residents of Osh followed the events in Bishkek on television.',
  'The streets of the capital were quiet by the end of the week.',
  'Shops on the main square reopened after several days.',
  'Both Askar Akayev in 2005 and Kurmanbek Bakiyev in 2010 had left office after protests.',
]

const OTHER_SENTENCES = [
  'The central library opened its doors again after a renovation of the roof and the heating.',
  'Garlic planted in October has time to grow roots before the ground freezes.',
  'The city council approved a new timetable for the night buses.',
  'A layer of straw keeps the soil from heaving during thaws.',
  'The museum will show a collection of maps from the eighteenth century.',
  'Volunteers cleaned the river banks on Saturday morning.',
  'The football club announced that its stadium will get a new stand.',
  'Train services between the two cities resume on Monday.',
  'The weather service expects rain for most of the weekend.',
  'A new bakery opened on the corner of the market square.',
]

/** A small seeded generator (mulberry32): the same pages (and the bench's grown data) in every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

interface BigPageOptions {
  lang?: string
  title: string
  heading: string
  sentences: readonly string[]
  head?: string
  /** The last paragraph, so a test can check the end of the page was read too. */
  last: string
  bytes: number
  seed: number
}

function bigPage(o: BigPageOptions): string {
  const next = random(o.seed)
  const pick = (): string => o.sentences[Math.floor(next() * o.sentences.length)] ?? ''
  const parts: string[] = [
    `<!doctype html>\n<html lang="${o.lang ?? 'en'}">\n<head>\n<meta charset="utf-8" />\n<link rel="icon" href="data:," />\n`,
    `<title>${escapeHtml(o.title)}</title>\n`,
    o.head ?? '',
    '<style>body{font:17px/1.5 Georgia,serif;margin:0 auto;max-width:760px;padding:16px;color:#222;background:#fff}</style>\n',
    '</head>\n<body>\n<main>\n<article>\n',
    `<h1>${escapeHtml(o.heading)}</h1>\n`,
  ]
  let size = parts.reduce((n, p) => n + p.length, 0)
  const tail = `<p id="last">${escapeHtml(o.last)}</p>\n</article>\n</main>\n</body>\n</html>\n`
  let paragraph = 0
  while (size + tail.length < o.bytes) {
    paragraph++
    let html: string
    if (paragraph % 25 === 0) {
      html = `<h2>Part ${paragraph / 25}</h2>\n`
    } else {
      const count = 3 + Math.floor(next() * 4)
      const sentences: string[] = []
      for (let i = 0; i < count; i++) {
        sentences.push(pick())
      }
      html = `<p>${escapeHtml(sentences.join(' '))}</p>\n`
    }
    parts.push(html)
    size += html.length
  }
  parts.push(tail)
  return parts.join('')
}

/** About `bytes` of a news archive on the October 2020 events in Kyrgyzstan (2 MB by default). */
export function bigKyrgyzArticle(bytes = 2 * 1024 * 1024): string {
  return bigPage({
    title: 'Kyrgyzstan October 2020: the complete archive',
    heading: 'Kyrgyzstan October 2020: the complete archive',
    head: '<meta property="og:type" content="article" />\n<meta property="article:published_time" content="2020-10-20T00:00:00Z" />\n',
    sentences: KYRGYZ_SENTENCES,
    last: 'The archive ends with the early presidential election won by Sadyr Japarov in January 2021.',
    bytes,
    seed: 2020,
  })
}

/** The same archive in Russian: every name in Cyrillic, in all its cases (2 MB by default). */
export function bigRussianArticle(bytes = 2 * 1024 * 1024): string {
  return bigPage({
    lang: 'ru',
    title: 'Кыргызстан, октябрь 2020 года: полный архив',
    heading: 'Кыргызстан, октябрь 2020 года: полный архив',
    head: '<meta property="og:type" content="article" />\n<meta property="article:published_time" content="2020-10-20T00:00:00Z" />\n',
    sentences: RUSSIAN_SENTENCES,
    last: 'Архив заканчивается досрочными президентскими выборами в январе 2021 года, на которых победил Садыр Жапаров.',
    bytes,
    seed: 2021,
  })
}

/** About `bytes` of local news that never mentions Kyrgyzstan (2 MB by default). */
export function bigUnrelatedPage(bytes = 2 * 1024 * 1024): string {
  return bigPage({
    title: 'City news: the complete archive',
    heading: 'City news: the complete archive',
    sentences: OTHER_SENTENCES,
    last: 'The archive ends with the reopening of the night bus lines.',
    bytes,
    seed: 1993,
  })
}

/**
 * A page whose article sits inside `depth` nested elements. HTML parsers cap the depth of the tree they build
 * (a few hundred levels), so the nesting is built by a script at parse time, before the extension runs.
 * Paragraphs at the top, every 1,000 levels and at the very bottom mention Kyrgyz names; window.__depth is the
 * depth reached.
 *
 * The wrappers are `display: contents` (as framework and web-component wrappers often are) and only the
 * paragraphs make boxes: Chromium 156 itself crashes laying out a few thousand nested boxes (measured: 2,000
 * nested divs render, 4,000 crash the tab, with or without the extension), so a page like this can exist only
 * with its deep DOM mostly box-less. The text is rendered and visible in both browsers.
 */
export function deepNestingPage(depth = 10_000): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<link rel="icon" href="data:," />
<title>Kyrgyzstan: the October 2020 crisis, nested</title>
<meta property="og:type" content="article" />
<meta property="article:published_time" content="2020-10-20T00:00:00Z" />
<style>#nest div, #nest section, #nest span { display: contents } #nest p { display: block; margin: 0.3em 0 }</style>
</head>
<body>
<main>
<article id="top">
<h1>Kyrgyzstan: the October 2020 crisis</h1>
<p>${escapeHtml(KYRGYZ_SENTENCES[0] ?? '')}</p>
<p>${escapeHtml(KYRGYZ_SENTENCES[2] ?? '')}</p>
</article>
<div id="nest"></div>
</main>
<script>
(function () {
  var DEPTH = ${depth}
  var parent = document.getElementById('nest')
  var levels = 0
  for (var i = 1; i <= DEPTH; i++) {
    var el = document.createElement(i % 3 === 0 ? 'section' : i % 3 === 1 ? 'div' : 'span')
    if (i % 1000 === 0) {
      var p = document.createElement('p')
      p.className = 'level'
      p.textContent = 'Level ' + i + ': President Sooronbay Jeenbekov declared a state of emergency in Bishkek.'
      parent.appendChild(p)
    }
    parent.appendChild(el)
    parent = el
    levels++
  }
  var deepest = document.createElement('p')
  deepest.id = 'deepest'
  deepest.textContent = 'At the bottom: Kamchybek Tashiev was appointed to lead the GKNB.'
  parent.appendChild(deepest)
  var d = 0
  for (var n = deepest; n; n = n.parentNode) d++
  window.__depth = d
})()
</script>
</body>
</html>
`
}

/** The generated pages by path, for startServer() (the benchmark serves the same map). */
export const GENERATED_PAGES: Record<string, () => string> = {
  'generated/big-article.html': () => bigKyrgyzArticle(),
  'generated/big-article-ru.html': () => bigRussianArticle(),
  'generated/big-unrelated.html': () => bigUnrelatedPage(),
  'generated/deep-nesting.html': () => deepNestingPage(),
}
