// Pass 6, ordering: the log sorted by effective date (a supersede sits at its replacement's
// date), ties in file order, each event lowered to its compiled form.

import { dayOf } from "../dates.js";
import type { Diagnostic } from "../diagnostics.js";
import type { EventLog } from "../event-log.js";
import type { CompiledEvent } from "../types.js";
import type { EventEntry } from "./events.js";
import { effectiveDef } from "../event.js";
import { lowerEvent } from "./lower.js";
import type { Sections } from "./sections.js";

export function orderLog(
  log: EventLog,
  byId: ReadonlyMap<string, EventEntry>,
  correctedBy: ReadonlyMap<string, string>,
  sections: Sections,
  diags: Diagnostic[],
): CompiledEvent[] {
  // Day numbers once per distinct date (many events share one).
  const days = new Map<string, number>();
  const dayOfDate = (date: string): number => {
    let day = days.get(date);
    if (day === undefined) days.set(date, (day = dayOf(date)));
    return day;
  };
  const ordered = log.events.map((e, order) => ({ e, order, day: dayOfDate(effectiveDef(e).date) }));
  ordered.sort((a, b) => a.day - b.day || a.order - b.order);
  return ordered.map(({ e, day }, index) => {
    const entry = byId.get(e.def.id) as EventEntry;
    return lowerEvent(e.def, index, {
      sections,
      day,
      retractedBy: correctedBy.get(e.def.id),
      warn: (severity, p, message) => diags.push(entry.file.report(severity, [...entry.path, ...p], message)),
    });
  });
}
