// Browser tests: the built app served by `vite preview`, driven in Debian's Chromium through
// playwright-core. One file at a time (the machine has two cores and one browser is enough).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    globalSetup: ["test/e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
