// Presenter mode for a classroom: a scenario told as a row of stops (chapters, and events if the
// caller wants them), moved through with a clicker (PageDown/→ next, PageUp/← previous).
//
// Moving to a stop animates the shown day from where the map is to the stop's day at a readable
// pace (longer spans take longer, but never more than a few seconds), then holds a short
// "highlight" phase in which the UI marks the ground that changed hands between the two days.
// `b` blanks the screen; autoplay (kiosk) advances on a per-stop or global timer and loops; predict
// mode stops the map the day before the next stop, with what comes next hidden, until a reveal.
//
// Like the playback machine it knows only day numbers (days since 1970-01-01, UTC). Every timed
// step is a delayed transition (`after`) so tests drive it with xstate's `SimulatedClock`. The
// UI subscribes, reads `presenterView(snapshot)`, and draws.

import { and, assign, not, setup, type SnapshotFrom } from "xstate";
import type { StoryStop } from "../core/story.js";

/** A stop of the presentation (see `core/story.ts`). */
export type PresenterStop = StoryStop;

export interface PresenterInput {
  /** Sorted by day. */
  readonly stops: readonly PresenterStop[];
  /** The scenario's first day: where the title card (index -1) shows the map. */
  readonly startDay: number;
  /** Opening stop (default: the last stop on or before `day`, else the title card). */
  readonly index?: number | undefined;
  /** Opening day, used to find the opening stop when `index` is not given. */
  readonly day?: number | undefined;
  readonly autoplay?: boolean | undefined;
  readonly predict?: boolean | undefined;
  /** Autoplay goes from the last stop back to the title card (default true). */
  readonly loop?: boolean | undefined;
  /** Autoplay time on stops that set none (default 12 s). */
  readonly seconds?: number | undefined;
  /** How long changed ground stays highlighted after arriving (default 1500 ms). */
  readonly highlightMs?: number | undefined;
  /** `false` jumps instead of animating (for `prefers-reduced-motion`). */
  readonly motion?: boolean | undefined;
}

export type Landing = "rest" | "guess";

export interface PresenterContext {
  readonly stops: readonly PresenterStop[];
  readonly startDay: number;
  /** The stop whose title and narration are shown; -1 is the title card. */
  readonly index: number;
  /** The stop the map is heading for (equals `index` except while guessing or animating to a guess). */
  readonly target: number;
  /** The day the map shows now. */
  readonly day: number;
  readonly fromDay: number;
  readonly toDay: number;
  readonly frame: number;
  readonly frames: number;
  /** What the animation ends in: resting on `target`, or guessing before it. */
  readonly landing: Landing;
  /** The last move's span, for the highlight of changed ground. */
  readonly changedFrom: number;
  readonly changedTo: number;
  readonly blank: boolean;
  readonly autoplay: boolean;
  readonly predict: boolean;
  readonly loop: boolean;
  readonly seconds: number;
  readonly highlightMs: number;
  readonly motion: boolean;
}

export type PresenterEvent =
  | { type: "NEXT" }
  | { type: "PREVIOUS" }
  /** Go straight to a stop (-1: the title card), e.g. from a list of chapters. */
  | { type: "GOTO"; index: number }
  /** Show what predict mode is hiding. */
  | { type: "REVEAL" }
  /** Toggle the blank screen. */
  | { type: "BLANK" }
  | { type: "AUTOPLAY"; on?: boolean }
  | { type: "PREDICT"; on?: boolean }
  /** Leave presenter mode (Escape). */
  | { type: "EXIT" };

/** Milliseconds between animation frames (25 a second: smooth, and cheap to draw). */
export const FRAME_MS = 40;

/**
 * How long moving across `spanDays` takes, in whole frames: grows with the logarithm of the span,
 * so a day is a blink (0.36 s), a month under two seconds and five years under four.
 */
export function animationMs(spanDays: number): number {
  const span = Math.abs(spanDays);
  if (span === 0) return 0;
  const ms = Math.min(4000, Math.max(350, 350 * Math.log2(1 + span)));
  return Math.ceil(ms / FRAME_MS) * FRAME_MS;
}

