// Distances on the ground, below both the compiler and the geometry: the compiler resolves an
// `advance` to the places it takes in (every place within `width_km` of a path, or inside a
// polygon) and the geometry layer measures lines and areas, and neither may import the other's
// layer, so the shared primitives live here, in the core.

import { booleanPointInPolygon, lineString, point, pointToLineDistance, polygon } from "@turf/turf";
import type { LonLat, Ring } from "./types.js";

/** Mean Earth radius (km), the one Turf uses for distances and areas. The only copy. */
export const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km between two `[lon, lat]` positions (haversine). */
export function greatCircleKm(a: readonly number[], b: readonly number[]): number {
  const r = Math.PI / 180;
  const [lonA = 0, latA = 0] = a;
  const [lonB = 0, latB = 0] = b;
  const dLat = (latB - latA) * r;
  const dLon = (lonB - lonA) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(latA * r) * Math.cos(latB * r) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

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
