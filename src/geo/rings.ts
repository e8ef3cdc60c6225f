// Planar ring helpers shared by the clipper, the partition and the dissolve: orientation, point in
// ring, clean-up of degenerate vertices, and assembly of loose rings into polygons with holes.
// Rings are closed (first position repeated last). "CCW" is counter-clockwise with y pointing up,
// which is RFC 7946's exterior winding when x is longitude and y latitude.

import type { XY } from "./plane.js";

export type Pt = readonly [number, number];
type Box = [number, number, number, number];

/** Twice the signed area of a closed ring; positive when counter-clockwise. */
export function ringArea2(ring: readonly Pt[]): number {
  let a = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const p = ring[i] as Pt;
    const q = ring[i + 1] as Pt;
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a;
}

/**
 * Whether the segment p→q crosses the ray from `[x, y]` towards +x: the one crossing test of every
 * even-odd point-in-ring in the code (rings here, indexed regions in `clip.ts`).
 */
export function crossesRay(x: number, y: number, px: number, py: number, qx: number, qy: number): boolean {
  return py > y !== qy > y && x < ((qx - px) * (y - py)) / (qy - py) + px;
}

/** Even-odd test of `pt` against one ring, closed or not (boundary points fall either way). */
export function pointInRing(pt: Pt, ring: readonly Pt[]): boolean {
  const x = pt[0];
  const y = pt[1];
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const p = ring[i] as Pt;
    const q = ring[j] as Pt;
    if (crossesRay(x, y, p[0], p[1], q[0], q[1])) inside = !inside;
  }
  return inside;
}

/** Even-odd test against a polygon (outer ring then holes) or any set of rings. */
export function pointInPolygon(pt: Pt, polygon: readonly (readonly Pt[])[]): boolean {
  let inside = false;
  for (const ring of polygon) if (pointInRing(pt, ring)) inside = !inside;
  return inside;
}

/** The ring reversed (a new array). */
export function reversed<T>(ring: readonly T[]): T[] {
  return ring.slice().reverse();
}

/** `ring` wound counter-clockwise (`ccw`) or clockwise; returns the same array when already so. */
export function wound<T extends Pt>(ring: T[], ccw: boolean): T[] {
  return ringArea2(ring) > 0 === ccw ? ring : ring.slice().reverse();
}

/** Where on the segment a→b the point p is nearest: the fraction from a (0–1). */
export function nearestOnSegment(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  return l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2));
}

/** Distance from the point p to the segment a→b. */
export function distanceToSegment(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const t = nearestOnSegment(px, py, ax, ay, bx, by);
  return Math.hypot(px - ax - t * (bx - ax), py - ay - t * (by - ay));
}

/**
 * Drops repeated consecutive positions and zero-width spikes (a→b→a); returns a closed ring, or
 * `undefined` when fewer than three distinct positions remain.
 */
export function cleanRing(ring: readonly Pt[]): XY[] | undefined {
  const out: XY[] = [];
  const n =
    ring.length > 1 && samePt(ring[0] as Pt, ring[ring.length - 1] as Pt) ? ring.length - 1 : ring.length;
  for (let i = 0; i < n; i++) {
    const p = ring[i] as Pt;
    const last = out[out.length - 1];
    if (last && samePt(last, p)) continue;
    out.push([p[0], p[1]]);
    // a→b→a: remove b and the second a
    while (out.length >= 3 && samePt(out[out.length - 1] as Pt, out[out.length - 3] as Pt)) out.splice(-2, 2);
  }
  while (out.length > 1 && samePt(out[0] as Pt, out[out.length - 1] as Pt)) out.pop();
  // spikes across the closing point
  let changed = true;
  while (changed && out.length >= 3) {
    changed = false;
    const k = out.length;
    if (samePt(out[k - 1] as Pt, out[1] as Pt)) {
      out.splice(0, 1);
      out.pop();
      changed = true;
    } else if (samePt(out[k - 2] as Pt, out[0] as Pt)) {
      out.splice(k - 2, 2);
      changed = true;
    }
  }
  if (out.length < 3) return undefined;
  out.push([(out[0] as XY)[0], (out[0] as XY)[1]]);
  return out;
}

function samePt(a: Pt, b: Pt): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * Splits a ring that touches itself (a position repeated away from the ends) into simple loops,
 * each closed. A ring without repeats comes back alone.
 */
export function splitSelfTouching(ring: readonly Pt[]): XY[][] {
  const n = ring.length - 1;
  if (n < 4) return [ring.map((p) => [p[0], p[1]] as XY)];
  const seen = new Map<string, number>();
  let repeated = false;
  for (let i = 0; i < n; i++) {
    const p = ring[i] as Pt;
    const key = `${p[0]},${p[1]}`;
    if (seen.has(key)) {
      repeated = true;
      break;
    }
    seen.set(key, i);
  }
  if (!repeated) return [ring.map((p) => [p[0], p[1]] as XY)];
  // Walk the ring with a stack; when a position comes back, pop the loop it closes.
  const loops: XY[][] = [];
  const stack: XY[] = [];
  const at = new Map<string, number>();
  for (let i = 0; i <= n; i++) {
    const p = ring[i % n] as Pt;
    const key = `${p[0]},${p[1]}`;
    const j = at.get(key);
    if (j !== undefined) {
      const loop = stack.splice(j);
      for (const q of loop) at.delete(`${q[0]},${q[1]}`);
      loop.push([p[0], p[1]]);
      if (loop.length >= 4) loops.push(loop);
    }
    at.set(key, stack.length);
    stack.push([p[0], p[1]]);
  }
  return loops;
}

