// The partition: the theatre cut into atomic faces, compiled once per scenario. Each place gets
// its Voronoi cell (computed in a local equal-area plane, so "nearest" means nearest on the
// ground), clipped to the theatre; areas are overlaid on the cells, so every face is covered by
// exactly one place (or none) and a known set of areas. The faces are stored as a TopoJSON
// topology whose neighbouring faces share arcs, with the faces on either side of every arc: what
// the per-date functions need to dissolve by owner and to find front lines without any clipping.
//
// Everything here is plain data (JSON-serialisable) so a partition can be cached on disk, emitted
// by a build step or posted to a worker.

import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";
import { topology as buildTopology } from "topojson-server";
import type { CompiledScenario, CompiledUnit, TheatreDef } from "../core/types.js";
import { km2 as areaKm2 } from "./area.js";
import { distanceToSubject, indexSubject, pointInSubject } from "./clip.js";
import { faceDeciders } from "./decider.js";
import { stableHash } from "./hash.js";
import { riverBanks } from "./barriers.js";
import { reachOf, splitByReach } from "./reach.js";
import { areaShapes, cutCell, overlayAreas, toPlanePolys, type Cell } from "./overlay.js";
import { createPlane, type XY } from "./plane.js";
import { cleanPolys, deltaEncode, quantiser } from "./quantise.js";
import { cancelOpposedEdges } from "./rings.js";
import { mergeFaces, sliverMerges, sliverWidthKm } from "./slivers.js";
import { fixTJunctions } from "./t-junctions.js";
import type { Bbox, ResolvedTheatre } from "./theatre.js";
import { voronoiCells } from "./voronoi.js";

export const PARTITION_FORMAT = "frontfold-partition@1";
/** Bump when the algorithm changes what it produces, so cached partitions are recompiled. */
const ALGORITHM_VERSION = 11;

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
  /** 1 where the face lies beyond the reach of its place (open country, see `reach.ts`), else 0. */
  readonly open: readonly number[];
}

export interface Partition {
  readonly format: typeof PARTITION_FORMAT;
  /** `partitionKey` of what it was compiled from. */
  readonly key: string;
  /** `[west, south, east, north]` of the faces. */
  readonly bbox: Bbox;
  /** Area of the theatre outline, km² (measured like the faces). */
  readonly theatreKm2: number;
  /**
   * The sliver width, km: faces narrower than this were merged into a neighbour (see
   * `slivers.ts`), except a unit's only ground.
   */
  readonly sliverKm: number;
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
  const units = scenario.units.map((u) =>
    u.kind === "place" ? [u.id, u.at, reachOf(u, theatreDef) ?? null] : [u.id, u.polygon],
  );
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

  // Cells, clipped to the outline; areas overlaid.
  const cells: Cell[] = [];
  if (siteUnit.length === 0) {
    cells.push(cutCell(outline, outlinePolys, -1, boundsRing));
  } else {
    voronoiCells(siteXY, boundsRing, bounds).forEach((ring, i) => {
      if (!ring) return;
      const unit = siteUnit[i] as number;
      cells.push(cutCell(outline, outlinePolys, unit, ring));
    });
  }
  const areas = areaShapes(scenario, plane, (unit, message) => warnings.push({ unit, message }));
  // Banks of the barrier rivers: overlaid like areas (negative ids), they only bound places' reach.
  const banks = riverBanks(scenario.theatre.barriers ?? [], theatre, outlinePolys, plane, (message) =>
    warnings.push({ message }),
  );
  overlayAreas(cells, [...areas, ...banks], bounds);
  // Open country: each cell's pieces cut at its place's reach (after the overlay, which is
  // fastest on whole convex cells).
  const siteOf = new Map(siteUnit.map((u, i) => [u, i]));
  for (const cell of cells) {
    const i = siteOf.get(cell.unit);
    if (i === undefined) continue;
    const site: XY = [siteXY[2 * i] as number, siteXY[2 * i + 1] as number];
    splitByReach(cell, site, reachOf(scenario.units[cell.unit] as CompiledUnit, scenario.theatre));
  }

