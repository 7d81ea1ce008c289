/**
 * The `analyze` command as BRIEF §4.3 specifies it, run as a user would run it.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

interface Line {
  file: string
  relevant: boolean
  score: number
  events: { event: string; score: number }[]
  mentions: { entity: string | null; candidates?: string[]; start: number; end: number; text: string }[]
  entities: { entity: string; count: number }[]
}

function analyze(args: string[]): { status: number | null; stdout: string; stderr: string; lines: Line[] } {
  const run = spawnSync('npm', ['run', '-s', 'analyze', '--', ...args], { encoding: 'utf8' })
  const lines = run.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Line)
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, lines }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-analyze-'))
const write = (name: string, text: string): string => {
  const file = path.join(dir, name)
  fs.writeFileSync(file, text)
  return file
}

// Our own words. An emoji (two UTF-16 units) before the names checks that offsets are UTF-16.
const STORY = write(
  'story.txt',
  '🇰🇬 BISHKEK — Protesters in Kyrgyzstan freed Sadyr Japarov and Almazbek Atambayev overnight.\n' +
    'President Sooronbay Jeenbekov said the storming of the White House was an attempt to seize power, and the\n' +
    'Central Election Commission annulled the vote. Japarov’s supporters rallied in Bishkek.\n',
)
const RUSSIAN = write(
  'ru.txt',
  'В Бишкеке сторонники Садыра Жапарова и Алмазбека Атамбаева вышли на площадь. Президент Кыргызстана ' +
    'Сооронбай Жээнбеков заявил, что не применит силу против граждан Кыргызстана.',
)
const UNRELATED = write(
  'other.txt',
  'The library reopened on Saturday. The White House sent a note, and the OSH Act rules were followed.',
)
const BOTH_JAPAROVS = write(
  'japarovs.txt',
  'Kyrgyzstan: President Sadyr Japarov appointed Akylbek Japarov to head the cabinet in Bishkek. The decree was signed by Japarov on Tuesday, Kyrgyz media reported.',
)

describe('npm run analyze -- --json', () => {
  const result = analyze(['--json', STORY, RUSSIAN, UNRELATED, BOTH_JAPAROVS, 'test/fixtures/seed-upi.html'])

  it('prints one JSON object per path, in order, with the contract’s fields', () => {
    expect(result.status).toBe(0)
    expect(result.lines.map((l) => l.file)).toEqual([
      STORY,
      RUSSIAN,
      UNRELATED,
      BOTH_JAPAROVS,
      'test/fixtures/seed-upi.html',
    ])
    for (const line of result.lines) {
      expect(Object.keys(line).sort()).toEqual([
        'entities',
        'events',
        'file',
        'mentions',
        'relevant',
        'score',
      ])
      expect(typeof line.score).toBe('number')
    }
  })

  it('ranks the page’s events, best first, and none when the page is not coverage', () => {
    const seed = result.lines[4]!
    expect(seed.events[0]?.event).toBe('2020-kyrgyz-crisis')
    const scores = seed.events.map((e) => e.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    expect(result.lines[2]!.events).toEqual([])
  })

  it('gives UTF-16 offsets into the file’s text, and the exact substring', () => {
    const text = fs.readFileSync(STORY, 'utf8')
    const line = result.lines[0]!
    expect(line.relevant).toBe(true)
    for (const m of line.mentions) {
      expect(text.slice(m.start, m.end)).toBe(m.text)
    }
    expect(line.mentions[0]).toEqual({ entity: 'bishkek', start: 5, end: 12, text: 'BISHKEK' })
    expect(line.mentions.map((m) => `${m.entity}:${m.text}`)).toEqual([
      'bishkek:BISHKEK',
      'kyrgyzstan:Kyrgyzstan',
      'sadyr-japarov:Sadyr Japarov',
      'almazbek-atambayev:Almazbek Atambayev',
      'sooronbay-jeenbekov:Sooronbay Jeenbekov',
      'white-house-bishkek:White House',
      'central-election-commission:Central Election Commission',
      'sadyr-japarov:Japarov',
      'bishkek:Bishkek',
    ])
    expect(line.entities).toEqual([
      { entity: 'bishkek', count: 2 },
      { entity: 'sadyr-japarov', count: 2 },
      { entity: 'almazbek-atambayev', count: 1 },
      { entity: 'central-election-commission', count: 1 },
      { entity: 'kyrgyzstan', count: 1 },
      { entity: 'sooronbay-jeenbekov', count: 1 },
      { entity: 'white-house-bishkek', count: 1 },
    ])
  })

  it('reads Russian case forms', () => {
    const line = result.lines[1]!
    expect(line.relevant).toBe(true)
    expect(line.mentions.map((m) => `${m.entity}:${m.text}`)).toEqual([
      'bishkek:Бишкеке',
      'sadyr-japarov:Садыра Жапарова',
      'almazbek-atambayev:Алмазбека Атамбаева',
      'kyrgyzstan:Кыргызстана',
      'sooronbay-jeenbekov:Сооронбай Жээнбеков',
      'kyrgyzstan:Кыргызстана',
    ])
  })

  it('reports a page that is not coverage as such, with no mentions', () => {
    const line = result.lines[2]!
    expect(line.relevant).toBe(false)
    expect(line.mentions).toEqual([])
    expect(line.entities).toEqual([])
  })

  it('marks a surname it cannot attribute as ambiguous, with its candidates', () => {
    const ambiguous = result.lines[3]!.mentions.filter((m) => m.entity === null)
    expect(ambiguous).toHaveLength(1)
    expect(ambiguous[0]?.text).toBe('Japarov')
    expect(ambiguous[0]?.candidates?.sort()).toEqual(['akylbek-japarov', 'sadyr-japarov'])
  })

  it('reads an HTML file as a web page and finds every entity the seed article names, "Biskek" included', () => {
    const line = result.lines[4]!
    expect(line.relevant).toBe(true)
    expect(line.entities.map((e) => e.entity).sort()).toEqual([
      'akipress',
      'almazbek-atambayev',
      'bishkek',
      'central-election-commission',
      'gknb',
      'kyrgyzstan',
      'osce',
      'sadyr-japarov',
      'sooronbay-jeenbekov',
      'white-house-bishkek',
    ])
    expect(line.mentions.map((m) => m.text)).toContain('Biskek')
  })
})

describe('npm run analyze with unreadable paths and without --json', () => {
  it('reports an unreadable path in one line on stderr, processes the others, and exits 1', () => {
    const missing = path.join(dir, 'missing.txt')
    const run = analyze(['--json', missing, STORY, dir])
    expect(run.status).toBe(1)
    const errors = run.stderr.trim().split('\n')
    expect(errors).toHaveLength(2)
    expect(errors[0]).toContain(missing)
    expect(errors[1]).toContain(dir)
    expect(run.lines.map((l) => l.file)).toEqual([STORY])
  })

  it('prints a readable table without --json', () => {
    const run = analyze([STORY, UNRELATED])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/story\.txt: Kyrgyzstan coverage \(score [\d.]+\)/)
    expect(run.stdout).toMatch(/sadyr-japarov\s+2\s+Sadyr Japarov, Japarov/)
    expect(run.stdout).toMatch(/other\.txt: not coverage/)
  })
})
