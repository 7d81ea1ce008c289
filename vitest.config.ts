import { defineConfig } from 'vitest/config'
import preact from '@preact/preset-vite'

/**
 * Three projects: `unit` (pure core in Node, components and DOM code in happy-dom/jsdom), `package` (the built
 * packages: manifests, sizes, lint, reproducibility) and `e2e` (the built extension in real Chromium and
 * Firefox, one file at a time because each launches browsers).
 * Kept apart from vite.config.ts so the crx plugin is not loaded in tests.
 */
export default defineConfig({
  plugins: [preact()],
  define: { __TARGET__: JSON.stringify('chrome') },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['test/unit/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/harness/global-setup.ts'],
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/harness/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
