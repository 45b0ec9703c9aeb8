import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Nodes that promise immutable data share it instead of copying; under test it
    // is frozen, so a broken promise throws (see src/sim/immutable-data.ts).
    env: { FAULTLINE_VERIFY_IMMUTABLE_DATA: '1' },
  },
});
