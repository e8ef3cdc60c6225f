// Pass 4, references: every unit and faction an event names exists (a supersede's replacement
// included), advance polygons are valid, and dates fall inside the scenario.

import type { Diagnostic } from "../diagnostics.js";
import type { Path } from "../parse.js";
import type { EventInput } from "../schema.js";
import type { IsoDate } from "../types.js";
import type { EventEntry } from "./events.js";
import { normaliseRings, ringProblem } from "./polygons.js";
import type { Refs } from "./sections.js";

type Checked = EventInput | Extract<EventInput, { type: "supersede" }>["with"];

export function checkReferences(
  entries: readonly EventEntry[],
  span: { readonly start: IsoDate; readonly end: IsoDate } | undefined,
  refs: Refs,
  diags: Diagnostic[],
): void {
  for (const { def, file, path } of entries) {
    const check = (d: Checked, p: Path): void => {
      // A retraction takes effect whenever it is read; only what happens has to be on the timeline.
      if (span && d.type !== "retract" && (d.date < span.start || d.date > span.end))
        diags.push(
          file.report(
            "warning",
            [...p, "date"],
            `${d.date} is outside the scenario's ${span.start} … ${span.end}; the timeline will not reach it`,
          ),
        );
      switch (d.type) {
        case "control":
          d.units.forEach((u, j) => refs.unit(file, [...p, "units", j], u));
          refs.faction(file, [...p, "faction"], d.faction);
          if (d.from !== undefined) refs.faction(file, [...p, "from"], d.from);
          break;
        case "contest":
        case "siege":
          d.units.forEach((u, j) => refs.unit(file, [...p, "units", j], u));
          d.by.forEach((f, j) => refs.faction(file, [...p, "by", j], f));
          break;
        case "lift-siege":
          d.units.forEach((u, j) => refs.unit(file, [...p, "units", j], u));
          break;
        case "advance":
          refs.faction(file, [...p, "faction"], d.faction);
          d.from?.forEach((f, j) => refs.faction(file, [...p, "from", j], f));
          if (d.polygon) {
            const problem = ringProblem(normaliseRings(d.polygon));
            if (problem) diags.push(file.report("error", [...p, "polygon"], problem));
          }
          break;
        case "incident":
          if (typeof d.at === "string") refs.unit(file, [...p, "at"], d.at);
          break;
        default:
          break;
      }
    };
    check(def, path);
    if (def.type === "supersede") check(def.with, [...path, "with"]);
  }
}
