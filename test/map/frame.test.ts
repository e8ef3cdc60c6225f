import { describe, expect, it } from "vitest";
import { createHistory } from "../../src/core/fold.js";
import { dayOf } from "../../src/core/dates.js";
import type { TheatreDef } from "../../src/core/types.js";
import { faceOwners, frontArcs } from "../../src/geo/control.js";
import { compilePartition } from "../../src/geo/partition.js";
import { resolveTheatre } from "../../src/geo/theatre.js";
import { fillPaths, frontPath, mapFrame, type MapFrame } from "../../src/map/frame.js";
import { projectBundle } from "../../src/map/project.js";
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
