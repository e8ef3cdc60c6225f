// The story a scenario tells, read off its compiled log in one place: its chapters, the stops a
// presentation walks through, and what changed between two days. The presenter, the handout, the
// animated chapters and the app's chapter list and stepping all read these.
//
// Two rules, on purpose:
// - A *stop* (and a step of "next change") lands on a day control changed: a live control,
//   contest, siege or lift. An incident alone does not move the map's colours, so it is no stop.
// - The *changes* listed between two stops are everything a reader sees appear on the map in that
//   span: those control changes and the live incidents (their markers). Both the presenter's
//   cards and the handout list these. (The handout used to leave incidents out and the presenter
//   to list them; an incident marker is on both maps, so both list it now.)
// Retracted events are never part of the story; a superseding event tells its replacement's part.

import { actsOnUnits, isLive } from "./event.js";
import type { CompiledEvent, CompiledScenario, ControlEvent } from "./types.js";

export type ChapterEvent = Extract<CompiledEvent, { type: "chapter" }>;

/** The live chapters, in log (date) order. */
export function chapters(log: readonly CompiledEvent[]): ChapterEvent[] {
  return log.filter((e): e is ChapterEvent => e.type === "chapter" && isLive(e));
}

/** A live event that changes who holds or contests ground. */
export function changesControl(e: CompiledEvent): e is ControlEvent {
  return actsOnUnits(e) && isLive(e);
}

/** A live event a reader sees on the map: a change of control or an incident marker. */
export function isChange(e: CompiledEvent): boolean {
  return changesControl(e) || (e.type === "incident" && isLive(e));
}

/** The changes (see `isChange`) dated after `afterDay` up to and including `throughDay`, oldest first. */
export function changesBetween(
  scenario: Pick<CompiledScenario, "log">,
  afterDay: number,
  throughDay: number,
): CompiledEvent[] {
  return scenario.log.filter((e) => e.day > afterDay && e.day <= throughDay && isChange(e));
}

/** Days on which control changed, sorted, unique: where "next change" steps. */
export function changeDays(log: readonly CompiledEvent[]): number[] {
  const days: number[] = [];
  for (const e of log) {
    if (!changesControl(e)) continue;
    if (days[days.length - 1] !== e.day) days.push(e.day);
  }
  return days;
}

export interface StoryStop {
  readonly day: number;
  readonly kind: "chapter" | "event";
  /** Log event id, for the reader to find title and narration. */
  readonly id?: string | undefined;
  /** Autoplay time on this stop (chapters may set it); otherwise the global default. */
  readonly seconds?: number | undefined;
}

/** The stops of a presentation: the chapters, and (with `events`) one stop per day of change,
 * its first event named. Sorted by day, a day's chapter before its change. */
export function storyStops(log: readonly CompiledEvent[], options: { events?: boolean } = {}): StoryStop[] {
  const stops: StoryStop[] = [];
  const eventDays = new Set<number>();
  for (const e of log) {
    if (e.type === "chapter" && isLive(e)) {
      stops.push({ day: e.day, kind: "chapter", id: e.id, seconds: e.seconds });
    } else if (options.events && changesControl(e) && !eventDays.has(e.day)) {
      // One stop per day of change: same-day events arrive together.
      eventDays.add(e.day);
      stops.push({ day: e.day, kind: "event", id: e.id });
    }
  }
  // The log is sorted by day; a stable sort keeps chapters before the events of their day.
  return stops.sort((a, b) => a.day - b.day || (a.kind === b.kind ? 0 : a.kind === "chapter" ? -1 : 1));
}
