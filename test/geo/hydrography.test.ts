import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { Position } from "geojson";
import { describe, expect, it } from "vitest";
import { km2 } from "../../src/geo/area.js";
import { greatCircleKm } from "../../src/core/geodesy.js";
import type { HydroFeature, Hydrography } from "../../src/geo/hydrography.js";
import { hydrographyDigest } from "../../src/geo/hydrography.js";
import {
  DERIVED_RIVERS,
  REGION,
  RESERVOIRS,
  TOLERANCE,
  hydrographyText,
  simplified,
} from "../../src/node/hydrography.js";

const text = readFileSync(new URL("../../src/geo/hydrography.json", import.meta.url), "utf8");
const h = JSON.parse(text) as Hydrography;
const features: readonly HydroFeature[] = h.features;
const named = (name: string): HydroFeature | undefined => features.find((f) => f.properties.name === name);
/** The rivers the map names wherever they are in view. */
const MAJOR_RIVERS = ["Euphrates", "Tigris", "Khabur", "Balikh", "Orontes", "Great Zab", "Little Zab"];
const points = (f: HydroFeature): Position[] => f.geometry.coordinates.flat();

describe("the committed rivers and lakes file", () => {
  it("is what its metadata says: digest, features, tolerances, rounding, region, size", () => {
    const meta = h.meta;
    if (!meta) throw new Error("src/geo/hydrography.json has no meta");
    expect(meta.digest).toBe(hydrographyDigest(features));
    expect(meta.features).toEqual(
      features.map((f) => ({
        kind: f.properties.kind,
        name: f.properties.name,
        source: f.properties.source ?? "WDBII",
        vertices: points(f).length,
      })),
    );
    expect(meta.tolerance).toEqual({ rivers: TOLERANCE, lakes: TOLERANCE / 2 });
    expect(meta.region).toEqual([...REGION]);
    const scale = 10 ** meta.decimals;
    for (const f of features)
      for (const p of points(f)) {
        for (const v of p) expect(Math.abs(Math.round(v * scale) - v * scale)).toBeLessThan(1e-6);
        // GMT returns the whole data bins (up to 2°) that meet the region
        expect(p[0]).toBeGreaterThanOrEqual(REGION[0] - 2);
        expect(p[0]).toBeLessThanOrEqual(REGION[2] + 2);
        expect(p[1]).toBeGreaterThanOrEqual(REGION[1] - 2);
        expect(p[1]).toBeLessThanOrEqual(REGION[3] + 2);
      }
    // written as the script writes it, and compact
    expect(hydrographyText(h)).toBe(text);
    expect(text.length).toBeLessThan(250_000);
  });

  it("names the major rivers and lakes", () => {
    for (const n of [...MAJOR_RIVERS, "Diyala"]) expect(named(n)?.properties.kind).toBe("river");
    for (const n of ["Lake Assad", "Mosul Dam Lake", "Lake Qadisiyah", "Lake Tharthar", "Lake Habbaniyah"])
      expect(named(n)?.properties.kind).toBe("lake");
  });

  it("draws the derived reservoirs at their published surfaces, on their rivers, near their dams", () => {
    for (const r of RESERVOIRS) {
      const lake = named(r.name);
      if (lake?.geometry.type !== "Polygon") throw new Error(`no ${r.name} polygon`);
      expect(lake.properties.source).toBe("derived");
      expect(km2(lake.geometry)).toBeGreaterThan(r.areaKm2 * 0.93);
      expect(km2(lake.geometry)).toBeLessThan(r.areaKm2 * 1.07);
      const river = named(r.river);
      if (!river) throw new Error(`no ${r.river}`);
      const ring = lake.geometry.coordinates[0] ?? [];
      // the river runs through the lake
      const inside = points(river).filter((p) => ring.some((q) => greatCircleKm(p, q) < 3));
      expect(inside.length).toBeGreaterThan(3);
      if ("at" in r.dam) {
        const dam = r.dam.at;
        expect(Math.min(...ring.map((q) => greatCircleKm(q, dam)))).toBeLessThan(8);
      }
    }
  });

  it("joins the Great Zab to the Tigris at its published mouth and the Balikh to the Euphrates", () => {
    const zab = named("Great Zab");
    const tigris = named("Tigris");
    if (!zab || !tigris) throw new Error("no Great Zab or Tigris");
    const mouth: Position = [43.34361, 35.99111];
    const zabEnd = points(zab).reduce((a, p) => (greatCircleKm(p, mouth) < greatCircleKm(a, mouth) ? p : a));
    expect(greatCircleKm(zabEnd, mouth)).toBeLessThan(4);
    expect(Math.min(...points(tigris).map((p) => greatCircleKm(p, zabEnd)))).toBeLessThan(4);
    // it reaches Hakkâri (GeoNames 318137), far upstream
    expect(Math.min(...points(zab).map((p) => greatCircleKm(p, [43.74083, 37.57444])))).toBeLessThan(8);

    const balikh = named("Balikh");
    const euphrates = named("Euphrates");
    if (!balikh || !euphrates) throw new Error("no Balikh or Euphrates");
    expect(balikh.properties.source).toBe("derived");
    const b = points(balikh);
    const d = DERIVED_RIVERS.find((x) => x.name === "Balikh");
    expect(greatCircleKm(b[0] as Position, d?.source ?? [0, 0])).toBeLessThan(0.02);
    const end = b[b.length - 1] as Position;
    expect(points(euphrates).some((p) => p[0] === end[0] && p[1] === end[1])).toBe(true);
  });
});

