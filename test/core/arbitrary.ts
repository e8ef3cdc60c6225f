// fast-check generators of compiled scenarios: random units, factions and logs, for the
// property tests of the fold (and of anything else that consumes a CompiledScenario).

import fc from "fast-check";
import type { CompiledBody, CompiledEvent, CompiledScenario, ControlType } from "../../src/core/types.js";
import { dateOf, dayOf } from "../../src/core/dates.js";

const START = dayOf("2017-01-01");

export const compiledScenario = (
  options: { maxUnits?: number; maxEvents?: number } = {},
): fc.Arbitrary<CompiledScenario> =>
  fc
    .record({
      unitCount: fc.integer({ min: 1, max: options.maxUnits ?? 12 }),
      factionCount: fc.integer({ min: 1, max: 6 }),
    })
    .chain(({ unitCount, factionCount }) => {
      const unit = fc.integer({ min: 0, max: unitCount - 1 });
      const faction = fc.integer({ min: 1, max: factionCount });
      const mask = fc.integer({ min: 0, max: (1 << (factionCount + 1)) - 1 }).map((m) => m & ~1);
      const event = fc.record({
        gap: fc.integer({ min: 0, max: 20 }),
        op: fc.constantFrom<"none" | ControlType>("none", "control", "control", "contest", "siege", "lift"),
        units: fc.uniqueArray(unit, { minLength: 1, maxLength: Math.min(4, unitCount) }),
        faction,
        by: mask,
        onlyFrom: fc.oneof(
          fc.constant(0),
          mask.map((m) => m | 1),
        ),
        retracted: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
        claimed: fc.boolean(),
      });
      const initial = fc.array(
        fc.record({ unit, faction, status: fc.constantFrom("held" as const, "besieged" as const), by: mask }),
        {
          maxLength: unitCount,
        },
      );
      return fc.record({
        unitCount: fc.constant(unitCount),
        factionCount: fc.constant(factionCount),
        events: fc.array(event, { maxLength: options.maxEvents ?? 60 }),
        initial,
      });
    })
    .map(({ unitCount, factionCount, events, initial }) => {
      let day = START;
      const log: CompiledEvent[] = events.map((e, index) => {
        day += e.gap;
        const body: CompiledBody =
          e.op === "none"
            ? { type: "note", text: "generated" }
            : e.op === "control"
              ? { type: "control", units: e.units, faction: e.faction, onlyFrom: e.onlyFrom }
              : e.op === "lift"
                ? { type: "lift", units: e.units }
                : { type: e.op, units: e.units, by: e.by };
        return {
          index,
          id: `e${index}`,
          ...body,
          date: dateOf(day),
          day,
          title: `event ${index}`,
          date_precision: "day",
          confidence: e.claimed ? "claimed" : "assessed",
          retractedBy: e.retracted ? "r" : undefined,
          def: {
            id: `e${index}`,
            date: dateOf(day),
            date_precision: "day",
            title: `event ${index}`,
            sources: [{ publication: "test", date: dateOf(day) }],
            confidence: e.claimed ? "claimed" : "assessed",
            type: "note",
            text: "generated",
          },
        };
      });
      const seen = new Set<number>();
      const uniqueInitial = initial.filter((x) => (seen.has(x.unit) ? false : (seen.add(x.unit), true)));
      const scenario: CompiledScenario = {
        id: "generated",
        title: "generated",
        description: "",
        start: dateOf(START),
        end: dateOf(day + 10),
        view: {},
        theatre: { kind: "bbox", bbox: [0, 0, 1, 1], tolerance_km: 0 },
        factions: Array.from({ length: factionCount }, (_, i) => ({
          id: `f${i + 1}`,
          name: `F${i + 1}`,
          color: "#000000",
        })),
        units: Array.from({ length: unitCount }, (_, i) => ({
          id: `u${i}`,
          name: `U${i}`,
          aliases: [],
          kind: "place" as const,
          at: [0, 0] as const,
        })),
        placeCount: unitCount,
        initial: uniqueInitial.map((x) => ({ ...x, by: x.status === "held" ? 0 : x.by | 2 })),
        log,
      };
      return scenario;
    });
