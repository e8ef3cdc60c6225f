// Playback of a scenario's timeline: paused or playing, at a speed from a day per second up to a
// year per second, stepping between event days, looping or stopping at the end.
//
// The machine knows only day numbers (days since 1970-01-01, UTC): the start and end of the
// scenario, the days on which something changed and the chapter days. Everything heavy (the log,
// geometry) stays outside; the UI subscribes to `context.day` and draws.
//
// Time advances through a delayed transition (`after: { tick }`) whose delay depends on the
// speed, so tests drive it with xstate's `SimulatedClock` and no browser.

import { and, assign, not, setup } from "xstate";

/** One rung of the speed ladder. */
export interface Speed {
  /** Days of scenario time per second of wall-clock time. */
  readonly daysPerSecond: number;
  readonly label: string;
}

/** Non-linear: each rung roughly doubles, from a day per second to a year per second. */
export const SPEEDS: readonly Speed[] = [
  { daysPerSecond: 1, label: "1 day/s" },
  { daysPerSecond: 2, label: "2 days/s" },
  { daysPerSecond: 4, label: "4 days/s" },
  { daysPerSecond: 7, label: "1 week/s" },
  { daysPerSecond: 14, label: "2 weeks/s" },
  { daysPerSecond: 30, label: "1 month/s" },
  { daysPerSecond: 61, label: "2 months/s" },
  { daysPerSecond: 91, label: "3 months/s" },
  { daysPerSecond: 182, label: "6 months/s" },
  { daysPerSecond: 365, label: "1 year/s" },
];

/** Ticks never come faster than this: about 30 redraws a second is smooth and leaves headroom. */
export const MIN_TICK_MS = 33;

/** Milliseconds between ticks at rung `speedIndex`. */
export function tickMs(speedIndex: number): number {
  const speed = SPEEDS[clampIndex(speedIndex)] as Speed;
  return Math.max(MIN_TICK_MS, Math.round(1000 / speed.daysPerSecond));
}

/** Days (possibly fractional) one tick moves at rung `speedIndex`. */
export function daysPerTick(speedIndex: number): number {
  const speed = SPEEDS[clampIndex(speedIndex)] as Speed;
  return (speed.daysPerSecond * tickMs(speedIndex)) / 1000;
}

/** The rung that plays `spanDays` in about `seconds` (default a minute), for a sensible default. */
export function defaultSpeedIndex(spanDays: number, seconds = 60): number {
  const wanted = spanDays / seconds;
  let best = 0;
  for (let i = 0; i < SPEEDS.length; i++) {
    if (
      Math.abs(Math.log((SPEEDS[i] as Speed).daysPerSecond / wanted)) <
      Math.abs(Math.log((SPEEDS[best] as Speed).daysPerSecond / wanted))
    )
      best = i;
  }
  return best;
}

function clampIndex(i: number): number {
  return Math.max(0, Math.min(SPEEDS.length - 1, Math.round(i)));
}

export interface PlaybackInput {
  readonly startDay: number;
  readonly endDay: number;
  /** Sorted days on which control changed (steps skip every other day). */
  readonly eventDays: readonly number[];
  /** Sorted days of chapter marks. */
  readonly chapterDays?: readonly number[] | undefined;
  /** Day to open on (default: start). */
  readonly day?: number | undefined;
  readonly speedIndex?: number | undefined;
  readonly loop?: boolean | undefined;
}

export interface PlaybackContext {
  readonly startDay: number;
  readonly endDay: number;
  readonly eventDays: readonly number[];
  readonly chapterDays: readonly number[];
  /** The day shown. */
  readonly day: number;
  /** Fraction of a day accumulated by ticks at speeds that are not whole days per tick. */
  readonly frac: number;
  readonly speedIndex: number;
  readonly loop: boolean;
}

export type PlaybackEvent =
  | { type: "PLAY" }
  | { type: "PAUSE" }
  | { type: "TOGGLE" }
  /** Go to a day (clamped to the scenario). */
  | { type: "SEEK"; day: number }
  /** Move by a number of days (arrow keys). */
  | { type: "NUDGE"; days: number }
  /** To the next (+1) or previous (-1) day on which something changed. */
  | { type: "STEP"; direction: 1 | -1 }
  /** To the next (+1) or previous (-1) chapter. */
  | { type: "CHAPTER"; direction: 1 | -1 }
  | { type: "SPEED"; index: number }
  | { type: "FASTER" }
  | { type: "SLOWER" }
  | { type: "LOOP"; loop: boolean }
  /** A new (or reloaded) scenario: replaces the timeline and pauses. */
  | { type: "LOAD"; input: PlaybackInput };

/** First element of sorted `days` strictly after `day`, or undefined. */
export function nextDay(days: readonly number[], day: number): number | undefined {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as number) <= day) lo = mid + 1;
    else hi = mid;
  }
  return days[lo];
}

