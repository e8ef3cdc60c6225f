// One event's compiled form, a member of the `CompiledEvent` union: a supersede resolved to its
// replacement's body, ids to unit indices and faction codes, an `advance` to a `control` of the
// places it takes in, an incident to a position.

import { dayOf } from "../dates.js";
import type { Severity } from "../diagnostics.js";
import { placesInCorridor, placesInPolygon } from "../geodesy.js";
import type { Path } from "../parse.js";
import { effectiveDef } from "../event.js";
import type { CompiledBody, CompiledEvent, EventDef, LonLat, Ring } from "../types.js";
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

/** The body assigned onto the common fields. (An object spread here cost 8 µs an event in V8,
 * most of a 100,000-event compile; no closure is made per event either.) */
function withBody<C extends object, B extends CompiledBody>(common: C, body: B): C & B {
  return Object.assign(common, body);
}

function indicesOf(index: ReadonlyMap<string, number>, ids: readonly string[]): number[] {
  const out = new Array<number>(ids.length);
  for (let i = 0; i < ids.length; i++) out[i] = index.get(ids[i] as string) as number;
  return out;
}

function maskOf(index: ReadonlyMap<string, number>, ids: readonly string[]): number {
  let m = 0;
  for (const id of ids) m |= 1 << (index.get(id) as number);
  return m;
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
  switch (written.type) {
    case "control":
      return withBody(common, {
        type: "control",
        units: indicesOf(unitIndex, written.units),
        faction: factionIndex.get(written.faction) as number,
        onlyFrom: 0,
      });
    case "contest":
    case "siege":
      return withBody(common, {
        type: written.type,
        units: indicesOf(unitIndex, written.units),
        by: maskOf(factionIndex, written.by),
      });
    case "lift-siege":
      return withBody(common, { type: "lift", units: indicesOf(unitIndex, written.units) });
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
      const onlyFrom = written.from ? maskOf(factionIndex, written.from) : ~(1 << faction) >>> 0;
      return withBody(common, { type: "control", units, faction, onlyFrom });
    }
    case "incident": {
      let at: LonLat;
      if (typeof written.at === "string") {
        const u = allUnits[unitIndex.get(written.at) as number];
        at = u?.at ?? ringCentroid(u?.polygon?.[0] as Ring);
      } else at = written.at;
      return withBody(common, { type: "incident", kind: written.kind, at, window_days: written.window_days });
    }
    case "chapter":
      return withBody(common, { type: "chapter", narration: written.narration, seconds: written.seconds });
    case "note":
      return withBody(common, { type: "note", text: written.text });
    case "retract":
      return withBody(common, { type: "retract", target: written.target, reason: written.reason });
  }
}
