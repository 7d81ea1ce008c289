/**
 * Serves the test fixtures on 127.0.0.1 (a free port): files from test/fixtures, extra response headers for
 * the pages that need them (the strict-CSP page), and generated pages (huge, deeply nested) built on demand.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'

export const FIXTURES = path.resolve('test/fixtures')

/** Response headers by file name. */
const HEADERS: Record<string, Record<string, string>> = {
  'strict-csp.html': { 'content-security-policy': "default-src 'none'" },
}

export interface FixtureServer {
  origin: string
  url(file: string): string
  close(): Promise<void>
}

export type Generated = Record<string, () => string>

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
}

export async function startServer(generated: Generated = {}): Promise<FixtureServer> {
  const cache = new Map<string, string>()
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '')
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void => {
      res.writeHead(status, {
        'content-type': type,
        'cache-control': 'no-store',
        ...(HEADERS[path.basename(name)] ?? {}),
      })
      res.end(body)
    }
    const make = generated[name]
    if (make) {
      let body = cache.get(name)
      if (body === undefined) {
        body = make()
        cache.set(name, body)
      }
      send(200, body, TYPES['.html'])
      return
    }
    const file = path.resolve(FIXTURES, name || 'index.html')
    if (!file.startsWith(FIXTURES + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      send(404, 'not found')
      return
    }
    send(200, fs.readFileSync(file), TYPES[path.extname(file)] ?? 'application/octet-stream')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  return {
    origin,
    url: (file) => `${origin}/${file}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
