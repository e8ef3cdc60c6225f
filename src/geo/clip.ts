// Clipping a large region (the theatre outline, an area, or an area's complement) by the small
// convex cells of a Voronoi diagram. General polygon clippers cost O(n log n) in the region's
// vertex count per cell; here the region's edges are indexed once on a grid, each cell looks only
// at the few edges near it, and the intersection is traced directly: the region's boundary pieces
// inside the cell, joined by walks along the cell's boundary. Cases too close to call (a vertex on
// a cell edge, an edge grazing a cell corner) report `undefined` so the caller can use a robust
// general clipper for that one cell instead.

import type { XY } from "./plane.js";
import { assemblePolygons, crossesRay, nearestOnSegment, ringsBbox } from "./rings.js";

/** A region (closed rings: exteriors counter-clockwise, holes clockwise) with its edges indexed. */
export interface Subject {
  readonly rings: readonly (readonly XY[])[];
  readonly bbox: readonly [number, number, number, number];
  readonly edgeCount: number;
  readonly ex0: Float64Array;
  readonly ey0: Float64Array;
  readonly ex1: Float64Array;
  readonly ey1: Float64Array;
  readonly edgeRing: Int32Array;
  /** Index of the edge's start vertex within its ring. */
  readonly edgeIdx: Int32Array;
  readonly grid: Buckets;
  /** Horizontal bands for ray casting. */
  readonly bands: Buckets;
  readonly stamp: Int32Array;
  stampId: number;
}

interface Buckets {
  readonly x0: number;
  readonly y0: number;
  readonly cw: number;
  readonly ch: number;
  readonly cols: number;
  readonly rows: number;
  readonly start: Int32Array;
  readonly items: Int32Array;
}

export type ClipResult =
  | { readonly kind: "inside" }
  | { readonly kind: "outside" }
  | { readonly kind: "pieces"; readonly polygons: XY[][][] };

/** Indexes the edges of `rings` (which must be closed and wound as above). */
export function indexSubject(rings: readonly (readonly XY[])[]): Subject {
  let edgeCount = 0;
  for (const r of rings) edgeCount += Math.max(0, r.length - 1);
  const ex0 = new Float64Array(edgeCount);
  const ey0 = new Float64Array(edgeCount);
  const ex1 = new Float64Array(edgeCount);
  const ey1 = new Float64Array(edgeCount);
  const edgeRing = new Int32Array(edgeCount);
  const edgeIdx = new Int32Array(edgeCount);
  let e = 0;
  rings.forEach((r, ri) => {
    for (let i = 0; i < r.length - 1; i++, e++) {
      const p = r[i] as XY;
      const q = r[i + 1] as XY;
      ex0[e] = p[0];
      ey0[e] = p[1];
      ex1[e] = q[0];
      ey1[e] = q[1];
      edgeRing[e] = ri;
      edgeIdx[e] = i;
    }
  });
  const bbox = ringsBbox(rings);
  const w = Math.max(bbox[2] - bbox[0], 1e-9);
  const h = Math.max(bbox[3] - bbox[1], 1e-9);
  const side = Math.max(1, Math.min(512, Math.ceil(Math.sqrt(edgeCount))));
  const cols = Math.max(1, Math.min(512, Math.round(side * Math.sqrt(w / h))));
  const rows = Math.max(1, Math.min(512, Math.round(side * Math.sqrt(h / w))));
  const grid = bucketEdges(bbox[0], bbox[1], w / cols, h / rows, cols, rows, ex0, ey0, ex1, ey1);
  const nBands = Math.max(1, Math.min(4096, edgeCount >> 1));
  const bands = bucketEdges(bbox[0], bbox[1], w, h / nBands, 1, nBands, ex0, ey0, ex1, ey1);
  return {
    rings,
    bbox,
    edgeCount,
    ex0,
    ey0,
    ex1,
    ey1,
    edgeRing,
    edgeIdx,
    grid,
    bands,
    stamp: new Int32Array(edgeCount),
    stampId: 0,
  };
}

