import { describe, expect, it } from "vitest";
import { SimulatedClock, createActor } from "xstate";
import {
  SPEEDS,
  daysPerTick,
  defaultSpeedIndex,
  nextDay,
  playbackMachine,
  previousDay,
  tickMs,
  type PlaybackInput,
} from "../../src/playback/playback-machine.js";

const input: PlaybackInput = {
  startDay: 100,
  endDay: 200,
  eventDays: [110, 111, 150, 190],
  chapterDays: [100, 150, 190],
  speedIndex: 0,
};

function start(over: Partial<PlaybackInput> = {}) {
  const clock = new SimulatedClock();
  const actor = createActor(playbackMachine, { clock, input: { ...input, ...over } });
  actor.start();
  // SimulatedClock fires each pending timer once per increment, and a timer set while firing
  // starts from the new time; so wall-clock time is played out a millisecond at a time.
  const run = (ms: number) => {
    for (let t = 0; t < ms; t++) clock.increment(1);
  };
  return {
    clock: { increment: run },
    actor,
    day: () => actor.getSnapshot().context.day,
    state: () => actor.getSnapshot().value,
  };
}

describe("speed ladder", () => {
  it("runs from a day per second to a year per second, each rung faster", () => {
    expect(SPEEDS[0]?.daysPerSecond).toBe(1);
    expect(SPEEDS[SPEEDS.length - 1]?.daysPerSecond).toBe(365);
    for (let i = 1; i < SPEEDS.length; i++) {
      expect((SPEEDS[i] as { daysPerSecond: number }).daysPerSecond).toBeGreaterThan(
        (SPEEDS[i - 1] as { daysPerSecond: number }).daysPerSecond,
      );
    }
  });

  it("keeps ticks at or above the frame floor and covers the advertised days per second", () => {
    for (let i = 0; i < SPEEDS.length; i++) {
      expect(tickMs(i)).toBeGreaterThanOrEqual(33);
      const perSecond = (daysPerTick(i) * 1000) / tickMs(i);
      expect(perSecond).toBeCloseTo((SPEEDS[i] as { daysPerSecond: number }).daysPerSecond, 6);
    }
  });

  it("picks a default that plays the scenario in about a minute", () => {
    expect(SPEEDS[defaultSpeedIndex(5 * 365)]?.daysPerSecond).toBe(30);
    expect(SPEEDS[defaultSpeedIndex(150)]?.daysPerSecond).toBe(2);
    expect(defaultSpeedIndex(0)).toBe(0);
  });
});

describe("sorted day look-ups", () => {
  it("finds the neighbours strictly after and before a day", () => {
    const days = [3, 5, 5, 9];
    expect(nextDay(days, 0)).toBe(3);
    expect(nextDay(days, 5)).toBe(9);
    expect(nextDay(days, 9)).toBeUndefined();
    expect(previousDay(days, 5)).toBe(3);
    expect(previousDay(days, 10)).toBe(9);
    expect(previousDay(days, 3)).toBeUndefined();
  });
});

