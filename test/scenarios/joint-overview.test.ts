// The joint Iraq–Syria overview: it answers the Syria overview's facts as well as Iraq's (it
// shares Syria's events and ground by inclusion), it shares units with every scenario it overlaps
// (so the cross-scenario comparison is never vacuous), and the Islamic State's km² over time is
// compared with the published IHS Conflict Monitor series.

import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { dayOf } from "../../src/core/dates.js";
import { createHistory } from "../../src/core/fold.js";
import { describeUnit, findUnits } from "../../src/core/query.js";
import type { CompiledScenario } from "../../src/core/types.js";
import { faceOwners, km2SettledOpen } from "../../src/geo/control.js";
import { loadScenario } from "../../src/node/load.js";
import { loadGeometry } from "../../src/node/partition-cache.js";
import { IHS_IS_KM2 } from "../geo/published-areas.js";

const JOINT = "scenarios/iraq-syria-2014-2019.yaml";

function compile(path: string): CompiledScenario {
  const s = loadScenario(path).scenario;
  if (!s) throw new Error(`${path} does not compile`);
  return s;
}

interface Fact {
  place: string;
  date: string;
  faction: string;
}

describe("the joint Iraq–Syria overview", () => {
  const joint = compile(JOINT);
  const history = createHistory(joint);

  it("includes the Syria overview's ground and events rather than copying them", () => {
    const syria = compile("scenarios/syria-2014-2019.yaml");
    const jointIds = new Set(joint.units.map((u) => u.id));
    expect(syria.units.filter((u) => !jointIds.has(u.id)).map((u) => u.id)).toEqual([]);
    const jointEvents = new Set(joint.log.map((e) => e.id));
    const missing = syria.log.filter((e) => e.type !== "chapter" && !jointEvents.has(e.id)).map((e) => e.id);
    expect(missing).toEqual([]);
    // The Syria overview's files are included, not restated: no Syria unit is defined in the joint file.
    const own = parse(readFileSync(JOINT, "utf8")) as {
      places?: unknown[];
      areas?: unknown[];
      include: string[];
    };
    expect(own.places ?? []).toEqual([]);
    expect(own.areas ?? []).toEqual([]);
    expect(own.include).toContain("syria-2014-2019/places.yaml");
  });

  const syriaFacts = parse(readFileSync("test/facts/syria-2014-2019.facts.yaml", "utf8")) as Fact[];
  it.each(syriaFacts.map((f) => [`${f.place} on ${f.date} is ${f.faction}`, f] as const))(
    "answers the Syria overview's fact: %s",
    (_, fact) => {
      const units = findUnits(joint, fact.place);
      expect(units, fact.place).not.toHaveLength(0);
      expect(describeUnit(joint, history.stateAt(fact.date), units[0] as number).faction).toBe(fact.faction);
    },
  );

  const others = readdirSync("scenarios")
    .filter((f) => f.endsWith(".yaml") && `scenarios/${f}` !== JOINT)
    .sort();
  it.each(others)("shares units with %s wherever the two overlap in time and place", (file) => {
    const other = compile(`scenarios/${file}`);
    if (dayOf(other.start) > dayOf(joint.end) || dayOf(other.end) < dayOf(joint.start)) return;
    const ids = new Set(joint.units.map((u) => u.id));
    const shared = other.units.filter((u) => ids.has(u.id));
    // Every shipped scenario lies inside Syria or Iraq, so the joint overview must know some of its
    // places; the pairwise agreement test in scenarios.test.ts then compares them day by day.
    expect(shared.length, `${file} shares no unit with the joint overview`).toBeGreaterThan(0);
  });
});

describe("the Islamic State's km² against the IHS Conflict Monitor series", () => {
  // IHS counts the ground IS holds ("territorial dominance"), not empty desert it crosses, so the
  // figure to compare is `settled_km2`: ground within the reach of places (open country apart).
  let model: { date: string; ihs: number; source: string; km2: number; ratio: number }[] = [];
  beforeAll(() => {
    const joint = compile(JOINT);
    const { partition } = loadGeometry(joint);
    const history = createHistory(joint);
    const isis = joint.factions.findIndex((f) => f.id === "isis") + 1;
    model = IHS_IS_KM2.map(({ date, km2, source }) => {
      const owners = faceOwners(partition, history.stateAt(date));
      const held = km2SettledOpen(partition, owners, joint.factions.length).settled[isis] ?? 0;
      return { date, ihs: km2, source, km2: Math.round(held), ratio: held / km2 };
    });
  }, 120_000);

  it("loses ground across 2016 and into mid-2017 as the published series does", () => {
    const at = (date: string): number => model.find((m) => m.date === date)?.km2 ?? Number.NaN;
    expect(at("2017-06-26")).toBeLessThan(at("2015-01-15") / 2);
    expect(at("2016-07-04")).toBeLessThan(at("2015-12-14"));
    expect(at("2017-06-26")).toBeLessThan(at("2016-12-31"));
  });

  it("sits within 25 % of every IHS figure", () => {
    const off = model.filter((m) => Math.abs(m.ratio - 1) > 0.25);
    expect(off.map((m) => `${m.date}: ours ${m.km2} km², IHS ${m.ihs} km² (${m.source})`)).toEqual([]);
  });
});
