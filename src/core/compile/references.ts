// Pass 4, references: every unit and faction an event names exists (a supersede's replacement
// included), advance polygons are valid, and dates fall inside the scenario.

import type { Diagnostic } from "../diagnostics.js";
import type { ParsedFile, Path } from "../parse.js";
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
  // Paths are built only for a reference that is reported (most events name only known ids).
  const units = (file: ParsedFile, p: Path, key: string, ids: readonly string[]): void => {
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j] as string;
      if (!refs.knowsUnit(id)) refs.unit(file, [...p, key, j], id);
    }
  };
  const factions = (file: ParsedFile, p: Path, key: string, ids: readonly string[]): void => {
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j] as string;
      if (!refs.knowsFaction(id)) refs.faction(file, [...p, key, j], id);
    }
  };
  const faction = (file: ParsedFile, p: Path, key: string, id: string): void => {
    if (!refs.knowsFaction(id)) refs.faction(file, [...p, key], id);
  };
  const check = (file: ParsedFile, d: Checked, p: Path): void => {
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
        units(file, p, "units", d.units);
        faction(file, p, "faction", d.faction);
        if (d.from !== undefined) faction(file, p, "from", d.from);
        break;
      case "contest":
      case "siege":
        units(file, p, "units", d.units);
        factions(file, p, "by", d.by);
        break;
      case "lift-siege":
        units(file, p, "units", d.units);
        break;
      case "advance":
        faction(file, p, "faction", d.faction);
        if (d.from) factions(file, p, "from", d.from);
        if (d.polygon) {
          const problem = ringProblem(normaliseRings(d.polygon));
          if (problem) diags.push(file.report("error", [...p, "polygon"], problem));
        }
        break;
      case "incident":
        if (typeof d.at === "string" && !refs.knowsUnit(d.at)) refs.unit(file, [...p, "at"], d.at);
        break;
      default:
        break;
    }
  };
  for (const { def, file, path } of entries) {
    check(file, def, path);
    if (def.type === "supersede") check(file, def.with, [...path, "with"]);
  }
}
