// The decider of a face: the place whose changes the face follows together with its areas. It is
// the nearest place lying in every area that covers the face. For a face in no area that is the
// cell's own place; where a cell reaches across an area's edge (a town's cell crossing a river
// into a river-bank area), the nearest place on the face's side of the edge decides instead, so
// areas bound the reach of places.

import { pointInSubject } from "./clip.js";
import type { AreaShape } from "./overlay.js";
import type { Plane, XY } from "./plane.js";
import type { Quantiser } from "./quantise.js";

/** The sites (places that got ground) in the plane: `xy` interleaved, `unit` their unit indices. */
export interface Sites {
  readonly xy: readonly number[];
  readonly unit: readonly number[];
}

/** A face on the quantisation grid: the place whose cell holds it, its areas and polygons. */
export interface GridFace {
  readonly place: number;
  readonly areas: readonly number[];
  readonly polys: XY[][][];
}

/**
 * The deciding place of each face (-1 where no place lies in all of the face's areas). Banks of
 * barrier rivers count as areas, except that a face on a bank with no place of its own is decided
 * as if there were no barrier.
 */
export function faceDeciders(
  faces: readonly GridFace[],
  sites: Sites,
  areas: readonly AreaShape[],
  grid: Quantiser,
  plane: Plane,
): number[] {
  const siteAreas = new Map<number, Set<number>>();
  for (let i = 0; i < sites.unit.length; i++) {
    const at: XY = [sites.xy[2 * i] as number, sites.xy[2 * i + 1] as number];
    siteAreas.set(
      sites.unit[i] as number,
      new Set(areas.filter((a) => pointInSubject(a.subject, at)).map((a) => a.unit)),
    );
  }
  const eligibleSites = new Map<string, number[]>();
  const toPlane = (q: XY): XY => {
    const ll = grid.dq(q);
    return plane.forward([ll[0] as number, ll[1] as number]);
  };
  return faces.map((f) => {
    if (f.place < 0 || f.areas.every((a) => siteAreas.get(f.place)?.has(a) === true)) return f.place;
    const key = f.areas
      .slice()
      .sort((a, b) => a - b)
      .join(",");
    let eligible = eligibleSites.get(key);
    if (!eligible) {
      const within = (need: readonly number[]): number[] => {
        const out: number[] = [];
        for (let i = 0; i < sites.unit.length; i++)
          if (need.every((a) => siteAreas.get(sites.unit[i] as number)?.has(a) === true)) out.push(i);
        return out;
      };
      eligible = within(f.areas);
      // a bank without places (negative ids, see barriers.ts) does not leave its ground to nobody
      if (eligible.length === 0 && f.areas.some((a) => a < 0))
        eligible = within(f.areas.filter((a) => a >= 0));
      eligibleSites.set(key, eligible);
    }
    const [cx, cy] = planeCentroid(f.polys.map((poly) => poly.map((ring) => ring.map(toPlane))));
    let best = -1;
    let bestD = Infinity;
    for (const i of eligible) {
      const d = Math.hypot((sites.xy[2 * i] as number) - cx, (sites.xy[2 * i + 1] as number) - cy);
      if (d < bestD) {
        bestD = d;
        best = sites.unit[i] as number;
      }
    }
    return best;
  });
}

/** Area-weighted centroid of polygons in the plane (rings as given; holes subtract). */
export function planeCentroid(polys: readonly (readonly (readonly XY[])[])[]): XY {
  let a = 0;
  let x = 0;
  let y = 0;
  for (const poly of polys)
    for (const ring of poly)
      for (let i = 0, n = ring.length; i + 1 < n; i++) {
        const p = ring[i] as XY;
        const q = ring[i + 1] as XY;
        const c = p[0] * q[1] - q[0] * p[1];
        a += c;
        x += (p[0] + q[0]) * c;
        y += (p[1] + q[1]) * c;
      }
  if (Math.abs(a) < 1e-12) {
    const first = polys[0]?.[0]?.[0] ?? [0, 0];
    return [first[0], first[1]];
  }
  return [x / (3 * a), y / (3 * a)];
}