function bucketEdges(
  x0: number,
  y0: number,
  cw: number,
  ch: number,
  cols: number,
  rows: number,
  ex0: Float64Array,
  ey0: Float64Array,
  ex1: Float64Array,
  ey1: Float64Array,
): Buckets {
  const n = ex0.length;
  const counts = new Int32Array(cols * rows + 1);
  const span = (e: number): [number, number, number, number] => {
    const c0 = clampI(Math.floor((Math.min(ex0[e] as number, ex1[e] as number) - x0) / cw), cols);
    const c1 = clampI(Math.floor((Math.max(ex0[e] as number, ex1[e] as number) - x0) / cw), cols);
    const r0 = clampI(Math.floor((Math.min(ey0[e] as number, ey1[e] as number) - y0) / ch), rows);
    const r1 = clampI(Math.floor((Math.max(ey0[e] as number, ey1[e] as number) - y0) / ch), rows);
    return [c0, c1, r0, r1];
  };
  for (let e = 0; e < n; e++) {
    const [c0, c1, r0, r1] = span(e);
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) {
        const b = r * cols + c + 1;
        counts[b] = (counts[b] as number) + 1;
      }
  }
  const start = new Int32Array(cols * rows + 1);
  for (let i = 1; i <= cols * rows; i++) start[i] = (start[i - 1] as number) + (counts[i] as number);
  const fill = start.slice(0, cols * rows);
  const items = new Int32Array(start[cols * rows] as number);
  for (let e = 0; e < n; e++) {
    const [c0, c1, r0, r1] = span(e);
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) {
        const b = r * cols + c;
        const at = fill[b] as number;
        items[at] = e;
        fill[b] = at + 1;
      }
  }
  return { x0, y0, cw, ch, cols, rows, start, items };
}

function clampI(v: number, n: number): number {
  return v < 0 ? 0 : v >= n ? n - 1 : v;
}

/** Ids of the edges whose bounding boxes may meet `box`, ascending (so ring order is kept). */
export function edgesNear(s: Subject, box: readonly [number, number, number, number]): number[] {
  const g = s.grid;
  if (box[2] < s.bbox[0] || box[0] > s.bbox[2] || box[3] < s.bbox[1] || box[1] > s.bbox[3]) return [];
  const c0 = clampI(Math.floor((box[0] - g.x0) / g.cw), g.cols);
  const c1 = clampI(Math.floor((box[2] - g.x0) / g.cw), g.cols);
  const r0 = clampI(Math.floor((box[1] - g.y0) / g.ch), g.rows);
  const r1 = clampI(Math.floor((box[3] - g.y0) / g.ch), g.rows);
  const id = ++s.stampId;
  const out: number[] = [];
  for (let r = r0; r <= r1; r++)
    for (let c = c0; c <= c1; c++) {
      const b = r * g.cols + c;
      for (let k = g.start[b] as number, end = g.start[b + 1] as number; k < end; k++) {
        const e = g.items[k] as number;
        if (s.stamp[e] === id) continue;
        s.stamp[e] = id;
        if (
          Math.max(s.ex0[e] as number, s.ex1[e] as number) < box[0] ||
          Math.min(s.ex0[e] as number, s.ex1[e] as number) > box[2] ||
          Math.max(s.ey0[e] as number, s.ey1[e] as number) < box[1] ||
          Math.min(s.ey0[e] as number, s.ey1[e] as number) > box[3]
        )
          continue;
        out.push(e);
      }
    }
  out.sort((a, b) => a - b);
  return out;
}

/** Even-odd point-in-region test by a ray towards +x, skipping the rings in `skip`. */
export function pointInSubject(
  s: Subject,
  pt: readonly [number, number],
  skip?: ReadonlySet<number>,
): boolean {
  const b = s.bands;
  const x = pt[0];
  const y = pt[1];
  if (y < s.bbox[1] || y > s.bbox[3] || x > s.bbox[2]) return false;
  const r = clampI(Math.floor((y - b.y0) / b.ch), b.rows);
  let inside = false;
  for (let k = b.start[r] as number, end = b.start[r + 1] as number; k < end; k++) {
    const e = b.items[k] as number;
    if (skip && skip.has(s.edgeRing[e] as number)) continue;
    if (crossesRay(x, y, s.ex0[e] as number, s.ey0[e] as number, s.ex1[e] as number, s.ey1[e] as number))
      inside = !inside;
  }
  return inside;
}

