/// <reference types="vitest/config" />
import { defineConfig } from "vite";

// The app's build and the unit-test runner share this file; browser tests have their own
// config in test/e2e.
export default defineConfig({
  base: "./",
  plugins: [
    // scenario plugin goes here (compiles scenarios/*.yaml at build time)
  ],
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "node_modules/**"],
    testTimeout: 60_000,
  },
});
