// Compiled theatres and partitions kept on disk under `node_modules/.cache/frontfold/`, keyed by
// everything they depend on (`partitionKey` plus the world-atlas version), so an unchanged
// scenario does not recompile. A missing, unreadable or stale entry is simply compiled again.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { CompiledScenario } from "../core/types.js";
import { compilePartition, PARTITION_FORMAT, partitionKey, type Partition } from "../geo/partition.js";
import { resolveTheatre, type ResolvedTheatre } from "../geo/theatre.js";
import { atlasFor, atlasVersion, hydrographyVersion, loadHydrography } from "./atlas.js";

export interface CachedGeometry {
  readonly theatre: ResolvedTheatre;
  readonly partition: Partition;
  /** Whether it came from the cache. */
  readonly hit: boolean;
}

/** The project's cache folder (`<package root>/node_modules/.cache/frontfold`). */
export function defaultCacheDir(): string {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
  return join(root, "node_modules", ".cache", "frontfold");
}

/**
 * The theatre and partition of `scenario`, from the cache when nothing they depend on changed.
 *
 * @example
 * const { theatre, partition } = loadGeometry(scenario);
 */
export function loadGeometry(
  scenario: CompiledScenario,
  options: { cacheDir?: string } = {},
): CachedGeometry {
  const dir = options.cacheDir ?? defaultCacheDir();
  const extra = `${atlasVersion()} ${hydrographyVersion()}`;
  const key = partitionKey(scenario, scenario.theatre, extra);
  const file = join(dir, `partition-${key}.json`);
  try {
    const cached = JSON.parse(readFileSync(file, "utf8")) as Partial<CachedGeometry>;
    if (cached.partition?.format === PARTITION_FORMAT && cached.partition.key === key && cached.theatre)
      return { theatre: cached.theatre, partition: cached.partition, hit: true };
  } catch {
    // not cached yet, or unreadable: compile
  }
  const theatre = resolveTheatre(scenario.theatre, atlasFor(scenario.theatre), loadHydrography());
  const partition = compilePartition(scenario, theatre, { keyExtra: extra });
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ theatre, partition }));
    renameSync(tmp, file);
  } catch {
    // a read-only tree still works, only slower
  }
  return { theatre, partition, hit: false };
}
