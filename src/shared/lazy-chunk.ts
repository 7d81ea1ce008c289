/**
 * Where the build puts the engine chunk (src/content/main.ts, built as a standalone script by crxjs).
 * A test checks that the built extension has the file and lists it as web-accessible.
 */
export const LAZY_CHUNK = 'src/content/main.js'
