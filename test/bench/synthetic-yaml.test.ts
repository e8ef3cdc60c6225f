import { describe, expect, it } from "vitest";
import { compileScenario } from "../../src/core/compile.js";
import { createHistory } from "../../src/core/fold.js";
import type { TheatreDef } from "../../src/core/types.js";
import { boxOutline, syntheticScenario } from "./synthetic.js";
import { scenarioYaml } from "./synthetic-yaml.js";
import { actsOnUnits } from "../../src/core/event.js";
import type { CompiledEvent } from "../../src/core/types.js";

const BOX: TheatreDef = { kind: "bbox", bbox: [38, 35, 40, 37], tolerance_km: 10 };
const outline = boxOutline([38, 35, 40, 37]);

describe("the generated scenario file (small size; the benchmarks write the big ones)", () => {
  it("compiles without a diagnostic to the scenario it was written from, by the fast read too", () => {
    const source = syntheticScenario(BOX, outline, {
      places: 300,
      events: 3000,
      areas: 4,
      seed: 9,
      unmentioned: 0,
    });
    const text = scenarioYaml(source);
    expect(text.length).toBeGreaterThan(256 * 1024); // big enough for the fast read
    const r = compileScenario({ file: "synthetic.yaml", text });
    expect(r.diagnostics).toEqual([]);
    const compiled = r.scenario;
    if (!compiled) throw new Error("no scenario");
    // What each event does: type, units, faction (control), contesting factions (contest, siege).
    const effect = (e: CompiledEvent) => [
      e.id,
      e.type,
      actsOnUnits(e) ? e.units : [],
      e.type === "control" ? e.faction : 0,
      e.type === "contest" || e.type === "siege" ? e.by : 0, // a lift names no one
    ];
    expect(compiled.log.map(effect)).toEqual(source.log.map(effect));
    const end = source.end;
    expect([...createHistory(compiled).stateAt(end).faction]).toEqual([
      ...createHistory(source).stateAt(end).faction,
    ]);
  });
});
