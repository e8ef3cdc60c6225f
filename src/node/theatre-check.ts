// How far a position lies outside a scenario's theatre, for the compiler's warnings.
// Outlines come from the geometry layer's theatre resolution (Natural Earth for countries).

import { booleanPointInPolygon, point, pointToPolygonDistance } from "@turf/turf";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import type { LonLat, TheatreDef } from "../core/types.js";
import { resolveTheatre } from "../geo/theatre.js";
import { atlasFor } from "./atlas.js";

type Outline = Feature<Polygon | MultiPolygon>;

const outlines = new Map<string, Outline>();
function outlineOf(theatre: TheatreDef): Outline {
  const key = JSON.stringify(theatre);
  const hit = outlines.get(key);
  if (hit) return hit;
  const outline = resolveTheatre(
    theatre,
    theatre.kind === "countries" ? atlasFor(theatre) : undefined,
  ).outline;
  outlines.set(key, outline);
  return outline;
}

/** Kilometres outside the theatre (0 inside). */
export function theatreDistance(theatre: TheatreDef, at: LonLat): number {
  const outline = outlineOf(theatre);
  const p = point([at[0], at[1]]);
  if (booleanPointInPolygon(p, outline)) return 0;
  return Math.abs(pointToPolygonDistance(p, outline, { units: "kilometers" }));
}
