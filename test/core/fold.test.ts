import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileScenario } from "../../src/core/compile.js";
import { dayOf } from "../../src/core/dates.js";
import {
  CAUSE_INITIAL,
  CAUSE_NEVER,
  countThrough,
  createHistory,
  evolve,
  foldInPlace,
  initialState,
  naiveStateAtIndex,
  STATUS_BESIEGED,
  STATUS_CONTESTED,
  STATUS_HELD,
  type ControlState,
} from "../../src/core/fold.js";
import { describeUnit, findUnits } from "../../src/core/query.js";
import type { CompiledScenario } from "../../src/core/types.js";
import { compiledScenario } from "./arbitrary.js";
import { boxOutline, syntheticScenario } from "../bench/synthetic.js";
import { loadScenario } from "../../src/node/load.js";
import { actsOnUnits, isLive } from "../../src/core/event.js";

const plain = (s: ControlState) => ({
  faction: [...s.faction],
  status: [...s.status],
  by: [...s.by],
  cause: [...s.cause],
  applied: s.applied,
});

function small(): CompiledScenario {
  const r = loadScenario("test/core/fixtures/small.yaml");
  if (!r.scenario) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
  return r.scenario;
}

describe("fold, given the small scenario", () => {
  const scenario = small();
  const history = createHistory(scenario);
  const unit = (name: string) => findUnits(scenario, name)[0] as number;
  const at = (date: string, name: string) => describeUnit(scenario, history.stateAt(date), unit(name));

  it("starts from the initial control", () => {
    expect(at("2017-01-01", "raqqa")).toMatchObject({
      faction: "isis",
      status: "held",
      since: "2017-01-01",
      event: undefined,
    });
    expect(at("2017-01-01", "hajin")).toMatchObject({ faction: "regime", status: "besieged", by: ["isis"] });
  });

  it("applies events at the end of their day", () => {
    expect(at("2017-05-09", "tabqa").faction).toBe("isis");
    expect(at("2017-05-10", "tabqa")).toMatchObject({
      faction: "sdf",
      since: "2017-05-10",
      event: { id: "tabqa-falls" },
    });
  });

  it("keeps the holder of contested ground and names the contestants", () => {
    expect(at("2017-06-10", "raqqa")).toMatchObject({ faction: "isis", status: "contested", by: ["sdf"] });
  });

  it("skips a retracted event", () => {
    expect(at("2017-08-02", "raqqa").faction).toBe("isis");
    expect(at("2017-10-20", "raqqa")).toMatchObject({ faction: "sdf", status: "held" });
  });

  it("folds only what the filter takes", () => {
    const assessedOnly = createHistory(scenario, { filter: (e) => e.def.confidence === "assessed" });
    expect(assessedOnly.stateAt("2017-12-31").faction).toEqual(history.stateAt("2017-12-31").faction);
    const noSdf = createHistory(scenario, { filter: (e) => !(e.type === "control" && e.faction === 2) });
    expect(describeUnit(scenario, noSdf.stateAt("2017-12-31"), unit("tabqa")).faction).toBe("isis");
  });
});

describe("evolve", () => {
  it("never changes its input", () => {
    fc.assert(
      fc.property(compiledScenario(), (scenario) => {
        const s0 = initialState(scenario);
        const before = plain(s0);
        for (const e of scenario.log) evolve(s0, e);
        expect(plain(s0)).toEqual(before);
      }),
    );
  });

  it("sets status and cause by the event's op", () => {
    fc.assert(
      fc.property(compiledScenario(), (scenario) => {
        let s = initialState(scenario);
        for (const e of scenario.log) {
          const next = evolve(s, e);
          if (isLive(e) && actsOnUnits(e))
            for (const u of e.units) {
              const changed =
                e.type !== "control" ||
                e.onlyFrom === 0 ||
                (e.onlyFrom & (1 << (s.faction[u] as number))) !== 0;
              if (!changed) continue;
              expect(next.cause[u]).toBe(e.index);
              if (e.type === "control")
                expect([next.faction[u], next.status[u]]).toEqual([e.faction, STATUS_HELD]);
              if (e.type === "contest") expect(next.status[u]).toBe(STATUS_CONTESTED);
              if (e.type === "siege") expect(next.status[u]).toBe(STATUS_BESIEGED);
            }
          s = next;
        }
      }),
    );
  });
});

