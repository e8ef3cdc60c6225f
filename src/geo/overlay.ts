// Overlay in the local plane: place cells cut to the theatre outline, then areas laid over the
// pieces, so every piece is covered by one place (or none) and a known set of areas. A fast clipper
// (`clip.ts`) does the convex cells; a general clipper (polyclip-ts) takes what it cannot decide.

import * as polyclip from "polyclip-ts";
import type { MultiPolygon, Polygon } from "geojson";
import type { CompiledScenario } from "../core/types.js";
import { clipConvex, cutToBox, indexSubject, type Subject } from "./clip.js";
import type { Plane, XY } from "./plane.js";
import { cleanRing, ringsBbox, wound } from "./rings.js";

/** A piece of a place's cell: its polygons in the plane and the areas covering it. */
export interface Piece {
  polys: XY[][][];
  /** The piece is the whole (convex) cell. */
  convex: boolean;
  areas: number[];
  /** Beyond the reach of its place: open country (see `reach.ts`). */
  open: boolean;
}

export interface Cell {
  /** Unit index of the place; -1 for the one cell of a theatre without places. */
  readonly unit: number;
  readonly ring: XY[];
  pieces: Piece[];
}

export interface AreaShape {
  readonly unit: number;
  readonly polys: XY[][][];
  readonly bbox: readonly [number, number, number, number];
  readonly subject: Subject;
  /** Vertices of `polys`, to choose how to clip against it. */
  readonly vertexCount: number;
  complement?: Subject;
}

/** A cell (a convex ring) cut to the outline: kept whole when wholly inside. */
export function cutCell(outline: Subject, outlinePolys: XY[][][], unit: number, ring: XY[]): Cell {
  const r = clipConvex(outline, ring);
  let pieces: Piece[];
  if (r === undefined)
    pieces = [{ polys: clipFallback(outlinePolys, ring), convex: false, areas: [], open: false }];
  else if (r.kind === "inside") pieces = [{ polys: [[ring]], convex: true, areas: [], open: false }];
  else if (r.kind === "outside") pieces = [];
  else pieces = [{ polys: r.polygons, convex: false, areas: [], open: false }];
  return { unit, ring, pieces: pieces.filter((p) => p.polys.length > 0) };
}

/** The scenario's areas in the plane, indexed for clipping; `warn` hears of unusable ones. */
export function areaShapes(
  scenario: CompiledScenario,
  plane: Plane,
  warn: (unit: string, message: string) => void,
): AreaShape[] {
  const areas: AreaShape[] = [];
  for (let u = scenario.placeCount; u < scenario.units.length; u++) {
    const unit = scenario.units[u];
    if (!unit?.polygon || unit.polygon.length === 0) continue;
    const polys = toPlanePolys(
      { type: "Polygon", coordinates: unit.polygon.map((r) => r.map((p) => [p[0], p[1]])) },
      plane,
    );
    if (polys.length === 0) {
      warn(unit.id, `area "${unit.id}" has no usable polygon`);
      continue;
    }
    const flat = polys.flat();
    areas.push({
      unit: u,
      polys,
      bbox: ringsBbox(flat),
      subject: indexSubject(flat),
      vertexCount: flat.reduce((n, r) => n + r.length, 0),
    });
  }
  return areas;
}

/** Splits every cell's pieces along the areas' edges, in place (`bounds` frames complements). */
export function overlayAreas(
  cells: readonly Cell[],
  areas: readonly AreaShape[],
  bounds: readonly [number, number, number, number],
): void {
  for (const cell of cells) {
    if (cell.pieces.length === 0 || areas.length === 0) continue;
    const cb = ringsBbox([cell.ring]);
    for (const a of areas) {
      if (a.bbox[2] < cb[0] || a.bbox[0] > cb[2] || a.bbox[3] < cb[1] || a.bbox[1] > cb[3]) continue;
      const r = clipConvex(a.subject, cell.ring);
      if (r?.kind === "outside") continue;
      if (r?.kind === "inside") {
        for (const p of cell.pieces) p.areas.push(a.unit);
        continue;
      }
      const next: Piece[] = [];
      for (const p of cell.pieces) {
        let inside: XY[][][];
        let outside: XY[][][];
        if (p.convex && r !== undefined) {
          inside = r.polygons;
          a.complement ??= indexSubject(complementRings(a.polys, bounds));
          const c = clipConvex(a.complement, cell.ring);
          outside =
            c === undefined
              ? robustClip("difference", p.polys, a.polys)
              : c.kind === "pieces"
                ? c.polygons
                : [];
        } else {
          // a large area (a river's bank) cut to the piece first
          const near = a.vertexCount > 200 ? nearPart(a.polys, ringsBbox(p.polys.flat())) : a.polys;
          inside = near.length > 0 ? robustClip("intersection", p.polys, near) : [];
          outside = near.length > 0 ? robustClip("difference", p.polys, near) : p.polys;
        }
        if (inside.length > 0)
          next.push({ polys: inside, convex: false, areas: [...p.areas, a.unit], open: p.open });
        if (outside.length > 0) next.push({ polys: outside, convex: false, areas: p.areas, open: p.open });
      }
      cell.pieces = next;
    }
  }
}

