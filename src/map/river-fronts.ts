// Where a front line runs along a river (the Tigris through Mosul, the Euphrates at Deir ez-Zor
// and Hajin), the line would hide the river if drawn plainly over it. The map finds, once per
// projected map, the pieces of arcs that lie on a river at the map's scale, so the writers can draw
// them as a front that is also a river: a wider front line with the river's blue along its middle.
// Pure: projected coordinates in, path strings out.

import { distanceToSegment } from "../geo/rings.js";
import type { ProjectedMap } from "./project.js";

/** A front within this many px of a river line, at the map's projection, is drawn along it. */
export const ALONG_RIVER_PX = 2;

type XY = readonly [number, number];

/** The pieces of each arc that lie along a river, as path strings (`""`: none), by arc. */
export interface RiverArcs {
  readonly paths: readonly string[];
  /** Some arc has a piece along a river. */
  readonly any: boolean;
}

const cache = new WeakMap<object, RiverArcs>();

/**
 * The pieces of `map`'s arcs that run along its rivers (every vertex and segment midpoint within
 * `ALONG_RIVER_PX` of a river line), computed once per projected map.
 *
 * @example
 * const along = riverArcs(projected);
 * along.paths[arc]; // "M…L…" where the arc follows a river, else ""
 */
export function riverArcs(map: Pick<ProjectedMap, "arcCount" | "arcPaths" | "water">): RiverArcs {
  const hit = cache.get(map);
  if (hit) return hit;
  const lines = [...pathLines(map.water.majorRivers), ...pathLines(map.water.minorRivers)];
  const paths = new Array<string>(map.arcCount).fill("");
  let any = false;
  if (lines.length > 0) {
    const near = segmentIndex(lines, ALONG_RIVER_PX);
    for (let a = 0; a < map.arcCount; a++) {
      const d = map.arcPaths[a] as string;
      if (!d) continue;
      for (const line of pathLines(d)) {
        let piece: XY[] = [];
        const flush = (): void => {
          if (piece.length > 1) paths[a] += pointsPath(piece);
          piece = [];
        };
        for (let i = 0; i < line.length; i++) {
          const p = line[i] as XY;
          if (!near(p)) {
            flush();
            continue;
          }
          const prev = piece[piece.length - 1];
          if (prev && !near([(prev[0] + p[0]) / 2, (prev[1] + p[1]) / 2])) {
            flush();
          }
          piece.push(p);
        }
        flush();
      }
      if (paths[a]) any = true;
    }
  }
  const out = { paths, any };
  cache.set(map, out);
  return out;
}

/** The polylines of a path string made of `M x,y L x,y …` commands. */
export function pathLines(d: string): XY[][] {
  const out: XY[][] = [];
  for (const part of d.split("M")) {
    if (!part) continue;
    const line: XY[] = [];
    for (const q of part.split("L")) {
      const [x, y] = q.split(",").map(Number);
      if (Number.isFinite(x) && Number.isFinite(y)) line.push([x as number, y as number]);
    }
    if (line.length > 0) out.push(line);
  }
  return out;
}

function pointsPath(points: readonly XY[]): string {
  return `M${points.map((p) => `${p[0]},${p[1]}`).join("L")}`;
}

/** A test "is this point within `tol` of one of these polylines", through a grid of segments. */
function segmentIndex(lines: readonly (readonly XY[])[], tol: number): (p: XY) => boolean {
  const cell = Math.max(tol * 4, 8);
  const grid = new Map<string, number[]>();
  const segs: number[] = [];
  for (const line of lines)
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1] as XY;
      const b = line[i] as XY;
      const s = segs.length / 4;
      segs.push(a[0], a[1], b[0], b[1]);
      const x0 = Math.floor((Math.min(a[0], b[0]) - tol) / cell);
      const x1 = Math.floor((Math.max(a[0], b[0]) + tol) / cell);
      const y0 = Math.floor((Math.min(a[1], b[1]) - tol) / cell);
      const y1 = Math.floor((Math.max(a[1], b[1]) + tol) / cell);
      // A long segment across a large frame is indexed along its length only.
      for (let gx = x0; gx <= x1; gx++)
        for (let gy = y0; gy <= y1; gy++) {
          if (distanceToSegment((gx + 0.5) * cell, (gy + 0.5) * cell, a[0], a[1], b[0], b[1]) > cell)
            continue;
          const key = `${gx},${gy}`;
          const list = grid.get(key);
          if (list) list.push(s);
          else grid.set(key, [s]);
        }
    }
  return (p) => {
    const list = grid.get(`${Math.floor(p[0] / cell)},${Math.floor(p[1] / cell)}`);
    if (!list) return false;
    for (const s of list)
      if (
        distanceToSegment(
          p[0],
          p[1],
          segs[4 * s] as number,
          segs[4 * s + 1] as number,
          segs[4 * s + 2] as number,
          segs[4 * s + 3] as number,
        ) <= tol
      )
        return true;
    return false;
  };
}