describe("history with checkpoints", () => {
  it("stateAtIndex equals a naive full fold, for random logs and any checkpoint interval", () => {
    fc.assert(
      fc.property(
        compiledScenario({ maxEvents: 120 }),
        fc.integer({ min: 1, max: 40 }),
        fc.nat(),
        (scenario, interval, k) => {
          const history = createHistory(scenario, { interval });
          const count = scenario.log.length === 0 ? 0 : k % (scenario.log.length + 1);
          expect(plain(history.stateAtIndex(count))).toEqual(plain(naiveStateAtIndex(scenario, count)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("stateAt a date equals the naive fold of every event up to that day, reusing a buffer", () => {
    fc.assert(
      fc.property(compiledScenario(), fc.integer({ min: -5, max: 400 }), (scenario, offset) => {
        const history = createHistory(scenario, { interval: 7 });
        const day = dayOf(scenario.start) + offset;
        const out = history.blank();
        const got = history.stateAt(day, out);
        expect(got).toBe(out);
        expect(plain(got)).toEqual(plain(naiveStateAtIndex(scenario, countThrough(scenario.log, day))));
      }),
    );
  });

  it("changedUnits lists, once each, every unit whose state differs between two prefixes of the log", () => {
    fc.assert(
      fc.property(
        compiledScenario({ maxEvents: 120 }),
        fc.integer({ min: 1, max: 40 }),
        fc.nat(),
        fc.nat(),
        (scenario, interval, i, j) => {
          const history = createHistory(scenario, { interval });
          const L = scenario.log.length;
          const [from, to] = [i % (L + 1), j % (L + 1)];
          const listed = history.changedUnits(from, to);
          expect(listed).toBeDefined();
          const units = listed ?? [];
          expect(new Set(units).size).toBe(units.length);
          // Only units that an event in between names.
          const named = new Set<number>();
          for (let k = Math.min(from, to); k < Math.max(from, to); k++) {
            const e = scenario.log[k];
            if (e && isLive(e) && actsOnUnits(e)) for (const u of e.units) named.add(u);
          }
          for (const u of units) expect(named.has(u)).toBe(true);
          // Every unit that differs is listed.
          const a = history.stateAtIndex(from);
          const b = history.stateAtIndex(to);
          const set = new Set(units);
          for (let u = 0; u < scenario.units.length; u++)
            if (
              a.faction[u] !== b.faction[u] ||
              a.status[u] !== b.status[u] ||
              a.by[u] !== b.by[u] ||
              a.cause[u] !== b.cause[u]
            )
              expect(set.has(u)).toBe(true);
          // Over the limit: nothing listed (the caller starts afresh).
          if (units.length > 0) expect(history.changedUnits(from, to, units.length - 1)).toBeUndefined();
          expect(history.changedUnits(from, to, units.length)).toEqual(units);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("is deterministic: two folds of one log agree, whatever was asked before", () => {
    fc.assert(
      fc.property(compiledScenario(), fc.array(fc.nat(), { maxLength: 5 }), (scenario, asks) => {
        const a = createHistory(scenario, { interval: 5 });
        const b = createHistory(scenario, { interval: 13 });
        const buffer = a.blank();
        for (const k of asks) a.stateAtIndex(k % (scenario.log.length + 1), buffer);
        expect(plain(a.stateAtIndex(scenario.log.length, buffer))).toEqual(
          plain(b.stateAtIndex(scenario.log.length)),
        );
      }),
    );
  });

  it("a filter re-folds the log as if the rejected events were absent", () => {
    fc.assert(
      fc.property(compiledScenario(), (scenario) => {
        const assessed = (e: { def: { confidence: string } }) => e.def.confidence === "assessed";
        const filtered = createHistory(scenario, { filter: assessed }).stateAtIndex(scenario.log.length);
        const without: CompiledScenario = {
          ...scenario,
          log: scenario.log.map((e) => (assessed(e) ? e : { ...e, type: "note" as const, text: "" })),
        };
        expect(plain(filtered)).toEqual(plain(naiveStateAtIndex(without, scenario.log.length)));
      }),
    );
  });

  it("marks units never mentioned and those given initially", () => {
    fc.assert(
      fc.property(compiledScenario({ maxEvents: 0 }), (scenario) => {
        const s = initialState(scenario);
        const initial = new Set(scenario.initial.map((x) => x.unit));
        scenario.units.forEach((_, u) =>
          expect(s.cause[u]).toBe(initial.has(u) ? CAUSE_INITIAL : CAUSE_NEVER),
        );
      }),
    );
  });
});

describe("advance", () => {
  it("takes every place within width_km of its path, and only from the named factions", () => {
    const text = `
id: adv
title: Advance
start: "2017-01-01"
end: "2017-12-31"
theatre: { bbox: [38, 35, 40, 37] }
factions:
  - { id: a, name: A, color: "#000000" }
  - { id: b, name: B, color: "#111111" }
  - { id: c, name: C, color: "#222222" }
places:
  - { id: p1, name: P1, at: [38.5, 36.0], coords: measured, note: grid }
  - { id: p2, name: P2, at: [38.5, 36.08], coords: measured, note: "about 8.9 km north of the path" }
  - { id: p3, name: P3, at: [39.5, 36.0], coords: measured, note: grid }
  - { id: p4, name: P4, at: [39.0, 36.0], coords: measured, note: grid }
initial: { a: [p1, p2, p3], c: [p4] }
events:
  - id: sweep
    date: "2017-03-01"
    type: advance
    title: B sweeps east
    faction: b
    path: [[38.4, 36.0], [39.6, 36.0]]
    width_km: 5
    from: [a]
    sources: [{ publication: test, date: "2017-03-01" }]
`;
    const r = compileScenario({ file: "adv.yaml", text });
    expect(r.diagnostics).toEqual([]);
    const scenario = r.scenario as CompiledScenario;
    const e = scenario.log[0];
    expect(e?.type).toBe("control");
    expect(e && actsOnUnits(e) ? e.units.map((u) => scenario.units[u]?.id) : undefined).toEqual([
      "p1",
      "p3",
      "p4",
    ]);
    const s = createHistory(scenario).stateAt("2017-03-01");
    expect(
      ["p1", "p2", "p3", "p4"].map(
        (id) => scenario.factions[(s.faction[findUnits(scenario, id)[0] as number] as number) - 1]?.id,
      ),
    ).toEqual(["b", "a", "b", "c"]);
  });
});

describe("delta checkpoints", () => {
  it("scrubbing one buffer backward and forward equals a naive fold at every stop", () => {
    fc.assert(
      fc.property(
        compiledScenario({ maxEvents: 120 }),
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        (scenario, interval, stops) => {
          const history = createHistory(scenario, { interval });
          const buffer = history.blank();
          for (const k of stops) {
            const count = k % (scenario.log.length + 1);
            expect(history.stateAtIndex(count, buffer)).toBe(buffer);
            expect(plain(buffer)).toEqual(plain(naiveStateAtIndex(scenario, count)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("steps day by day backward and forward like a scrubbed timeline", () => {
    fc.assert(
      fc.property(
        compiledScenario({ maxEvents: 150 }),
        fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 1, maxLength: 30 }),
        (scenario, moves) => {
          const history = createHistory(scenario);
          const buffer = history.blank();
          let day = dayOf(scenario.start) + 30;
          for (const d of moves) {
            day += d;
            history.stateAt(day, buffer);
            expect(plain(buffer)).toEqual(
              plain(naiveStateAtIndex(scenario, countThrough(scenario.log, day))),
            );
          }
        },
      ),
    );
  });

  it("never trusts a buffer another history filled", () => {
    fc.assert(
      fc.property(compiledScenario({ maxEvents: 80 }), fc.nat(), fc.nat(), (scenario, a, b) => {
        const n = scenario.log.length + 1;
        const all = createHistory(scenario, { interval: 3 });
        const noneTaken = createHistory(scenario, { interval: 3, filter: () => false });
        const buffer = all.blank();
        all.stateAtIndex(a % n, buffer);
        noneTaken.stateAtIndex(b % n, buffer);
        all.stateAtIndex(b % n, buffer);
        expect(plain(buffer)).toEqual(plain(naiveStateAtIndex(scenario, b % n)));
      }),
    );
  });

  it("keeps deltas, not copies: far below one full state per checkpoint on a long log", () => {
    const square = boxOutline([36, 33, 42, 37]);
    const scenario = syntheticScenario({ kind: "bbox", bbox: [36, 33, 42, 37], tolerance_km: 10 }, square, {
      places: 1000,
      events: 8000,
      seed: 3,
    });
    const history = createHistory(scenario, { interval: 32 });
    const fullCopies = (scenario.units.length * 10 * scenario.log.length) / 32;
    expect(history.checkpointBytes).toBeLessThan(fullCopies / 2);
    const buffer = history.blank();
    for (const k of [7999, 77, 5345, 5300, 8000, 0, 6401])
      expect(plain(history.stateAtIndex(k, buffer))).toEqual(plain(naiveStateAtIndex(scenario, k)));
  });
});

describe("foldInPlace", () => {
  it("equals the naive fold", () => {
    fc.assert(
      fc.property(compiledScenario(), fc.nat(), (scenario, k) => {
        const count = k % (scenario.log.length + 1);
        expect(plain(foldInPlace(scenario, count))).toEqual(plain(naiveStateAtIndex(scenario, count)));
      }),
    );
  });
});