/** Polygons of a GeoJSON geometry in the plane: exteriors counter-clockwise, holes clockwise. */
export function toPlanePolys(g: Polygon | MultiPolygon, plane: Plane): XY[][][] {
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  const out: XY[][][] = [];
  for (const poly of polys) {
    const rings: XY[][] = [];
    poly.forEach((ring, i) => {
      const clean = cleanRing(ring.map((p) => plane.forward([p[0] as number, p[1] as number])));
      if (!clean) return;
      if (i === 0) rings.push(wound(clean, true));
      else if (rings.length > 0) rings.push(wound(clean, false));
    });
    if (rings.length > 0) out.push(rings);
  }
  return out;
}

/** Everything in `bounds` outside the area: a box with the area's rings turned inside out. */
function complementRings(polys: XY[][][], b: readonly [number, number, number, number]): XY[][] {
  const pad = 0.1 * Math.max(b[2] - b[0], b[3] - b[1]);
  const box: XY[] = [
    [b[0] - pad, b[1] - pad],
    [b[2] + pad, b[1] - pad],
    [b[2] + pad, b[3] + pad],
    [b[0] - pad, b[3] + pad],
    [b[0] - pad, b[1] - pad],
  ];
  return [box, ...polys.flat().map((r) => r.slice().reverse())];
}

/** The robust path for a cell the fast clipper could not decide: a general clipper on the part
 *  of the outline near the cell. */
function clipFallback(polys: XY[][][], cell: XY[]): XY[][][] {
  const local = nearPart(polys, ringsBbox([cell]));
  if (local.length === 0) return [];
  return robustClip("intersection", local, [[cell]]);
}

/** The part of `polys` near a box (cut to it with a 5 % margin): what a general clipper needs to
 *  cut something inside the box, at a fraction of the cost of the whole region. */
function nearPart(polys: XY[][][], b: readonly [number, number, number, number]): XY[][][] {
  const pad = 0.05 * Math.max(b[2] - b[0], b[3] - b[1]) + 1e-6;
  const box: [number, number, number, number] = [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad];
  const local: XY[][][] = [];
  for (const poly of polys) {
    const ext = cutToBox([poly[0] as XY[]], box);
    if (ext.length === 0) continue;
    local.push([...ext, ...cutToBox(poly.slice(1), box)]);
  }
  return local;
}

/** Shifts tried, km, when the general clipper fails on a near-degenerate input. */
const RETRY_SHIFTS: readonly XY[] = [
  [0.0123456789, 0.0219876543],
  [-0.0314159265, 0.0271828182],
  [0.1, -0.2],
];

/**
 * A general clipper's `op` on small polygons, in the plane. polyclip-ts can fail ("unable to
 * complete output ring") on inputs with many collinear or nearly coincident vertices; moving both
 * inputs by the same small offset changes the rounding that trips it, and the result moved back
 * is the same geometry.
 */
export function robustClip(op: "intersection" | "difference", a: XY[][][], b: XY[][][]): XY[][][] {
  const run = polyclip[op];
  try {
    return fromClip(run(a, b));
  } catch (first) {
    for (const [dx, dy] of RETRY_SHIFTS) {
      const move = (m: XY[][][], sx: number, sy: number): XY[][][] =>
        m.map((poly) => poly.map((ring) => ring.map((q) => [q[0] + sx, q[1] + sy] as XY)));
      try {
        return move(fromClip(run(move(a, dx, dy), move(b, dx, dy))), -dx, -dy);
      } catch {
        // next shift
      }
    }
    throw first;
  }
}

function fromClip(m: [number, number][][][]): XY[][][] {
  const out: XY[][][] = [];
  for (const poly of m) {
    const rings: XY[][] = [];
    poly.forEach((ring, i) => {
      const clean = cleanRing(ring);
      if (!clean) return;
      if (i === 0) rings.push(wound(clean, true));
      else if (rings.length > 0) rings.push(wound(clean, false));
    });
    if (rings.length > 0) out.push(rings);
  }
  return out;
}
