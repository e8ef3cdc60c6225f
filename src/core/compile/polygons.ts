// Polygons as authors write them (one ring, or a list of rings) and what makes one invalid.

import { kinks, polygon } from "@turf/turf";
import { DEFAULT_LIMITS, overLimit } from "../limits.js";
import type { LonLat, Ring } from "../types.js";

/** A single ring or a list of rings → a list of rings. */
export function normaliseRings(polygon: readonly LonLat[] | readonly (readonly LonLat[])[]): Ring[] {
  const first = polygon[0];
  if (first !== undefined && typeof first[0] === "number") return [polygon as readonly LonLat[]];
  return polygon as Ring[];
}

/** Why these rings are not a valid polygon (too many vertices, not closed, across the
 * antimeridian, self-intersecting), if they are not. The vertex budget is checked first: the
 * self-intersection test costs more than linear time. */
export function ringProblem(
  rings: readonly Ring[],
  maxVertices = DEFAULT_LIMITS.vertices,
): string | undefined {
  const vertices = rings.reduce((n, r) => n + r.length, 0);
  if (vertices > maxVertices)
    return overLimit("vertices", `the polygon has ${vertices} vertices`, maxVertices);
  for (const [i, ring] of rings.entries()) {
    const a = ring[0];
    const b = ring[ring.length - 1];
    if (!a || !b || a[0] !== b[0] || a[1] !== b[1])
      return `ring ${i + 1} is not closed: its last position must repeat its first`;
    for (let k = 1; k < ring.length; k++) {
      const p = ring[k - 1] as LonLat;
      const q = ring[k] as LonLat;
      if (Math.abs(q[0] - p[0]) > 180)
        return `ring ${i + 1} crosses the antimeridian between longitudes ${p[0]} and ${q[0]}: it would be read the long way round the world; split the polygon at 180°`;
    }
  }
  const k = kinks(polygon(rings.map((r) => r.map((p) => [p[0], p[1]]))));
  if (k.features.length > 0) {
    const c = k.features[0]?.geometry.coordinates ?? [0, 0];
    return `the polygon intersects itself near [${c.map((v) => Number(v).toFixed(5)).join(", ")}]`;
  }
  return undefined;
}

/** The mean of a ring's distinct vertices: where an area's marker goes. */
export function ringCentroid(ring: Ring): LonLat {
  const pts = ring.slice(0, -1);
  const n = Math.max(1, pts.length);
  return [pts.reduce((s, p) => s + p[0], 0) / n, pts.reduce((s, p) => s + p[1], 0) / n];
}
