// @vitest-environment happy-dom
/**
 * Single-page-app navigations: reported once things settle, also when no event announces them (pushState seen
 * only through the DOM changes the app makes), and never postponed forever by a page that keeps mutating.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { watchNavigation } from '../../../src/content/navigation-watch.ts'

describe('watchNavigation', () => {
  let controller: AbortController
  beforeEach(() => {
    vi.useFakeTimers()
    controller = new AbortController()
    history.replaceState(null, '', '/home')
  })
  afterEach(() => {
    controller.abort()
    vi.useRealTimers()
  })

  it('reports a pushState navigation noticed through a poke, once, after the burst settles', () => {
    const onNavigate = vi.fn()
    const watch = watchNavigation(onNavigate, controller.signal)
    watch.poke()
    vi.advanceTimersByTime(1000)
    expect(onNavigate).not.toHaveBeenCalled() // nothing changed yet
    history.pushState(null, '', '/story?id=1')
    watch.poke()
    vi.advanceTimersByTime(100)
    watch.poke()
    expect(onNavigate).not.toHaveBeenCalled()
    vi.advanceTimersByTime(400)
    expect(onNavigate).toHaveBeenCalledTimes(1)
    watch.poke()
    vi.advanceTimersByTime(1000)
    expect(onNavigate).toHaveBeenCalledTimes(1)
  })

  it('is not postponed forever by a page that mutates every few milliseconds', () => {
    const onNavigate = vi.fn()
    const watch = watchNavigation(onNavigate, controller.signal)
    history.pushState(null, '', '/story?id=2')
    for (let t = 0; t < 600; t += 5) {
      watch.poke()
      vi.advanceTimersByTime(5)
    }
    expect(onNavigate).toHaveBeenCalledTimes(1)
  })

  it('ignores changes of the #fragment only', () => {
    const onNavigate = vi.fn()
    const watch = watchNavigation(onNavigate, controller.signal)
    history.pushState(null, '', '/home#section-2')
    watch.poke()
    vi.advanceTimersByTime(1000)
    expect(onNavigate).not.toHaveBeenCalled()
  })

  it('reports popstate, and nothing once aborted', () => {
    const onNavigate = vi.fn()
    watchNavigation(onNavigate, controller.signal)
    history.pushState(null, '', '/story?id=3')
    window.dispatchEvent(new PopStateEvent('popstate'))
    vi.advanceTimersByTime(500)
    expect(onNavigate).toHaveBeenCalledTimes(1)
    controller.abort()
    history.pushState(null, '', '/home')
    window.dispatchEvent(new PopStateEvent('popstate'))
    vi.advanceTimersByTime(1000)
    expect(onNavigate).toHaveBeenCalledTimes(1)
  })
})