describe("the simplifier", () => {
  const point = fc.tuple(
    fc.double({ min: 30, max: 50, noNaN: true }),
    fc.double({ min: 25, max: 40, noNaN: true }),
  );
  const r4 = (v: number): number => Math.round(v * 1e4) / 1e4;
  it("keeps the end points, rounds to 1e-4°, repeats no point and only keeps input points", () => {
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 2, maxLength: 60 }),
        fc.double({ min: 0, max: 0.05 }),
        (line, tol) => {
          const out = simplified(line, tol);
          const rounded = line.map((p) => [r4(p[0]), r4(p[1])]);
          const keys = new Set(rounded.map((p) => p.join(",")));
          for (const p of out) expect(keys.has(p.join(","))).toBe(true);
          for (let i = 1; i < out.length; i++) expect(out[i]).not.toEqual(out[i - 1]);
          expect(out.length).toBeLessThanOrEqual(line.length);
          const first = rounded[0] as number[];
          const last = rounded[rounded.length - 1] as number[];
          expect(out[0]).toEqual(first);
          if (first.join(",") !== last.join(",")) expect(out[out.length - 1]).toEqual(last);
          // deterministic
          expect(simplified(line, tol)).toEqual(out);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("names of rivers and lakes on the exported map", () => {
  it("names every major river and lake in view of the whole-caliphate map, none twice", async () => {
    const { controlAt } = await import("../../src/cli/at.js");
    const { loadScenario } = await import("../../src/node/load.js");
    const { loadGeometry } = await import("../../src/node/partition-cache.js");
    const scenario = loadScenario("scenarios/iraq-syria-2014-2019.yaml").scenario;
    if (!scenario) throw new Error("iraq-syria-2014-2019 does not compile");
    const svg = controlAt(scenario, "2016-09-01", "svg", { geometry: loadGeometry(scenario) });
    const group = /<g class="rivers">(.*?)<\/g>/s.exec(svg)?.[1] ?? "";
    const names = [...group.matchAll(/>([^<>]+)<\/text>/g)].map((m) => m[1]);
    for (const n of [...MAJOR_RIVERS, "Lake Assad", "Mosul Dam Lake", "Lake Qadisiyah", "Lake Tharthar"])
      expect(names).toContain(n);
    expect(new Set(names).size).toBe(names.length);
  });
});
