/**
 * Bundles webextension-polyfill as an ES module.
 *
 * The polyfill ships as a UMD script. Bundled as CommonJS, its export goes through the bundler's interop
 * helper, which copies every property of the exported object onto a namespace object. Where the browser
 * already provides `browser` (Firefox, recent Chromium) the polyfill exports that native object, and reading
 * all its properties makes the browser set up every extension API namespace of the page's content-script
 * world, about half a millisecond at the engine's start. As an ES module with one default export there is
 * nothing to copy. The polyfill's own code is unchanged: only its UMD wrapper is replaced.
 */
import type { Plugin } from 'vite'

/** The package's entry (its minified twin has another wrapper and is not what `import` resolves to). */
const FILE = /[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill\.js$/
/** The UMD wrapper's head, up to the start of the factory function that holds the polyfill. */
const UMD_HEAD =
  /^\(function \(global, factory\) \{[\s\S]*?\}\)\(typeof globalThis !== "undefined" \? globalThis : typeof self !== "undefined" \? self : this, function \(module\) \{/
/** The end of the factory and of the UMD call. */
const UMD_TAIL = /\}\);\s*(\/\/# sourceMappingURL=.*)?\s*$/

/** Rewrites the polyfill's UMD source into an ES module; throws when the wrapper is not the one expected. */
export function polyfillToEsm(code: string): string {
  if (!UMD_HEAD.test(code) || !UMD_TAIL.test(code)) {
    throw new Error(
      'webextension-polyfill: its UMD wrapper is not the expected one; update scripts/lib/polyfill-esm.ts',
    )
  }
  return code
    .replace(UMD_HEAD, 'const polyfill = { exports: {} };\n(function (module) {')
    .replace(UMD_TAIL, '})(polyfill);\nexport default polyfill.exports;\n')
}

export function polyfillAsEsm(): Plugin {
  return {
    name: 'kyrgyzstan-context:polyfill-esm',
    enforce: 'pre',
    transform(code, id) {
      return FILE.test(id) ? { code: polyfillToEsm(code), map: null } : undefined
    },
  }
}
