// The scenarios shipped in `scenarios/`, compiled at build time by the scenario plugin and loaded
// on demand (one chunk each), so opening the app downloads only the scenario shown.

import type { ScenarioBundle } from "../map/bundle.js";

const modules = import.meta.glob<ScenarioBundle>(
  ["../../scenarios/*.yaml", "!../../scenarios/*.events.yaml"],
  {
    import: "default",
  },
);

export interface ShippedScenario {
  readonly id: string;
  load(): Promise<ScenarioBundle>;
}

export const DEFAULT_SCENARIO = "syria-2014-2019";

/** Shipped scenarios by id (the file name), in alphabetical order. */
export const shipped: readonly ShippedScenario[] = Object.entries(modules)
  .map(([path, load]) => ({ id: (path.split("/").pop() ?? path).replace(/\.ya?ml$/, ""), load }))
  .sort((a, b) => a.id.localeCompare(b.id));
