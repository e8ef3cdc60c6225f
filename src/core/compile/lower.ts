// One event's compiled form, a member of the `CompiledEvent` union: a supersede resolved to its
// replacement's body, ids to unit indices and faction codes, an `advance` to a `control` of the
// places it takes in, an incident to a position.

import { dayOf } from "../dates.js";
import type { Severity } from "../diagnostics.js";
import { placesInCorridor, placesInPolygon } from "../geodesy.js";
import type { Path } from "../parse.js";
import { effectiveDef } from "../event.js";
import type { CompiledEvent, EventDef, LonLat, Ring } from "../types.js";
import { normaliseRings, ringCentroid } from "./polygons.js";
import type { Sections } from "./sections.js";

export interface LowerContext {
  readonly sections: Sections;
  /** The effective date's day number, when the caller has it already. */
  readonly day?: number | undefined;
  readonly retractedBy: string | undefined;
  /** Reports a problem at `path` inside the event. */
  readonly warn: (severity: Severity, path: Path, message: string) => void;
}

export function lowerEvent(def: EventDef, index: number, ctx: LowerContext): CompiledEvent {
  const { unitIndex, factionIndex, units: allUnits, places } = ctx.sections;
  const written = effectiveDef({ def });
  const common = {
    index,
    id: def.id,
    date: written.date,
    day: ctx.day ?? dayOf(written.date),
    title: written.title,
    date_precision: written.date_precision,
    confidence: written.confidence,
    def,
    retractedBy: ctx.retractedBy,
    supersedes: def.type === "supersede" ? def.target : undefined,
  };
  const unitsOf = (ids: readonly string[]): number[] => ids.map((id) => unitIndex.get(id) as number);
  const mask = (ids: readonly string[]): number =>
    ids.reduce((m, id) => m | (1 << (factionIndex.get(id) as number)), 0);
  switch (written.type) {
    case "control":
      return {
        ...common,
        type: "control",
        units: unitsOf(written.units),
        faction: factionIndex.get(written.faction) as number,
        onlyFrom: 0,
      };
    case "contest":
    case "siege":
      return { ...common, type: written.type, units: unitsOf(written.units), by: mask(written.by) };
    case "lift-siege":
      return { ...common, type: "lift", units: unitsOf(written.units) };
    case "advance": {
      const faction = factionIndex.get(written.faction) as number;
      const placeUnits = allUnits.slice(0, places.length);
      const units = written.path
        ? placesInCorridor(placeUnits, written.path, written.width_km ?? 0)
        : written.polygon
          ? placesInPolygon(placeUnits, normaliseRings(written.polygon))
          : [];
      if (units.length === 0)
        ctx.warn(
          "warning",
          def.type === "supersede" ? ["with"] : [],
          `advance "${def.id}" takes in no place; widen width_km or check the path`,
        );
      const onlyFrom = written.from ? mask(written.from) : ~(1 << faction) >>> 0;
      return { ...common, type: "control", units, faction, onlyFrom };
    }
    case "incident": {
      let at: LonLat;
      if (typeof written.at === "string") {
        const u = allUnits[unitIndex.get(written.at) as number];
        at = u?.at ?? ringCentroid(u?.polygon?.[0] as Ring);
      } else at = written.at;
      return { ...common, type: "incident", kind: written.kind, at, window_days: written.window_days };
    }
    case "chapter":
      return { ...common, type: "chapter", narration: written.narration, seconds: written.seconds };
    case "note":
      return { ...common, type: "note", text: written.text };
    case "retract":
      return { ...common, type: "retract", target: written.target, reason: written.reason };
  }
}