describe("playbackMachine", () => {
  it("starts paused on the start day, or on the day given", () => {
    expect(start().state()).toBe("paused");
    expect(start().day()).toBe(100);
    expect(start({ day: 150 }).day()).toBe(150);
    expect(start({ day: 999 }).day()).toBe(200);
  });

  it("advances a day per second at the slowest speed, only while playing", () => {
    const p = start();
    p.clock.increment(5000);
    expect(p.day()).toBe(100);
    p.actor.send({ type: "PLAY" });
    expect(p.state()).toBe("playing");
    p.clock.increment(999);
    expect(p.day()).toBe(100);
    p.clock.increment(1);
    expect(p.day()).toBe(101);
    p.clock.increment(3000);
    expect(p.day()).toBe(104);
    p.actor.send({ type: "PAUSE" });
    p.clock.increment(5000);
    expect(p.day()).toBe(104);
  });

  it("covers a year in about a second at the fastest speed", () => {
    const p = start({ startDay: 0, endDay: 3650, eventDays: [], speedIndex: SPEEDS.length - 1 });
    p.actor.send({ type: "PLAY" });
    p.clock.increment(1000);
    // Ticks every 33 ms: 30 ticks in a second, 12.045 days each.
    expect(p.day()).toBeGreaterThanOrEqual(355);
    expect(p.day()).toBeLessThanOrEqual(366);
  });

  it("changes speed while playing, from the next tick", () => {
    const p = start();
    p.actor.send({ type: "PLAY" });
    p.clock.increment(1000);
    expect(p.day()).toBe(101);
    p.actor.send({ type: "FASTER" });
    p.actor.send({ type: "FASTER" });
    expect(p.actor.getSnapshot().context.speedIndex).toBe(2);
    p.clock.increment(1000); // the pending 1 s tick, then 250 ms ticks
    p.clock.increment(1000);
    expect(p.day()).toBe(102 + 4);
    p.actor.send({ type: "SLOWER" });
    p.actor.send({ type: "SLOWER" });
    p.actor.send({ type: "SLOWER" });
    expect(p.actor.getSnapshot().context.speedIndex).toBe(0);
    p.actor.send({ type: "SPEED", index: 99 });
    expect(p.actor.getSnapshot().context.speedIndex).toBe(SPEEDS.length - 1);
  });

  it("toggles between playing and paused", () => {
    const p = start();
    p.actor.send({ type: "TOGGLE" });
    expect(p.state()).toBe("playing");
    p.actor.send({ type: "TOGGLE" });
    expect(p.state()).toBe("paused");
  });

  it("stops at the end unless looping", () => {
    const p = start({ day: 198 });
    p.actor.send({ type: "PLAY" });
    p.clock.increment(2000);
    expect(p.day()).toBe(200);
    expect(p.state()).toBe("paused");
    p.clock.increment(5000);
    expect(p.day()).toBe(200);
    // Play again from the end: starts over.
    p.actor.send({ type: "PLAY" });
    expect(p.day()).toBe(100);
    expect(p.state()).toBe("playing");
  });

  it("does not overshoot the end at high speed", () => {
    const p = start({ day: 195, speedIndex: SPEEDS.length - 1 });
    p.actor.send({ type: "PLAY" });
    p.clock.increment(tickMs(SPEEDS.length - 1));
    expect(p.day()).toBe(200);
    expect(p.state()).toBe("paused");
  });

  it("loops: shows the last day for one tick, then starts over", () => {
    const p = start({ day: 199, loop: true });
    p.actor.send({ type: "PLAY" });
    p.clock.increment(1000);
    expect(p.day()).toBe(200);
    expect(p.state()).toBe("playing");
    p.clock.increment(1000);
    expect(p.day()).toBe(100);
    p.clock.increment(1000);
    expect(p.day()).toBe(101);
    p.actor.send({ type: "LOOP", loop: false });
    expect(p.actor.getSnapshot().context.loop).toBe(false);
  });

  it("steps to the next and previous event day, skipping quiet days", () => {
    const p = start();
    const step = (direction: 1 | -1) => {
      p.actor.send({ type: "STEP", direction });
      return p.day();
    };
    expect(step(1)).toBe(110);
    expect(step(1)).toBe(111);
    expect(step(1)).toBe(150);
    expect(step(1)).toBe(190);
    expect(step(1)).toBe(200); // no later event: the end
    expect(step(-1)).toBe(190);
    p.actor.send({ type: "SEEK", day: 140 });
    expect(step(-1)).toBe(111);
    expect(step(-1)).toBe(110);
    expect(step(-1)).toBe(100); // no earlier event: the start
  });

  it("jumps between chapters", () => {
    const p = start({ day: 120 });
    p.actor.send({ type: "CHAPTER", direction: 1 });
    expect(p.day()).toBe(150);
    p.actor.send({ type: "CHAPTER", direction: 1 });
    expect(p.day()).toBe(190);
    p.actor.send({ type: "CHAPTER", direction: 1 });
    expect(p.day()).toBe(200);
    p.actor.send({ type: "CHAPTER", direction: -1 });
    expect(p.day()).toBe(190);
    p.actor.send({ type: "CHAPTER", direction: -1 });
    p.actor.send({ type: "CHAPTER", direction: -1 });
    expect(p.day()).toBe(100);
  });

  it("seeks and nudges within the scenario's bounds", () => {
    const p = start();
    p.actor.send({ type: "SEEK", day: 160 });
    expect(p.day()).toBe(160);
    p.actor.send({ type: "NUDGE", days: -1 });
    expect(p.day()).toBe(159);
    p.actor.send({ type: "SEEK", day: -5 });
    expect(p.day()).toBe(100);
    p.actor.send({ type: "NUDGE", days: 1000 });
    expect(p.day()).toBe(200);
  });

  it("keeps playing from where a seek lands", () => {
    const p = start();
    p.actor.send({ type: "PLAY" });
    p.clock.increment(500);
    p.actor.send({ type: "SEEK", day: 150 });
    p.clock.increment(500);
    expect(p.day()).toBe(151);
    expect(p.state()).toBe("playing");
  });

  it("loads a new timeline, pausing and keeping a given day", () => {
    const p = start();
    p.actor.send({ type: "PLAY" });
    p.actor.send({ type: "LOAD", input: { startDay: 0, endDay: 50, eventDays: [10], day: 20 } });
    expect(p.state()).toBe("paused");
    expect(p.day()).toBe(20);
    p.clock.increment(10_000);
    expect(p.day()).toBe(20);
    p.actor.send({ type: "STEP", direction: -1 });
    expect(p.day()).toBe(10);
  });
});