/**
 * A face's polygons with every edge that the face also runs the other way cancelled: a channel of
 * zero width (two of its boundaries on the same grid line, as when two areas' edges ran within a
 * grid step of each other) belongs to the faces on its two sides, not to this one as well. The
 * rest is chained back into rings (a ring touching itself is split into loops) and regrouped, so
 * the face keeps its ground and stops claiming the channel twice. Faces with no such edge (every
 * face of one simple ring, and nearly all others) come back as they are.
 */
export function cancelOpposedEdges(polys: readonly (readonly XY[])[][]): XY[][][] {
  const ringCount = polys.reduce((n, poly) => n + poly.length, 0);
  const key = (p: Pt): number => p[0] * 16777216 + p[1];
  const edges = new Map<string, number>();
  let opposed = false;
  if (
    ringCount > 1 ||
    polys.some((poly) => poly.some((ring) => new Set(ring.map(key)).size < ring.length - 1))
  )
    for (const poly of polys)
      for (const ring of poly)
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = key(ring[i] as Pt);
          const b = key(ring[i + 1] as Pt);
          const back = edges.get(`${b}>${a}`) ?? 0;
          if (back > 0) {
            opposed = true;
            edges.set(`${b}>${a}`, back - 1);
          } else edges.set(`${a}>${b}`, (edges.get(`${a}>${b}`) ?? 0) + 1);
        }
  if (!opposed) return polys.map((poly) => poly.map((ring) => ring.map((p) => [p[0], p[1]] as XY)));
  const point = new Map<number, XY>();
  const out = new Map<number, number[]>();
  for (const poly of polys) for (const ring of poly) for (const p of ring) point.set(key(p), [p[0], p[1]]);
  for (const [edge, count] of edges) {
    const [a, b] = edge.split(">").map(Number) as [number, number];
    for (let c = 0; c < count; c++) {
      const list = out.get(a) ?? [];
      list.push(b);
      out.set(a, list);
    }
  }
  const rings: XY[][] = [];
  for (const start of [...out.keys()])
    while ((out.get(start)?.length ?? 0) > 0) {
      const ring: XY[] = [point.get(start) as XY];
      let at = start;
      for (;;) {
        const next = (out.get(at) as number[]).pop();
        if (next === undefined) break;
        ring.push(point.get(next) as XY);
        at = next;
        if (at === start) break;
      }
      if (at !== start) continue;
      for (const loop of splitSelfTouching(ring)) {
        const clean = cleanRing(loop);
        if (clean) rings.push(clean);
      }
    }
  return assemblePolygons(rings);
}

/**
 * Groups rings into polygons: counter-clockwise rings are exteriors, clockwise rings holes, each
 * hole going to the smallest exterior that contains it. Holes inside no exterior are dropped.
 */
export function assemblePolygons(rings: readonly XY[][]): XY[][][] {
  const exteriors: { ring: XY[]; area: number; holes: XY[][]; box?: Box }[] = [];
  const holes: XY[][] = [];
  for (const ring of rings) {
    const a = ringArea2(ring);
    if (a > 0) exteriors.push({ ring, area: a, holes: [] });
    else if (a < 0) holes.push(ring);
  }
  if (exteriors.length === 1) {
    (exteriors[0] as { holes: XY[][] }).holes.push(...holes);
  } else if (holes.length > 0) {
    exteriors.sort((a, b) => a.area - b.area);
    for (const hole of holes) {
      const probe = interiorProbe(hole);
      const home = exteriors.find((e) => {
        const b = (e.box ??= ringsBbox([e.ring]));
        return (
          probe[0] >= b[0] &&
          probe[0] <= b[2] &&
          probe[1] >= b[1] &&
          probe[1] <= b[3] &&
          pointInRing(probe, e.ring)
        );
      });
      if (home) home.holes.push(hole);
    }
  }
  return exteriors.map((e) => [e.ring, ...e.holes]);
}

/** The midpoint of a ring's longest edge: on the hole's boundary, away from its vertices, which is
 *  where a touching exterior is least likely to pass. */
function interiorProbe(ring: readonly XY[]): XY {
  let best = 0;
  let bestLen = -1;
  for (let i = 0; i < ring.length - 1; i++) {
    const p = ring[i] as XY;
    const q = ring[i + 1] as XY;
    const len = (q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2;
    if (len > bestLen) {
      bestLen = len;
      best = i;
    }
  }
  const p = ring[best] as XY;
  const q = ring[best + 1] as XY;
  return [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
}

/** Bounding box `[minX, minY, maxX, maxY]` of some rings. */
export function ringsBbox(rings: readonly (readonly Pt[])[]): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const ring of rings)
    for (const p of ring) {
      if (p[0] < x0) x0 = p[0];
      if (p[0] > x1) x1 = p[0];
      if (p[1] < y0) y0 = p[1];
      if (p[1] > y1) y1 = p[1];
    }
  return [x0, y0, x1, y1];
}
