// Which events the side panel lists around the current date, and which one is "current" (the
// latest at or before it), so the list can follow the slider.

import { countThrough } from "../core/fold.js";
import type { CompiledEvent } from "../core/types.js";
import { isLive } from "../core/event.js";
import { chapters as storyChapters } from "../core/story.js";

export interface EventWindow {
  /** Indices into the log, in log order. */
  readonly indices: readonly number[];
  /** Log index of the latest event on or before the day, or -1 before the first event. */
  readonly current: number;
}

/** Log index of the last event with `day <= day`, or -1. */
export function currentEventIndex(log: readonly CompiledEvent[], day: number): number {
  return countThrough(log, day) - 1;
}

/**
 * Up to `before` events up to and including the current one and `after` events following it
 * (fewer at the ends, the window shifted so that it stays full).
 */
export function eventsAround(log: readonly CompiledEvent[], day: number, before = 6, after = 6): EventWindow {
  const current = currentEventIndex(log, day);
  const size = before + after;
  let first = Math.max(0, current - before + 1);
  let last = Math.min(log.length, first + size);
  first = Math.max(0, last - size);
  last = Math.min(log.length, Math.max(last, first + size));
  const indices: number[] = [];
  for (let i = first; i < last; i++) indices.push(i);
  return { indices, current };
}

export interface Chapter {
  readonly index: number;
  readonly id: string;
  readonly day: number;
  readonly title: string;
  readonly narration: string;
}

/** The scenario's chapter marks in date order (retracted ones left out), for the app's list. */
export function chapters(log: readonly CompiledEvent[]): Chapter[] {
  return storyChapters(log).map((e) => ({
    index: e.index,
    id: e.id,
    day: e.day,
    title: e.title,
    narration: e.narration,
  }));
}

/** Incidents whose marker shows on `day`: dated on or before it, within their window of days. */
export function incidentsOn(log: readonly CompiledEvent[], day: number): CompiledEvent[] {
  const out: CompiledEvent[] = [];
  const last = currentEventIndex(log, day);
  for (let i = last; i >= 0; i--) {
    const e = log[i] as CompiledEvent;
    // Windows are short (days to weeks); a year back is far enough to stop looking.
    if (day - e.day > 366) break;
    if (e.type !== "incident" || !isLive(e)) continue;
    if (day - e.day < Math.max(1, e.window_days)) out.push(e);
  }
  return out.reverse();
}
