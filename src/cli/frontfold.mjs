#!/usr/bin/env node
// The `frontfold` command. Runs the bundle that `npm ci` / `npm install` build (the `prepare`
// script, src/cli/bundle.mjs) when it is newer than every source file; otherwise — no bundle, a
// source edited since, or FRONTFOLD_FROM_SOURCE=1 — runs the TypeScript sources through tsx.

import { readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bundleDir = join(root, "node_modules", ".cache", "frontfold-cli");

function bundleIsFresh() {
  if (process.env.FRONTFOLD_FROM_SOURCE === "1") return false;
  let built;
  try {
    built = statSync(join(bundleDir, "built.json")).mtimeMs;
  } catch {
    return false;
  }
  try {
    const src = join(root, "src");
    for (const rel of readdirSync(src, { recursive: true }))
      if (statSync(join(src, rel)).mtimeMs > built) return false;
    return statSync(join(root, "package.json")).mtimeMs <= built;
  } catch {
    return false;
  }
}

let main;
if (bundleIsFresh()) {
  try {
    ({ main } = await import(pathToFileURL(join(bundleDir, "main.mjs")).href));
  } catch {
    main = undefined; // a damaged bundle: the sources below
  }
}
if (!main) {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("./main.ts"));
}
process.exitCode = await main(process.argv.slice(2));
