import { beforeAll, describe, expect, it } from "vitest";
import { dayOf } from "../../src/core/dates.js";
import { createHistory, STATUS_CONTESTED } from "../../src/core/fold.js";
import { faceOwners } from "../../src/geo/control.js";
import { buildBundle, type ScenarioBundle } from "../../src/node/bundle.js";
import { decodeArcs, geometryFromBundle, FRAME_WIDTH } from "../../src/ui/geometry.js";
import { changedEdgePath, frontPath, type MapGeometry } from "../../src/ui/map-model.js";

let bundle: ScenarioBundle;
let geometry: MapGeometry;

beforeAll(() => {
  const result = buildBundle("test/ui/fixtures/tiny.yaml");
  if (!result.bundle) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
  bundle = result.bundle;
  geometry = geometryFromBundle(bundle);
});

describe("geometryFromBundle", () => {
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
    const owners = new Uint8Array(geometry.facePaths.length);
    geometry.owners(state, owners);
    expect([...owners]).toEqual([...faceOwners(bundle.partition, state)]);
    const deciders = new Int32Array(owners.length);
    geometry.deciders(state, deciders);
    const oldCity = bundle.scenario.units.findIndex((u) => u.id === "old-city");
    const contested = [...deciders].filter((u) => u === oldCity);
    expect(contested.length).toBeGreaterThan(0);
    expect(state.status[oldCity]).toBe(STATUS_CONTESTED);
    // Every face lists the units covering it; the area covers some.
    const covered = geometry.facePaths
      .map((_, f) => geometry.faceUnits(f))
      .filter((us) => us.includes(oldCity));
    expect(covered.length).toBe(contested.length);
  });

  it("decodes arcs to positions inside the theatre's box", () => {
    for (const arc of decodeArcs(bundle.partition))
      for (const [lon, lat] of arc) {
        expect(lon).toBeGreaterThanOrEqual(38.9 - 1e-6);
        expect(lon).toBeLessThanOrEqual(39.1 + 1e-6);
        expect(lat).toBeGreaterThanOrEqual(35.9 - 1e-6);
        expect(lat).toBeLessThanOrEqual(36.0 + 1e-6);
      }
  });

  it("does not name a country that lies under the theatre", () => {
    for (const b of geometry.basemap) expect(b.label).toBeUndefined();
  });
});

describe("front and changed edges", () => {
  const arcs = [
    { path: "M0,0L1,0", a: 0, b: 1 },
    { path: "M1,0L2,0", a: 1, b: 2 },
    { path: "M2,0L3,0", a: 2, b: -1 },
    { path: "M3,0L4,0", a: 0, b: 3 },
  ];

  it("draws arcs between different known owners only", () => {
    expect(frontPath(arcs, Uint8Array.from([1, 2, 2, 0]))).toBe("M0,0L1,0");
  });

  it("outlines changed ground against unchanged ground and the outside", () => {
    expect(changedEdgePath(arcs, Uint8Array.from([0, 1, 1, 0]))).toBe("M0,0L1,0M2,0L3,0");
  });
});
