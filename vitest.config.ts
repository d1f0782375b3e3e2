import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // A throwaway PostgreSQL server for the store tests that run against both databases.
    globalSetup: ["test/support/postgres-global.ts"],
  },
});
