/**
 * The extension's only way to report a problem: once per topic, with a prefix, as a warning. Errors are
 * caught at each module boundary and end here, so nothing reaches a page's console as an uncaught error or
 * an unhandled rejection.
 */
export const LOG_PREFIX = '[Kyrgyzstan Context]'

/**
 * Topics already reported, shared by every bundle running in this context: the every-page script and the
 * engine chunk are separate scripts in the same isolated world, each with its own copy of this module.
 */
const REPORTED = Symbol.for('kyrgyzstan-context.log')
const reported: Set<string> = ((globalThis as { [REPORTED]?: Set<string> })[REPORTED] ??= new Set())

export function logOnce(topic: string, problem: unknown): void {
  if (reported.has(topic)) {
    return
  }
  reported.add(topic)
  const message = problem instanceof Error ? `${problem.name}: ${problem.message}` : String(problem)
  console.warn(`${LOG_PREFIX} ${topic}: ${message}`)
}

/** Runs `fn`, reporting (once per topic) instead of throwing. */
export function guard<T>(topic: string, fn: () => T): T | undefined {
  try {
    return fn()
  } catch (err) {
    logOnce(topic, err)
    return undefined
  }
}

/** Awaits `promise`, reporting a rejection instead of leaving it unhandled. */
export async function guardAsync<T>(
  topic: string,
  promise: Promise<T> | (() => Promise<T>),
): Promise<T | undefined> {
  try {
    return await (typeof promise === 'function' ? promise() : promise)
  } catch (err) {
    logOnce(topic, err)
    return undefined
  }
}
