// How far a position lies outside a scenario's theatre, for the compiler's warnings.
// bbox and inline polygons are checked directly; country outlines come from Natural Earth.

import { booleanPointInPolygon, point, pointToPolygonDistance, polygon as turfPolygon } from "@turf/turf";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import type { LonLat, TheatreDef } from "../core/types.js";

type Outline = Feature<Polygon | MultiPolygon>;

const outlines = new Map<string, Outline | undefined>();
let countryOutline:
  ((theatre: Extract<TheatreDef, { kind: "countries" }>) => Outline | undefined) | undefined;

/** Lets the geometry layer provide country outlines (set once at start-up). */
export function setCountryOutlineProvider(f: typeof countryOutline): void {
  countryOutline = f;
  outlines.clear();
}

function outlineOf(theatre: TheatreDef): Outline | undefined {
  const key = JSON.stringify(theatre);
  if (outlines.has(key)) return outlines.get(key);
  let outline: Outline | undefined;
  if (theatre.kind === "bbox") {
    const [w, s, e, n] = theatre.bbox;
    outline = turfPolygon([
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ]);
  } else if (theatre.kind === "polygon") {
    outline = turfPolygon(theatre.polygon.map((r) => r.map((p) => [p[0], p[1]])));
  } else outline = countryOutline?.(theatre);
  outlines.set(key, outline);
  return outline;
}

/** Kilometres outside the theatre (0 inside, or when the outline is not known). */
export function theatreDistance(theatre: TheatreDef, at: LonLat): number {
  const outline = outlineOf(theatre);
  if (!outline) return 0;
  const p = point([at[0], at[1]]);
  if (booleanPointInPolygon(p, outline)) return 0;
  return Math.abs(pointToPolygonDistance(p, outline, { units: "kilometers" }));
}
