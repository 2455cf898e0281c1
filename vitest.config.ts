import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/migrations/**/*.test.ts'],
    globalSetup: ['tests/support/build-cli-setup.mjs'],
    // Data folders are encrypted: tests (and the commands and hosts they start) use a fixed test key.
    // MALLOC_ARENA_MAX set: `casefile import` runs in its own process (tests signal and kill it by pid).
    env: { CASEFILE_KEY: '7e57'.repeat(16), MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' },
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
