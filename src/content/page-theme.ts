/**
 * Whether the page looks dark, so highlights and cards match it: from the page's own background colour,
 * and from the colour scheme when the page leaves the background to the browser.
 */
import type { Theme } from './highlight-names.ts'

/** Relative luminance below which a background counts as dark (WCAG's mid-point between black and white). */
const DARK_LUMINANCE = 0.18

function parseColor(value: string): [number, number, number, number] | undefined {
  const m = value.match(/rgba?\(([^)]+)\)/)
  if (!m?.[1]) {
    return undefined
  }
  const parts = m[1]
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number)
  const [r = 0, g = 0, b = 0, a = 1] = parts
  return [r, g, b, a]
}

function luminance([r, g, b]: [number, number, number, number]): number {
  const lin = (c: number): number => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

export function pageTheme(doc: Document): Theme {
  const win = doc.defaultView
  if (!win) {
    return 'light'
  }
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) {
      continue
    }
    const color = parseColor(win.getComputedStyle(el).backgroundColor)
    if (color && color[3] > 0.5) {
      return luminance(color) < DARK_LUMINANCE ? 'dark' : 'light'
    }
  }
  // Transparent: the canvas is the browser's, dark only if the page opted into a dark colour scheme.
  const scheme = win.getComputedStyle(doc.documentElement).colorScheme
  return /dark/.test(scheme) && win.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}
