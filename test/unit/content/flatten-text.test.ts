// @vitest-environment happy-dom
/**
 * Flattening skips what is not reading text: editors, form fields, code, hidden subtrees, and (given a
 * visibility test, as in the browser) hidden inline elements as well as hidden blocks.
 */
import { describe, expect, it } from 'vitest'
import { ElementCache, flattenText } from '../../../src/content/flatten-text.ts'

/** Puts markup into the body without innerHTML (the project's lint rule forbids it everywhere). */
function setBody(html: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html')
  document.body.replaceChildren(...parsed.body.childNodes)
}

describe('flattenText', () => {
  it('leaves out fields, editors, code and hidden subtrees, and separates blocks', () => {
    setBody(`
      <p>Sadyr <b>Japarov</b> was freed.</p>
      <p><input value="Jeenbekov"><textarea>Jeenbekov</textarea></p>
      <div contenteditable="true"><p>Atambayev draft</p></div>
      <pre>Bishkek log</pre><p><code>Bishkek</code></p>
      <div hidden>Otunbayeva</div><div aria-hidden="true">Tashiev</div>
      <kyrgyzstan-context-ui>Card text</kyrgyzstan-context-ui>
      <p>Bishkek</p>`)
    const flat = flattenText(document.body)
    expect(flat.text.split('\n').filter((l) => l.trim() !== '')).toEqual([
      'Sadyr Japarov was freed.',
      'Bishkek',
    ])
  })

  it('asks about every element, inline ones included, whether it is visible', () => {
    setBody(
      '<p>Shown <span data-hidden>Tashiev</span> and <em>Japarov</em></p><div data-hidden><b>Otunbayeva</b></div>',
    )
    const asked: string[] = []
    const isVisible = (el: Element): boolean => {
      asked.push(el.tagName)
      return !el.hasAttribute('data-hidden')
    }
    const flat = flattenText(document.body, new ElementCache(), { isVisible })
    expect(flat.text).toContain('Japarov')
    expect(flat.text).not.toContain('Tashiev')
    expect(flat.text).not.toContain('Otunbayeva')
    expect(asked).toContain('SPAN')
    expect(asked).toContain('EM')
  })

  it('walks a 10,000-deep tree without recursion', () => {
    setBody('')
    let parent: Element = document.body
    for (let i = 0; i < 10_000; i++) {
      const el = document.createElement(i % 2 ? 'div' : 'span')
      parent.appendChild(el)
      parent = el
    }
    parent.textContent = 'Kamchybek Tashiev'
    expect(flattenText(document.body).text.trim()).toBe('Kamchybek Tashiev')
  })
})
