import { describe, expect, it } from "vitest";
import { booleanPointInPolygon, point } from "@turf/turf";
import type { Position } from "geojson";
import type { TheatreDef } from "../../src/core/types.js";
import { km2 } from "../../src/geo/area.js";
import { hydrographyIn } from "../../src/geo/hydrography.js";
import { compilePartition } from "../../src/geo/partition.js";
import { resolveTheatre } from "../../src/geo/theatre.js";
import { loadAtlas, loadHydrography } from "../../src/node/atlas.js";
import { joinPieces, parseSegments } from "../../src/node/hydrography.js";
import { scenarioOf, testRiver } from "./arbitrary.js";

/** One river running north–south through the middle of the box, with a bend. */
const WATER = testRiver([
  [38.5, 34.8],
  [38.55, 35.5],
  [38.5, 36.2],
]);

describe("theatre of countries and a bbox", () => {
  it("clips the countries to the box and draws the rest of them around it", () => {
    const atlas = loadAtlas("10m");
    const def: TheatreDef = {
      kind: "countries",
      countries: ["SY"],
      resolution: "10m",
      bbox: [40.76, 34.4, 41.05, 34.76],
      tolerance_km: 5,
    };
    const t = resolveTheatre(def, atlas);
    const box = resolveTheatre({ kind: "bbox", bbox: [40.76, 34.4, 41.05, 34.76], tolerance_km: 5 });
    // the Hajin box reaches into Iraq east of al-Bukamal: the Syrian part is smaller
    expect(km2(t.outline.geometry)).toBeLessThan(km2(box.outline.geometry) - 20);
    expect(km2(t.outline.geometry)).toBeGreaterThan(0.8 * km2(box.outline.geometry));
    // a point in Iraq inside the box is outside the theatre; one in Syria is inside
    expect(booleanPointInPolygon(point([41.04, 34.41]), t.outline)).toBe(false);
    expect(booleanPointInPolygon(point([40.8, 34.7]), t.outline)).toBe(true);
    const names = t.neighbours.features.map((f) => f.properties.name);
    expect(names).toContain("Iraq");
    expect(names).toContain("Syria");
  });

  it("rejects a box that does not meet the countries", () => {
    expect(() =>
      resolveTheatre(
        { kind: "countries", countries: ["SY"], resolution: "10m", bbox: [10, 10, 11, 11], tolerance_km: 5 },
        loadAtlas("10m"),
      ),
    ).toThrow(/does not meet/);
  });
});

describe("rivers as barriers", () => {
  const BOX: TheatreDef = { kind: "bbox", bbox: [38, 35, 39, 36], tolerance_km: 5 };
  const places = [
    { id: "west", at: [38.3, 35.5] as const },
    // east of the river but nearer to most of the west bank's north than "west" is
    { id: "east", at: [38.6, 35.9] as const },
    { id: "far-east", at: [38.9, 35.2] as const },
  ];
  it("keeps a place's ground on its own bank: faces across the river are decided by a place on that bank", () => {
    const s = scenarioOf(
      { ...BOX, barriers: ["Test River"] },
      places.map((p) => ({ id: p.id, at: [p.at[0], p.at[1]] })),
      [],
    );
    const open = scenarioOf(
      BOX,
      places.map((p) => ({ id: p.id, at: [p.at[0], p.at[1]] })),
      [],
    );
    const theatre = resolveTheatre(BOX, undefined, WATER);
    const barred = compilePartition(s, theatre);
    const free = compilePartition(open, theatre);
    expect(barred.warnings).toEqual([]);
    const westOfRiver = (f: number, p: typeof barred): number => p.faces.km2[f] ?? 0;
    // km² decided by "east" (index 1): without the barrier its cell reaches across the river
    const decidedBy = (p: typeof barred, u: number): number =>
      p.faces.decider.reduce((sum, d, f) => (d === u ? sum + westOfRiver(f, p) : sum), 0);
    expect(decidedBy(barred, 1)).toBeLessThan(decidedBy(free, 1));
    expect(decidedBy(barred, 0)).toBeGreaterThan(decidedBy(free, 0));
    // the faces still cover the theatre
    const total = (p: typeof barred): number => p.faces.km2.reduce((a, b) => a + b, 0);
    expect(Math.abs(total(barred) - total(free))).toBeLessThan(0.01 * total(free));
    // every face has its areas list free of the banks' internal ids
    expect(barred.faces.areas.every((a) => a >= 0)).toBe(true);
  });

  it("warns about a barrier the theatre has no river for", () => {
    const s = scenarioOf({ ...BOX, barriers: ["Nile"] }, [{ id: "a", at: [38.3, 35.5] }], []);
    const p = compilePartition(s, resolveTheatre(BOX, undefined, WATER));
    expect(p.warnings.map((w) => w.message).join("\n")).toMatch(
      /barrier river "Nile" is not among the theatre's rivers \(Test River\)/,
    );
  });
});

