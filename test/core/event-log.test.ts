import { describe, expect, it } from "vitest";
import { appendEvents, emptyLog, type LoggedEvent } from "../../src/core/event-log.js";
import type { EventDef } from "../../src/core/types.js";

const control = (id: string, units: string[]): LoggedEvent => ({
  def: {
    id,
    date: "2017-06-06",
    date_precision: "day",
    title: `Event ${id}`,
    sources: [{ publication: "Reuters", date: "2017-06-06" }],
    confidence: "assessed",
    type: "control",
    units,
    faction: "sdf",
  } as EventDef,
});

describe("the append-only event log", () => {
  it("hands out versions that are frozen all the way down", () => {
    const log = appendEvents(emptyLog(), [control("e1", ["raqqa"]), control("e2", ["tabqa"])]);
    expect(Object.isFrozen(log)).toBe(true);
    expect(Object.isFrozen(log.events)).toBe(true);
    const first = log.events[0] as LoggedEvent;
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.def)).toBe(true);
    const def = first.def as Extract<EventDef, { type: "control" }>;
    expect(Object.isFrozen(def.units)).toBe(true);
    expect(Object.isFrozen(def.sources[0])).toBe(true);
    expect(() => (log.events as LoggedEvent[]).push(control("e3", ["manbij"]))).toThrow();
    expect(() => (def.units as string[]).push("manbij")).toThrow();
    expect(() => (log.ids as Set<string>).add("e3")).toThrow();
  });

  it("never changes a version once handed out: an append makes a new one", () => {
    const v1 = appendEvents(emptyLog(), [control("e1", ["raqqa"])]);
    const v2 = appendEvents(v1, [control("e2", ["tabqa"])]);
    expect(v1.events.map((e) => e.def.id)).toEqual(["e1"]);
    expect([...v1.ids]).toEqual(["e1"]);
    expect(v2.events.map((e) => e.def.id)).toEqual(["e1", "e2"]);
    expect([...v2.ids]).toEqual(["e1", "e2"]);
    expect(v2.events[0]?.def).toBe(v1.events[0]?.def);
    expect(appendEvents(v2, [])).toBe(v2);
  });

  it("refuses a duplicate id, in the batch or against the log, and leaves the log as it was", () => {
    const v1 = appendEvents(emptyLog(), [control("e1", ["raqqa"])]);
    expect(() => appendEvents(v1, [control("e1", ["tabqa"])])).toThrow('event id "e1" is already in the log');
    expect(() => appendEvents(v1, [control("e2", ["a"]), control("e2", ["b"])])).toThrow(
      'event id "e2" is already in the log',
    );
    expect(v1.events).toHaveLength(1);
  });
});
