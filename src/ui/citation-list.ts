import type { Source } from '../data/schema.ts'

/** Numbers sources in the order they are first cited. */
export class Citations {
  readonly list: Source[] = []
  readonly #numbers = new Map<string, number>()

  cite(sources: readonly Source[]): number[] {
    return sources.map((s) => {
      let n = this.#numbers.get(s.url)
      if (n === undefined) {
        this.list.push(s)
        n = this.list.length
        this.#numbers.set(s.url, n)
      }
      return n
    })
  }
}
