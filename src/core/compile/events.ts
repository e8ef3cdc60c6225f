// Pass 3, events: each event of the main file, then of each included file, is validated and
// appended to the log in file order; a duplicate id is reported where it is written.

import type { Diagnostic } from "../diagnostics.js";
import { appendEvents, emptyLog, type EventLog, type LoggedEvent } from "../event-log.js";
import { overLimit, withDefaults, type Limits } from "../limits.js";
import type { ParsedFile, Path } from "../parse.js";
import { fastParser } from "../fast-schema.js";
import { eventCommonSchema, eventSchema, eventTypes, type EventInput } from "../schema.js";
import type { EventDef } from "../types.js";
import type { ScenarioFile } from "./files.js";
import { eachItem, reportIssues } from "./issues.js";

/** An accepted event and where it is written. */
export interface EventEntry {
  readonly def: EventInput;
  readonly file: ParsedFile;
  readonly path: Path;
  /** Position in file order (main file first, then includes in the order listed). */
  readonly order: number;
}

export interface CollectedEvents {
  readonly log: EventLog;
  /** File order. */
  readonly entries: readonly EventEntry[];
  readonly byId: ReadonlyMap<string, EventEntry>;
}

const fastEvent = fastParser(eventSchema);

export function collectEvents(
  files: readonly ScenarioFile[],
  diags: Diagnostic[],
  limitOverrides: Partial<Limits> = {},
): CollectedEvents {
  const { events: maxEvents } = withDefaults(limitOverrides);
  let log: EventLog = emptyLog();
  const entries: EventEntry[] = [];
  const byId = new Map<string, EventEntry>();
  const addEvents = (file: ParsedFile, list: unknown, base: Path): void => {
    const accepted: LoggedEvent[] = [];
    eachItem(list, (item, i) => {
      const path = [...base, i];
      // The common case, a valid event, answered without zod's parse; zod reports the rest.
      let def = fastEvent(item);
      if (def === undefined) {
        const r = eventSchema.safeParse(item);
        if (!r.success) {
          reportIssues(file, path, r.error.issues, diags);
          // An unknown type: the fields every event has are still checked.
          const type = (item as { type?: unknown } | null)?.type;
          if (typeof item === "object" && item !== null && !eventTypes.includes(type as never)) {
            const c = eventCommonSchema.safeParse(item);
            if (!c.success) reportIssues(file, path, c.error.issues, diags);
          }
          return;
        }
        def = r.data;
      }
      const first = byId.get(def.id);
      if (first) {
        const p = first.file.at([...first.path, "id"]);
        diags.push(
          file.report(
            "error",
            [...path, "id"],
            `duplicate event id "${def.id}" (first at ${first.file.file}:${p.line})`,
          ),
        );
        return;
      }
      const entry: EventEntry = { def, file, path, order: entries.length };
      entries.push(entry);
      byId.set(def.id, entry);
      accepted.push({ def: def as EventDef });
    });
    log = appendEvents(log, accepted);
  };
  for (const { file, data } of files) {
    if (Array.isArray(data.events) && data.events.length > maxEvents) {
      diags.push(
        file.report(
          "error",
          ["events"],
          overLimit("events", `the file lists ${data.events.length} events`, maxEvents),
          {
            key: true,
          },
        ),
      );
      continue;
    }
    addEvents(file, data.events, ["events"]);
  }
  return { log, entries, byId };
}
