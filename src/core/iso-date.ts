/**
 * Orders two ISO dates of any precision. A month overlaps the days inside it ("2020-10" is neither before
 * nor after "2020-10-07"), so only dates that differ within their common precision are out of order.
 */
export function isoOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  return a.slice(0, n).localeCompare(b.slice(0, n))
}
