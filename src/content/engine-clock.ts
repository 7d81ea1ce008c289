/**
 * The engine chunk's first module (main.ts imports it before anything else, and a bundle evaluates modules in
 * import order): when it runs, evaluating the chunk's code has just begun. The engine reports the time from
 * here to its start, so that the benchmark counts evaluating the engine as part of starting it. (Parsing the
 * chunk is not in it: Chromium parses an imported script on a background thread.)
 */
export const ENGINE_EVALUATION_STARTED = performance.now()
