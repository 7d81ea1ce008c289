/**
 * Measurements that run inside the benchmark page itself (built as a standalone script and evaluated in the
 * page by scripts/bench.ts): the bare TreeWalker baseline, and the core's recognition with the real and the
 * grown data on the page's own text.
 */
import { flattenText } from '../../src/content/flatten-text.ts'
import { createRecognizer, recognize } from '../../src/core/recognize.ts'
import { ENTITIES_FILE } from '../../src/data/index.ts'
import { grownEntities, spellingCount } from './grow-data.ts'

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2
}

const bench = {
  /** A bare TreeWalker pass that reads every text node of the page. */
  walk(): { ms: number; chars: number; nodes: number } {
    const start = performance.now()
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    let chars = 0
    let nodes = 0
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      chars += (n as Text).data.length
      nodes++
    }
    return { ms: performance.now() - start, chars, nodes }
  },

  /** Median recognition time over `runs`, with the real data and with it grown `factor` times. */
  names(
    factor: number,
    runs: number,
  ): { realMs: number; grownMs: number; realSpellings: number; grownSpellings: number; mentions: number } {
    const text = flattenText(document.body).text
    const real = ENTITIES_FILE.entities
    const grown = grownEntities(real, factor)
    const measure = (entities: typeof real): { ms: number; mentions: number } => {
      const recognizer = createRecognizer(entities)
      recognize(recognizer, text) // warm-up: both runs compare steady-state code
      const times: number[] = []
      let mentions = 0
      for (let i = 0; i < runs; i++) {
        const t = performance.now()
        mentions = recognize(recognizer, text).mentions.length
        times.push(performance.now() - t)
      }
      return { ms: median(times), mentions }
    }
    const r = measure(real)
    const g = measure(grown)
    return {
      realMs: r.ms,
      grownMs: g.ms,
      realSpellings: spellingCount(real),
      grownSpellings: spellingCount(grown),
      mentions: r.mentions,
    }
  },
}

;(globalThis as unknown as { kcBench: typeof bench }).kcBench = bench
