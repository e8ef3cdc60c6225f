// The append-only event log. Events are appended, never edited or removed: a correction is a
// new `retract` or `supersede` event that names its target. The log is immutable data: each
// append builds the next version and freezes it deeply once, so a version
// once handed out never changes and the events it shares with later versions stay frozen.

import { freeze } from "immer";
import type { EventDef } from "./types.js";

export interface LoggedEvent {
  readonly def: EventDef;
}

export interface EventLog {
  readonly events: readonly LoggedEvent[];
  readonly ids: ReadonlySet<string>;
}

export function emptyLog(): EventLog {
  return freeze({ events: [], ids: new Set<string>() }, true);
}

/** A new log with `events` appended, in order. Throws on a duplicate id: the compiler reports
 * duplicates as diagnostics before it appends, so reaching this is a programming error. */
export function appendEvents(log: EventLog, events: readonly LoggedEvent[]): EventLog {
  if (events.length === 0) return log;
  const ids = new Set(log.ids);
  const all = log.events.slice();
  for (const e of events) {
    if (ids.has(e.def.id)) throw new Error(`event id "${e.def.id}" is already in the log`);
    ids.add(e.def.id);
    all.push({ def: e.def });
  }
  // Earlier versions' events are frozen already; freezing stops at them.
  freezeData(all);
  return freeze({ events: all, ids: freeze(ids) });
}

/**
 * Freezes `value` and every list and mapping in it (event definitions are plain data, as read
 * from YAML), stopping at what is frozen already: what immer's deep `freeze` does for plain data,
 * without its per-value draft and type tests (a third of a 100,000-event compile's log pass).
 */
function freezeData(value: unknown): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null || Object.isFrozen(v)) continue;
    Object.freeze(v);
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else for (const k in v) stack.push((v as Record<string, unknown>)[k]);
  }
}
