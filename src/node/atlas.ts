// Reads the Natural Earth countries topology that npm `world-atlas` ships, for the CLI, the build
// step and the benchmark. The app itself never loads these files: it gets the few shapes
// `resolveTheatre` keeps.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import type { TheatreDef } from "../core/types.js";
import { stableHash } from "../geo/hash.js";
import type { Hydrography } from "../geo/hydrography.js";
import type { Atlas } from "../geo/theatre.js";

const require = createRequire(import.meta.url);
const cache = new Map<string, Atlas>();

export type Resolution = "10m" | "50m" | "110m";

/** The `countries-<resolution>.json` topology (read once per process). */
export function loadAtlas(resolution: Resolution = "10m"): Atlas {
  const hit = cache.get(resolution);
  if (hit) return hit;
  const file = require.resolve(`world-atlas/countries-${resolution}.json`);
  const atlas = JSON.parse(readFileSync(file, "utf8")) as Atlas;
  cache.set(resolution, atlas);
  return atlas;
}

/** The version of world-atlas installed, part of the partition cache key. */
export function atlasVersion(): string {
  const pkg = JSON.parse(readFileSync(require.resolve("world-atlas/package.json"), "utf8")) as {
    version?: string;
  };
  return `world-atlas@${pkg.version ?? "?"}`;
}

/** The atlas a theatre needs: its own resolution for countries, 10m for the basemap otherwise. */
export function atlasFor(def: TheatreDef): Atlas {
  return loadAtlas(def.kind === "countries" ? def.resolution : "10m");
}

let water: { data: Hydrography; version: string } | undefined;

/** Rivers and lakes of the shipped theatres (`src/geo/hydrography.json`, read once per process). */
export function loadHydrography(): Hydrography {
  return hydrography().data;
}

/** A hash of the rivers and lakes file, part of the partition cache key. */
export function hydrographyVersion(): string {
  return `hydrography@${hydrography().version}`;
}

function hydrography(): { data: Hydrography; version: string } {
  if (!water) {
    const text = readFileSync(packageFile("src/geo/hydrography.json"), "utf8");
    water = { data: JSON.parse(text) as Hydrography, version: stableHash(text) };
  }
  return water;
}

/** A file of this package: the sources and the CLI bundle (under node_modules) sit at different
 *  depths, so look upwards from here. */
function packageFile(rel: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, rel);
    if (existsSync(file)) return file;
    const up = dirname(dir);
    if (up === dir) throw new Error(`${rel} not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}
