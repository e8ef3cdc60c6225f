import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countThrough, createHistory, naiveStateAtIndex } from "../../src/core/fold.js";
import { dayOf } from "../../src/core/dates.js";
import type { TheatreDef } from "../../src/core/types.js";
import { faceOwners, frontArcs } from "../../src/geo/control.js";
import { compilePartition } from "../../src/geo/partition.js";
import { resolveTheatre } from "../../src/geo/theatre.js";
import {
  controlFrame,
  fillPaths,
  frontPath,
  mapFrame,
  type ControlFrame,
  type MapFrame,
} from "../../src/map/frame.js";
import { projectBundle } from "../../src/map/project.js";
import { moveView, type DayView } from "../../src/ui/scenario-state.js";
import { syntheticScenario } from "../bench/synthetic.js";

const DEF: TheatreDef = {
  kind: "polygon",
  polygon: [
    [
      [38, 35],
      [39.5, 35.2],
      [39.2, 36.4],
      [38.1, 36.1],
      [38, 35],
    ],
  ],
  tolerance_km: 5,
};

describe("per-frame geometry", () => {
  const theatre = resolveTheatre(DEF);
  const scenario = syntheticScenario(DEF, theatre.outline, { places: 300, areas: 4, events: 3000, seed: 5 });
  const partition = compilePartition(scenario, theatre);
  const pp = projectBundle(
    { scenario, theatre, partition },
    {
      extent: [
        [0, 0],
        [800, 600],
      ],
    },
  );
  const projection = (p: [number, number]) => pp.project(p);

  it("projects the theatre into the frame, right side up (north at the top)", () => {
    const north = projection([38.5, 36.2]) as [number, number];
    const south = projection([38.5, 35.1]) as [number, number];
    expect(north[1]).toBeLessThan(south[1]);
    for (const d of pp.facePaths) expect(d).toMatch(/^M[\d.-]+,[\d.-]+L.*Z$/);
  });

  it("draws a front-line segment for exactly the arcs whose owners differ, on every day of the scenario", () => {
    const history = createHistory(scenario);
    const state = history.blank();
    let owners: Uint8Array | undefined;
    let reused: MapFrame | undefined;
    let step = 0;
    for (let day = dayOf(scenario.start); day <= dayOf(scenario.end); day += 37) {
      history.stateAt(day, state);
      owners = faceOwners(partition, state, owners);
      const arcs = frontArcs(partition, owners, { includeUnknown: false });
      const path = frontPath(pp, owners);
      expect((path.match(/M/g) ?? []).length).toBe(arcs.length);
      const fills = fillPaths(pp, owners, scenario.factions.length);
      const buckets: number[][] = Array.from({ length: scenario.factions.length + 1 }, () => []);
      owners.forEach((o, f) => buckets[o]?.push(f));
      expect(buckets.reduce((s, b) => s + b.length, 0)).toBe(pp.faceCount);
      // The frame the app draws has the same owners and front line.
      const frame = mapFrame(pp, state);
      expect([...frame.owners]).toEqual([...owners]);
      expect(frame.frontPath).toBe(path);
      // Frame after frame in the same buffers, the paths read on some dates only (they are
      // joined when read): each is its own date's.
      reused = mapFrame(pp, state, reused);
      if (step++ % 3 !== 1) {
        expect(reused.frontPath).toBe(path);
        expect(reused.contestedPath).toBe(frame.contestedPath);
        expect(reused.besiegedPath).toBe(frame.besiegedPath);
      }
      fills.forEach((d, code) =>
        expect((d.match(/M/g) ?? []).length).toBeGreaterThanOrEqual(buckets[code]?.length ?? 0),
      );
    }
  });
});

const deltaTheatre = resolveTheatre(DEF);

/** A move of the date: a day forward or back, a few days, or a jump anywhere. */
const move = fc.oneof(
  fc.constant({ by: 1 }),
  fc.constant({ by: -1 }),
  fc.integer({ min: -40, max: 40 }).map((by) => ({ by })),
  fc.double({ min: 0, max: 1, noNaN: true }).map((to) => ({ to })),
);

function expectSameFrame(got: ControlFrame, want: ControlFrame): void {
  expect(got.owners).toEqual(want.owners);
  expect(got.deciders).toEqual(want.deciders);
  expect(got.faceStatus).toEqual(want.faceStatus);
  expect(got.hasContested).toBe(want.hasContested);
  expect(got.hasBesieged).toBe(want.hasBesieged);
  expect(got.hasFront).toBe(want.hasFront);
  expect([got.contestedFaces, got.besiegedFaces, got.frontArcs]).toEqual([
    want.contestedFaces,
    want.besiegedFaces,
    want.frontArcs,
  ]);
  // Areas are added and taken away face by face: equal up to rounding.
  expect(got.km2.length).toBe(want.km2.length);
  want.km2.forEach((v, i) =>
    expect(Math.abs((got.km2[i] as number) - v)).toBeLessThanOrEqual(1e-6 * (1 + v)),
  );
  // Ground nobody holds any more is exactly nothing.
  want.km2.forEach((v, i) => {
    if (v === 0) expect(got.km2[i]).toBe(0);
  });
}

describe("a frame moved date to date by what changed", () => {
  it("equals the frame made from scratch, for random scenarios and date sequences (forward, back, jumps)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 20, max: 160 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 2, max: 4 }),
        fc.array(move, { minLength: 1, maxLength: 60 }),
        (seed, places, areas, factions, moves) => {
          const scenario = syntheticScenario(DEF, deltaTheatre.outline, {
            places,
            areas,
            factions,
            events: 8 * places,
            days: 120,
            seed,
          });
          const partition = compilePartition(scenario, deltaTheatre);
          const bundle = { scenario, theatre: deltaTheatre, partition };
          const map = projectBundle(bundle);
          const history = createHistory(scenario);
          const first = dayOf(scenario.start);
          const last = dayOf(scenario.end);
          const onScreen: DayView<MapFrame> = { state: history.blank(), frame: undefined };
          const chart: DayView<ControlFrame> = { state: history.blank(), frame: undefined };
          let day = first;
          for (const m of moves) {
            day =
              "to" in m
                ? first + Math.floor(m.to * (last - first + 1))
                : Math.max(first - 2, Math.min(last + 2, day + m.by));
            moveView(history, onScreen, day, (s, reuse, changed) => mapFrame(map, s, reuse, changed));
            moveView(history, chart, day, (s, reuse, changed) => controlFrame(bundle, s, reuse, changed));
            const fresh = mapFrame(map, naiveStateAtIndex(scenario, countThrough(scenario.log, day)));
            const got = onScreen.frame as MapFrame;
            expectSameFrame(got, fresh);
            expectSameFrame(chart.frame as ControlFrame, fresh);
            expect(got.frontPath).toBe(fresh.frontPath);
            expect(got.contestedPath).toBe(fresh.contestedPath);
            expect(got.besiegedPath).toBe(fresh.besiegedPath);
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});
