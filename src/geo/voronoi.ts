// Nearest-place cells: the Voronoi diagram of the sites in the local plane, each cell a closed
// counter-clockwise ring within the bounds.

import { Delaunay } from "d3";
import type { XY } from "./plane.js";
import { cleanRing, wound } from "./rings.js";

/**
 * The Voronoi cell of each site within `bounds` (closed, counter-clockwise). Sites on one line
 * (or fewer than three) get strips between the perpendicular bisectors of their neighbours, cut
 * directly: d3-delaunay jitters collinear input, and the far-away circumcentres that follow make
 * unreliable cells.
 */
export function voronoiCells(
  xy: readonly number[],
  boundsRing: XY[],
  bounds: [number, number, number, number],
): (XY[] | undefined)[] {
  const n = xy.length / 2;
  const at = (i: number): XY => [xy[2 * i] as number, xy[2 * i + 1] as number];
  // the line through the first site and the site farthest from it
  const a = at(0);
  let far = 0;
  let farD = 0;
  for (let i = 1; i < n; i++) {
    const p = at(i);
    const d = Math.hypot(p[0] - a[0], p[1] - a[1]);
    if (d > farD) {
      farD = d;
      far = i;
    }
  }
  const b = at(far);
  const ux = farD > 0 ? (b[0] - a[0]) / farD : 1;
  const uy = farD > 0 ? (b[1] - a[1]) / farD : 0;
  let collinear = true;
  for (let i = 0; i < n && collinear; i++) {
    const p = at(i);
    if (Math.abs((p[0] - a[0]) * uy - (p[1] - a[1]) * ux) > 1e-9 * Math.max(farD, 1e-9)) collinear = false;
  }
  if (!collinear) {
    const voronoi = new Delaunay(Float64Array.from(xy)).voronoi(bounds);
    return Array.from({ length: n }, (_, i) => {
      const poly = voronoi.cellPolygon(i) as XY[] | null;
      const ring = poly ? cleanRing(poly) : undefined;
      return ring ? wound(ring, true) : undefined;
    });
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => {
    const p = at(i);
    const q = at(j);
    return (p[0] - a[0]) * ux + (p[1] - a[1]) * uy - ((q[0] - a[0]) * ux + (q[1] - a[1]) * uy);
  });
  const out: (XY[] | undefined)[] = new Array<XY[] | undefined>(n);
  order.forEach((site, k) => {
    let ring: XY[] | undefined = boundsRing;
    const p = at(site);
    for (const other of [order[k - 1], order[k + 1]]) {
      if (other === undefined || !ring) continue;
      const q = at(other);
      // keep the side of the bisector nearer to p
      const nx = p[0] - q[0];
      const ny = p[1] - q[1];
      const mx = (p[0] + q[0]) / 2;
      const my = (p[1] + q[1]) / 2;
      ring = clipHalfPlane(ring, (x, y) => (x - mx) * nx + (y - my) * ny);
    }
    out[site] = ring ? wound(ring, true) : undefined;
  });
  return out;
}

/** A convex ring cut to where `side(x, y) >= 0`. */
function clipHalfPlane(ring: readonly XY[], side: (x: number, y: number) => number): XY[] | undefined {
  const out: XY[] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const p = ring[i] as XY;
    const q = ring[i + 1] as XY;
    const sp = side(p[0], p[1]);
    const sq = side(q[0], q[1]);
    if (sp >= 0) out.push(p);
    if (sp >= 0 !== sq >= 0) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  if (out.length < 3) return undefined;
  out.push(out[0] as XY);
  return cleanRing(out);
}
