// The partition: the theatre cut into atomic faces, compiled once per scenario. Each place gets
// its Voronoi cell (computed in a local equal-area plane, so "nearest" means nearest on the
// ground), clipped to the theatre; areas are overlaid on the cells, so every face is covered by
// exactly one place (or none) and a known set of areas. The faces are stored as a TopoJSON
// topology whose neighbouring faces share arcs, with the faces on either side of every arc: what
// the per-date functions need to dissolve by owner and to find front lines without any clipping.
//
// Everything here is plain data (JSON-serialisable) so a partition can be cached on disk, emitted
// by a build step or posted to a worker.

import { Delaunay } from "d3";
import * as polyclip from "polyclip-ts";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";
import { topology as buildTopology } from "topojson-server";
import type { CompiledScenario, TheatreDef } from "../core/types.js";
import { km2 as areaKm2 } from "./area.js";
import {
  clipConvex,
  cutToBox,
  distanceToSubject,
  indexSubject,
  pointInSubject,
  type Subject,
} from "./clip.js";
import { stableHash } from "./hash.js";
import { createPlane, type Plane, type XY } from "./plane.js";
import { cleanRing, ringArea2, ringsBbox, wound } from "./rings.js";
import { geometryBbox, type Bbox, type ResolvedTheatre } from "./theatre.js";

export const PARTITION_FORMAT = "frontfold-partition@1";
/** Bump when the algorithm changes what it produces, so cached partitions are recompiled. */
const ALGORITHM_VERSION = 4;

export interface PartitionWarning {
  /** The unit concerned, by id. */
  readonly unit?: string | undefined;
  readonly message: string;
}

/** Face attributes, one entry per face (structure of arrays, compact in JSON). */
export interface PartitionFaces {
  /** Unit index of the place whose cell holds the face; -1 when no place covers it. */
  readonly place: readonly number[];
  /** Offsets into `areas`: face `i` is covered by `areas[areaStart[i] .. areaStart[i + 1])`. */
  readonly areaStart: readonly number[];
  /** Unit indices of covering areas, ascending per face. */
  readonly areas: readonly number[];
  /** Area of each face, km² (turf.area on edges split to ≤ 0.01°, see `area.ts`). */
  readonly km2: readonly number[];
  /**
   * Unit index of the place that decides the face together with its areas: the nearest place
   * lying in every area that covers the face (-1 when there is none). It is `place` except where a
   * cell reaches across an area's edge: a town's cell crossing a river into a river-bank area does
   * not carry the town's changes onto the far bank.
   */
  readonly decider: readonly number[];
}

export interface Partition {
  readonly format: typeof PARTITION_FORMAT;
  /** `partitionKey` of what it was compiled from. */
  readonly key: string;
  /** `[west, south, east, north]` of the faces. */
  readonly bbox: Bbox;
  /** Area of the theatre outline, km² (measured like the faces). */
  readonly theatreKm2: number;
  readonly unitCount: number;
  readonly placeCount: number;
  readonly faces: PartitionFaces;
  /** Quantised, delta-encoded topology; `objects.faces.geometries[i]` is face `i` (with `id: i`). */
  readonly topology: Topology<{ faces: GeometryCollection }>;
  /** Per arc: the face on its left (walking the arc forward), then on its right; -1 outside. */
  readonly arcFaces: readonly number[];
  readonly warnings: readonly PartitionWarning[];
}

export interface CompileOptions {
  /** Grid steps across the theatre's longer side for the topology (default 1e7). */
  readonly quantization?: number;
  /** Extra input of the cache key (e.g. the world-atlas version). */
  readonly keyExtra?: string;
}

/**
 * A stable hash of everything a partition depends on: the theatre, the places' positions and the
 * areas' polygons, in unit order.
 *
 * @example
 * partitionKey(scenario, scenario.theatre); // "1f3a…"
 */
export function partitionKey(scenario: CompiledScenario, theatreDef: TheatreDef, extra = ""): string {
  const units = scenario.units.map((u) => (u.kind === "place" ? [u.id, u.at] : [u.id, u.polygon]));
  return stableHash(
    JSON.stringify({
      v: ALGORITHM_VERSION,
      theatre: theatreDef,
      placeCount: scenario.placeCount,
      units,
      extra,
    }),
  );
}

