import { describe, expect, it } from "vitest";
import { SimulatedClock, createActor } from "xstate";
import {
  FRAME_MS,
  animationMs,
  ease,
  presenterKey,
  presenterMachine,
  presenterView,
  type PresenterInput,
  type PresenterStop,
} from "../../src/playback/presenter-machine.js";
import { loadScenario } from "../../src/node/load.js";
import { storyStops } from "../../src/core/story.js";

const stops: PresenterStop[] = [
  { day: 100, kind: "chapter", id: "c1", seconds: 5 },
  { day: 130, kind: "event", id: "e1" },
  { day: 200, kind: "chapter", id: "c2" },
  { day: 201, kind: "event", id: "e2" },
];

const input: PresenterInput = { stops, startDay: 90, highlightMs: 1000, seconds: 8 };

function start(over: Partial<PresenterInput> = {}) {
  const clock = new SimulatedClock();
  const actor = createActor(presenterMachine, { clock, input: { ...input, ...over } });
  const days: number[] = [];
  actor.subscribe((s) => {
    if (days.at(-1) !== s.context.day) days.push(s.context.day);
  });
  actor.start();
  // SimulatedClock fires each pending timer once per increment and a timer set while firing
  // starts from the new time, so time is played out a millisecond at a time.
  const wait = (ms: number) => {
    for (let t = 0; t < ms; t++) clock.increment(1);
  };
  const view = () => presenterView(actor.getSnapshot());
  const send = (type: "NEXT" | "PREVIOUS" | "BLANK" | "REVEAL" | "EXIT") => actor.send({ type });
  return { actor, wait, view, send, days };
}

describe("pace", () => {
  it("a longer span takes longer, within a third of a second and four seconds", () => {
    expect(animationMs(0)).toBe(0);
    expect(animationMs(1)).toBe(360);
    expect(animationMs(1000) % FRAME_MS).toBe(0);
    expect(animationMs(30)).toBeGreaterThan(animationMs(7));
    expect(animationMs(365)).toBeGreaterThan(animationMs(30));
    expect(animationMs(365 * 5)).toBeLessThanOrEqual(4000);
    expect(animationMs(-30)).toBe(animationMs(30));
  });

  it("eases from 0 to 1 monotonically", () => {
    let last = -1;
    for (let t = 0; t <= 1; t += 0.05) {
      expect(ease(t)).toBeGreaterThanOrEqual(last);
      last = ease(t);
    }
    expect(ease(0)).toBe(0);
    expect(ease(1)).toBe(1);
  });
});

describe("navigation", () => {
  it("opens on the title card at the start day, or on the stop for an opening day", () => {
    expect(start().view()).toMatchObject({ phase: "resting", index: -1, day: 90, stop: undefined });
    expect(start({ day: 150 }).view()).toMatchObject({ index: 1, day: 130 });
    expect(start({ index: 2 }).view()).toMatchObject({ index: 2, day: 200 });
  });

  it("next animates day by day to the stop, then highlights the changed ground, then rests", () => {
    const p = start({ index: 0 });
    p.send("NEXT");
    expect(p.view()).toMatchObject({ phase: "animating", index: 1 });
    const ms = animationMs(30);
    p.wait(ms / 2);
    expect(p.view().phase).toBe("animating");
    expect(p.view().day).toBeGreaterThan(100);
    expect(p.view().day).toBeLessThan(130);
    p.wait(ms / 2 - FRAME_MS);
    expect(p.view().phase).toBe("animating");
    p.wait(FRAME_MS);
    expect(p.view()).toMatchObject({ phase: "highlight", day: 130, changed: { fromDay: 100, toDay: 130 } });
    // Several distinct days in between, in order: an animation, not a jump.
    expect(p.days.length).toBeGreaterThan(10);
    expect([...p.days].sort((a, b) => a - b)).toEqual(p.days);
    p.wait(1000);
    expect(p.view()).toMatchObject({ phase: "resting", changed: undefined, day: 130 });
  });

  it("previous animates back; the title card is before the first stop; nothing past the ends", () => {
    const p = start({ index: 1 });
    p.send("PREVIOUS");
    p.wait(5000);
    expect(p.view()).toMatchObject({ index: 0, day: 100, phase: "resting" });
    p.send("PREVIOUS");
    p.wait(5000);
    expect(p.view()).toMatchObject({ index: -1, day: 90 });
    p.send("PREVIOUS");
    expect(p.view()).toMatchObject({ index: -1, phase: "resting" });
    const q = start({ index: 3 });
    q.send("NEXT");
    expect(q.view()).toMatchObject({ index: 3, phase: "resting" });
  });

  it("a second click while moving goes on to the stop after, from where the map is", () => {
    const p = start({ index: 0 });
    p.send("NEXT");
    p.wait(200);
    const mid = p.view().day;
    p.send("NEXT");
    expect(p.actor.getSnapshot().context.fromDay).toBe(mid);
    p.wait(5000);
    expect(p.view()).toMatchObject({ index: 2, day: 200, phase: "resting" });
  });

  it("goto moves straight to a chapter; without motion it jumps", () => {
    const p = start({ motion: false });
    p.actor.send({ type: "GOTO", index: 2 });
    expect(p.view()).toMatchObject({ index: 2, day: 200, phase: "highlight" });
    expect(p.days).toEqual([90, 200]);
  });

  it("escape leaves presenter mode", () => {
    const p = start();
    p.send("EXIT");
    expect(p.actor.getSnapshot().status).toBe("done");
    expect(p.view().phase).toBe("left");
  });
});

