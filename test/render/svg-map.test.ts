// Snapshots of the standalone SVG map, one named function per case. Numbers are rounded to three
// decimals before comparing; on a mismatch the new map is written beside the golden as
// `<name>-changed.svg` so a person can open both.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dayOf } from "../../src/core/dates.js";
import { createHistory, STATUS_CONTESTED } from "../../src/core/fold.js";
import type { CompiledEvent, CompiledScenario, EventDef, TheatreDef } from "../../src/core/types.js";
import { compilePartition } from "../../src/geo/partition.js";
import { resolveTheatre } from "../../src/geo/theatre.js";
import { loadAtlas } from "../../src/node/atlas.js";
import { longDate } from "../../src/core/dates.js";
import { renderSvgMap } from "../../src/render/svg-map.js";
import { BESIEGED, INK } from "../../src/map/style.js";
import { syntheticScenario } from "../bench/synthetic.js";
import { expectGolden } from "../geo/golden.js";

const OUT = "test/fixtures/out";

function normalise(svg: string): string {
  return svg.replace(/-?\d+\.\d{4,}/g, (m) => String(Number(Number(m).toFixed(3))));
}

function expectSvg(name: string, svg: string): void {
  const text = normalise(svg);
  const golden = join(OUT, `svg-map-${name}.svg`);
  expectGolden(golden, text, () => writeFileSync(golden.replace(/\.svg$/, "-changed.svg"), text));
}

/** A hand-made scenario: a town held, one contested, one besieged, an area, events with sources. */
function townScenario(): CompiledScenario {
  const theatre: TheatreDef = { kind: "bbox", bbox: [38.9, 35.88, 39.12, 36.02], tolerance_km: 5 };
  const place = (
    id: string,
    name: string,
    at: [number, number],
    placeKind: "city" | "town" | "neighbourhood",
  ) => ({
    id,
    name,
    aliases: [],
    kind: "place" as const,
    at,
    placeKind,
  });
  const units = [
    place("centre", "Centre", [39.0, 35.95], "city"),
    place("west", "West Quarter", [38.95, 35.96], "neighbourhood"),
    place("east", "East Quarter", [39.06, 35.945], "neighbourhood"),
    place("north", "North Village", [39.01, 35.995], "town"),
    place("south", "South Village", [39.0, 35.9], "town"),
    {
      id: "old-city",
      name: "Old City",
      aliases: [],
      kind: "area" as const,
      polygon: [
        [
          [38.99, 35.94],
          [39.02, 35.94],
          [39.02, 35.96],
          [38.99, 35.96],
          [38.99, 35.94],
        ] as [number, number][],
      ],
    },
  ];
  const event = (
    index: number,
    date: string,
    op: "control" | "contest" | "siege",
    unitList: number[],
    faction: number,
    by: number,
    title: string,
    publication: string,
  ): CompiledEvent => ({
    index,
    id: `e${index}`,
    ...(op === "control"
      ? { type: op, units: unitList, faction, onlyFrom: 0 }
      : { type: op, units: unitList, by }),
    date,
    day: dayOf(date),
    title,
    date_precision: "day",
    confidence: "assessed",
    def: {
      id: `e${index}`,
      date,
      date_precision: "day",
      title,
      sources: [{ publication, date }],
      confidence: "assessed",
      type: "note",
      text: title,
    } as EventDef,
  });
  return {
    id: "town",
    title: "The battle for the town",
    description: "",
    start: "2017-06-01",
    end: "2017-10-31",
    view: {},
    theatre,
    factions: [
      { id: "isis", name: "Islamic State", color: "#4d4d4d" },
      { id: "sdf", name: "Syrian Democratic Forces", color: "#f0e442" },
    ],
    units,
    placeCount: 5,
    initial: [0, 1, 2, 3, 4, 5].map((unit) => ({ unit, faction: 1, status: "held" as const, by: 0 })),
    log: [
      event(0, "2017-06-06", "control", [2, 4], 2, 0, "East Quarter and the south fall", "Reuters"),
      event(1, "2017-07-03", "control", [1], 2, 0, "West Quarter falls", "AFP"),
      event(2, "2017-07-04", "contest", [5], 0, 1 << 2, "Fighting in the Old City", "AP"),
      event(3, "2017-07-05", "siege", [3], 0, 1 << 2, "North Village surrounded", "Reuters"),
    ],
  };
}

describe("renderSvgMap", () => {
  it("town-bbox", () => {
    const scenario = townScenario();
    const theatre = resolveTheatre(scenario.theatre, loadAtlas("50m"));
    const partition = compilePartition(scenario, theatre);
    const date = "2017-07-05";
    const state = createHistory(scenario).stateAt(date);
    const svg = renderSvgMap({ scenario, theatre, partition, date, state }, { width: 1000 });
    expect(svg).toContain("The battle for the town");
    expect(svg).toContain(longDate("2017-07-05"));
    expect(svg).toContain('class="contested"');
    expect(svg).toContain('class="besieged"');
    expect(svg).toContain("Sources: Reuters, AFP, AP.");
    expectSvg("town-bbox", svg);
  });

  it("rings the dot of a besieged place in red and of a contested place in ink; held places have none", () => {
    const scenario = townScenario();
    const theatre = resolveTheatre(scenario.theatre, loadAtlas("50m"));
    const partition = compilePartition(scenario, theatre);
    const rings = (svg: string) =>
      [...svg.matchAll(/<circle class="ring" cx="([\d.]+)" cy="([\d.]+)"[^>]*stroke="(#[0-9a-f]+)"/g)].map(
        (m) => m[3],
      );
    // North Village (unit 3) is besieged on 5 July; nobody else is a besieged or contested place.
    const besieged = createHistory(scenario).stateAt("2017-07-05");
    expect(
      rings(renderSvgMap({ scenario, theatre, partition, date: "2017-07-05", state: besieged })),
    ).toEqual([BESIEGED]);
    // Before the siege and the contest: no ring at all.
    const before = createHistory(scenario).stateAt("2017-07-03");
    expect(rings(renderSvgMap({ scenario, theatre, partition, date: "2017-07-03", state: before }))).toEqual(
      [],
    );
    // The same state with the Centre (unit 0) contested: an ink ring beside the red one.
    const status = besieged.status.slice();
    status[0] = STATUS_CONTESTED;
    const contested = { ...besieged, status };
    expect(
      rings(renderSvgMap({ scenario, theatre, partition, date: "2017-07-05", state: contested })).sort(),
    ).toEqual([INK, BESIEGED].sort());
  });

  it("syria-synthetic", () => {
    const def: TheatreDef = { kind: "countries", countries: ["SY"], resolution: "50m", tolerance_km: 10 };
    const theatre = resolveTheatre(def, loadAtlas("50m"));
    const scenario = syntheticScenario(def, theatre.outline, {
      places: 150,
      areas: 3,
      events: 800,
      seed: 11,
    });
    const partition = compilePartition(scenario, theatre);
    const date = "2016-03-01";
    const state = createHistory(scenario).stateAt(date);
    const svg = renderSvgMap({ scenario, theatre, partition, date, state }, { width: 900 });
    expect(svg).toContain("TURKEY");
    expectSvg("syria-synthetic", svg);
  });
});
