#!/usr/bin/env node
// Builds the CLI bundle that `frontfold` runs (the `prepare` script, so `npm ci` and `npm install`
// build it): the TypeScript sources bundled by esbuild into plain ES modules, one chunk per
// command, npm packages left as imports. Without it (or when a source file is newer) the launcher
// falls back to compiling the sources through tsx, so the bundle is only ever a speed-up.

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const bundleDir = join(root, "node_modules", ".cache", "frontfold-cli");

const quiet = process.argv.includes("--quiet");
try {
  const { build } = await import("esbuild");
  const started = Date.now();
  rmSync(bundleDir, { recursive: true, force: true });
  mkdirSync(bundleDir, { recursive: true });
  await build({
    entryPoints: { main: join(root, "src", "cli", "main.ts") },
    outdir: bundleDir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // npm packages are bundled too (resolving hundreds of package files is most of a cold
    // start); the native renderer stays a package import. CommonJS code inside the bundle gets
    // a real `require` for Node's built-in modules.
    external: ["@resvg/resvg-js"],
    mainFields: ["module", "main"],
    banner: {
      js: 'import { createRequire as __frontfoldRequire } from "node:module"; const require = __frontfoldRequire(import.meta.url);',
    },
    outExtension: { ".js": ".mjs" },
    sourcemap: "linked",
    logLevel: "warning",
  });
  // Written last: the launcher trusts the bundle only when this stamp is newer than every source.
  writeFileSync(join(bundleDir, "built.json"), `${JSON.stringify({ built: new Date().toISOString() })}\n`);
  if (!quiet) console.error(`frontfold: CLI bundle built in ${Date.now() - started} ms`);
} catch (e) {
  // Never fail an install over the bundle: the launcher runs the sources instead.
  rmSync(bundleDir, { recursive: true, force: true });
  console.error(
    `frontfold: CLI bundle not built (${e instanceof Error ? e.message : String(e)}); the sources will run through tsx`,
  );
}