describe("blank screen", () => {
  it("b toggles the blank screen; next while blank only brings the map back", () => {
    const p = start({ index: 0 });
    p.send("BLANK");
    expect(p.view().blank).toBe(true);
    p.send("NEXT");
    expect(p.view()).toMatchObject({ blank: false, index: 0, phase: "resting" });
    p.send("BLANK");
    p.send("BLANK");
    expect(p.view().blank).toBe(false);
  });
});

describe("autoplay", () => {
  it("advances after each stop's own time or the global one, and loops to the title card", () => {
    const p = start({ autoplay: true, index: 0, highlightMs: 500 });
    p.wait(5000 - 1);
    expect(p.view().index).toBe(0);
    p.wait(1);
    expect(p.view()).toMatchObject({ phase: "animating", index: 1 });
    // Stop 1 sets no time: the global 8 s, counted from arrival.
    p.wait(animationMs(30) + 8000 - 10);
    expect(p.view()).toMatchObject({ phase: "resting", index: 1 });
    p.wait(20);
    expect(p.view()).toMatchObject({ phase: "animating", index: 2 });
    p.wait(animationMs(70) + 8000);
    expect(p.view()).toMatchObject({ phase: "animating", index: 3 });
    p.wait(animationMs(1) + 8000 + 10);
    expect(p.view()).toMatchObject({ index: -1, day: 90 });
    p.wait(8000 + 10);
    expect(p.view()).toMatchObject({ index: 0 });
  });

  it("stops at the end when not looping", () => {
    const p = start({ autoplay: true, index: 3, loop: false });
    p.wait(8000 + 10);
    expect(p.view()).toMatchObject({ index: 3, autoplay: false });
  });

  it("holds while the screen is blank, and the timer starts over when it comes back", () => {
    const p = start({ autoplay: true, index: 1 });
    p.wait(4000);
    p.send("BLANK");
    p.wait(20_000);
    expect(p.view()).toMatchObject({ index: 1, blank: true });
    p.send("BLANK");
    p.wait(7999);
    expect(p.view().index).toBe(1);
    p.wait(2);
    expect(p.view().index).toBe(2);
  });

  it("can be switched on and off while presenting", () => {
    const p = start({ index: 1 });
    p.wait(60_000);
    expect(p.view().index).toBe(1);
    p.actor.send({ type: "AUTOPLAY" });
    expect(p.view().autoplay).toBe(true);
    p.wait(8001);
    expect(p.view().phase).toBe("animating");
    p.actor.send({ type: "AUTOPLAY", on: false });
    p.wait(60_000);
    expect(p.view()).toMatchObject({ index: 2, phase: "resting", autoplay: false });
  });
});

