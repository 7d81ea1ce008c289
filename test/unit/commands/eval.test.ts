/**
 * The `eval` command: detection and name scores per language, the Japarov check, and --verbose details.
 * Runs on a small corpus of our own in the corpus format (test/fixtures/eval-mini.jsonl).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

function evaluate(file: string, ...flags: string[]): { status: number | null; out: string } {
  const run = spawnSync('npm', ['run', '-s', 'eval', '--', file, ...flags], { encoding: 'utf8' })
  return { status: run.status, out: run.stdout + run.stderr }
}

const row = (out: string, label: string): string[] =>
  out
    .split('\n')
    .find((l) => l.startsWith(`${label} `))
    ?.trim()
    .split(/\s+/) ?? []

describe('npm run eval', () => {
  it('scores detection, names and the ambiguous surnames per language', () => {
    const { status, out } = evaluate('test/fixtures/eval-mini.jsonl')
    expect(status).toBe(0)
    // language passages det.prec det.rec name.prec name.rec names japarov event
    expect(row(out, 'en')).toEqual(['en', '3', '1.000', '1.000', '1.000', '1.000', '6', '1/0/0/0', '1.000'])
    expect(row(out, 'ru')).toEqual(['ru', '1', '1.000', '1.000', '1.000', '1.000', '4', '-', '-'])
    expect(out).toMatch(/met\s+no event ranked on passages that are not coverage/)
    expect(out).toMatch(/met\s+ambiguous surnames: none wrong/)
    expect(out).toMatch(/met\s+no bare surname resolved to a person the page does not name/)
  })

  it('counts a wrong annotation as a miss and an extra, and lists both with --verbose', () => {
    const lines = fs.readFileSync('test/fixtures/eval-mini.jsonl', 'utf8').trim().split('\n')
    const first = JSON.parse(lines[0]!) as { mentions: { entity: string }[] }
    first.mentions[0]!.entity = 'Almazbek Atambayev' // the text names Jeenbekov there
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kc-eval-')), 'wrong.jsonl')
    fs.writeFileSync(file, [JSON.stringify(first), ...lines.slice(1)].join('\n'))
    const { out } = evaluate(file, '--verbose')
    const en = row(out, 'en')
    expect(en[4]).toBe('0.833') // name precision: 5 of 6 predictions match an annotation
    expect(en[5]).toBe('0.833') // name recall: 5 of 6 annotations found
    expect(out).toMatch(/NOT MET name recall ≥ 0\.97 \(English and Russian\)/)
    expect(out).toMatch(/Top misses: almazbek-atambayev "Sooronbay Jeenbekov"/)
    expect(out).toMatch(/t-1 \[en\] miss: almazbek-atambayev "Sooronbay Jeenbekov"/)
    expect(out).toMatch(/t-1 \[en\] extra: sooronbay-jeenbekov "Sooronbay Jeenbekov"/)
  })

  it('fails with a clear message on a missing file', () => {
    const { status, out } = evaluate('no/such/corpus.jsonl')
    expect(status).toBe(1)
    expect(out).toMatch(/eval: cannot read no\/such\/corpus\.jsonl/)
  })
})
