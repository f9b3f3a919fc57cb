import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/db/**/*.test.ts',
      'tests/reliability/**/*.test.ts',
      'tests/server/**/*.test.ts',
    ],
    environment: 'node',
    // A throwaway PostgreSQL for headquarters' tests (tests/helpers/hq.ts makes a database per test).
    globalSetup: ['tests/setup/postgres.ts'],
    // Several tests hash PINs with scrypt and copy databases; give slow CI machines room.
    testTimeout: 20_000,
    reporters: ['default'],
  },
});
