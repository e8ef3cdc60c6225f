// Open country: a place's ground reaches at most `reach_km` from it. Ground beyond the reach of
// its nearest place is open country: it still counts for whoever holds that place (desert goes
// with the towns and roads in it, as on the detailed maps of the war), but it is told apart —
// drawn as a pale tint, without front lines through it, and counted separately in the statistics.

import type { CompiledUnit, PlaceKind, TheatreDef } from "../core/types.js";
import { robustClip, type Cell } from "./overlay.js";
import type { XY } from "./plane.js";

/**
 * Reach by kind, km, for kinds a theatre's `reach_km` leaves out. Calibrated on the Syria
 * overview against published area series (see `test/geo/published-areas.ts` and the README).
 */
export const DEFAULT_REACH_KM: Readonly<Record<PlaceKind, number>> = {
  city: 60,
  town: 30,
  village: 16,
  neighbourhood: 1000,
  landmark: 16,
  base: 20,
};

/**
 * How far a place's ground reaches, km: its own `reach_km`, else the theatre's for its kind, else
 * the default for its kind when the theatre has `reach_km` at all. Undefined (no limit, no open
 * country) when neither the place nor the theatre sets a reach.
 */
export function reachOf(unit: CompiledUnit, theatre: TheatreDef): number | undefined {
  if (unit.reachKm !== undefined) return unit.reachKm;
  if (!theatre.reach_km) return undefined;
  const kind = unit.placeKind ?? "town";
  return theatre.reach_km[kind] ?? DEFAULT_REACH_KM[kind];
}

const DISC_SIDES = 64;

/**
 * Splits a cell's pieces at the reach of its place (a disc of `km` around `site`): pieces within
 * stay, the rest are marked open. A cell wholly within reach is left as it is.
 */
export function splitByReach(cell: Cell, site: XY, km: number | undefined): void {
  if (km === undefined) return;
  const within = (p: XY): boolean => Math.hypot(p[0] - site[0], p[1] - site[1]) <= km;
  if (cell.pieces.length === 0 || cell.ring.every(within)) return;
  // a polygon around the circle (its edges touch it), so the reach is never less than `km`
  const r = km / Math.cos(Math.PI / DISC_SIDES);
  const disc: XY[] = [];
  for (let i = 0; i < DISC_SIDES; i++) {
    const t = (2 * Math.PI * i) / DISC_SIDES;
    disc.push([site[0] + r * Math.cos(t), site[1] + r * Math.sin(t)]);
  }
  disc.push(disc[0] as XY);
  const next: Cell["pieces"] = [];
  for (const p of cell.pieces) {
    const inside = robustClip("intersection", p.polys, [[disc]]);
    const outside = robustClip("difference", p.polys, [[disc]]);
    if (inside.length > 0) next.push({ polys: inside, convex: false, areas: p.areas, open: p.open });
    if (outside.length > 0) next.push({ polys: outside, convex: false, areas: p.areas, open: true });
  }
  cell.pieces = next;
}
