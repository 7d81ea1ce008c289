/** The browser a build is for, set by vite.config.ts (`define`); code for the other browser is dropped. */
declare const __TARGET__: 'chrome' | 'firefox'

/** The entity index compiled at build time from src/data/entities.json (scripts/lib/compiled-index-module.ts). */
declare module 'virtual:compiled-index' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- an ambient module cannot import a relative path
  const compiled: import('./core/compiled-index.ts').CompiledIndex
  export default compiled
}

/** The bundled data as minified JSON text, for the engine to parse on first use (scripts/lib/data-text-module.ts). */
declare module 'virtual:data-text' {
  export const entities: string
  export const events: string
}