interface Piece {
  polys: XY[][][];
  /** The piece is the whole (convex) cell. */
  convex: boolean;
  areas: number[];
}

interface AreaShape {
  readonly unit: number;
  readonly polys: XY[][][];
  readonly bbox: readonly [number, number, number, number];
  readonly subject: Subject;
  complement?: Subject;
}

/**
 * Cuts the theatre into faces for `scenario`'s places and areas.
 *
 * @example
 * const theatre = resolveTheatre(scenario.theatre, atlas);
 * const p = compilePartition(scenario, theatre);
 * p.faces.km2.reduce((a, b) => a + b); // ≈ p.theatreKm2
 */
export function compilePartition(
  scenario: CompiledScenario,
  theatre: ResolvedTheatre,
  options: CompileOptions = {},
): Partition {
  const warnings: PartitionWarning[] = [];
  const [w0, s0, e0, n0] = theatre.bbox;
  const plane = createPlane((w0 + e0) / 2, (s0 + n0) / 2);
  const outlinePolys = toPlanePolys(theatre.outline.geometry, plane);
  const outline = indexSubject(outlinePolys.flat());
  const tolerance = Math.max(0, scenario.theatre.tolerance_km);

  // Sites: places inside, or within the tolerance (snapped onto the outline).
  const siteXY: number[] = [];
  const siteUnit: number[] = [];
  const seen = new Map<string, number>();
  for (let u = 0; u < scenario.placeCount; u++) {
    const unit = scenario.units[u];
    if (!unit?.at) continue;
    let p: XY = plane.forward(unit.at);
    if (!pointInSubject(outline, p)) {
      const { d, at } = distanceToSubject(outline, p);
      if (d > tolerance) {
        warnings.push({
          unit: unit.id,
          message: `place "${unit.id}" is ${d.toFixed(1)} km outside the theatre (tolerance ${tolerance} km); it gets no ground`,
        });
        continue;
      }
      p = at;
    }
    const key = `${p[0]},${p[1]}`;
    const other = seen.get(key);
    if (other !== undefined) {
      warnings.push({
        unit: unit.id,
        message: `place "${unit.id}" is at the same position as "${scenario.units[other]?.id ?? "?"}"; it gets no ground`,
      });
      continue;
    }
    seen.set(key, u);
    siteXY.push(p[0], p[1]);
    siteUnit.push(u);
  }

  const ob = outline.bbox;
  const pad = Math.max(tolerance, 0.1 * Math.max(ob[2] - ob[0], ob[3] - ob[1])) + 1;
  const bounds: [number, number, number, number] = [ob[0] - pad, ob[1] - pad, ob[2] + pad, ob[3] + pad];
  const boundsRing: XY[] = [
    [bounds[0], bounds[1]],
    [bounds[2], bounds[1]],
    [bounds[2], bounds[3]],
    [bounds[0], bounds[3]],
    [bounds[0], bounds[1]],
  ];

  // Cells, clipped to the outline.
  const cells: { unit: number; ring: XY[]; pieces: Piece[] }[] = [];
  const addCell = (unit: number, ring: XY[]): void => {
    const r = clipConvex(outline, ring);
    let pieces: Piece[];
    if (r === undefined) pieces = [{ polys: clipFallback(outlinePolys, ring), convex: false, areas: [] }];
    else if (r.kind === "inside") pieces = [{ polys: [[ring]], convex: true, areas: [] }];
    else if (r.kind === "outside") pieces = [];
    else pieces = [{ polys: r.polygons, convex: false, areas: [] }];
    pieces = pieces.filter((p) => p.polys.length > 0);
    cells.push({ unit, ring, pieces });
  };
  if (siteUnit.length === 0) {
    addCell(-1, boundsRing);
  } else {
    const rings = voronoiCells(siteXY, boundsRing, bounds);
    rings.forEach((ring, i) => {
      if (ring) addCell(siteUnit[i] as number, ring);
    });
  }

  // Areas, overlaid.
  const areas: AreaShape[] = [];
  for (let u = scenario.placeCount; u < scenario.units.length; u++) {
    const unit = scenario.units[u];
    if (!unit?.polygon || unit.polygon.length === 0) continue;
    const polys = toPlanePolys(
      { type: "Polygon", coordinates: unit.polygon.map((r) => r.map((p) => [p[0], p[1]])) },
      plane,
    );
    if (polys.length === 0) {
      warnings.push({ unit: unit.id, message: `area "${unit.id}" has no usable polygon` });
      continue;
    }
    const flat = polys.flat();
    areas.push({ unit: u, polys, bbox: ringsBbox(flat), subject: indexSubject(flat) });
  }
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
          inside = robustClip("intersection", p.polys, a.polys);
          outside = robustClip("difference", p.polys, a.polys);
        }
        if (inside.length > 0) next.push({ polys: inside, convex: false, areas: [...p.areas, a.unit] });
        if (outside.length > 0) next.push({ polys: outside, convex: false, areas: p.areas });
      }
      cell.pieces = next;
    }
  }

  // Faces in longitude/latitude, quantised.
  const raw: { place: number; areas: number[]; polys: Position[][][] }[] = [];
  for (const cell of cells)
    for (const p of cell.pieces) {
      const polys = p.polys.map((poly) => poly.map((ring) => ring.map((q) => plane.inverse(q) as Position)));
      raw.push({ place: cell.unit, areas: p.areas, polys });
    }
  const grid = quantiser(raw, options.quantization ?? 1e7);
  let faces = raw
    .map((f) => ({
      place: f.place,
      areas: f.areas,
      polys: cleanPolys(f.polys.map((poly) => poly.map(grid.q))),
    }))
    .filter((f) => f.polys.length > 0);
  const fixed = fixTJunctions(faces.map((f) => f.polys));
  faces = faces
    .map((f, i) => ({ ...f, polys: cleanPolys(fixed[i] as XY[][][]) }))
    .filter((f) => f.polys.length > 0);

  // Topology and the faces on either side of each arc.
  const fc: FeatureCollection<Polygon | MultiPolygon> = {
    type: "FeatureCollection",
    features: faces.map((f): Feature<Polygon | MultiPolygon> => ({
      type: "Feature",
      properties: null,
      geometry:
        f.polys.length === 1
          ? { type: "Polygon", coordinates: f.polys[0] as Position[][] }
          : { type: "MultiPolygon", coordinates: f.polys as Position[][][] },
    })),
  };
  const topo = buildTopology({ faces: fc }) as unknown as Topology<{ faces: GeometryCollection }>;
  const arcFaces = new Array<number>(topo.arcs.length * 2).fill(-1);
  let conflicts = 0;
  topo.objects.faces.geometries.forEach((g, i) => {
    const rings = g.type === "Polygon" ? g.arcs : g.type === "MultiPolygon" ? g.arcs.flat() : [];
    for (const ring of rings)
      for (const a of ring) {
        const slot = a >= 0 ? 2 * a : 2 * ~a + 1;
        if (arcFaces[slot] !== -1 && arcFaces[slot] !== i) conflicts++;
        arcFaces[slot] = i;
      }
    delete (g as { properties?: unknown }).properties;
    g.id = i;
  });
  if (conflicts > 0)
    warnings.push({ message: `${conflicts} arcs of the partition are claimed twice on one side` });
  const topology: Topology<{ faces: GeometryCollection }> = {
    type: "Topology",
    bbox: grid.bbox,
    transform: { scale: [1 / grid.kx, 1 / grid.ky], translate: [grid.x0, grid.y0] },
    objects: topo.objects,
    arcs: topo.arcs.map(deltaEncode),
  };

  // Areas (km²) and what got no ground.
  const km2 = faces.map((f) =>
    areaKm2({
      type: "MultiPolygon",
      coordinates: f.polys.map((poly) => poly.map((ring) => ring.map((p) => grid.dq(p)))),
    }),
  );
  const grounded = new Set<number>();
  for (const f of faces) {
    if (f.place >= 0) grounded.add(f.place);
    for (const a of f.areas) grounded.add(a);
  }
  for (let u = 0; u < scenario.units.length; u++) {
    const unit = scenario.units[u];
    if (!unit || grounded.has(u) || warnings.some((w) => w.unit === unit.id)) continue;
    warnings.push({
      unit: unit.id,
      message:
        unit.kind === "area"
          ? `area "${unit.id}" lies outside the theatre; it gets no ground`
          : `place "${unit.id}" got no ground (its cell lies outside the theatre)`,
    });
  }
  const areaStart = [0];
  const areaList: number[] = [];
  for (const f of faces) {
    areaList.push(...f.areas.slice().sort((a, b) => a - b));
    areaStart.push(areaList.length);
  }
  // The place that decides each face: the nearest place lying in every area that covers the
  // face. For a face in no area that is the cell's own place; where a cell reaches across an
  // area's edge (a town's cell crossing a river into a river-bank area), the nearest place on the
  // face's side of the edge decides instead, so areas bound the reach of places.
  const siteAreas = new Map<number, Set<number>>();
  for (let i = 0; i < siteUnit.length; i++) {
    const at: XY = [siteXY[2 * i] as number, siteXY[2 * i + 1] as number];
    siteAreas.set(
      siteUnit[i] as number,
      new Set(areas.filter((a) => pointInSubject(a.subject, at)).map((a) => a.unit)),
    );
  }
  const eligibleSites = new Map<string, number[]>();
  const decider = faces.map((f) => {
    if (f.place < 0 || f.areas.every((a) => siteAreas.get(f.place)?.has(a) === true)) return f.place;
    const key = f.areas
      .slice()
      .sort((a, b) => a - b)
      .join(",");
    let sites = eligibleSites.get(key);
    if (!sites) {
      sites = [];
      for (let i = 0; i < siteUnit.length; i++)
        if (f.areas.every((a) => siteAreas.get(siteUnit[i] as number)?.has(a) === true)) sites.push(i);
      eligibleSites.set(key, sites);
    }
    const toPlane = (q: XY): XY => {
      const ll = grid.dq(q);
      return plane.forward([ll[0] as number, ll[1] as number]);
    };
    const [cx, cy] = planeCentroid(f.polys.map((poly) => poly.map((ring) => ring.map(toPlane))));
    let best = -1;
    let bestD = Infinity;
    for (const i of sites) {
      const d = Math.hypot((siteXY[2 * i] as number) - cx, (siteXY[2 * i + 1] as number) - cy);
      if (d < bestD) {
        bestD = d;
        best = siteUnit[i] as number;
      }
    }
    return best;
  });
  return {
    format: PARTITION_FORMAT,
    key: partitionKey(scenario, scenario.theatre, options.keyExtra),
    bbox: grid.bbox,
    theatreKm2: areaKm2(theatre.outline.geometry),
    unitCount: scenario.units.length,
    placeCount: scenario.placeCount,
    faces: { place: faces.map((f) => f.place), areaStart, areas: areaList, km2, decider },
    topology,
    arcFaces,
    warnings,
  };
}

