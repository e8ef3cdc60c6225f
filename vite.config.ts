/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { viteSingleFile } from "vite-plugin-singlefile";
import { frontfoldScenarios } from "./src/node/vite-plugin.js";
import { ATLAS_ASSET } from "./src/map/bundle.js";

/**
 * The single-file build ships no world atlas (3.6 MB): opened files with a theatre of countries
 * reuse a shipped scenario's outline instead (see src/app/inline-compiler.ts).
 */
function dropAtlas(): Plugin {
  return {
    name: "frontfold-single-no-atlas",
    enforce: "post",
    generateBundle: {
      order: "post",
      handler(_options, bundle) {
        delete bundle[ATLAS_ASSET];
      },
    },
  };
}

// The app's build and the unit-test runner share this file; browser tests have their own
// config in test/e2e. `vite build --mode single` (npm run build:single) makes one self-contained
// dist-single/index.html that opens from file:// with no network: scripts, styles and every
// shipped scenario inlined, opened files compiled on the page (no worker file).
export default defineConfig(({ mode }) => {
  const single = mode === "single";
  return {
    base: "./",
    plugins: [
      // Compiles scenarios/*.yaml into bundles at build time (hot-reloaded in dev).
      frontfoldScenarios(),
      ...(single ? [viteSingleFile({ removeViteModuleLoader: true }), dropAtlas()] : []),
    ],
    resolve: single
      ? {
          alias: [
            {
              find: /^\.\/worker-compiler\.js$/,
              replacement: fileURLToPath(new URL("./src/app/inline-compiler.ts", import.meta.url)),
            },
          ],
        }
      : undefined,
    // The JSON schemas in public/ are for editors, not for the offline copy.
    publicDir: single ? false : "public",
    // The compile worker's dependencies, found up front: otherwise the first file opened in
    // development makes Vite re-optimise and reload the page, losing the file.
    optimizeDeps: {
      include: ["@turf/turf", "i18n-iso-countries", "immer", "polyclip-ts", "topojson-server", "yaml", "zod"],
    },
    worker: { format: "es" },
    build: single
      ? { target: "es2022", outDir: "dist-single", emptyOutDir: true }
      : { target: "es2022", chunkSizeWarningLimit: 4000 },
    test: {
      include: ["test/**/*.test.ts"],
      exclude: ["test/e2e/**", "node_modules/**"],
      testTimeout: 60_000,
    },
  };
});
