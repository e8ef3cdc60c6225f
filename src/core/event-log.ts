// The append-only event log. Events are appended, never edited or removed: a correction is a
// new `retract` or `supersede` event that names its target. The log is immutable data (immer
// freezes it and shares structure between versions), so a version once handed out never changes.

import { enableMapSet, freeze, produce } from "immer";

enableMapSet();
import type { EventDef, SourcePosition } from "./types.js";

export interface LoggedEvent {
  readonly def: EventDef;
  readonly pos?: SourcePosition | undefined;
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
  return produce(log, (draft) => {
    for (const e of events) {
      if (draft.ids.has(e.def.id)) throw new Error(`event id "${e.def.id}" is already in the log`);
      draft.ids.add(e.def.id);
      draft.events.push(e as never);
    }
  });
}
