import { describe, expect, it } from "vitest";
import { compileScenario } from "../../src/core/compile.js";
import { createHistory } from "../../src/core/fold.js";
import type { TheatreDef } from "../../src/core/types.js";
import { syntheticScenario } from "./synthetic.js";
import { scenarioYaml } from "./synthetic-yaml.js";

const BOX: TheatreDef = { kind: "bbox", bbox: [38, 35, 40, 37], tolerance_km: 10 };
const outline = {
  type: "Feature" as const,
  properties: {},
  geometry: {
    type: "Polygon" as const,
    coordinates: [
      [
        [38, 35],
        [40, 35],
        [40, 37],
        [38, 37],
        [38, 35],
      ],
    ],
  },
};

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
    expect(compiled.log.map((e) => [e.id, e.op, e.units, e.faction, e.by])).toEqual(
      source.log.map((e) => [e.id, e.op, e.units, e.faction, e.op === "lift" ? 0 : e.by]), // a lift names no one
    );
    const end = source.end;
    expect([...createHistory(compiled).stateAt(end).faction]).toEqual([
      ...createHistory(source).stateAt(end).faction,
    ]);
  });
});
