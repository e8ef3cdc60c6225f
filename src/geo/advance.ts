// Resolving an `advance` event to the places it takes in, at compile time: every place within
// `width_km` of a path (a corridor), or inside a polygon. Distances are geodesic (Turf).

import { booleanPointInPolygon, lineString, point, pointToLineDistance, polygon } from "@turf/turf";
import type { LonLat, Ring } from "../core/types.js";

/** Anything with an optional position: `PlaceDef`, `CompiledUnit`. Entries without one are skipped. */
export interface Positioned {
  readonly at?: LonLat | undefined;
}

/**
 * Indices of the places within `widthKm` of `path` (a single position counts as a point).
 *
 * @example
 * placesInCorridor(units.slice(0, placeCount), [[38.9, 35.95], [39.1, 35.95]], 2); // [0, 4, 7]
 */
export function placesInCorridor(
  places: readonly Positioned[],
  path: readonly LonLat[],
  widthKm: number,
): number[] {
  const out: number[] = [];
  if (path.length === 0) return out;
  const coords = path.map((p) => [p[0], p[1]]);
  if (coords.length === 1) coords.push([path[0]?.[0] ?? 0, path[0]?.[1] ?? 0]);
  const line = lineString(coords);
  places.forEach((p, i) => {
    if (!p.at) return;
    if (pointToLineDistance(point([p.at[0], p.at[1]]), line, { units: "kilometers" }) <= widthKm) out.push(i);
  });
  return out;
}

/**
 * Indices of the places inside a polygon given as rings (outer ring first, then holes).
 *
 * @example
 * placesInPolygon(places, [[[38.9, 35.9], [39.1, 35.9], [39.1, 36.0], [38.9, 35.9]]]); // [2, 3]
 */
export function placesInPolygon(places: readonly Positioned[], rings: readonly Ring[]): number[] {
  const out: number[] = [];
  if (rings.length === 0) return out;
  const poly = polygon(rings.map((r) => r.map((p) => [p[0], p[1]])));
  places.forEach((p, i) => {
    if (!p.at) return;
    if (booleanPointInPolygon(point([p.at[0], p.at[1]]), poly)) out.push(i);
  });
  return out;
}
