// A scenario file → everything the app draws it from: the compiled log, the resolved theatre
// (outline and basemap, only the shapes it needs) and the partition. Used by the Vite plugin at
// build time and by the CLI.

import type { CompileResult } from "../core/compile.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { CompiledScenario } from "../core/types.js";
import type { ScenarioBundle } from "../map/bundle.js";
import { loadScenario } from "./load.js";
import { loadGeometry } from "./partition-cache.js";
import { theatreDistance } from "./theatre-check.js";

export interface BundleResult {
  readonly bundle?: ScenarioBundle;
  readonly diagnostics: readonly Diagnostic[];
  /** Every file read (the scenario and its includes), for watchers. */
  readonly files: readonly string[];
}

/** The partition comes from the on-disk cache when the theatre, places and areas are unchanged. */
export function bundleScenario(scenario: CompiledScenario): ScenarioBundle {
  const { theatre, partition } = loadGeometry(scenario);
  return { scenario, theatre, partition };
}

export function buildBundle(path: string): BundleResult {
  const result: CompileResult = loadScenario(path, { outsideKm: theatreDistance });
  if (!result.scenario) return { diagnostics: result.diagnostics, files: result.files };
  return { bundle: bundleScenario(result.scenario), diagnostics: result.diagnostics, files: result.files };
}