/**
 * The Voronoi cell of each site within `bounds` (closed, counter-clockwise). Sites on one line
 * (or fewer than three) get strips between the perpendicular bisectors of their neighbours, cut
 * directly: d3-delaunay jitters collinear input, and the far-away circumcentres that follow make
 * unreliable cells.
 */
function voronoiCells(
  xy: readonly number[],
  boundsRing: XY[],
  bounds: [number, number, number, number],
): (XY[] | undefined)[] {
  const n = xy.length / 2;
  const at = (i: number): XY => [xy[2 * i] as number, xy[2 * i + 1] as number];
  // the line through the first site and the site farthest from it
  const a = at(0);
  let far = 0;
  let farD = 0;
  for (let i = 1; i < n; i++) {
    const p = at(i);
    const d = Math.hypot(p[0] - a[0], p[1] - a[1]);
    if (d > farD) {
      farD = d;
      far = i;
    }
  }
  const b = at(far);
  const ux = farD > 0 ? (b[0] - a[0]) / farD : 1;
  const uy = farD > 0 ? (b[1] - a[1]) / farD : 0;
  let collinear = true;
  for (let i = 0; i < n && collinear; i++) {
    const p = at(i);
    if (Math.abs((p[0] - a[0]) * uy - (p[1] - a[1]) * ux) > 1e-9 * Math.max(farD, 1e-9)) collinear = false;
  }
  if (!collinear) {
    const voronoi = new Delaunay(Float64Array.from(xy)).voronoi(bounds);
    return Array.from({ length: n }, (_, i) => {
      const poly = voronoi.cellPolygon(i) as XY[] | null;
      const ring = poly ? cleanRing(poly) : undefined;
      return ring ? wound(ring, true) : undefined;
    });
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => {
    const p = at(i);
    const q = at(j);
    return (p[0] - a[0]) * ux + (p[1] - a[1]) * uy - ((q[0] - a[0]) * ux + (q[1] - a[1]) * uy);
  });
  const out: (XY[] | undefined)[] = new Array<XY[] | undefined>(n);
  order.forEach((site, k) => {
    let ring: XY[] | undefined = boundsRing;
    const p = at(site);
    for (const other of [order[k - 1], order[k + 1]]) {
      if (other === undefined || !ring) continue;
      const q = at(other);
      // keep the side of the bisector nearer to p
      const nx = p[0] - q[0];
      const ny = p[1] - q[1];
      const mx = (p[0] + q[0]) / 2;
      const my = (p[1] + q[1]) / 2;
      ring = clipHalfPlane(ring, (x, y) => (x - mx) * nx + (y - my) * ny);
    }
    out[site] = ring ? wound(ring, true) : undefined;
  });
  return out;
}

