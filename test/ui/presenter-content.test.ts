import { longDate } from "../../src/core/dates.js";
import { beforeAll, describe, expect, it } from "vitest";
import { dayOf } from "../../src/core/dates.js";
import type { CompiledScenario } from "../../src/core/types.js";
import { loadScenario } from "../../src/node/load.js";
import { type PresenterStop, type PresenterView } from "../../src/playback/presenter-machine.js";
import { isGuessing, notesState, progressOf, stopCard } from "../../src/ui/presenter-content.js";
import { changesBetween, storyStops } from "../../src/core/story.js";

let scenario: CompiledScenario;

beforeAll(() => {
  const result = loadScenario("test/core/fixtures/small.yaml");
  if (!result.scenario) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
  scenario = result.scenario;
});

/** A chapter at the start, then the Old City breach as an event stop. */
function twoStops(): PresenterStop[] {
  return [
    { day: dayOf("2017-01-01"), kind: "chapter", id: "chapter-1" },
    { day: dayOf("2017-07-03"), kind: "event", id: "old-city-breach" },
  ];
}

function view(over: Partial<PresenterView>): PresenterView {
  return {
    phase: "resting",
    day: dayOf("2017-01-01"),
    index: 0,
    stop: undefined,
    blank: false,
    autoplay: false,
    predict: false,
    changed: undefined,
    hiddenFromDay: undefined,
    next: undefined,
    ...over,
  };
}

describe("stopCard", () => {
  it("the title card shows the scenario's title and description", () => {
    const card = stopCard(scenario, storyStops(scenario.log), -1);
    expect(card).toMatchObject({
      kind: "title",
      kicker: "",
      title: "A small test scenario",
      date: "2017-01-01",
      changes: [],
    });
    expect(card.narration).toContain("Three towns");
  });

  it("a chapter card carries its title, narration, sources and its place among chapters", () => {
    const card = stopCard(scenario, storyStops(scenario.log), 0);
    expect(card).toMatchObject({
      kind: "chapter",
      kicker: "Chapter 1 of 1",
      title: "Before the battle",
      narration: "Islamic State holds the city.",
      date: "2017-01-01",
    });
    expect(card.sources.map((s) => s.publication)).toEqual(["Reuters"]);
  });

  it("lists the changes since the previous stop, leaving out retracted and non-changes", () => {
    const stops = storyStops(scenario.log, { events: true });
    const last = stops.length - 1;
    const card = stopCard(scenario, stops, last);
    expect(card.kind).toBe("event");
    expect(card.kicker).toBe(`Change ${last} of ${last}`);
    expect(card.title).toBe("SDF declare victory in Raqqa");
    // Between the breach (3 July) and 20 October: a retracted claim and its retraction; neither shows.
    expect(card.changes.map((c) => c.id)).toEqual(["raqqa-falls"]);
  });

  it("keeps the latest changes and counts the rest; predict mode hides from a day on", () => {
    const stops = twoStops();
    expect(stopCard(scenario, stops, 1).changes.map((c) => c.id)).toEqual([
      "tabqa-falls",
      "raqqa-entered",
      "old-city-breach",
    ]);
    const short = stopCard(scenario, stops, 1, { maxChanges: 1 });
    expect(short.changes.map((c) => c.id)).toEqual(["old-city-breach"]);
    expect(short.moreChanges).toBe(2);
    const hidden = stopCard(scenario, stops, 1, { hiddenFromDay: dayOf("2017-07-03") });
    expect(hidden.changes.map((c) => c.id)).toEqual(["tabqa-falls", "raqqa-entered"]);
    expect(hidden.changes[0]).toMatchObject({ date: "2017-05-10", label: "→ Syrian Democratic Forces" });
  });

  it("changesBetween excludes the start day and includes the end day", () => {
    const ids = changesBetween(scenario, dayOf("2017-05-10"), dayOf("2017-07-03")).map((e) => e.id);
    expect(ids).toEqual(["raqqa-entered", "old-city-breach"]);
  });
});

describe("notesState", () => {
  it("shows the presenter the current stop and the next one, even when the class must guess it", () => {
    const stops = twoStops();
    const guess = view({
      phase: "guessing",
      index: 0,
      stop: stops[0],
      day: dayOf("2017-07-02"),
      predict: true,
      hiddenFromDay: dayOf("2017-07-03"),
      next: stops[1],
    });
    const state = notesState(scenario, stops, guess, { presenting: true, everyChange: false });
    expect(state).toMatchObject({
      scenarioTitle: "A small test scenario",
      presenting: true,
      index: 0,
      count: 2,
      date: "2017-07-02",
      guessing: true,
      predict: true,
    });
    expect(state.current.title).toBe("Before the battle");
    expect(state.next?.title).toBe("Old City wall breached");
    // The presenter's copy of the next stop is complete, breach included.
    expect(state.next?.changes.map((c) => c.id)).toContain("old-city-breach");
    // Structured-cloneable: plain data only.
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it("has no next stop at the end", () => {
    const stops = twoStops();
    const state = notesState(scenario, stops, view({ index: 1, stop: stops[1], day: stops[1]?.day }), {
      presenting: false,
      everyChange: true,
    });
    expect(state.next).toBeUndefined();
    expect(state.presenting).toBe(false);
  });
});

describe("helpers", () => {
  it("isGuessing: guessing, or heading for a guess; not when predict mode merely hides tomorrow", () => {
    const d = dayOf("2017-07-01");
    expect(isGuessing(view({ phase: "guessing", day: d, hiddenFromDay: d + 1 }))).toBe(true);
    expect(isGuessing(view({ phase: "animating", day: d, hiddenFromDay: d + 20 }))).toBe(true);
    expect(isGuessing(view({ phase: "resting", day: d, hiddenFromDay: d + 1 }))).toBe(false);
    expect(isGuessing(view({ phase: "resting", day: d }))).toBe(false);
  });

  it("longDate reads as a room says it", () => {
    expect(longDate("2017-10-17")).toBe("17 October 2017");
    expect(longDate("2014-03-01")).toBe("1 March 2014");
    expect(longDate("not a date")).toBe("not a date");
  });

  it("progressOf runs from 0 at the start to 1 at the end, clamped", () => {
    expect(progressOf(scenario, dayOf("2017-01-01"))).toBe(0);
    expect(progressOf(scenario, dayOf("2017-12-31"))).toBe(1);
    expect(progressOf(scenario, dayOf("2018-06-01"))).toBe(1);
    expect(progressOf(scenario, dayOf("2017-07-02"))).toBeCloseTo(0.5, 2);
  });
});
