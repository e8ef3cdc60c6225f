import { describe, expect, it } from "vitest";
import { dayOf } from "../../src/core/dates.js";
import type { CompiledBody, CompiledEvent, ControlType, EventDef } from "../../src/core/types.js";
import { chapters, currentEventIndex, eventsAround, incidentsOn } from "../../src/ui/events-around.js";
import { mainFile } from "../../src/ui/compile-protocol.js";
import { changeDays } from "../../src/core/story.js";

function event(
  index: number,
  date: string,
  body: { op?: ControlType; retractedBy?: string; def?: Record<string, unknown> } = {},
): CompiledEvent {
  const def = {
    id: `e${index}`,
    date,
    date_precision: "day",
    title: `Event ${index}`,
    sources: [],
    confidence: "assessed",
    type: "note",
    text: "",
    ...body.def,
  } as unknown as EventDef;
  // What the compiler would make of `def` (or of a control-type event named by `op`).
  const compiled: CompiledBody =
    body.op === "control"
      ? { type: "control", units: [], faction: 0, onlyFrom: 0 }
      : body.op === "lift"
        ? { type: "lift", units: [] }
        : body.op !== undefined
          ? { type: body.op, units: [], by: 0 }
          : def.type === "chapter"
            ? { type: "chapter", narration: def.narration }
            : def.type === "incident"
              ? { type: "incident", kind: def.kind, at: [39, 36], window_days: def.window_days }
              : { type: "note", text: "" };
  return {
    index,
    id: `e${index}`,
    ...compiled,
    date,
    day: dayOf(date),
    title: `Event ${index}`,
    date_precision: "day",
    confidence: "assessed",
    retractedBy: body.retractedBy,
    def,
  };
}

const log = [
  event(0, "2017-06-01", { op: "control" }),
  event(1, "2017-06-01", { def: { type: "chapter", narration: "First" } }),
  event(2, "2017-06-05", { op: "control", retractedBy: "fix" }),
  event(3, "2017-06-07", {
    def: { type: "incident", kind: "airstrike", at: "raqqa", window_days: 3 },
  }),
  event(4, "2017-06-10", { op: "contest" }),
  event(5, "2017-06-12", { op: "control" }),
];

describe("events around a date", () => {
  it("finds the latest event on or before a day", () => {
    expect(currentEventIndex(log, dayOf("2017-05-31"))).toBe(-1);
    expect(currentEventIndex(log, dayOf("2017-06-01"))).toBe(1);
    expect(currentEventIndex(log, dayOf("2017-06-11"))).toBe(4);
    expect(currentEventIndex(log, dayOf("2018-01-01"))).toBe(5);
  });

  it("keeps a full window, shifted at the ends", () => {
    expect(eventsAround(log, dayOf("2017-06-01"), 2, 2)).toEqual({ indices: [0, 1, 2, 3], current: 1 });
    expect(eventsAround(log, dayOf("2017-06-10"), 2, 2)).toEqual({ indices: [2, 3, 4, 5], current: 4 });
    expect(eventsAround(log, dayOf("2017-05-01"), 2, 2)).toEqual({ indices: [0, 1, 2, 3], current: -1 });
  });

  it("lists days of control changes, skipping retracted ones", () => {
    expect(changeDays(log)).toEqual([dayOf("2017-06-01"), dayOf("2017-06-10"), dayOf("2017-06-12")]);
  });

  it("lists chapters", () => {
    expect(chapters(log)).toEqual([
      { index: 1, id: "e1", day: dayOf("2017-06-01"), title: "Event 1", narration: "First" },
    ]);
  });

  it("shows an incident for its window of days", () => {
    expect(incidentsOn(log, dayOf("2017-06-06"))).toEqual([]);
    expect(incidentsOn(log, dayOf("2017-06-07")).map((e) => e.index)).toEqual([3]);
    expect(incidentsOn(log, dayOf("2017-06-09")).map((e) => e.index)).toEqual([3]);
    expect(incidentsOn(log, dayOf("2017-06-10"))).toEqual([]);
  });
});

describe("mainFile", () => {
  it("picks the scenario among a scenario and its includes", () => {
    expect(
      mainFile([
        { name: "x.events.yaml", text: "events: []" },
        { name: "x.yaml", text: "id: x\ntheatre: {}" },
      ]),
    ).toBe("x.yaml");
    expect(mainFile([{ name: "notes.txt", text: "hello" }])).toBe("notes.txt");
    expect(mainFile([])).toBeUndefined();
  });
});
