// Partitions and control polygons of hand-made fixtures (test/fixtures/in → out), and of the
// shipped scenarios at a chosen date. A change in any of them is a change someone must look at.

import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, it } from "vitest";
import { controlAt } from "../../src/cli/at.js";
import type { LonLat, Ring, TheatreDef } from "../../src/core/types.js";
import { faceGeometry, faceOwners, frontLines, gainedLost } from "../../src/geo/control.js";
import { compilePartition } from "../../src/geo/partition.js";
import { resolveTheatre } from "../../src/geo/theatre.js";
import { atlasFor } from "../../src/node/atlas.js";
import { loadScenario } from "../../src/node/load.js";
import { controlFeatures } from "../../src/render/geojson.js";
import { FACTIONS, scenarioOf, stateOf } from "./arbitrary.js";
import { expectGolden, geojsonText } from "./golden.js";

interface Fixture {
  readonly comment: string;
  readonly theatre: TheatreDef;
  readonly places: readonly [string, number, number][];
  readonly areas: readonly [string, Ring[]][];
  readonly control: Readonly<Record<string, readonly string[]>>;
  readonly later?: Readonly<Record<string, readonly string[]>>;
}

const IN = "test/fixtures/in";
const OUT = "test/fixtures/out";

describe("partition fixtures", () => {
  for (const file of readdirSync(IN)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const name = basename(file, ".json");
    it(name, () => {
      const fx = JSON.parse(readFileSync(join(IN, file), "utf8")) as Fixture;
      const scenario = scenarioOf(
        fx.theatre,
        fx.places.map(([id, lon, lat]) => ({ id, at: [lon, lat] as LonLat })),
        fx.areas.map(([id, polygon]) => ({ id, polygon })),
      );
      const partition = compilePartition(scenario, resolveTheatre(fx.theatre));
      const n = scenario.units.length;
      const index = (id: string): number => scenario.units.findIndex((u) => u.id === id);
      const faction = new Array<number>(n).fill(0);
      const status = new Array<number>(n).fill(0);
      const cause = new Array<number>(n).fill(-2);
      const apply = (control: Readonly<Record<string, readonly string[]>>, when: number): void => {
        for (const [fid, ids] of Object.entries(control))
          for (const id of ids) {
            const u = index(id);
            faction[u] = FACTIONS.findIndex((f) => f.id === fid) + 1;
            status[u] = 1;
            cause[u] = when;
          }
      };
      apply(fx.control, -1);
      const state = stateOf(faction, status, new Array<number>(n).fill(0), cause);
      const owners = faceOwners(partition, state);
      const faces = partition.faces.place.map((place, i) => ({
        type: "Feature" as const,
        properties: {
          kind: "face",
          face: i,
          place: place >= 0 ? (scenario.units[place]?.id ?? null) : null,
          areas: partition.faces.areas
            .slice(partition.faces.areaStart[i], partition.faces.areaStart[i + 1])
            .map((a) => scenario.units[a]?.id),
          km2: Math.round((partition.faces.km2[i] as number) * 1000) / 1000,
        },
        geometry: faceGeometry(partition, i),
      }));
      const extra: Record<string, unknown> = {};
      if (fx.later) {
        apply(fx.later, 0);
        const later = faceOwners(partition, stateOf(faction, status, new Array<number>(n).fill(0), cause));
        extra.gained_lost = gainedLost(partition, owners, later).pairs.map((p) => ({
          from: p.from,
          to: p.to,
          km2: Math.round(p.km2 * 1000) / 1000,
        }));
      }
      const out = {
        type: "FeatureCollection",
        comment: fx.comment,
        theatre_km2: Math.round(partition.theatreKm2 * 1000) / 1000,
        warnings: partition.warnings.map((w) => w.message),
        ...extra,
        features: [
          ...faces,
          ...controlFeatures(partition, owners, FACTIONS, { state, units: scenario.units }),
          ...frontLines(partition, owners, FACTIONS).features.map((f) => ({
            ...f,
            properties: { kind: "front", ...f.properties },
          })),
        ],
      };
      expectGolden(join(OUT, `${name}.geojson`), geojsonText(out));
    });
  }
});

describe("shipped scenarios at a chosen date", () => {
  const files = ((): string[] => {
    try {
      return readdirSync("scenarios").filter((f) => f.endsWith(".yaml") && !f.includes(".events."));
    } catch {
      return [];
    }
  })();
  for (const file of files.sort()) {
    it(file, () => {
      const result = loadScenario(join("scenarios", file));
      const scenario = result.scenario;
      if (!scenario) throw new Error(`${file} does not compile`);
      const theatre = resolveTheatre(scenario.theatre, atlasFor(scenario.theatre));
      const partition = compilePartition(scenario, theatre);
      const date = scenario.view.date ?? scenario.start;
      const text = controlAt(scenario, date, "geojson", { geometry: { theatre, partition } });
      expectGolden(
        join(OUT, `scenario-${basename(file, ".yaml")}.geojson`),
        geojsonText(JSON.parse(text) as never),
      );
    });
  }
});