/** Last element of sorted `days` strictly before `day`, or undefined. */
export function previousDay(days: readonly number[], day: number): number | undefined {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as number) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? days[lo - 1] : undefined;
}

function contextFrom(input: PlaybackInput): PlaybackContext {
  const startDay = Math.min(input.startDay, input.endDay);
  const endDay = Math.max(input.startDay, input.endDay);
  return {
    startDay,
    endDay,
    eventDays: input.eventDays,
    chapterDays: input.chapterDays ?? [],
    day: clampDay(input.day ?? startDay, startDay, endDay),
    frac: 0,
    speedIndex: clampIndex(input.speedIndex ?? defaultSpeedIndex(endDay - startDay)),
    loop: input.loop ?? false,
  };
}

function clampDay(day: number, startDay: number, endDay: number): number {
  return Math.max(startDay, Math.min(endDay, Math.round(day)));
}

function target(context: PlaybackContext, event: PlaybackEvent): number {
  const { day, startDay, endDay } = context;
  switch (event.type) {
    case "SEEK":
      return clampDay(event.day, startDay, endDay);
    case "NUDGE":
      return clampDay(day + event.days, startDay, endDay);
    case "STEP":
      return event.direction > 0
        ? clampDay(nextDay(context.eventDays, day) ?? endDay, startDay, endDay)
        : clampDay(previousDay(context.eventDays, day) ?? startDay, startDay, endDay);
    case "CHAPTER":
      return event.direction > 0
        ? clampDay(nextDay(context.chapterDays, day) ?? endDay, startDay, endDay)
        : clampDay(previousDay(context.chapterDays, day) ?? startDay, startDay, endDay);
    default:
      return day;
  }
}

export const playbackMachine = setup({
  types: {
    context: {} as PlaybackContext,
    events: {} as PlaybackEvent,
    input: {} as PlaybackInput,
  },
  actions: {
    move: assign(({ context, event }) => ({ day: target(context, event), frac: 0 })),
    advance: assign(({ context }) => {
      const total = context.frac + daysPerTick(context.speedIndex);
      const whole = Math.floor(total);
      const day = Math.min(context.endDay, context.day + whole);
      return { day, frac: day === context.endDay ? 0 : total - whole };
    }),
    rewind: assign(({ context }) => ({ day: context.startDay, frac: 0 })),
    setSpeed: assign(({ context, event }) => {
      if (event.type === "SPEED") return { speedIndex: clampIndex(event.index) };
      if (event.type === "FASTER") return { speedIndex: clampIndex(context.speedIndex + 1) };
      if (event.type === "SLOWER") return { speedIndex: clampIndex(context.speedIndex - 1) };
      return {};
    }),
    setLoop: assign(({ event }) => (event.type === "LOOP" ? { loop: event.loop } : {})),
    load: assign(({ event }) => (event.type === "LOAD" ? contextFrom(event.input) : {})),
  },
  guards: {
    atEnd: ({ context }) => context.day >= context.endDay,
    looping: ({ context }) => context.loop,
    /** The next tick lands on (or past) the end. */
    reachesEnd: ({ context }) =>
      context.day + Math.floor(context.frac + daysPerTick(context.speedIndex)) >= context.endDay,
  },
  delays: {
    tick: ({ context }) => tickMs(context.speedIndex),
  },
}).createMachine({
  id: "playback",
  context: ({ input }) => contextFrom(input),
  initial: "paused",
  on: {
    SEEK: { actions: "move" },
    NUDGE: { actions: "move" },
    STEP: { actions: "move" },
    CHAPTER: { actions: "move" },
    SPEED: { actions: "setSpeed" },
    FASTER: { actions: "setSpeed" },
    SLOWER: { actions: "setSpeed" },
    LOOP: { actions: "setLoop" },
    LOAD: { target: ".paused", actions: "load" },
  },
  states: {
    paused: {
      on: {
        // Playing from the last day starts over, as a video player does.
        PLAY: [{ guard: "atEnd", target: "playing", actions: "rewind" }, { target: "playing" }],
        TOGGLE: [{ guard: "atEnd", target: "playing", actions: "rewind" }, { target: "playing" }],
      },
    },
    playing: {
      on: {
        PAUSE: { target: "paused" },
        TOGGLE: { target: "paused" },
      },
      after: {
        tick: [
          // Looping: the end frame has been shown for one tick, start over.
          { guard: "atEnd", target: "playing", reenter: true, actions: "rewind" },
          // Not looping: stop on the last day.
          { guard: and(["reachesEnd", not("looping")]), target: "paused", actions: "advance" },
          { target: "playing", reenter: true, actions: "advance" },
        ],
      },
    },
  },
});
