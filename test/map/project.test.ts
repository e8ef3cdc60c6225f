import { beforeAll, describe, expect, it } from "vitest";
import { dayOf } from "../../src/core/dates.js";
import { createHistory, STATUS_CONTESTED } from "../../src/core/fold.js";
import { faceOwners } from "../../src/geo/control.js";
import { preparePartition } from "../../src/geo/prepared.js";
import type { ScenarioBundle } from "../../src/map/bundle.js";
import { countryLabels } from "../../src/map/country-labels.js";
import { edgePath, facesPath, frontPath, mapFrame } from "../../src/map/frame.js";
import { FRAME_WIDTH, projectBundle, type ProjectedMap } from "../../src/map/project.js";
import { buildBundle } from "../../src/node/bundle.js";

let bundle: ScenarioBundle;
let geometry: ProjectedMap;

beforeAll(() => {
  const result = buildBundle("test/ui/fixtures/tiny.yaml");
  if (!result.bundle) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
  bundle = result.bundle;
  geometry = projectBundle(bundle);
});

describe("projectBundle", () => {
  it("projects every face into a frame of the advertised size", () => {
    expect(geometry.width).toBe(FRAME_WIDTH);
    expect(geometry.facePaths).toHaveLength(bundle.partition.faces.place.length);
    for (const d of geometry.facePaths) {
      expect(d).toMatch(/^M[\d.]+,[\d.]+L/);
      for (const [, x, y] of d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)) {
        expect(Number(x)).toBeGreaterThanOrEqual(-0.01);
        expect(Number(x)).toBeLessThanOrEqual(geometry.width + 0.01);
        expect(Number(y)).toBeGreaterThanOrEqual(-0.01);
        expect(Number(y)).toBeLessThanOrEqual(geometry.height + 0.01);
      }
    }
  });

  it("projects and inverts positions consistently", () => {
    const p = geometry.project([39.0, 35.95]);
    expect(p).toBeDefined();
    const back = geometry.invert(p as [number, number]);
    expect(back?.[0]).toBeCloseTo(39.0, 6);
    expect(back?.[1]).toBeCloseTo(35.95, 6);
  });

  it("measures the frame: a 0.22° wide box is about 20 km across", () => {
    const km = geometry.kmPerPx * geometry.width;
    expect(km).toBeGreaterThan(17);
    expect(km).toBeLessThan(23);
  });

  it("keeps the faces' areas, adding up to the theatre", () => {
    const sum = geometry.faceKm2.reduce((a, b) => a + b, 0);
    expect(sum / geometry.totalKm2).toBeCloseTo(1, 3);
  });

  it("gives owners as the geometry layer does, and the unit deciding each face", () => {
    const history = createHistory(bundle.scenario);
    const state = history.stateAt(dayOf("2017-06-25"));
    const frame = mapFrame(geometry, state);
    const owners = frame.owners;
    expect([...owners]).toEqual([...faceOwners(bundle.partition, state)]);
    const deciders = frame.deciders;
    const oldCity = bundle.scenario.units.findIndex((u) => u.id === "old-city");
    const contested = [...deciders].filter((u) => u === oldCity);
    expect(contested.length).toBeGreaterThan(0);
    expect(state.status[oldCity]).toBe(STATUS_CONTESTED);
    // Every face lists the units covering it; the area covers some.
    const covered = geometry.facePaths
      .map((_, f) => geometry.faceUnits(f))
      .filter((us) => us.includes(oldCity));
    expect(covered.length).toBe(contested.length);
    expect(geometry.facesOfUnit(oldCity)).toHaveLength(covered.length);
  });

  it("decodes arcs to positions inside the theatre's box", () => {
    for (const arc of preparePartition(bundle.partition).arcCoordinates())
      for (let i = 0; i < arc.length; i += 2) {
        const lon = arc[i] as number;
        const lat = arc[i + 1] as number;
        expect(lon).toBeGreaterThanOrEqual(38.9 - 1e-6);
        expect(lon).toBeLessThanOrEqual(39.1 + 1e-6);
        expect(lat).toBeGreaterThanOrEqual(35.9 - 1e-6);
        expect(lat).toBeLessThanOrEqual(36.0 + 1e-6);
      }
  });

  it("does not name a country that lies under the theatre", () => {
    const box = { x0: 0, y0: 0, x1: geometry.width, y1: geometry.height };
    expect(countryLabels(geometry, box)).toEqual([]);
  });
});

describe("front and changed edges", () => {
  const arcs = {
    arcCount: 4,
    arcPaths: ["M0,0L1,0", "M1,0L2,0", "M2,0L3,0", "M3,0L4,0"],
    arcLeft: Int32Array.from([0, 1, 2, 0]),
    arcRight: Int32Array.from([1, 2, -1, 3]),
  };

  it("draws arcs between different known owners only", () => {
    expect(frontPath(arcs, Uint8Array.from([1, 2, 2, 0]))).toBe("M0,0L1,0");
  });

  it("outlines changed ground against unchanged ground and the outside", () => {
    expect(edgePath(arcs, Uint8Array.from([0, 1, 1, 0]))).toBe("M0,0L1,0M2,0L3,0");
  });

  it("keeps only the arcs asked for (a raster patching part of its lines)", () => {
    expect(frontPath(arcs, Uint8Array.from([1, 2, 1, 2]), (a) => a !== 0)).toBe("M1,0L2,0M3,0L4,0");
    expect(frontPath(arcs, Uint8Array.from([1, 2, 1, 2]))).toBe("M0,0L1,0M1,0L2,0M3,0L4,0");
    expect(edgePath(arcs, Uint8Array.from([0, 1, 1, 0]), 1, (a) => a === 2)).toBe("M2,0L3,0");
    // The same as lists of indices (only those visited).
    expect(frontPath(arcs, Uint8Array.from([1, 2, 1, 2]), [1, 3])).toBe("M1,0L2,0M3,0L4,0");
    expect(edgePath(arcs, Uint8Array.from([0, 1, 1, 0]), 1, [2])).toBe("M2,0L3,0");
    expect(facesPath({ faceCount: 3, facePaths: ["a", "b", "c"] }, [1, 0, 1], 1, [0, 1])).toBe("a");
  });
});