/** Ease in and out, so the map starts and settles slowly and a class can follow it. */
export function ease(t: number): number {
  const x = Math.max(0, Math.min(1, t));
  return x < 0.5 ? 2 * x * x : 1 - (-2 * x + 2) ** 2 / 2;
}

function dayOfStop(context: Pick<PresenterContext, "stops" | "startDay">, index: number): number {
  return index < 0 ? context.startDay : (context.stops[index]?.day ?? context.startDay);
}

function openingIndex(input: PresenterInput): number {
  const n = input.stops.length;
  if (input.index !== undefined) return Math.max(-1, Math.min(n - 1, Math.round(input.index)));
  if (input.day === undefined) return -1;
  let index = -1;
  input.stops.forEach((s, i) => {
    if (s.day <= (input.day as number)) index = i;
  });
  return index;
}

function contextFrom(input: PresenterInput): PresenterContext {
  const index = openingIndex(input);
  const day = dayOfStop(input, index);
  return {
    stops: input.stops,
    startDay: input.startDay,
    index,
    target: index,
    day,
    fromDay: day,
    toDay: day,
    frame: 0,
    frames: 0,
    landing: "rest",
    changedFrom: day,
    changedTo: day,
    blank: false,
    autoplay: input.autoplay ?? false,
    predict: input.predict ?? false,
    loop: input.loop ?? true,
    seconds: input.seconds ?? 12,
    highlightMs: input.highlightMs ?? 1500,
    motion: input.motion ?? true,
  };
}

/** Context changes that start a move from the shown day to `toDay`. */
function move(
  context: PresenterContext,
  target: number,
  toDay: number,
  landing: Landing,
): Partial<PresenterContext> {
  const frames = context.motion ? animationMs(toDay - context.day) / FRAME_MS : 0;
  return {
    target,
    // The panel switches to the new stop as the map starts moving, except when it will guess.
    index: landing === "rest" ? target : context.index,
    fromDay: context.day,
    toDay,
    frame: 0,
    frames,
    landing,
    changedFrom: context.day,
  };
}

/** The stop after the one the map is at or heading to. */
function nextIndex(context: PresenterContext): number {
  return context.landing === "guess" ? context.target : context.target + 1;
}

/** Moving forward in predict mode first stops the day before the next stop's day. */
function forward(context: PresenterContext, target: number): Partial<PresenterContext> {
  const day = dayOfStop(context, target);
  if (context.predict && context.landing === "rest" && target >= 0) {
    return move(context, target, Math.max(context.day, day - 1), "guess");
  }
  return move(context, target, day, "rest");
}