/** A convex ring cut to where `side(x, y) >= 0`. */
function clipHalfPlane(ring: readonly XY[], side: (x: number, y: number) => number): XY[] | undefined {
  const out: XY[] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const p = ring[i] as XY;
    const q = ring[i + 1] as XY;
    const sp = side(p[0], p[1]);
    const sq = side(q[0], q[1]);
    if (sp >= 0) out.push(p);
    if (sp >= 0 !== sq >= 0) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  if (out.length < 3) return undefined;
  out.push(out[0] as XY);
  return cleanRing(out);
}

/** Polygons of a GeoJSON geometry in the plane: exteriors counter-clockwise, holes clockwise. */
function toPlanePolys(g: Polygon | MultiPolygon, plane: Plane): XY[][][] {
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
  const b = ringsBbox([cell]);
  const pad = 0.05 * Math.max(b[2] - b[0], b[3] - b[1]) + 1e-6;
  const box: [number, number, number, number] = [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad];
  const local: XY[][][] = [];
  for (const poly of polys) {
    const ext = cutToBox([poly[0] as XY[]], box);
    if (ext.length === 0) continue;
    local.push([...ext, ...cutToBox(poly.slice(1), box)]);
  }
  if (local.length === 0) return [];
  return robustClip("intersection", local, [[cell]]);
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
function robustClip(op: "intersection" | "difference", a: XY[][][], b: XY[][][]): XY[][][] {
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

interface Quantiser {
  readonly x0: number;
  readonly y0: number;
  readonly kx: number;
  readonly ky: number;
  readonly bbox: Bbox;
  q(ring: Position[]): XY[];
  dq(p: readonly [number, number]): Position;
}

function quantiser(faces: readonly { polys: Position[][][] }[], n: number): Quantiser {
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

function cleanPolys(polys: XY[][][]): XY[][][] {
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

/**
 * Inserts into every edge the vertices of other faces that lie on it (within 1.5 grid steps), so
 * that neighbouring faces describe their common boundary with the same vertices and the topology
 * finds it as one shared arc. Coordinates are integers on the quantisation grid.
 */
function fixTJunctions(faces: XY[][][][]): XY[][][][] {
  const tol = 1.5;
  const keys = new Set<number>();
  const vx: number[] = [];
  const vy: number[] = [];
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const f of faces)
    for (const poly of f)
      for (const ring of poly)
        for (const p of ring) {
          const key = p[0] * 16777216 + p[1];
          if (keys.has(key)) continue;
          keys.add(key);
          vx.push(p[0]);
          vy.push(p[1]);
          if (p[0] < x0) x0 = p[0];
          if (p[0] > x1) x1 = p[0];
          if (p[1] < y0) y0 = p[1];
          if (p[1] > y1) y1 = p[1];
        }
  const nv = vx.length;
  if (nv === 0) return faces;
  const size = Math.max(4, Math.sqrt(((x1 - x0 + 1) * (y1 - y0 + 1)) / nv));
  const cols = Math.floor((x1 - x0) / size) + 1;
  const rows = Math.floor((y1 - y0) / size) + 1;
  const count = new Int32Array(cols * rows + 1);
  const bucketOf = (x: number, y: number): number =>
    Math.floor((y - y0) / size) * cols + Math.floor((x - x0) / size);
  for (let i = 0; i < nv; i++) {
    const b = bucketOf(vx[i] as number, vy[i] as number) + 1;
    count[b] = (count[b] as number) + 1;
  }
  for (let i = 1; i <= cols * rows; i++) count[i] = (count[i] as number) + (count[i - 1] as number);
  const fill = count.slice(0, cols * rows);
  const items = new Int32Array(nv);
  for (let i = 0; i < nv; i++) {
    const b = bucketOf(vx[i] as number, vy[i] as number);
    const at = fill[b] as number;
    items[at] = i;
    fill[b] = at + 1;
  }
  const clampC = (v: number): number => (v < 0 ? 0 : v >= cols ? cols - 1 : v);
  const clampR = (v: number): number => (v < 0 ? 0 : v >= rows ? rows - 1 : v);
  const found: { t: number; p: XY }[] = [];
  const fixRing = (ring: XY[]): XY[] => {
    const out: XY[] = [];
    for (let i = 0; i < ring.length - 1; i++) {
      const a = ring[i] as XY;
      const b = ring[i + 1] as XY;
      out.push(a);
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const l2 = dx * dx + dy * dy;
      if (l2 <= 4) continue;
      const len = Math.sqrt(l2);
      const ex0 = Math.min(a[0], b[0]) - tol;
      const ex1 = Math.max(a[0], b[0]) + tol;
      const ey0 = Math.min(a[1], b[1]) - tol;
      const ey1 = Math.max(a[1], b[1]) + tol;
      const c0 = clampC(Math.floor((ex0 - x0) / size));
      const c1 = clampC(Math.floor((ex1 - x0) / size));
      const r0 = clampR(Math.floor((ey0 - y0) / size));
      const r1 = clampR(Math.floor((ey1 - y0) / size));
      found.length = 0;
      for (let r = r0; r <= r1; r++)
        for (let c = c0; c <= c1; c++) {
          const bk = r * cols + c;
          for (let k = count[bk] as number, end = count[bk + 1] as number; k < end; k++) {
            const v = items[k] as number;
            const px = vx[v] as number;
            const py = vy[v] as number;
            if (px < ex0 || px > ex1 || py < ey0 || py > ey1) continue;
            if ((px === a[0] && py === a[1]) || (px === b[0] && py === b[1])) continue;
            const cross = dx * (py - a[1]) - dy * (px - a[0]);
            if (Math.abs(cross) > tol * len) continue;
            const t = (dx * (px - a[0]) + dy * (py - a[1])) / l2;
            if (t <= 0 || t >= 1) continue;
            found.push({ t, p: [px, py] });
          }
        }
      if (found.length > 0) {
        found.sort((u, v) => u.t - v.t);
        for (const f of found) out.push(f.p);
      }
    }
    out.push(ring[0] as XY);
    return cleanRing(out) ?? ring;
  };
  return faces.map((f) => f.map((poly) => poly.map(fixRing)));
}

function deltaEncode(arc: number[][]): number[][] {
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

/** Area-weighted centroid of polygons in the plane (rings as given; holes subtract). */
function planeCentroid(polys: readonly (readonly (readonly XY[])[])[]): XY {
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