describe("rivers and lakes data", () => {
  const h = loadHydrography();
  const named = (name: string) => h.features.find((f) => f.properties.name === name);
  it("has the major rivers and lakes of Syria and Iraq, named", () => {
    for (const n of ["Euphrates", "Tigris", "Khabur", "Orontes", "Little Zab"])
      expect(named(n)?.properties.kind).toBe("river");
    for (const n of ["Lake Assad", "Lake Tharthar", "Lake Habbaniyah", "Lake Razzaza"])
      expect(named(n)?.properties.kind).toBe("lake");
  });

  it("draws Lake Assad at its published surface (610 km²) and the Euphrates through Raqqa and Deir ez-Zor", () => {
    const assad = named("Lake Assad");
    if (assad?.geometry.type !== "Polygon") throw new Error("no Lake Assad polygon");
    expect(km2(assad.geometry)).toBeGreaterThan(560);
    expect(km2(assad.geometry)).toBeLessThan(660);
    const eu = named("Euphrates");
    if (eu?.geometry.type !== "MultiLineString") throw new Error("no Euphrates");
    const near = (at: Position, km: number): boolean =>
      eu.geometry.coordinates.some((l) =>
        l.some(
          (p) =>
            Math.hypot(
              ((p[0] as number) - (at[0] as number)) * 91,
              ((p[1] as number) - (at[1] as number)) * 111,
            ) < km,
        ),
      );
    expect(near([39.00788, 35.95283], 5)).toBe(true); // Raqqa, GeoNames 172955
    expect(near([40.14084, 35.33588], 5)).toBe(true); // Deir ez-Zor, GeoNames 170794
    expect(near([36.72339, 34.72682], 3)).toBe(false); // Homs is on the Orontes, not the Euphrates
  });

  it("cuts to a box: lines run to its edge, lakes outside it are left out", () => {
    const cut = hydrographyIn(h, [39.5, 35, 40.5, 36]);
    expect(cut.features.some((f) => f.properties.name === "Euphrates")).toBe(true);
    expect(cut.features.some((f) => f.properties.name === "Tigris")).toBe(false);
    expect(cut.features.some((f) => f.properties.name === "Lake Assad")).toBe(false);
  });

  it("extraction helpers: GMT segments parsed with their level, pieces cut at bins joined", () => {
    const segs = parseSegments("> River Bin # 1, Level 2\n1 1\n2 2\n> River Bin # 2, Level 2\n2 2\n3 1\n");
    expect(segs.map((s) => s.level)).toEqual([2, 2]);
    expect(joinPieces(segs.map((s) => s.points))).toEqual([
      [
        [3, 1],
        [2, 2],
        [1, 1],
      ],
    ]);
  });
});

describe("rivers on the exported map", () => {
  it("draws the rivers and lakes in a group of class rivers, the major ones named", async () => {
    const { controlAt } = await import("../../src/cli/at.js");
    const { loadScenario } = await import("../../src/node/load.js");
    const { loadGeometry } = await import("../../src/node/partition-cache.js");
    const scenario = loadScenario("scenarios/deir-ez-zor-2017.yaml").scenario;
    if (!scenario) throw new Error("deir-ez-zor-2017 does not compile");
    const svg = controlAt(scenario, "2017-12-05", "svg", { geometry: loadGeometry(scenario) });
    const group = /<g class="rivers">(.*?)<\/g>/s.exec(svg)?.[1] ?? "";
    expect(group).toMatch(/<path d="M[^"]+" fill="none"/);
    expect(group).toContain(">Euphrates</text>");
    expect(group).toContain(">Khabur</text>");
    // under the fronts: the rivers come before the front line in the drawing order
    expect(svg.indexOf('<g class="rivers">')).toBeLessThan(svg.indexOf('class="front"'));
    expect(svg.indexOf('<g class="control">')).toBeLessThan(svg.indexOf('<g class="rivers">'));
  });
});
