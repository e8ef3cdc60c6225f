// One event's compiled form: ids resolved to unit indices and faction codes, an `advance`
// expanded to the places it takes in, an incident placed.

import { dayOf } from "../dates.js";
import type { Severity } from "../diagnostics.js";
import { placesInCorridor, placesInPolygon } from "../geodesy.js";
import type { Path } from "../parse.js";
import type { CompiledEvent, ControlOp, EventDef, LonLat, Ring } from "../types.js";
import { normaliseRings, ringCentroid } from "./polygons.js";
import type { Sections } from "./sections.js";

export interface LowerContext {
  readonly sections: Sections;
  readonly retractedBy: string | undefined;
  readonly pos: CompiledEvent["pos"];
  /** Reports a problem at `path` inside the event. */
  readonly warn: (severity: Severity, path: Path, message: string) => void;
}

/** What an event does once corrections are read: a supersede's replacement, else itself. */
export function effectiveDef(d: EventDef): EventDef | Extract<EventDef, { type: "supersede" }>["with"] {
  return d.type === "supersede" ? d.with : d;
}

export function lowerEvent(def: EventDef, index: number, ctx: LowerContext): CompiledEvent {
  const { unitIndex, factionIndex, units: allUnits, places } = ctx.sections;
  const body = effectiveDef(def);
  const unitsOf = (ids: readonly string[]): number[] => ids.map((id) => unitIndex.get(id) as number);
  const mask = (ids: readonly string[]): number =>
    ids.reduce((m, id) => m | (1 << (factionIndex.get(id) as number)), 0);
  let op: ControlOp = "none";
  let units: number[] = [];
  let faction = 0;
  let by = 0;
  let onlyFrom = 0;
  let at: LonLat | undefined;
  switch (body.type) {
    case "control":
      op = "control";
      units = unitsOf(body.units);
      faction = factionIndex.get(body.faction) as number;
      break;
    case "contest":
      op = "contest";
      units = unitsOf(body.units);
      by = mask(body.by);
      break;
    case "siege":
      op = "siege";
      units = unitsOf(body.units);
      by = mask(body.by);
      break;
    case "lift-siege":
      op = "lift";
      units = unitsOf(body.units);
      break;
    case "advance": {
      op = "control";
      faction = factionIndex.get(body.faction) as number;
      onlyFrom = body.from ? mask(body.from) : ~(1 << faction) >>> 0;
      const placeUnits = allUnits.slice(0, places.length);
      units = body.path
        ? placesInCorridor(placeUnits, body.path, body.width_km ?? 0)
        : body.polygon
          ? placesInPolygon(placeUnits, normaliseRings(body.polygon))
          : [];
      if (units.length === 0)
        ctx.warn(
          "warning",
          def.type === "supersede" ? ["with"] : [],
          `advance "${def.id}" takes in no place; widen width_km or check the path`,
        );
      break;
    }
    case "incident":
      if (typeof body.at === "string") {
        const u = allUnits[unitIndex.get(body.at) as number];
        at = u?.at ?? (u?.polygon ? ringCentroid(u.polygon[0] as Ring) : undefined);
      } else at = body.at;
      break;
    default:
      break;
  }
  return {
    index,
    id: def.id,
    type: body.type,
    date: body.date,
    day: dayOf(body.date),
    title: body.title,
    op,
    units,
    faction,
    by,
    onlyFrom,
    def,
    retractedBy: ctx.retractedBy,
    supersedes: def.type === "supersede" ? def.target : undefined,
    at,
    pos: ctx.pos,
  };
}
