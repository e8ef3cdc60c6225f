// What the map view needs from a compiled scenario's geometry, in one shape: faces as pre-projected
// path strings with their areas, the arcs between faces, and a way to tell each face's owner for a
// control state. The map view draws only from this; `geometryFromBundle` adapts the geometry
// layer's output to it.

import type { ControlState } from "../core/fold.js";
import type { LonLat } from "../core/types.js";

export interface MapArc {
  /** Pre-projected path (same frame as the faces). */
  readonly path: string;
  /** Face on each side, -1 for outside the theatre. */
  readonly a: number;
  readonly b: number;
}

export interface BasemapShape {
  readonly name: string;
  readonly path: string;
  /** Projected label position, if the country is big enough in the frame to be named. */
  readonly label?: readonly [number, number] | undefined;
}

export interface MapGeometry {
  /** The projected frame every path is drawn in, px at zoom 1. */
  readonly width: number;
  readonly height: number;
  project(p: LonLat): [number, number] | undefined;
  invert(p: readonly [number, number]): LonLat | undefined;
  /** Kilometres per projected px at the frame's centre (for the scale bar). */
  readonly kmPerPx: number;
  readonly facePaths: readonly string[];
  readonly faceKm2: Float64Array;
  readonly totalKm2: number;
  readonly arcs: readonly MapArc[];
  readonly outlinePath: string;
  readonly basemap: readonly BasemapShape[];
  /** Writes the faction code of every face for `state` into `out` (length = face count). */
  owners(state: ControlState, out: Uint8Array): void;
  /** Writes, for every face, the unit index that decides its owner (-1: none) into `out`. */
  deciders(state: ControlState, out: Int32Array): void;
  /** Units covering a face (its place cell, then areas). */
  faceUnits(face: number): readonly number[];
  /** Face index under a projected point, or -1. */
  faceAt?(p: readonly [number, number]): number;
}

/** One path string of the arcs whose two sides are held by different known factions. */
export function frontPath(arcs: readonly MapArc[], owners: Uint8Array): string {
  const parts: string[] = [];
  for (const arc of arcs) {
    if (arc.a < 0 || arc.b < 0) continue;
    const oa = owners[arc.a] as number;
    const ob = owners[arc.b] as number;
    if (oa !== ob && oa !== 0 && ob !== 0) parts.push(arc.path);
  }
  return parts.join("");
}

/** One path string of the arcs around changed ground: one side changed (flag 1), the other not. */
export function changedEdgePath(arcs: readonly MapArc[], changed: Uint8Array): string {
  const parts: string[] = [];
  for (const arc of arcs) {
    const ca = arc.a < 0 ? 0 : (changed[arc.a] as number);
    const cb = arc.b < 0 ? 0 : (changed[arc.b] as number);
    if (ca !== cb) parts.push(arc.path);
  }
  return parts.join("");
}
