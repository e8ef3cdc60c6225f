// What a map is drawn from: a compiled scenario with its resolved theatre and partition. Built by
// the Node side (Vite plugin, CLI) or by the app's compiler, read by the map model and the app.

import type { CompiledScenario } from "../core/types.js";
import type { Partition } from "../geo/partition.js";
import type { ResolvedTheatre } from "../geo/theatre.js";

export interface ScenarioBundle {
  readonly scenario: CompiledScenario;
  readonly theatre: ResolvedTheatre;
  readonly partition: Partition;
}

/** Where the build puts Natural Earth's country outlines, fetched only for opened files whose
 * theatre names countries (shipped scenarios carry the shapes they need). */
export const ATLAS_ASSET = "atlas/countries-10m.json";