/** Distance from `pt` to the nearest edge of the region (brute force: for the few outliers). */
export function distanceToSubject(s: Subject, pt: readonly [number, number]): { d: number; at: XY } {
  let best = Infinity;
  let at: XY = [pt[0], pt[1]];
  for (let e = 0; e < s.edgeCount; e++) {
    const px = s.ex0[e] as number;
    const py = s.ey0[e] as number;
    const qx = s.ex1[e] as number;
    const qy = s.ey1[e] as number;
    const t = nearestOnSegment(pt[0], pt[1], px, py, qx, qy);
    const cx = px + t * (qx - px);
    const cy = py + t * (qy - py);
    const d = Math.hypot(pt[0] - cx, pt[1] - cy);
    if (d < best) {
      best = d;
      at = [cx, cy];
    }
  }
  return { d: best, at };
}

interface Crossing {
  /** Position along the cell boundary: edge index + fraction. */
  readonly s: number;
  readonly pt: XY;
}

interface Chain {
  readonly pts: XY[];
  readonly sIn: number;
  readonly sOut: number;
  next: number;
  used: boolean;
}

/**
 * `region ∩ cell` for a convex, counter-clockwise, closed `cell`. `inside` means the whole cell,
 * `outside` nothing; `undefined` when a vertex or an edge lies too close to the cell's boundary
 * to decide robustly.
 */
