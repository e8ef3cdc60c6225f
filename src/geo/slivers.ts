// Slivers: faces so thin that, on a map of the whole theatre, they would be drawn as a hairline.
// They come from edges that run close together: the narrow strip cut out along a barrier river
// (`barriers.ts`), a reach disc just overlapping its cell's edge (`reach.ts`), two areas' edges a
// little apart. A face carrying exactly what its neighbour carries (the same place, deciding
// place, covering areas and shade, so the same owner on every date) is merged into that
// neighbour; what is still too narrow goes with the neighbour it has the longest edge with. A
// place's or an area's only face is never merged away.

import type { GeometryCollection, MultiPolygon, Polygon, Topology } from "topojson-specification";
import { mergeArcs } from "topojson-client";
import type { XY } from "./plane.js";

/**
 * How many pixels a face must be wide on a map of the whole theatre drawn 400 px across (about a
 * phone's width, the smallest map the app and the exports draw of a whole theatre). Narrower, a
 * face that is long is a hairline there.
 */
export const SLIVER_PIXELS = 1;
const THEATRE_PIXELS = 400;

/**
 * The width below which a face is a sliver in a theatre whose longer side is `spanKm`: one pixel
 * of a 400-px map of it (1.5 km for Syria, 50 m for the city of Raqqa).
 *
 * @example
 * sliverWidthKm(600); // 1.5
 */
export function sliverWidthKm(spanKm: number): number {
  return (SLIVER_PIXELS * spanKm) / THEATRE_PIXELS;
}

/**
 * A face's width and length, km: the sides of the rectangle with its area and perimeter (a strip
 * w wide: w; a square: its side; a disc: 1.57 radii, both ways). Slivers are narrow and long.
 *
 * @example
 * faceShapeKm(10, 22); // { widthKm: 1, lengthKm: 10 }
 */
export function faceShapeKm(km2: number, perimeterKm: number): { widthKm: number; lengthKm: number } {
  const half = perimeterKm / 2;
  const root = Math.sqrt(Math.max(0, half * half - 4 * km2));
  return { widthKm: (half - root) / 2, lengthKm: (half + root) / 2 };
}

export interface SliverInput {
  /** The topology of the faces as built (absolute grid coordinates, no transform). */
  readonly topology: Topology<{ faces: GeometryCollection }>;
  /** Per arc: the face on its left, then on its right; -1 outside. */
  readonly arcFaces: readonly number[];
  /** Area of each face, km². */
  readonly km2: readonly number[];
  /**
   * Everything a face carries besides its shape (its place, deciding place, covering areas and
   * whether it is open country): faces with the same key are told apart by nothing but an edge.
   */
  readonly sameKey: readonly string[];
  /** The units each face is ground of (its place and its areas), so none loses its last face. */
  readonly units: readonly (readonly number[])[];
  /** A grid point in the local plane, km. */
  readonly toPlane: (p: XY) => XY;
  /** The sliver width, km (`sliverWidthKm`). */
  readonly thresholdKm: number;
}

export interface SliverMerge {
  /** Each face's group: the index of the face it was merged into (itself when kept). */
  readonly root: Int32Array;
  /** Per arc, its length in km. */
  readonly arcKm: Float64Array;
  /** Per face, its perimeter, width and length in km (`faceShapeKm`). */
  readonly perimeterKm: Float64Array;
  readonly widthKm: Float64Array;
  readonly lengthKm: Float64Array;
}

/**
 * Which faces merge into which. First every face narrower than the threshold goes into the
 * neighbour with the same key along which it has the longest edge (the narrowest first, so a
 * chain of slivers ends in a wide face): nothing changes but the shapes. Then a group still
 * narrower goes into the neighbour it has the longest edge with, taking that neighbour's place,
 * owner and shade.
 */
