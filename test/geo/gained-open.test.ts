// The compare table's two figures: ground that changed hands, split into settled ground and
// open country (the part beyond every place's reach).
import { describe, expect, it } from "vitest";
import type { TheatreDef } from "../../src/core/types.js";
import { gainedLost, km2SettledOpen } from "../../src/geo/control.js";
import { compilePartition } from "../../src/geo/partition.js";
import { resolveTheatre } from "../../src/geo/theatre.js";
import { scenarioOf } from "./arbitrary.js";

const BOX: TheatreDef = { kind: "bbox", bbox: [38, 35, 39, 36], tolerance_km: 5, reach_km: { town: 20 } };
const PLACES = [
  { id: "a", at: [38.2, 35.5] as [number, number] },
  { id: "b", at: [38.8, 35.5] as [number, number] },
];

describe("gainedLost with open country", () => {
  const p = compilePartition(scenarioOf(BOX, PLACES, []), resolveTheatre(BOX));
  const n = p.faces.place.length;

  it("says how much of each pair's km² lay in open country", () => {
    const before = new Uint8Array(n).fill(1);
    // b's ground, settled and open, passes from faction 1 to faction 2.
    const after = Uint8Array.from(p.faces.place, (pl) => (pl === 1 ? 2 : 1));
    const { pairs } = gainedLost(p, before, after);
    expect(pairs).toHaveLength(1);
    const pair = pairs[0];
    if (!pair) throw new Error("no pair");
    expect(pair.from).toBe(1);
    expect(pair.to).toBe(2);
    // It matches the settled/open split of what faction 2 then holds.
    const { settled, open } = km2SettledOpen(p, after, 2);
    expect(pair.openKm2).toBeCloseTo(open[2] ?? 0, 6);
    expect(pair.km2 - pair.openKm2).toBeCloseTo(settled[2] ?? 0, 6);
    // A disc of 20 km around b is settled; the rest of its half of the box is open.
    expect(pair.km2 - pair.openKm2).toBeGreaterThan(Math.PI * 20 * 20 * 0.98);
    expect(pair.openKm2).toBeGreaterThan(pair.km2 - pair.openKm2);
  });

  it("counts no open country in a theatre without reach", () => {
    const plainBox: TheatreDef = { kind: "bbox", bbox: [38, 35, 39, 36], tolerance_km: 5 };
    const q = compilePartition(scenarioOf(plainBox, PLACES, []), resolveTheatre(plainBox));
    const after = Uint8Array.from(q.faces.place, (pl) => (pl === 1 ? 2 : 1));
    const { pairs } = gainedLost(q, new Uint8Array(q.faces.place.length).fill(1), after);
    expect(pairs.map((x) => x.openKm2)).toEqual([0]);
  });
});
