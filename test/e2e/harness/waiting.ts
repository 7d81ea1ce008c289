/**
 * Node-side waiting for the robustness suites: poll something evaluated in the page until a condition on it
 * holds (the condition runs in Node, so it may use imports and closures).
 */
import type { TestPage } from './browsers.ts'

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export async function until<R, A = undefined>(
  page: TestPage,
  probe: (arg: A) => R | Promise<R>,
  arg: A,
  condition: (value: R) => boolean,
  timeoutMs = 15_000,
): Promise<R> {
  const deadline = Date.now() + timeoutMs
  let last: R | undefined
  for (;;) {
    last = await page.evaluate(probe, arg)
    if (condition(last)) {
      return last
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms; last value: ${JSON.stringify(last).slice(0, 2000)}`)
    }
    await sleep(100)
  }
}

/** Console warnings and errors and uncaught page errors: the fixtures make none, so any is a failure. */
export const problems = (page: TestPage): string[] => page.consoleProblems()