export function clipConvex(s: Subject, cell: readonly XY[]): ClipResult | undefined {
  const m = cell.length - 1;
  if (m < 3) return { kind: "outside" };
  const box = ringsBbox([cell]);
  const near = edgesNear(s, box);
  // Centre of the cell: inside it, and far from its boundary.
  let cx = 0;
  let cy = 0;
  for (let k = 0; k < m; k++) {
    cx += (cell[k] as XY)[0];
    cy += (cell[k] as XY)[1];
  }
  cx /= m;
  cy /= m;
  if (near.length === 0) return pointInSubject(s, [cx, cy]) ? { kind: "inside" } : { kind: "outside" };

  // Cell edges as (origin, direction, length).
  const ax = new Float64Array(m);
  const ay = new Float64Array(m);
  const dx = new Float64Array(m);
  const dy = new Float64Array(m);
  const len = new Float64Array(m);
  let scale = 0;
  for (let k = 0; k < m; k++) {
    const p = cell[k] as XY;
    const q = cell[k + 1] as XY;
    ax[k] = p[0];
    ay[k] = p[1];
    dx[k] = q[0] - p[0];
    dy[k] = q[1] - p[1];
    len[k] = Math.hypot(dx[k] as number, dy[k] as number);
    scale = Math.max(scale, len[k] as number);
  }
  const tol = scale * 1e-9;
  // signed distance of a point to edge k's line, positive inside
  const dist = (k: number, x: number, y: number): number =>
    ((dx[k] as number) * (y - (ay[k] as number)) - (dy[k] as number) * (x - (ax[k] as number))) /
    (len[k] as number);
  const minDist = (x: number, y: number): number => {
    let d = Infinity;
    for (let k = 0; k < m; k++) {
      if ((len[k] as number) === 0) continue;
      const v = dist(k, x, y);
      if (v < d) d = v;
    }
    return d;
  };
  const position = (k: number, x: number, y: number): number => {
    const l2 = (len[k] as number) ** 2;
    let u =
      l2 === 0
        ? 0
        : ((x - (ax[k] as number)) * (dx[k] as number) + (y - (ay[k] as number)) * (dy[k] as number)) / l2;
    if (u < 0) u = 0;
    if (u >= 1) return (k + 1) % m;
    return k + u;
  };

  // Classify the near edges, ring by ring.
  const chains: Chain[] = [];
  const insideRings = new Set<number>();
  const touchedRings = new Set<number>();
  let i = 0;
  while (i < near.length) {
    const ring = s.edgeRing[near[i] as number] as number;
    let j = i;
    while (j < near.length && s.edgeRing[near[j] as number] === ring) j++;
    const r = s.rings[ring] as readonly XY[];
    const n = r.length - 1;
    // events along this ring: [edgeIdx, t, kind (1 entry, -1 exit), crossing]
    const events: { e: number; t: number; kind: 1 | -1; c: Crossing }[] = [];
    let anyInside = false;
    for (let k = i; k < j; k++) {
      const e = near[k] as number;
      const px = s.ex0[e] as number;
      const py = s.ey0[e] as number;
      const qx = s.ex1[e] as number;
      const qy = s.ey1[e] as number;
      const dp = minDist(px, py);
      const dq = minDist(qx, qy);
      if (Math.abs(dp) <= tol || Math.abs(dq) <= tol) return undefined;
      const pin = dp > 0;
      const qin = dq > 0;
      if (pin) anyInside = true;
      if (pin && qin) continue;
      let tE = 0;
      let tL = 1;
      let kE = -1;
      let kL = -1;
      let miss = false;
      for (let c = 0; c < m; c++) {
        if ((len[c] as number) === 0) continue;
        const a = dist(c, px, py);
        const b = dist(c, qx, qy);
        if (a < 0 && b < 0) {
          miss = true;
          break;
        }
        if (Math.abs(a) <= tol && Math.abs(b) <= tol) return undefined; // along a cell edge
        if (a < 0 && b >= 0) {
          const t = a / (a - b);
          if (t > tE) {
            tE = t;
            kE = c;
          }
        } else if (b < 0 && a >= 0) {
          const t = a / (a - b);
          if (t < tL) {
            tL = t;
            kL = c;
          }
        }
      }
      if (miss) continue;
      const segLen = Math.hypot(qx - px, qy - py);
      if (!pin && !qin) {
        if (tE >= tL) {
          if ((tE - tL) * segLen <= tol) return undefined; // grazes a corner
          continue;
        }
        if ((tL - tE) * segLen <= tol) return undefined;
      }
      const idx = s.edgeIdx[e] as number;
      if (!pin) {
        if (kE < 0) return undefined;
        const x = px + tE * (qx - px);
        const y = py + tE * (qy - py);
        events.push({ e: idx, t: tE, kind: 1, c: { s: position(kE, x, y), pt: [x, y] } });
      }
      if (!qin) {
        if (kL < 0) return undefined;
        const x = px + tL * (qx - px);
        const y = py + tL * (qy - py);
        events.push({ e: idx, t: tL, kind: -1, c: { s: position(kL, x, y), pt: [x, y] } });
      }
    }
    if (events.length === 0) {
      if (anyInside) insideRings.add(ring);
    } else {
      touchedRings.add(ring);
      events.sort((a, b) => a.e - b.e || a.t - b.t);
      const ne = events.length;
      if (ne % 2 !== 0) return undefined;
      for (let k = 0; k < ne; k++) {
        const ev = events[k] as (typeof events)[number];
        if (ev.kind !== 1) continue;
        const out = events[(k + 1) % ne] as (typeof events)[number];
        if (out.kind !== -1) return undefined;
        const pts: XY[] = [ev.c.pt];
        if (!(out.e === ev.e && out.t > ev.t)) {
          // vertices ev.e+1 .. out.e (cyclic)
          let v = (ev.e + 1) % n;
          for (let guard = 0; guard <= n; guard++) {
            pts.push([(r[v] as XY)[0], (r[v] as XY)[1]]);
            if (v === out.e) break;
            v = (v + 1) % n;
          }
        }
        pts.push(out.c.pt);
        chains.push({ pts, sIn: ev.c.s, sOut: out.c.s, next: -1, used: false });
      }
    }
    i = j;
  }

  const rings: XY[][] = [];
  for (const ri of insideRings) rings.push((s.rings[ri] as readonly XY[]).map((p) => [p[0], p[1]] as XY));

  if (chains.length === 0) {
    const cellInside = pointInSubject(s, [cx, cy], insideRings);
    if (rings.length === 0) return cellInside ? { kind: "inside" } : { kind: "outside" };
    if (cellInside) rings.push(cell.map((p) => [p[0], p[1]] as XY));
    return { kind: "pieces", polygons: assemblePolygons(rings) };
  }

  // Link each chain's exit to the next entry counter-clockwise along the cell boundary.
  const order = chains.map((_, k) => k).sort((a, b) => (chains[a] as Chain).sIn - (chains[b] as Chain).sIn);
  const entries = order.map((k) => (chains[k] as Chain).sIn);
  for (const c of chains) {
    // first entry strictly after sOut, cyclically
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((entries[mid] as number) <= c.sOut) lo = mid + 1;
      else hi = mid;
    }
    c.next = order[lo % order.length] as number;
  }
  for (let start = 0; start < chains.length; start++) {
    if ((chains[start] as Chain).used) continue;
    const ring: XY[] = [];
    let k = start;
    for (let guard = 0; guard <= chains.length; guard++) {
      const c = chains[k] as Chain;
      if (c.used) break;
      c.used = true;
      ring.push(...c.pts);
      const nxt = chains[c.next] as Chain;
      // cell vertices strictly between c.sOut and nxt.sIn going forward
      const from = c.sOut;
      const to = nxt.sIn <= from ? nxt.sIn + m : nxt.sIn;
      for (let v = Math.floor(from) + 1; v < to; v++) {
        const p = cell[v % m] as XY;
        ring.push([p[0], p[1]]);
      }
      k = c.next;
    }
    if (k !== start) return undefined;
    const first = ring[0] as XY;
    ring.push([first[0], first[1]]);
    if (ring.length >= 4) rings.push(ring);
  }
  return { kind: "pieces", polygons: assemblePolygons(rings) };
}

