import { describe, expect, it } from "vitest";
import type { TheatreDef } from "../../src/core/types.js";
import { createHistory } from "../../src/core/fold.js";
import { dayOf } from "../../src/core/dates.js";
import { faceOwners, frontArcs, km2ByFaction, km2SettledOpen } from "../../src/geo/control.js";
import { compilePartition } from "../../src/geo/partition.js";
import { preparePartition } from "../../src/geo/prepared.js";
import { reachOf } from "../../src/geo/reach.js";
import { resolveTheatre } from "../../src/geo/theatre.js";
import { loadGeometry } from "../../src/node/partition-cache.js";
import { loadScenario } from "../../src/node/load.js";
import { scenarioOf } from "./arbitrary.js";
import { SOHR_SHARES } from "./published-areas.js";

const BOX: TheatreDef = { kind: "bbox", bbox: [38, 35, 39, 36], tolerance_km: 5 };
const PLACES = [
  { id: "a", at: [38.2, 35.5] as [number, number] },
  { id: "b", at: [38.8, 35.5] as [number, number] },
];

describe("open country", () => {
  it("is off unless the theatre or the place sets a reach; then ground beyond it is open, counted apart", () => {
    const plain = compilePartition(scenarioOf(BOX, PLACES, []), resolveTheatre(BOX));
    expect(plain.faces.open.every((o) => o === 0)).toBe(true);
    const reach = { ...BOX, reach_km: { town: 20 } };
    const s = scenarioOf(reach, PLACES, []);
    expect(reachOf(s.units[0]!, reach)).toBe(20);
    const p = compilePartition(s, resolveTheatre(reach));
    const owners = new Uint8Array(p.faces.place.length).fill(1);
    const { settled, open } = km2SettledOpen(p, owners, 1);
    const all = km2ByFaction(p, owners, 1);
    // two discs of 20 km radius (the box is ≈ 91 × 111 km)
    expect(settled[1]).toBeGreaterThan(2 * Math.PI * 20 * 20 * 0.98);
    expect(settled[1]).toBeLessThan(2 * Math.PI * 20 * 20 * 1.02);
    expect(Math.abs((settled[1] ?? 0) + (open[1] ?? 0) - (all[1] ?? 0))).toBeLessThan(1e-6);
    // no front line runs through open country: differing owners there draw none
    const prepared = preparePartition(p);
    const diff = Uint8Array.from(p.faces.place, (pl) => (pl === 0 ? 1 : 2));
    for (const a of frontArcs(p, diff)) {
      expect(prepared.faceOpen[prepared.arcLeft[a] as number]).toBe(0);
      expect(prepared.faceOpen[prepared.arcRight[a] as number]).toBe(0);
    }
    const openOpen = Array.from({ length: prepared.arcCount }, (_, a) => a).filter((a) => {
      const l = prepared.arcLeft[a] as number;
      const r = prepared.arcRight[a] as number;
      return l >= 0 && r >= 0 && diff[l] !== diff[r] && prepared.faceOpen[l] && prepared.faceOpen[r];
    });
    expect(openOpen.length).toBeGreaterThan(0);
  });
});

/** km² by faction id on `date`: all ground and the settled part. */
function areasOn(file: string, dates: readonly string[]) {
  const scenario = loadScenario(file).scenario;
  if (!scenario) throw new Error(`${file} does not compile`);
  const { partition } = loadGeometry(scenario);
  const history = createHistory(scenario);
  const state = history.blank();
  return dates.map((date) => {
    history.stateAt(dayOf(date), state);
    const owners = faceOwners(partition, state);
    const { settled, open } = km2SettledOpen(partition, owners, scenario.factions.length);
    const byId = (a: Float64Array, b?: Float64Array): Record<string, number> =>
      Object.fromEntries(
        scenario.factions.map((f, i) => [f.id, (a[i + 1] ?? 0) + (b ? (b[i + 1] ?? 0) : 0)]),
      );
    return { date, all: byId(settled, open), settled: byId(settled), theatre: partition.theatreKm2 };
  });
}

describe("published area figures", () => {
  // IS's settled ground against IHS Conflict Monitor (IHS_IS_KM2) is compared, within 25 %, in
  // test/scenarios/joint-overview.test.ts, beside the joint overview's other tests.

  it("the Syria overview's shares of Syria (open country included) are within 5 points of the Syrian Observatory's", () => {
    const figures = SOHR_SHARES.filter((f) => !f.unmatched);
    const rows = areasOn(
      "scenarios/syria-2014-2019.yaml",
      figures.map((f) => f.date),
    );
    figures.forEach((f, i) => {
      const row = rows[i];
      if (!row) throw new Error(f.date);
      for (const [id, pct] of Object.entries(f.percent)) {
        const ours = (100 * (row.all[id] ?? 0)) / row.theatre;
        if (f.atLeast) expect(ours, `${f.date} ${id} (${f.source})`).toBeGreaterThanOrEqual(pct);
        else
          expect(
            Math.abs(ours - pct),
            `${f.date} ${id} (${f.source}): ours ${ours.toFixed(1)} %`,
          ).toBeLessThan(5);
      }
    });
  }, 120_000);
});
