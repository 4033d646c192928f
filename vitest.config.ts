import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests spawn the real CLI and render real figures; the machine is shared, so be generous.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
