// Pass 6, ordering: the log sorted by effective date (a supersede sits at its replacement's
// date), ties in file order, each event lowered to its compiled form.

import { dayOf } from "../dates.js";
import type { Diagnostic } from "../diagnostics.js";
import type { EventLog, LoggedEvent } from "../event-log.js";
import type { CompiledEvent } from "../types.js";
import type { EventEntry } from "./events.js";
import { effectiveDef } from "../event.js";
import { lowerEvent, type LowerContext } from "./lower.js";
import type { Sections } from "./sections.js";

export function orderLog(
  log: EventLog,
  byId: ReadonlyMap<string, EventEntry>,
  correctedBy: ReadonlyMap<string, string>,
  sections: Sections,
  diags: Diagnostic[],
): CompiledEvent[] {
  const events = log.events;
  const n = events.length;
  // Day numbers once per distinct date (many events share one).
  const days = new Map<string, number>();
  const dayAt = new Float64Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const date = effectiveDef(events[i] as LoggedEvent).date;
    let day = days.get(date);
    if (day === undefined) days.set(date, (day = dayOf(date)));
    dayAt[i] = day;
    if (i > 0 && day < (dayAt[i - 1] as number)) sorted = false;
  }
  // File order, sorted by day when it is not already (ties stay in file order).
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (!sorted) order.sort((a, b) => (dayAt[a] as number) - (dayAt[b] as number) || a - b);
  // One context for every event, pointed at each in turn (lowering keeps no reference to it).
  let entry: EventEntry | undefined;
  const ctx: {
    sections: Sections;
    day: number;
    retractedBy: string | undefined;
    warn: LowerContext["warn"];
  } = {
    sections,
    day: 0,
    retractedBy: undefined,
    warn: (severity, p, message) => {
      if (entry) diags.push(entry.file.report(severity, [...entry.path, ...p], message));
    },
  };
  const out = new Array<CompiledEvent>(n);
  for (let index = 0; index < n; index++) {
    const i = order[index] as number;
    const e = events[i] as LoggedEvent;
    entry = byId.get(e.def.id);
    ctx.day = dayAt[i] as number;
    ctx.retractedBy = correctedBy.get(e.def.id);
    out[index] = lowerEvent(e.def, index, ctx);
  }
  return out;
}