describe("predict mode", () => {
  it("stops the day before the next stop with what comes next hidden, then reveals it", () => {
    const p = start({ predict: true, index: 0 });
    p.send("NEXT");
    p.wait(5000);
    expect(p.view()).toMatchObject({
      phase: "guessing",
      day: 129,
      index: 0,
      hiddenFromDay: 130,
      next: { id: "e1" },
    });
    p.send("REVEAL");
    p.wait(animationMs(1));
    expect(p.view()).toMatchObject({ phase: "highlight", day: 130, index: 1, hiddenFromDay: 131 });
    p.send("NEXT");
    p.wait(5000);
    expect(p.view()).toMatchObject({ phase: "guessing", day: 199, index: 1, hiddenFromDay: 200 });
    p.send("NEXT");
    p.wait(5000);
    expect(p.view()).toMatchObject({ phase: "resting", day: 200, index: 2 });
    // The next stop is the day after: the guess stands on the same day.
    p.send("NEXT");
    p.wait(5000);
    expect(p.view()).toMatchObject({ phase: "guessing", day: 200, hiddenFromDay: 201 });
    p.send("NEXT");
    p.wait(5000);
    expect(p.view()).toMatchObject({ phase: "resting", index: 3, day: 201 });
  });

  it("previous from a guess goes back to the stop shown", () => {
    const p = start({ predict: true, index: 0 });
    p.send("NEXT");
    p.wait(5000);
    p.send("PREVIOUS");
    p.wait(5000);
    expect(p.view()).toMatchObject({ phase: "resting", index: 0, day: 100, hiddenFromDay: 101 });
    p.actor.send({ type: "PREDICT", on: false });
    expect(p.view().hiddenFromDay).toBeUndefined();
  });

  it("with autoplay the class gets the stop's time to guess before the reveal", () => {
    const p = start({ predict: true, autoplay: true, index: 0 });
    p.wait(5000 + animationMs(29) + 10);
    expect(p.view()).toMatchObject({ phase: "guessing", day: 129 });
    p.wait(5000);
    expect(p.view().phase).not.toBe("guessing");
    p.wait(1000);
    expect(p.view()).toMatchObject({ index: 1, day: 130 });
  });

  it("can be switched on during a presentation", () => {
    const p = start({ index: 0 });
    p.actor.send({ type: "PREDICT" });
    p.send("NEXT");
    p.wait(5000);
    expect(p.view().phase).toBe("guessing");
  });
});

describe("stops from a scenario", () => {
  it("chapters, and with events one stop per day of change, retracted events left out", () => {
    const { scenario } = loadScenario("test/core/fixtures/small.yaml");
    if (!scenario) throw new Error("fixture did not compile");
    expect(storyStops(scenario.log).map((s) => s.id)).toEqual(["chapter-1"]);
    const all = storyStops(scenario.log, { events: true });
    expect(all.map((s) => s.id)).toEqual([
      "chapter-1",
      "tabqa-falls",
      "raqqa-entered",
      "old-city-breach",
      "raqqa-falls",
    ]);
    expect(all.map((s) => s.kind)).toEqual(["chapter", "event", "event", "event", "event"]);
  });
});

describe("keys", () => {
  it("clicker and keyboard keys map to presenter events", () => {
    for (const k of ["PageDown", "ArrowRight", " "]) expect(presenterKey(k)).toEqual({ type: "NEXT" });
    for (const k of ["PageUp", "ArrowLeft"]) expect(presenterKey(k)).toEqual({ type: "PREVIOUS" });
    expect(presenterKey("b")).toEqual({ type: "BLANK" });
    expect(presenterKey("Escape")).toEqual({ type: "EXIT" });
    expect(presenterKey("f")).toBeUndefined();
  });

  it("Home and End go to the title card and the last stop", () => {
    const p = start({ index: 1, motion: false });
    p.actor.send(presenterKey("End")!);
    expect(p.view().index).toBe(3);
    p.actor.send(presenterKey("Home")!);
    expect(p.view()).toMatchObject({ index: -1, day: 90 });
  });
});
