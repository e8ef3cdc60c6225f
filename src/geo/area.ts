// Areas in km² with turf.area, on geometry whose long edges are first split into short pieces.
// turf.area's spherical formula depends on how an edge is divided: a 50 km edge of a coarse
// outline and the same edge cut at three points by face boundaries give areas that differ by
// up to 0.01 %. Splitting every edge into steps of at most 0.01° makes each measure converge to
// the area of the polygon with straight longitude/latitude edges (RFC 7946's reading), so the
// faces add up to their theatre.

import { area } from "@turf/turf";
import type { MultiPolygon, Polygon, Position } from "geojson";

/** Longest edge piece, degrees. */
export const AREA_STEP_DEG = 0.01;

/** `ring` with every edge longer than `step` (in longitude or latitude) split evenly. */
export function densifyRing(ring: readonly Position[], step = AREA_STEP_DEG): Position[] {
  const out: Position[] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    const ax = a[0] as number;
    const ay = a[1] as number;
    const dx = (b[0] as number) - ax;
    const dy = (b[1] as number) - ay;
    const n = Math.max(1, Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)) / step));
    out.push([ax, ay]);
    for (let k = 1; k < n; k++) out.push([ax + (dx * k) / n, ay + (dy * k) / n]);
  }
  const last = ring[ring.length - 1];
  if (last) out.push([last[0] as number, last[1] as number]);
  return out;
}

/**
 * km² of a (Multi)Polygon given in longitude/latitude.
 *
 * @example
 * km2({ type: "Polygon", coordinates: [[[38, 35], [39, 35], [39, 36], [38, 36], [38, 35]]] }); // ≈ 10,094
 */
export function km2(g: Polygon | MultiPolygon, step = AREA_STEP_DEG): number {
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  return (
    area({
      type: "MultiPolygon",
      coordinates: polys.map((poly) => poly.map((ring) => densifyRing(ring, step))),
    }) / 1e6
  );
}
