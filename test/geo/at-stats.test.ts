import { describe, expect, it } from "vitest";
import { controlAt } from "../../src/cli/at.js";
import { km2Series } from "../../src/cli/stats.js";
import { compilePartition } from "../../src/geo/partition.js";
import { resolveTheatre } from "../../src/geo/theatre.js";
import { loadScenario } from "../../src/node/load.js";

// The small scenario of the core tests: three towns and an area on a bbox theatre.
const loaded = loadScenario("test/core/fixtures/small.yaml");
const scenario = loaded.scenario;
if (!scenario) throw new Error("test/core/fixtures/small.yaml does not compile");
const theatre = resolveTheatre(scenario.theatre);
const partition = compilePartition(scenario, theatre);
const geometry = { theatre, partition };

describe("frontfold at", () => {
  it("--format geojson: faction polygons that add up to the theatre, fronts, and the date as foreign members", () => {
    const fc = JSON.parse(controlAt(scenario, "2017-05-10", "geojson", { geometry }));
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.date).toBe("2017-05-10");
    const control = fc.features.filter(
      (f: { properties: { kind: string } }) => f.properties.kind === "control",
    );
    const sum = control.reduce((s: number, f: { properties: { km2: number } }) => s + f.properties.km2, 0);
    expect(Math.abs(sum - fc.theatre_km2) / fc.theatre_km2).toBeLessThan(1e-4);
    expect(fc.km2.sdf).toBeGreaterThan(0);
    expect(fc.features.some((f: { properties: { kind: string } }) => f.properties.kind === "front")).toBe(
      true,
    );
    expect(fc.features.some((f: { properties: { kind: string } }) => f.properties.kind === "besieged")).toBe(
      true,
    );
  });

  it("--format svg: a standalone map with title, date and key", () => {
    const svg = controlAt(scenario, "2017-05-10", "svg", { geometry, width: 900 });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="900"')).toBe(true);
    expect(svg).toContain("A small test scenario");
    expect(svg).toContain("10 May 2017");
    expect(svg).toContain("Syrian Democratic Forces");
  });

  it("--format json: every unit's state", () => {
    const json = JSON.parse(controlAt(scenario, "2017-05-10", "json"));
    const tabqa = json.units.find((u: { unit: string }) => u.unit === "tabqa");
    expect(tabqa).toMatchObject({ faction: "sdf", status: "held" });
  });
});

describe("frontfold stats", () => {
  it("km² per faction from start to end (end always included), adding up to the theatre", () => {
    const rows = km2Series(scenario, partition, 30);
    expect(rows[0]?.date).toBe(scenario.start);
    expect(rows.at(-1)?.date).toBe(scenario.end);
    for (const r of rows) {
      const sum = Object.values(r.km2).reduce((s, v) => s + v, 0);
      expect(Math.abs(sum - partition.theatreKm2) / partition.theatreKm2).toBeLessThan(1e-4);
    }
    const before = rows.find((r) => r.date === "2017-05-01");
    const after = rows.find((r) => r.date === "2017-05-31");
    expect(before?.km2.sdf ?? 0).toBeLessThan(after?.km2.sdf ?? 0);
  });
});
