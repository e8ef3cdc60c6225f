// What presenter mode says about each stop, as plain data: the card on the projector (title,
// narration, the changes on the way there) and the state a presenter's notes window shows (the
// current and the next stop, with sources). Pure, so that what predict mode hides is tested
// without a browser.

import { dateOf, dayOf } from "../core/dates.js";
import type { CompiledEvent, CompiledScenario, Source } from "../core/types.js";
import type { PresenterStop, PresenterView } from "../playback/presenter-machine.js";
import { eventText, typeLabel } from "./event-text.js";
import { changesBetween, isChange } from "../core/story.js";

/** One change of control on the way to a stop. */
export interface ChangeLine {
  readonly id: string;
  readonly date: string;
  readonly title: string;
  /** "→ SDF", "contested by …", "airstrike". */
  readonly label: string;
  readonly sources: readonly Source[];
}

export interface StopCard {
  readonly kind: "title" | "chapter" | "event";
  /** Position of the stop among its kind: "Chapter 3 of 19"; empty on the title card. */
  readonly kicker: string;
  readonly date: string;
  readonly title: string;
  readonly narration: string;
  readonly sources: readonly Source[];
  /** Changes after the previous stop, up to and including this stop's day, oldest first. */
  readonly changes: readonly ChangeLine[];
  /** Changes left out of `changes` (the oldest ones) to keep the card short. */
  readonly moreChanges: number;
}

export interface CardOptions {
  /** Keep at most this many changes (the latest). Default 6. */
  readonly maxChanges?: number | undefined;
  /** Predict mode: nothing dated on or after this day is listed. */
  readonly hiddenFromDay?: number | undefined;
}

function line(scenario: CompiledScenario, e: CompiledEvent): ChangeLine {
  return { id: e.id, date: e.date, title: e.title, label: typeLabel(scenario, e), sources: e.def.sources };
}

function eventById(scenario: CompiledScenario, id: string | undefined): CompiledEvent | undefined {
  return id === undefined ? undefined : scenario.log.find((e) => e.id === id);
}

/** The card for stop `index` of `stops` (-1: the title card). */
export function stopCard(
  scenario: CompiledScenario,
  stops: readonly PresenterStop[],
  index: number,
  options: CardOptions = {},
): StopCard {
  const startDay = dayOf(scenario.start);
  const stop = index >= 0 ? stops[index] : undefined;
  if (!stop) {
    return {
      kind: "title",
      kicker: "",
      date: scenario.start,
      title: scenario.title,
      narration: scenario.description,
      sources: [],
      changes: [],
      moreChanges: 0,
    };
  }
  const previousDay = index > 0 ? (stops[index - 1]?.day ?? startDay) : startDay - 1;
  const until =
    options.hiddenFromDay === undefined ? stop.day : Math.min(stop.day, options.hiddenFromDay - 1);
  const all = changesBetween(scenario, previousDay, until);
  const max = Math.max(0, options.maxChanges ?? 6);
  const kept = max === 0 ? [] : all.slice(-max);
  const changes = kept.map((e) => line(scenario, e));
  const moreChanges = all.length - kept.length;
  const event = eventById(scenario, stop.id);
  if (stop.kind === "chapter") {
    const chapterStops = stops.filter((s) => s.kind === "chapter");
    const n = chapterStops.indexOf(stop) + 1;
    return {
      kind: "chapter",
      kicker: `Chapter ${n} of ${chapterStops.length}`,
      date: dateOf(stop.day),
      title: event?.title ?? "",
      narration: event?.type === "chapter" ? event.narration : "",
      sources: event?.def.sources ?? [],
      changes,
      moreChanges,
    };
  }
  // A day of change: everything that happened that day, the first event's title as the heading.
  const sameDay = scenario.log.filter((e) => e.day === stop.day && isChange(e));
  const first = event ?? sameDay[0];
  const others = sameDay.length - 1;
  const texts = sameDay.map((e) => eventText(e)).filter((t): t is string => t !== undefined);
  return {
    kind: "event",
    kicker: `Change ${stops.slice(0, index + 1).filter((s) => s.kind === "event").length} of ${
      stops.filter((s) => s.kind === "event").length
    }`,
    date: dateOf(stop.day),
    title: first ? `${first.title}${others > 0 ? ` (and ${others} more)` : ""}` : "",
    narration: texts.join(" "),
    sources: sameDay.flatMap((e) => e.def.sources),
    changes,
    moreChanges,
  };
}

/** What a notes window shows, sent over the presenter channel (structured-cloneable). */
export interface NotesState {
  readonly scenarioTitle: string;
  readonly presenting: boolean;
  readonly phase: PresenterView["phase"];
  /** Position of the current stop (-1: title card) and the number of stops. */
  readonly index: number;
  readonly count: number;
  /** The date the projector shows now. */
  readonly date: string;
  readonly blank: boolean;
  readonly autoplay: boolean;
  readonly predict: boolean;
  /** Predict mode is holding the next stop back from the class. */
  readonly guessing: boolean;
  /** Stops include every day of change, not only chapters. */
  readonly everyChange: boolean;
  readonly current: StopCard;
  readonly next: StopCard | undefined;
}

export function notesState(
  scenario: CompiledScenario,
  stops: readonly PresenterStop[],
  view: PresenterView,
  options: { readonly presenting: boolean; readonly everyChange: boolean },
): NotesState {
  const nextIndex = view.next ? stops.indexOf(view.next) : -1;
  return {
    scenarioTitle: scenario.title,
    presenting: options.presenting,
    phase: view.phase,
    index: view.index,
    count: stops.length,
    date: dateOf(view.day),
    blank: view.blank,
    autoplay: view.autoplay,
    predict: view.predict,
    guessing: isGuessing(view),
    everyChange: options.everyChange,
    // The presenter sees everything, including what the class is asked to predict.
    current: stopCard(scenario, stops, view.index, { maxChanges: 12 }),
    next: nextIndex >= 0 ? stopCard(scenario, stops, nextIndex, { maxChanges: 12 }) : undefined,
  };
}

/** Predict mode holds the next stop back: the map stands (or is heading) before it. */
export function isGuessing(view: PresenterView): boolean {
  return view.phase === "guessing" || (view.hiddenFromDay !== undefined && view.hiddenFromDay > view.day + 1);
}

/** Position of `day` along the scenario, 0 to 1 (for the progress strip). */
export function progressOf(scenario: CompiledScenario, day: number): number {
  const start = dayOf(scenario.start);
  const end = dayOf(scenario.end);
  if (end <= start) return 1;
  return Math.max(0, Math.min(1, (day - start) / (end - start)));
}