export const presenterMachine = setup({
  types: {
    context: {} as PresenterContext,
    events: {} as PresenterEvent,
    input: {} as PresenterInput,
  },
  actions: {
    unblank: assign({ blank: false }),
    toggleBlank: assign(({ context }) => ({ blank: !context.blank })),
    toggleAutoplay: assign(({ context, event }) =>
      event.type === "AUTOPLAY" ? { autoplay: event.on ?? !context.autoplay } : {},
    ),
    togglePredict: assign(({ context, event }) =>
      event.type === "PREDICT" ? { predict: event.on ?? !context.predict } : {},
    ),
    next: assign(({ context }) => forward(context, nextIndex(context))),
    /** Back to the stop before the one shown (from a guess: back to the stop shown). */
    previous: assign(({ context }) => {
      const target = context.landing === "guess" ? context.index : context.target - 1;
      return move(context, target, dayOfStop(context, target), "rest");
    }),
    goto: assign(({ context, event }) => {
      if (event.type !== "GOTO") return {};
      const target = Math.max(-1, Math.min(context.stops.length - 1, Math.round(event.index)));
      return move(context, target, dayOfStop(context, target), "rest");
    }),
    reveal: assign(({ context }) =>
      move(context, context.target, dayOfStop(context, context.target), "rest"),
    ),
    /** Autoplay past the last stop: straight back to the title card, no animation across the war. */
    wrap: assign(({ context }) => ({
      ...move({ ...context, motion: false }, -1, context.startDay, "rest"),
      changedFrom: context.startDay,
    })),
    stopAutoplay: assign({ autoplay: false }),
    tick: assign(({ context }) => {
      const frame = context.frame + 1;
      const t = context.frames === 0 ? 1 : frame / context.frames;
      return { frame, day: Math.round(context.fromDay + (context.toDay - context.fromDay) * ease(t)) };
    }),
    land: assign(({ context }) => ({
      day: context.toDay,
      frame: context.frames,
      changedTo: context.toDay,
      index: context.landing === "rest" ? context.target : context.index,
    })),
  },
  guards: {
    blank: ({ context }) => context.blank,
    autoplay: ({ context }) => context.autoplay,
    looping: ({ context }) => context.loop,
    hasNext: ({ context }) => nextIndex(context) < context.stops.length,
    hasPrevious: ({ context }) => (context.landing === "guess" ? true : context.target > -1),
    animationDone: ({ context }) => context.frame >= context.frames,
    landsGuessing: ({ context }) => context.landing === "guess",
    changed: ({ context }) => context.changedFrom !== context.changedTo,
  },
  delays: {
    frame: FRAME_MS,
    highlight: ({ context }) => context.highlightMs,
    /** Autoplay: the stop's own time, or the global one. */
    dwell: ({ context }) => {
      const stop = context.index >= 0 ? context.stops[context.index] : undefined;
      return Math.max(1, stop?.seconds ?? context.seconds) * 1000;
    },
  },
}).createMachine({
  id: "presenter",
  context: ({ input }) => contextFrom(input),
  initial: "resting",
  on: {
    EXIT: { target: ".left" },
    AUTOPLAY: { actions: "toggleAutoplay", target: ".resume" },
    PREDICT: { actions: "togglePredict" },
  },
  states: {
    /** Re-enters wherever the presenter was, restarting the autoplay timer. */
    resume: {
      always: [{ guard: "landsGuessing", target: "guessing" }, { target: "resting.idle" }],
    },
    animating: {
      always: [
        { guard: and(["animationDone", "landsGuessing"]), target: "guessing", actions: "land" },
        { guard: "animationDone", target: "resting", actions: "land" },
      ],
      after: { frame: { target: "animating", reenter: true, actions: "tick" } },
      on: {
        AUTOPLAY: { actions: "toggleAutoplay" },
        BLANK: { actions: "toggleBlank" },
        // A second click while moving retargets from wherever the map is now.
        NEXT: [
          { guard: "blank", actions: "unblank" },
          { guard: "hasNext", target: "animating", reenter: true, actions: "next" },
        ],
        PREVIOUS: [
          { guard: "blank", actions: "unblank" },
          { guard: "hasPrevious", target: "animating", reenter: true, actions: "previous" },
        ],
        GOTO: { target: "animating", reenter: true, actions: ["unblank", "goto"] },
        REVEAL: {
          guard: "landsGuessing",
          target: "animating",
          reenter: true,
          actions: "reveal",
        },
      },
    },
    resting: {
      initial: "entering",
      states: {
        entering: { always: [{ guard: "changed", target: "highlight" }, { target: "idle" }] },
        /** The UI marks ground that changed hands between `changedFrom` and `changedTo`. */
        highlight: { after: { highlight: "idle" } },
        idle: {},
      },
      after: {
        dwell: [
          { guard: not("autoplay") },
          // Blanked: hold; unblanking restarts the timer.
          { guard: "blank" },
          { guard: "hasNext", target: "animating", actions: "next" },
          { guard: "looping", target: "animating", actions: "wrap" },
          { actions: "stopAutoplay" },
        ],
      },
      on: {
        BLANK: [
          { guard: "blank", target: ".idle", reenter: true, actions: "toggleBlank" },
          { actions: "toggleBlank" },
        ],
        NEXT: [
          { guard: "blank", target: ".idle", reenter: true, actions: "unblank" },
          { guard: "hasNext", target: "animating", actions: "next" },
        ],
        PREVIOUS: [
          { guard: "blank", target: ".idle", reenter: true, actions: "unblank" },
          { guard: "hasPrevious", target: "animating", actions: "previous" },
        ],
        GOTO: { target: "animating", actions: ["unblank", "goto"] },
      },
    },
    /** Predict mode: the map stands the day before the next stop; what comes next is hidden. */
    guessing: {
      after: {
        dwell: [{ guard: not("autoplay") }, { guard: "blank" }, { target: "animating", actions: "reveal" }],
      },
      on: {
        BLANK: [
          { guard: "blank", target: "guessing", reenter: true, actions: "toggleBlank" },
          { actions: "toggleBlank" },
        ],
        NEXT: [
          { guard: "blank", target: "guessing", reenter: true, actions: "unblank" },
          { target: "animating", actions: "reveal" },
        ],
        REVEAL: { target: "animating", actions: ["unblank", "reveal"] },
        PREVIOUS: [
          { guard: "blank", target: "guessing", reenter: true, actions: "unblank" },
          { target: "animating", actions: "previous" },
        ],
        GOTO: { target: "animating", actions: ["unblank", "goto"] },
      },
    },
    left: { type: "final" },
  },
});

