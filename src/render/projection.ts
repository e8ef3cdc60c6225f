// Projection and the per-frame geometry of the map. The partition's arcs are projected once (per
// projection, e.g. on resize); each face's path string is assembled from its arcs' projected
// points, so faces and front lines always line up. A frame then costs one pass over the faces
// (owners) and one over the arcs (fronts), plus joining strings that were built beforehand.
// Everything here returns data and strings: no DOM.

import { geoAzimuthalEqualArea, geoBounds, type GeoProjection } from "d3";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import type { Partition } from "../geo/partition.js";
import { preparePartition } from "../geo/prepared.js";
import { forD3 } from "../geo/theatre.js";

export type Extent = [[number, number], [number, number]];

/**
 * An equal-area azimuthal projection centred on `frame` (so areas compare fairly anywhere on the
 * map) and fitted into `extent` (pixels).
 *
 * @example
 * const projection = fitProjection(theatre.outline, [[20, 80], [1180, 860]]);
 */
export function fitProjection(frame: Feature<Polygon | MultiPolygon>, extent: Extent): GeoProjection {
  const drawable: Feature<Polygon | MultiPolygon> = { ...frame, geometry: forD3(frame.geometry) };
  const [[w, s], [e, n]] = geoBounds(drawable);
  const lon0 = (w + e) / 2;
  const lat0 = (s + n) / 2;
  return geoAzimuthalEqualArea().rotate([-lon0, -lat0]).precision(0.1).fitExtent(extent, drawable);
}

/** A partition projected once: arcs and faces as pixel path strings, ready for any frame. */
export interface ProjectedPartition {
  readonly partition: Partition;
  readonly faceCount: number;
  readonly arcCount: number;
  /** `M x,y L x,y …` per arc, in its stored direction. */
  readonly arcPaths: readonly string[];
  /** Closed path per face (all of its rings). */
  readonly facePaths: readonly string[];
  readonly arcLeft: Int32Array;
  readonly arcRight: Int32Array;
}

/**
 * Projects every arc once and assembles the faces from them.
 *
 * @example
 * const pp = projectPartition(partition, (p) => projection(p));
 */
export function projectPartition(
  partition: Partition,
  project: (lonlat: [number, number]) => [number, number] | null,
  digits = 1,
): ProjectedPartition {
  const p = preparePartition(partition);
  const k = 10 ** digits;
  const fmt = (v: number): string => String(Math.round(v * k) / k);
  const arcs = p.arcCoordinates();
  const projected = arcs.map((c) => {
    const out: string[] = [];
    for (let i = 0; i < c.length; i += 2) {
      const xy = project([c[i] as number, c[i + 1] as number]);
      if (xy) out.push(`${fmt(xy[0])},${fmt(xy[1])}`);
    }
    return out;
  });
  const arcPaths = projected.map((pts) => (pts.length > 0 ? `M${pts.join("L")}` : ""));
  const geoms = partition.topology.objects.faces.geometries;
  const facePaths = geoms.map((g) => {
    const rings = g.type === "Polygon" ? g.arcs : g.type === "MultiPolygon" ? g.arcs.flat() : [];
    let d = "";
    for (const ring of rings) {
      const pts: string[] = [];
      for (const ref of ring) {
        const seq = projected[ref >= 0 ? ref : ~ref] ?? [];
        const ordered = ref >= 0 ? seq : seq.slice().reverse();
        for (let i = pts.length > 0 ? 1 : 0; i < ordered.length; i++) pts.push(ordered[i] as string);
      }
      if (pts.length > 2) d += `M${pts.join("L")}Z`;
    }
    return d;
  });
  return {
    partition,
    faceCount: p.faceCount,
    arcCount: p.arcCount,
    arcPaths,
    facePaths,
    arcLeft: p.arcLeft,
    arcRight: p.arcRight,
  };
}

/**
 * Front lines of one frame as one path string: the arcs whose two sides have different owners
 * (edges of unknown ground only with `includeUnknown`).
 */
export function frontPath(pp: ProjectedPartition, owners: ArrayLike<number>, includeUnknown = false): string {
  const parts: string[] = [];
  for (let a = 0; a < pp.arcCount; a++) {
    const l = pp.arcLeft[a] as number;
    const r = pp.arcRight[a] as number;
    if (l < 0 || r < 0) continue;
    const ol = owners[l] as number;
    const or = owners[r] as number;
    if (ol === or || (!includeUnknown && (ol === 0 || or === 0))) continue;
    parts.push(pp.arcPaths[a] as string);
  }
  return parts.join("");
}

/** Faces grouped by owner (index = faction code): what a canvas fills, one colour at a time. */
export function facesByOwner(owners: ArrayLike<number>, factionCount: number): number[][] {
  const out: number[][] = Array.from({ length: factionCount + 1 }, () => []);
  for (let i = 0; i < owners.length; i++) (out[owners[i] as number] ??= []).push(i);
  return out;
}

/** One fill path per faction code: the faces it owns, joined. */
export function fillPaths(pp: ProjectedPartition, owners: ArrayLike<number>, factionCount: number): string[] {
  return facesByOwner(owners, factionCount).map((faces) =>
    faces.map((f) => pp.facePaths[f] as string).join(""),
  );
}
