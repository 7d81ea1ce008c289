/**
 * Problems are reported once per topic with the prefix, also when two bundles (the every-page script and the
 * engine chunk) each carry their own copy of the module in the same world.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'

describe('logOnce', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('warns once per topic, with the prefix, across copies of the module', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const first = await import('../../../src/shared/log.ts')
    vi.resetModules()
    const second = await import('../../../src/shared/log.ts')
    expect(second).not.toBe(first)
    first.logOnce('unit-topic', new Error('broken'))
    second.logOnce('unit-topic', new Error('broken again'))
    expect(second.guard('unit-guard', () => JSON.parse('{') as unknown)).toBeUndefined()
    expect(await second.guardAsync('unit-async', Promise.reject(new Error('no')))).toBeUndefined()
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      '[Kyrgyzstan Context] unit-topic: Error: broken',
      expect.stringMatching(/^\[Kyrgyzstan Context\] unit-guard: SyntaxError: /),
      '[Kyrgyzstan Context] unit-async: Error: no',
    ])
  })
})
