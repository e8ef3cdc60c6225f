// Rivers as barriers: a theatre's `barriers` name rivers that no place's ground crosses. The
// theatre outline is cut along those rivers (a strip a few metres wide is taken out) into banks;
// the banks are overlaid on the cells like areas, so a face is decided by the nearest place on
// its own bank (see `decider.ts`), generalising the rule by which areas bound the reach of places.

import * as polyclip from "polyclip-ts";
import type { Position } from "geojson";
import { indexSubject } from "./clip.js";
import type { AreaShape } from "./overlay.js";
import type { Plane, XY } from "./plane.js";
import { cleanRing, ringsBbox, wound } from "./rings.js";
import type { ResolvedTheatre } from "./theatre.js";

/** Half the width of the strip cut out along a barrier river, km. */
export const BARRIER_HALF_WIDTH_KM = 0.01;

/**
 * The banks of the named rivers within the outline, as areas with ids -1, -2, …; `warn` hears of
 * names the theatre's rivers do not have.
 */
export function riverBanks(
  names: readonly string[],
  theatre: ResolvedTheatre,
  outlinePolys: XY[][][],
  plane: Plane,
  warn: (message: string) => void,
): AreaShape[] {
  if (names.length === 0) return [];
  const lines: Position[][] = [];
  const known = new Set<string>();
  for (const f of theatre.water.features) {
    if (f.properties.kind !== "river" || f.properties.name === null) continue;
    known.add(f.properties.name);
    if (names.includes(f.properties.name) && f.geometry.type === "MultiLineString")
      lines.push(...f.geometry.coordinates);
  }
  for (const n of names)
    if (!known.has(n))
      warn(
        `barrier river "${n}" is not among the theatre's rivers (${[...known].sort().join(", ") || "none"}); it is ignored`,
      );
  if (lines.length === 0) return [];
  const strip = stripAlong(lines.map((l) => l.map((p) => plane.forward([p[0] as number, p[1] as number]))));
  const cut = polyclip.difference(outlinePolys, ...strip);
  const banks: AreaShape[] = [];
  for (const poly of cut) {
    const rings: XY[][] = [];
    poly.forEach((ring, i) => {
      const clean = cleanRing(ring);
      if (!clean) return;
      rings.push(wound(clean, i === 0));
    });
    if (rings.length === 0) continue;
    banks.push({
      unit: -(banks.length + 1),
      polys: [rings],
      bbox: ringsBbox(rings),
      subject: indexSubject(rings),
      vertexCount: rings.reduce((n, r) => n + r.length, 0),
    });
  }
  return banks;
}

/** A thin rectangle along every segment of the lines (their union is the strip). */
function stripAlong(lines: readonly XY[][]): [number, number][][][] {
  const h = BARRIER_HALF_WIDTH_KM;
  const out: [number, number][][][] = [];
  for (const line of lines)
    for (let i = 0; i + 1 < line.length; i++) {
      const a = line[i] as XY;
      const b = line[i + 1] as XY;
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (len === 0) continue;
      // along and across the segment, the rectangle overshooting each end by h so joints close
      const ux = ((b[0] - a[0]) / len) * h;
      const uy = ((b[1] - a[1]) / len) * h;
      out.push([
        [
          [a[0] - ux + uy, a[1] - uy - ux],
          [b[0] + ux + uy, b[1] + uy - ux],
          [b[0] + ux - uy, b[1] + uy + ux],
          [a[0] - ux - uy, a[1] - uy + ux],
          [a[0] - ux + uy, a[1] - uy - ux],
        ],
      ]);
    }
  return out;
}
