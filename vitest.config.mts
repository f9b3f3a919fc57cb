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
    // Several tests hash PINs with scrypt and copy databases; give slow CI machines room.
    testTimeout: 20_000,
    reporters: ['default'],
  },
});
