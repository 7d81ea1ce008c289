/**
 * Reads a file the way the extension would see it: an .html/.htm file as a web page (title, metadata and
 * the readable text, flattened by the content script's own code under jsdom), anything else as UTF-8 plain
 * text that is the article body.
 */
import fs from 'node:fs'
import { JSDOM } from 'jsdom'
import type { PageSignals } from '../../src/core/page-signals.ts'
import { flattenText } from '../../src/content/flatten-text.ts'
import { readPageSignals } from '../../src/content/read-page.ts'

export interface Input {
  text: string
  page: PageSignals
  html: boolean
}

export const isHtmlPath = (file: string): boolean => /\.html?$/i.test(file)

export function readInput(file: string): Input {
  const raw = fs.readFileSync(file, 'utf8')
  if (!isHtmlPath(file)) {
    return { text: raw, page: {}, html: false }
  }
  const dom = new JSDOM(raw)
  const doc = dom.window.document
  // The file's own canonical address, never its path on disk (a path is not what a reader's browser sees).
  const page = readPageSignals(doc)
  const body = doc.body
  const text = body ? flattenText(body).text : ''
  dom.window.close()
  return { text, page, html: true }
}
