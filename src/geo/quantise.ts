// The quantisation grid of the partition's topology: faces rounded to integer steps (so that
// neighbours share coordinates exactly), slivers of the rounding dropped, arcs delta-encoded.

import type { Position } from "geojson";
import type { XY } from "./plane.js";
import { cleanRing, ringArea2 } from "./rings.js";
import { geometryBbox, type Bbox } from "./theatre.js";

export interface Quantiser {
  readonly x0: number;
  readonly y0: number;
  readonly kx: number;
  readonly ky: number;
  readonly bbox: Bbox;
  q(ring: Position[]): XY[];
  dq(p: readonly [number, number]): Position;
}

/** A grid of about `n` steps across the faces' longer side. */
export function quantiser(faces: readonly { polys: Position[][][] }[], n: number): Quantiser {
  let [w, s, e, no] = geometryBbox({ type: "MultiPolygon", coordinates: faces.flatMap((f) => f.polys) });
  if (!Number.isFinite(w)) {
    w = 0;
    s = 0;
    e = 1;
    no = 1;
  }
  const span = Math.max(e - w, no - s, 1e-9);
  const k = (n - 1) / span;
  return {
    x0: w,
    y0: s,
    kx: k,
    ky: k,
    bbox: [w, s, e, no],
    q: (ring) =>
      ring.map((p) => [Math.round(((p[0] as number) - w) * k), Math.round(((p[1] as number) - s) * k)]),
    dq: (p) => [p[0] / k + w, p[1] / k + s],
  };
}

/**
 * Whether a ring is noise of the quantisation rather than ground: a sliver, left where two faces'
 * boundaries ran within a grid step or two of each other, less than about 1.5 steps wide (twice
 * its area over its perimeter). Kept, such a sliver can overlap the face beside it once both are
 * rounded to the grid.
 */
function isSliver(ring: readonly XY[], area2: number): boolean {
  let perimeter = 0;
  for (let i = 0; i + 1 < ring.length; i++)
    perimeter += Math.hypot(
      (ring[i + 1] as XY)[0] - (ring[i] as XY)[0],
      (ring[i + 1] as XY)[1] - (ring[i] as XY)[1],
    );
  return Math.abs(area2) <= 8 || Math.abs(area2) < 1.5 * perimeter;
}

/** Rings closed and cleaned, slivers and mis-wound rings dropped (exteriors CCW, holes CW). */
export function cleanPolys(polys: XY[][][]): XY[][][] {
  const out: XY[][][] = [];
  for (const poly of polys) {
    const rings: XY[][] = [];
    poly.forEach((ring, i) => {
      const clean = cleanRing(ring);
      if (!clean) return;
      const a = ringArea2(clean);
      if (isSliver(clean, a)) return;
      if (i === 0 && a > 0) rings.push(clean);
      else if (i > 0 && a < 0 && rings.length > 0) rings.push(clean);
    });
    if (rings.length > 0) out.push(rings);
  }
  return out;
}

/** An arc's positions as differences from the previous one (TopoJSON's quantised form). */
export function deltaEncode(arc: number[][]): number[][] {
  const out: number[][] = [];
  let px = 0;
  let py = 0;
  for (const p of arc) {
    const x = p[0] as number;
    const y = p[1] as number;
    out.push([x - px, y - py]);
    px = x;
    py = y;
  }
  return out;
}
