// Random geometry for the property tests: a star-shaped theatre, places inside it, a few areas
// (which may stick out of the theatre), and a random control state, as a compiled scenario.

import fc from "fast-check";
import type { ControlState } from "../../src/core/fold.js";
import type {
  CompiledScenario,
  CompiledUnit,
  FactionDef,
  LonLat,
  Ring,
  TheatreDef,
} from "../../src/core/types.js";
import type { Hydrography } from "../../src/geo/hydrography.js";
import { resolveTheatre, type ResolvedTheatre } from "../../src/geo/theatre.js";

/** Rivers and lakes holding one major river named "Test River" along `line` ([lon, lat] points). */
export function testRiver(line: readonly (readonly [number, number])[]): Hydrography {
  return {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: { kind: "river", name: "Test River", major: true },
        geometry: { type: "MultiLineString", coordinates: [line.map((p) => [p[0], p[1]])] },
      },
    ],
  };
}

export const FACTIONS: FactionDef[] = [
  { id: "red", name: "Red", color: "#c0504d" },
  { id: "blue", name: "Blue", color: "#4f81bd" },
  { id: "green", name: "Green", color: "#9bbb59" },
];

export interface GeoCase {
  readonly scenario: CompiledScenario;
  readonly theatre: ResolvedTheatre;
  readonly state: ControlState;
}

const CENTRE: LonLat = [38.5, 35.5];

function star(centre: LonLat, radii: readonly number[], phase: number): LonLat[] {
  const k = radii.length;
  const cos = Math.cos((centre[1] * Math.PI) / 180);
  const ring: LonLat[] = radii.map((r, i) => {
    const t = phase + (2 * Math.PI * i) / k;
    return [round7(centre[0] + (r * Math.cos(t)) / cos), round7(centre[1] + r * Math.sin(t))];
  });
  ring.push(ring[0] as LonLat);
  return ring;
}

function round7(x: number): number {
  return Math.round(x * 1e7) / 1e7;
}

/** A scenario built from plain parts (no events: control comes from the state under test). */
export function scenarioOf(
  theatre: TheatreDef,
  places: readonly { id: string; at: LonLat }[],
  areas: readonly { id: string; polygon: readonly Ring[] }[],
  factions: readonly FactionDef[] = FACTIONS,
): CompiledScenario {
  const units: CompiledUnit[] = [
    ...places.map((p) => ({
      id: p.id,
      name: p.id,
      aliases: [],
      kind: "place" as const,
      at: p.at,
      placeKind: "town" as const,
    })),
    ...areas.map((a) => ({ id: a.id, name: a.id, aliases: [], kind: "area" as const, polygon: a.polygon })),
  ];
  return {
    id: "case",
    title: "Case",
    description: "",
    start: "2017-01-01",
    end: "2017-12-31",
    view: {},
    theatre,
    factions,
    units,
    placeCount: places.length,
    initial: [],
    log: [],
  };
}

/** A state with the given per-unit values. */
export function stateOf(faction: number[], status: number[], by: number[], cause: number[]): ControlState {
  return {
    faction: Uint8Array.from(faction),
    status: Uint8Array.from(status),
    by: Uint32Array.from(by),
    cause: Int32Array.from(cause),
    applied: 0,
  };
}

export const geoCase = (options: { maxPlaces?: number; maxAreas?: number } = {}): fc.Arbitrary<GeoCase> =>
  fc
    .record({
      radii: fc.array(fc.double({ min: 0.35, max: 1, noNaN: true }), { minLength: 5, maxLength: 10 }),
      phase: fc.double({ min: 0, max: 1, noNaN: true }),
      places: fc.array(
        fc.record({
          angle: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
          f: fc.double({ min: 0, max: 0.7, noNaN: true }),
        }),
        { minLength: 1, maxLength: options.maxPlaces ?? 30 },
      ),
      areas: fc.array(
        fc.record({
          place: fc.nat(),
          radii: fc.array(fc.double({ min: 0.04, max: 0.5, noNaN: true }), { minLength: 4, maxLength: 8 }),
          phase: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        { maxLength: options.maxAreas ?? 3 },
      ),
      control: fc.array(
        fc.record({
          faction: fc.integer({ min: 0, max: FACTIONS.length }),
          status: fc.integer({ min: 1, max: 3 }),
          by: fc.integer({ min: 0, max: 15 }).map((m) => m & ~1),
          cause: fc.integer({ min: -2, max: 12 }),
        }),
        { minLength: 64, maxLength: 64 },
      ),
    })
    .map(({ radii, phase, places, areas, control }) => {
      const outline = star(CENTRE, radii, phase);
      const k = radii.length;
      const cos = Math.cos((CENTRE[1] * Math.PI) / 180);
      const placeList = places.map((p, i) => {
        // inside the star: a fraction of the smaller radius of the two rays around the angle
        const sector =
          Math.floor(((p.angle - phase + 4 * Math.PI) % (2 * Math.PI)) / ((2 * Math.PI) / k)) % k;
        const r = Math.min(radii[sector] as number, radii[(sector + 1) % k] as number) * p.f;
        return {
          id: `p${i}`,
          at: [
            round7(CENTRE[0] + (r * Math.cos(p.angle)) / cos),
            round7(CENTRE[1] + r * Math.sin(p.angle)),
          ] as LonLat,
        };
      });
      const areaList = areas.map((a, i) => ({
        id: `a${i}`,
        polygon: [
          star((placeList[a.place % placeList.length] as { at: LonLat }).at, a.radii, a.phase) as Ring,
        ],
      }));
      const theatreDef: TheatreDef = { kind: "polygon", polygon: [outline], tolerance_km: 5 };
      const scenario = scenarioOf(theatreDef, placeList, areaList);
      const n = scenario.units.length;
      const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;
      const c = Array.from({ length: n }, (_, i) => pick(control, i));
      const state = stateOf(
        c.map((x) => (x.cause === -2 ? 0 : x.faction)),
        c.map((x) => (x.cause === -2 ? 0 : x.status)),
        c.map((x) => (x.status === 1 ? 0 : x.by)),
        c.map((x) => x.cause),
      );
      return { scenario, theatre: resolveTheatre(theatreDef), state };
    });
