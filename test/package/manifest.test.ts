/**
 * The built extension, checked against BRIEF §3 and the Manifest V3 rules stores apply: one manifest source,
 * two targets, least privilege, every file the manifest names present, every message key defined.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

type Json = Record<string, unknown>
const read = (file: string): Json => JSON.parse(fs.readFileSync(file, 'utf8')) as Json
const pkg = read('package.json') as { version: string }
const manifests = { chrome: read('dist/chrome/manifest.json'), firefox: read('dist/firefox/manifest.json') }
const PAGES = ['http://*/*', 'https://*/*']

/** Chrome's Manifest V3 permissions (the ones a store accepts without an unknown-permission warning). */
const KNOWN_PERMISSIONS = new Set([
  'storage',
  'scripting',
  'activeTab',
  'tabs',
  'alarms',
  'contextMenus',
  'commands',
])

function filesNamed(m: Json): string[] {
  const files: string[] = []
  const icons = m.icons as Record<string, string>
  files.push(...Object.values(icons))
  const action = m.action as { default_popup: string; default_icon: Record<string, string> }
  files.push(action.default_popup, ...Object.values(action.default_icon))
  files.push((m.options_ui as { page: string }).page)
  const bg = m.background as { service_worker?: string; scripts?: string[] }
  if (bg.service_worker) {
    files.push(bg.service_worker)
  }
  files.push(...(bg.scripts ?? []))
  for (const cs of m.content_scripts as { js: string[]; css?: string[] }[]) {
    files.push(...cs.js, ...(cs.css ?? []))
  }
  for (const war of (m.web_accessible_resources as { resources: string[] }[] | undefined) ?? []) {
    files.push(...war.resources)
  }
  return files
}

function messageKeys(m: Json): string[] {
  return [...JSON.stringify(m).matchAll(/__MSG_(\w+)__/g)].map((x) => x[1] ?? '')
}

describe.each(Object.entries(manifests))('the %s manifest', (target, m) => {
  const dir = `dist/${target}`

  it('is Manifest V3 with the version from package.json', () => {
    expect(m.manifest_version).toBe(3)
    expect(m.version).toBe(pkg.version)
    expect(m.version).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/)
  })

  it('names only files that are in the package', () => {
    for (const file of filesNamed(m)) {
      expect(fs.existsSync(path.join(dir, file)), file).toBe(true)
    }
  })

  it('defines every __MSG_ key in English and Russian, within the stores’ length limits', () => {
    expect(m.default_locale).toBe('en')
    for (const lang of ['en', 'ru']) {
      const messages = read(path.join(dir, '_locales', lang, 'messages.json')) as Record<
        string,
        { message: string }
      >
      for (const key of messageKeys(m)) {
        expect(messages[key]?.message, `${lang}: ${key}`).toBeTruthy()
      }
      expect(messages.extName!.message.length).toBeLessThanOrEqual(45)
      expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132)
    }
  })

  it('asks for storage and nothing broad: no host permissions, no optional ones', () => {
    const permissions = m.permissions as string[]
    expect(permissions).toContain('storage')
    expect(permissions.every((p) => KNOWN_PERMISSIONS.has(p))).toBe(true)
    expect(permissions).toEqual(target === 'firefox' ? ['storage', 'scripting'] : ['storage'])
    expect(m.host_permissions).toBeUndefined()
    expect(m.optional_permissions).toBeUndefined()
    expect(m.optional_host_permissions).toBeUndefined()
  })

  it('runs one small content script on http and https pages, in the top frame, at document_idle', () => {
    const scripts = m.content_scripts as {
      matches: string[]
      js: string[]
      css: string[]
      run_at: string
      all_frames?: boolean
    }[]
    expect(scripts).toHaveLength(1)
    expect(scripts[0]).toMatchObject({
      matches: PAGES,
      js: ['src/content/index.js'],
      css: ['src/content/highlights.css'],
      run_at: 'document_idle',
    })
    expect(scripts[0]?.all_frames).toBeUndefined()
  })

  it('declares valid keyboard commands', () => {
    const commands = m.commands as Record<string, { suggested_key: { default: string }; description: string }>
    expect(Object.keys(commands).sort()).toEqual(['next-mention', 'previous-mention'])
    for (const c of Object.values(commands)) {
      expect(c.suggested_key.default).toMatch(/^(Alt|Ctrl|Command|MacCtrl)\+(Shift\+)?[A-Z0-9]$/)
      expect(c.description).toMatch(/^__MSG_\w+__$/)
    }
  })
})

describe('the two targets', () => {
  it('give Chrome a service worker and Firefox background scripts', () => {
    expect(manifests.chrome.background).toEqual({
      service_worker: 'service-worker-loader.js',
      type: 'module',
    })
    expect((manifests.firefox.background as { scripts: string[] }).scripts).toEqual([
      'service-worker-loader.js',
    ])
  })

  it('give Firefox its add-on id, minimum version and data-collection declaration', () => {
    expect(manifests.firefox.browser_specific_settings).toEqual({
      gecko: {
        id: 'kyrgyzstan-context@kyrgyzstan-context.org',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    })
    expect(manifests.chrome.browser_specific_settings).toBeUndefined()
  })

  it('expose only the engine chunk, in Chrome only, behind a per-session URL', () => {
    expect(manifests.chrome.web_accessible_resources).toEqual([
      { matches: PAGES, resources: ['src/content/main.js'], use_dynamic_url: true },
    ])
    expect(manifests.firefox.web_accessible_resources).toBeUndefined()
  })
})