export function sliverMerges(input: SliverInput): SliverMerge {
  const { topology, arcFaces, km2, sameKey, units, toPlane, thresholdKm } = input;
  const n = km2.length;
  const arcKm = new Float64Array(topology.arcs.length);
  topology.arcs.forEach((arc, a) => {
    let len = 0;
    let prev = toPlane(arc[0] as unknown as XY);
    for (let i = 1; i < arc.length; i++) {
      const next = toPlane(arc[i] as unknown as XY);
      len += Math.hypot(next[0] - prev[0], next[1] - prev[1]);
      prev = next;
    }
    arcKm[a] = len;
  });
  const perimeterKm = new Float64Array(n);
  const shared: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (let a = 0; a < arcKm.length; a++) {
    const l = arcFaces[2 * a] as number;
    const r = arcFaces[2 * a + 1] as number;
    const len = arcKm[a] as number;
    if (l >= 0) perimeterKm[l] = (perimeterKm[l] as number) + len;
    if (r >= 0 && r !== l) perimeterKm[r] = (perimeterKm[r] as number) + len;
    if (l >= 0 && r >= 0 && l !== r) {
      const sl = shared[l] as Map<number, number>;
      const sr = shared[r] as Map<number, number>;
      sl.set(r, (sl.get(r) ?? 0) + len);
      sr.set(l, (sr.get(l) ?? 0) + len);
    }
  }
  const widthKm = new Float64Array(n);
  const lengthKm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const shape = faceShapeKm(km2[i] as number, perimeterKm[i] as number);
    widthKm[i] = shape.widthKm;
    lengthKm[i] = shape.lengthKm;
  }
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const groupKm2 = Float64Array.from(km2);
  const order = Array.from({ length: n }, (_, i) => i)
    .filter((i) => (widthKm[i] as number) < thresholdKm)
    .sort((a, b) => (widthKm[a] as number) - (widthKm[b] as number) || a - b);
  for (const i of order) {
    let best = -1;
    let bestLen = 0;
    for (const [j, len] of shared[i] as Map<number, number>)
      if (sameKey[j] === sameKey[i] && find(j) !== find(i) && len > bestLen) {
        best = j;
        bestLen = len;
      }
    if (best < 0) continue;
    // the larger group's root stays the root
    const ri = find(i);
    const rj = find(best);
    const [keep, gone] = (groupKm2[rj] as number) >= (groupKm2[ri] as number) ? [rj, ri] : [ri, rj];
    parent[gone] = keep;
    groupKm2[keep] = (groupKm2[keep] as number) + (groupKm2[gone] as number);
  }
  // Then a group still narrower than the threshold (no neighbour is decided like it) goes into
  // the group it has the longest edge with and takes that group's owner: ground narrower than a
  // pixel of the whole theatre goes with the ground beside it. Not when it is the last ground of a
  // place or an area, which would then have none.
  const groupPerimeter = new Float64Array(n);
  const groupShared: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (let a = 0; a < arcKm.length; a++) {
    const l = arcFaces[2 * a] as number;
    const r = arcFaces[2 * a + 1] as number;
    const gl = l >= 0 ? find(l) : -1;
    const gr = r >= 0 ? find(r) : -1;
    if (gl === gr) continue;
    const len = arcKm[a] as number;
    if (gl >= 0) groupPerimeter[gl] = (groupPerimeter[gl] as number) + len;
    if (gr >= 0) groupPerimeter[gr] = (groupPerimeter[gr] as number) + len;
    if (gl >= 0 && gr >= 0) {
      const sl = groupShared[gl] as Map<number, number>;
      const sr = groupShared[gr] as Map<number, number>;
      sl.set(gr, (sl.get(gr) ?? 0) + len);
      sr.set(gl, (sr.get(gl) ?? 0) + len);
    }
  }
  const groupsOfUnit = new Map<number, number>();
  const unitsOf = (g: number): readonly number[] => units[g] ?? [];
  for (let g = 0; g < n; g++)
    if (find(g) === g) for (const u of unitsOf(g)) groupsOfUnit.set(u, (groupsOfUnit.get(u) ?? 0) + 1);
  const groupWidth = (g: number): number =>
    faceShapeKm(groupKm2[g] as number, groupPerimeter[g] as number).widthKm;
  const narrow = Array.from({ length: n }, (_, i) => i)
    .filter((g) => find(g) === g && groupWidth(g) < thresholdKm)
    .sort((a, b) => groupWidth(a) - groupWidth(b) || a - b);
  for (const g of narrow) {
    if (unitsOf(g).some((u) => groupsOfUnit.get(u) === 1)) continue;
    let best = -1;
    let bestLen = 0;
    for (const [k, len] of groupShared[g] as Map<number, number>) {
      const rk = find(k);
      if (rk !== g && len > bestLen) {
        best = rk;
        bestLen = len;
      }
    }
    if (best < 0) continue;
    parent[g] = best;
    groupKm2[best] = (groupKm2[best] as number) + (groupKm2[g] as number);
    for (const u of unitsOf(g)) groupsOfUnit.set(u, (groupsOfUnit.get(u) ?? 0) - 1);
  }
  const root = Int32Array.from({ length: n }, (_, i) => find(i));
  return { root, arcKm, perimeterKm, widthKm, lengthKm };
}

/**
 * The topology with each group's faces as one geometry (the root's index keeps it, the others are
 * dropped), the arcs no longer between two faces left out, and `kept`: the old index of each new
 * face, in order.
 */
export function mergeFaces(
  topology: Topology<{ faces: GeometryCollection }>,
  root: Int32Array,
): { topology: Topology<{ faces: GeometryCollection }>; kept: number[] } {
  const geoms = topology.objects.faces.geometries;
  const members = new Map<number, number[]>();
  root.forEach((r, i) => {
    const list = members.get(r);
    if (list) list.push(i);
    else members.set(r, [i]);
  });
  const kept: number[] = [];
  const next: (Polygon | MultiPolygon)[] = [];
  geoms.forEach((g, i) => {
    if (root[i] !== i) return;
    kept.push(i);
    const group = members.get(i) ?? [i];
    if (group.length === 1) {
      next.push(g as Polygon | MultiPolygon);
      return;
    }
    const parts = group.map((k) => geoms[k]).filter((x): x is Polygon | MultiPolygon => x !== undefined);
    const merged = mergeArcs(topology, parts);
    next.push(
      merged.arcs.length === 1
        ? { type: "Polygon", arcs: merged.arcs[0] as number[][] }
        : { type: "MultiPolygon", arcs: merged.arcs },
    );
  });
  // arcs still used, renumbered in order
  const used = new Int32Array(topology.arcs.length).fill(-1);
  const arcs: typeof topology.arcs = [];
  const ref = (a: number): number => {
    const k = a >= 0 ? a : ~a;
    if (used[k] === -1) {
      used[k] = arcs.length;
      arcs.push(topology.arcs[k] as (typeof topology.arcs)[number]);
    }
    const m = used[k] as number;
    return a >= 0 ? m : ~m;
  };
  const faces = next.map((g): Polygon | MultiPolygon =>
    g.type === "Polygon"
      ? { type: "Polygon", arcs: g.arcs.map((ring) => ring.map(ref)) }
      : { type: "MultiPolygon", arcs: g.arcs.map((poly) => poly.map((ring) => ring.map(ref))) },
  );
  return {
    topology: { ...topology, arcs, objects: { faces: { type: "GeometryCollection", geometries: faces } } },
    kept,
  };
}