  // Faces in longitude/latitude, quantised.
  const raw: { place: number; areas: number[]; open: boolean; polys: Position[][][] }[] = [];
  for (const cell of cells)
    for (const p of cell.pieces) {
      const polys = p.polys.map((poly) => poly.map((ring) => ring.map((q) => plane.inverse(q) as Position)));
      raw.push({ place: cell.unit, areas: p.areas, open: p.open, polys });
    }
  const grid = quantiser(raw, options.quantization ?? 1e7);
  let faces = raw
    .map((f) => ({
      place: f.place,
      areas: f.areas,
      open: f.open,
      polys: cleanPolys(f.polys.map((poly) => poly.map(grid.q))),
    }))
    .filter((f) => f.polys.length > 0);
  const fixed = fixTJunctions(faces.map((f) => f.polys));
  faces = faces
    .map((f, i) => ({ ...f, polys: cleanPolys(cancelOpposedEdges(fixed[i] as XY[][][])) }))
    .filter((f) => f.polys.length > 0);

  // Areas (km²), deciders and what got no ground.
  const gridKm2 = (f: { polys: XY[][][] }): number =>
    areaKm2({
      type: "MultiPolygon",
      coordinates: f.polys.map((poly) => poly.map((ring) => ring.map((p) => grid.dq(p)))),
    });
  const grounded = new Set<number>();
  for (const f of faces) {
    if (f.place >= 0) grounded.add(f.place);
    for (const a of f.areas) if (a >= 0) grounded.add(a);
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
  const deciders = faceDeciders(faces, { xy: siteXY, unit: siteUnit }, [...areas, ...banks], grid, plane);
  const ownAreas = faces.map((f) => f.areas.filter((a) => a >= 0).sort((a, b) => a - b));

  // Topology; slivers merged into the neighbour decided like them (see `slivers.ts`).
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
  let topo = buildTopology({ faces: fc }) as unknown as Topology<{ faces: GeometryCollection }>;
  let sides = arcSides(topo);
  let km2 = faces.map(gridKm2);
  const thresholdKm = sliverWidthKm(Math.max(ob[2] - ob[0], ob[3] - ob[1]));
  const merge = sliverMerges({
    topology: topo,
    arcFaces: sides.arcFaces,
    km2,
    sameKey: faces.map(
      (f, i) => `${f.place}|${deciders[i] ?? -1}|${(ownAreas[i] ?? []).join(",")}|${f.open ? 1 : 0}`,
    ),
    units: faces.map((f, i) => [f.place, ...(ownAreas[i] ?? [])].filter((u) => u >= 0)),
    toPlane: (q) => plane.forward(grid.dq(q) as [number, number]),
    thresholdKm,
  });
  let kept = faces.map((_, i) => i);
  if (merge.root.some((r, i) => r !== i)) {
    const merged = mergeFaces(topo, merge.root);
    topo = merged.topology;
    kept = merged.kept;
    const groupKm2 = new Float64Array(faces.length);
    merge.root.forEach((r, i) => (groupKm2[r] = (groupKm2[r] as number) + (km2[i] as number)));
    km2 = kept.map((i) => groupKm2[i] as number);
    sides = arcSides(topo);
  }
  if (sides.conflicts > 0)
    warnings.push({ message: `${sides.conflicts} arcs of the partition are claimed twice on one side` });
  const topology: Topology<{ faces: GeometryCollection }> = {
    type: "Topology",
    bbox: grid.bbox,
    transform: { scale: [1 / grid.kx, 1 / grid.ky], translate: [grid.x0, grid.y0] },
    objects: topo.objects,
    arcs: topo.arcs.map(deltaEncode),
  };
  const areaStart = [0];
  const areaList: number[] = [];
  for (const i of kept) {
    areaList.push(...(ownAreas[i] ?? []));
    areaStart.push(areaList.length);
  }
  const decider = kept.map((i) => deciders[i] ?? -1);
  return {
    format: PARTITION_FORMAT,
    key: partitionKey(scenario, scenario.theatre, options.keyExtra),
    bbox: grid.bbox,
    theatreKm2: areaKm2(theatre.outline.geometry),
    sliverKm: thresholdKm,
    unitCount: scenario.units.length,
    placeCount: scenario.placeCount,
    faces: {
      place: kept.map((i) => faces[i]?.place ?? -1),
      areaStart,
      areas: areaList,
      km2,
      decider,
      open: kept.map((i) => (faces[i]?.open ? 1 : 0)),
    },
    topology,
    arcFaces: sides.arcFaces,
    warnings,
  };
}

/** The faces on either side of each arc (left, then right; -1 outside), numbering each geometry
 *  by its index; `conflicts` counts arcs claimed twice on one side. */
function arcSides(topo: Topology<{ faces: GeometryCollection }>): { arcFaces: number[]; conflicts: number } {
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
  return { arcFaces, conflicts };
}