/**
 * A copy of `rings` cut to an axis-aligned box with Sutherland–Hodgman. Concave rings may keep
 * zero-width bridges along the box's sides; callers pass a box strictly larger than what they
 * clip next, so the bridges fall outside it.
 */
export function cutToBox(
  rings: readonly (readonly XY[])[],
  box: readonly [number, number, number, number],
): XY[][] {
  const out: XY[][] = [];
  for (const ring of rings) {
    let pts: XY[] = ring.slice(0, -1).map((p) => [p[0], p[1]] as XY);
    const pass = (inside: (p: XY) => boolean, cross: (a: XY, b: XY) => XY): void => {
      const res: XY[] = [];
      for (let i = 0; i < pts.length; i++) {
        const a = pts[i] as XY;
        const b = pts[(i + 1) % pts.length] as XY;
        const ia = inside(a);
        const ib = inside(b);
        if (ia) {
          res.push(a);
          if (!ib) res.push(cross(a, b));
        } else if (ib) res.push(cross(a, b));
      }
      pts = res;
    };
    const [x0, y0, x1, y1] = box;
    pass(
      (p) => p[0] >= x0,
      (a, b) => [x0, a[1] + ((b[1] - a[1]) * (x0 - a[0])) / (b[0] - a[0])],
    );
    pass(
      (p) => p[0] <= x1,
      (a, b) => [x1, a[1] + ((b[1] - a[1]) * (x1 - a[0])) / (b[0] - a[0])],
    );
    pass(
      (p) => p[1] >= y0,
      (a, b) => [a[0] + ((b[0] - a[0]) * (y0 - a[1])) / (b[1] - a[1]), y0],
    );
    pass(
      (p) => p[1] <= y1,
      (a, b) => [a[0] + ((b[0] - a[0]) * (y1 - a[1])) / (b[1] - a[1]), y1],
    );
    if (pts.length >= 3) {
      pts.push([(pts[0] as XY)[0], (pts[0] as XY)[1]]);
      out.push(pts);
    }
  }
  return out;
}
