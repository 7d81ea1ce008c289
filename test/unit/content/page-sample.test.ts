// @vitest-environment happy-dom
/**
 * What the every-page check reads when content arrives late: only the added nodes' text, never script or
 * style, never more than the budget, nothing from nodes already removed again.
 */
import { describe, expect, it } from 'vitest'
import { readAddedText } from '../../../src/content/page-sample.ts'

/** Puts markup into the body without innerHTML (the project's lint rule forbids it everywhere). */
function setBody(html: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html')
  document.body.replaceChildren(...parsed.body.childNodes)
}

describe('readAddedText', () => {
  it('reads the text of added elements and text nodes, skipping scripts and styles', () => {
    setBody('<main><p id="a">Protests in Bishkek</p><script>var kyrgyz = 1</script></main>')
    const p = document.getElementById('a')!
    const script = document.querySelector('script')!
    const text = document.createTextNode('Sadyr Japarov was freed')
    document.body.appendChild(text)
    const read = readAddedText([p, script, text])
    expect(read).toContain('Protests in Bishkek')
    expect(read).toContain('Sadyr Japarov was freed')
    expect(read).not.toContain('kyrgyz')
  })

  it('stops at the budget and ignores detached nodes', () => {
    setBody(`<p id="long">${'x'.repeat(50)} Kyrgyzstan</p>`)
    const detached = document.createElement('p')
    detached.textContent = 'Kyrgyzstan'
    const read = readAddedText([detached, document.getElementById('long')!], 20)
    expect(read).not.toContain('Kyrgyzstan')
    expect(read.replace(/\n/g, '')).toHaveLength(20)
  })
})