export type PresenterSnapshot = SnapshotFrom<typeof presenterMachine>;

export type PresenterPhase = "animating" | "highlight" | "resting" | "guessing" | "left";

/** What the UI needs to draw one moment of a presentation. */
export interface PresenterView {
  readonly phase: PresenterPhase;
  /** The day to draw. */
  readonly day: number;
  /** The stop whose title and narration are shown; -1: the title card. */
  readonly index: number;
  readonly stop: PresenterStop | undefined;
  readonly blank: boolean;
  readonly autoplay: boolean;
  readonly predict: boolean;
  /** While highlighting: ground whose holder differs between these two days is marked. */
  readonly changed: { readonly fromDay: number; readonly toDay: number } | undefined;
  /** Predict mode: events and narration from this day on are hidden (before a reveal: the next stop's day). */
  readonly hiddenFromDay: number | undefined;
  /** The next stop (for a presenter's notes window). */
  readonly next: PresenterStop | undefined;
}

export function presenterView(snapshot: PresenterSnapshot): PresenterView {
  const c = snapshot.context;
  const phase: PresenterPhase = snapshot.matches("left")
    ? "left"
    : snapshot.matches("animating")
      ? "animating"
      : snapshot.matches("guessing")
        ? "guessing"
        : snapshot.matches({ resting: "highlight" })
          ? "highlight"
          : "resting";
  const guessingAhead = c.landing === "guess" && phase !== "left";
  return {
    phase,
    day: c.day,
    index: c.index,
    stop: c.index >= 0 ? c.stops[c.index] : undefined,
    blank: c.blank,
    autoplay: c.autoplay,
    predict: c.predict,
    changed: phase === "highlight" ? { fromDay: c.changedFrom, toDay: c.changedTo } : undefined,
    // Predict mode never shows what lies ahead of the map; before a reveal, not even the stop's day.
    hiddenFromDay: guessingAhead ? dayOfStop(c, c.target) : c.predict ? c.day + 1 : undefined,
    next: c.stops[guessingAhead ? c.target : c.index + 1],
  };
}

/**
 * The presenter's keys, as clickers and PowerPoint users expect them: → / PageDown / Space next,
 * ← / PageUp / Backspace previous, `b` or `.` blank, Enter or `r` reveal, `a` autoplay, `p` predict,
 * Home / End first / last stop, Escape leaves. `f` (fullscreen) belongs to the page, not here.
 */
export function presenterKey(key: string): PresenterEvent | undefined {
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
    case "PageDown":
    case " ":
      return { type: "NEXT" };
    case "ArrowLeft":
    case "ArrowUp":
    case "PageUp":
    case "Backspace":
      return { type: "PREVIOUS" };
    case "b":
    case "B":
    case ".":
      return { type: "BLANK" };
    case "Enter":
    case "r":
    case "R":
      return { type: "REVEAL" };
    case "a":
    case "A":
      return { type: "AUTOPLAY" };
    case "p":
    case "P":
      return { type: "PREDICT" };
    case "Home":
      return { type: "GOTO", index: -1 };
    case "End":
      return { type: "GOTO", index: Number.MAX_SAFE_INTEGER };
    case "Escape":
      return { type: "EXIT" };
    default:
      return undefined;
  }
}
