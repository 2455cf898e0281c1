import { defineConfig } from 'vitest/config';

// End-to-end: the real renderer through the browser host in Debian's Chromium (playwright-core).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/support/build-cli-setup.mjs'],
    // Data folders are encrypted: tests (and the commands and hosts they start) use a fixed test key.
    // MALLOC_ARENA_MAX set: `casefile import` runs in its own process (tests signal and kill it by pid).
    env: { CASEFILE_KEY: '7e57'.repeat(16), MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' },
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // expect.poll waits on app state; a loaded 2-core machine needs more than the 1 s default.
    expect: { poll: { timeout: 30_000, interval: 100 } },
  },
});
