import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    // One worker more than this machine's two cores: many tests spend their time waiting on
    // child processes (the CLI, node processes of faultline test) and on real-time clocks, and a
    // third worker fills those waits (measured: the whole suite 655 s with two workers, 475 s
    // with three, same results).
    maxWorkers: 3,
    hookTimeout: 120_000,
    // Nodes that promise immutable data share it instead of copying; under test it
    // is frozen, so a broken promise throws (see src/sim/immutable-data.ts).
    env: { FAULTLINE_VERIFY_IMMUTABLE_DATA: '1' },
  },
});
