// One projection for the app and every export: an equal-area azimuthal projection centred on the
// theatre (so areas compare fairly anywhere on the map), fitted to a pixel box. `projectBundle`
// projects a bundle's partition once — every arc and face as a path string, the theatre's edge,
// the neighbouring countries, the places — so that a frame (see `frame.ts`) only looks owners up
// and joins strings. The app fits the theatre into a fixed frame and zooms it with a transform;
// an export fits its own region into its own box: the same projection up to scale and offset, so
// the screen and the paper show the same shapes.

import { geoAzimuthalEqualArea, type GeoProjection } from "d3";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import type { LonLat } from "../core/types.js";
import { greatCircleKm } from "../core/geodesy.js";
import type { XY } from "../geo/plane.js";
import { preparePartition } from "../geo/prepared.js";
import { bboxPolygon, type ResolvedTheatre } from "../geo/theatre.js";
import type { ScenarioBundle } from "./bundle.js";

/** `[[x0, y0], [x1, y1]]`, px. */
export type Extent = readonly [readonly [number, number], readonly [number, number]];

/** What a map frames: the theatre, or a `[west, south, east, north]` box. */
export type Region = readonly [number, number, number, number] | "theatre";

/** Width of the app's frame, px at zoom 1 (the view scales it to the window). */
export const FRAME_WIDTH = 1000;
const FRAME_PAD = 12;

export interface FrameSpec {
  /** What to fit: the theatre (default) or a `[west, south, east, north]` box. */
  readonly region?: Region | undefined;
  /** The pixel box the region is fitted into, centred (default: `FRAME_WIDTH` wide with a small
   *  margin, as tall as the region's shape asks). */
  readonly extent?: Extent | undefined;
}

export interface BasemapShape {
  readonly name: string;
  readonly path: string;
  /** Projected rings (for label placement). */
  readonly rings: readonly XY[][];
}

export interface ProjectedWater {
  readonly lakes: string;
  readonly majorRivers: string;
  readonly minorRivers: string;
  /**
   * Where to name the major rivers and lakes: points on each inside the extent, the middle of what
   * is in view first (`x`, `y`), then outward along it (`candidates`, for `placeWaterLabels`).
   */
  readonly labels: readonly {
    readonly name: string;
    readonly x: number;
    readonly y: number;
    readonly candidates: readonly (readonly [number, number])[];
    /** Every vertex of the feature inside the extent (where a zoomed map finds it in view). */
    readonly points: readonly XY[];
    /** A lake (its name may also go beside it). */
    readonly lake?: boolean;
  }[];
}

export interface ProjectedPlace {
  readonly unit: number;
  readonly name: string;
  readonly kind: string;
  readonly x: number;
  readonly y: number;
}

/** A bundle projected once: everything a frame of any date is drawn from. */
export interface ProjectedMap {
  readonly bundle: ScenarioBundle;
  /** The frame: the extent plus its margin on the far side, px. */
  readonly width: number;
  readonly height: number;
  readonly extent: Extent;
  project(p: LonLat): [number, number] | undefined;
  invert(p: readonly [number, number]): LonLat | undefined;
  /** Kilometres per px at the extent's centre, measured along the horizontal. */
  readonly kmPerPx: number;
  readonly faceCount: number;
  readonly arcCount: number;
  /** Closed path per face (all its rings; draw with the even-odd rule). */
  readonly facePaths: readonly string[];
  /** Open path per arc, in its stored direction. */
  readonly arcPaths: readonly string[];
  /** Face on the left / right of each arc (-1: outside the theatre). */
  readonly arcLeft: Int32Array;
  readonly arcRight: Int32Array;
  readonly faceKm2: Float64Array;
  readonly totalKm2: number;
  readonly outlinePath: string;
  /**
   * The edge of the basemap: the box the neighbouring countries were cut to, projected (a closed
   * path). Beyond it nothing is drawn; a view zoomed out that far frames the map with it.
   */
  readonly marginPath: string;
  readonly outlineRings: readonly XY[][];
  /** A theatre of countries (edged as a border) rather than a box or polygon. */
  readonly countriesTheatre: boolean;
  readonly basemap: readonly BasemapShape[];
  /** Rivers and lakes: lake outlines (closed), named major rivers and the other rivers (open). */
  readonly water: ProjectedWater;
  /** Places that project, in unit order. */
  readonly places: readonly ProjectedPlace[];
  /** Units covering a face (its place cell, then areas). */
  faceUnits(face: number): readonly number[];
  /** Faces a unit covers. */
  facesOfUnit(unit: number): readonly number[];
}

/**
 * The map's projection for a theatre, not yet fitted to pixels.
 *
 * @example
 * const p = mapProjection(theatre).fitExtent([[0, 0], [800, 600]], outline);
 */
export function mapProjection(theatre: ResolvedTheatre): GeoProjection {
  const [w, s, e, n] = theatre.bbox;
  return geoAzimuthalEqualArea().rotate([-(w + e) / 2, -(s + n) / 2]);
}

/** Vertices of what to fit (a MultiPoint has no winding to get wrong). */
function regionPoints(theatre: ResolvedTheatre, region: Region | undefined): Position[] {
  if (region && region !== "theatre") return bboxPolygon(region, 8).coordinates[0] ?? [];
  const points: Position[] = [];
  for (const poly of polygonsOf(theatre.outline)) for (const ring of poly) points.push(...ring);
  return points;
}

/** Height over width of `region` under the map's projection. */
export function regionAspect(theatre: ResolvedTheatre, region?: Region): number {
  const projection = mapProjection(theatre);
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of regionPoints(theatre, region)) {
    const xy = projection([p[0] as number, p[1] as number]);
    if (!xy) continue;
    x0 = Math.min(x0, xy[0]);
    x1 = Math.max(x1, xy[0]);
    y0 = Math.min(y0, xy[1]);
    y1 = Math.max(y1, xy[1]);
  }
  return x1 > x0 ? (y1 - y0) / (x1 - x0) : 1;
}

const r2 = (v: number): number => Math.round(v * 100) / 100;

/** SVG path of rings of projected points (closed). */
export function ringsPath(rings: readonly (readonly (readonly [number, number])[])[]): string {
  let d = "";
  for (const ring of rings) {
    if (ring.length < 3) continue;
    d += `M${r2(ring[0]?.[0] ?? 0)},${r2(ring[0]?.[1] ?? 0)}`;
    for (let i = 1; i < ring.length; i++) d += `L${r2(ring[i]?.[0] ?? 0)},${r2(ring[i]?.[1] ?? 0)}`;
    d += "Z";
  }
  return d;
}

function polygonsOf(f: Feature<Polygon | MultiPolygon>): Position[][][] {
  return f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
}

/**
 * Projects a bundle once for a frame.
 *
 * @example
 * const map = projectBundle(bundle);                       // the app's frame, the whole theatre
 * const page = projectBundle(bundle, { region: [38.9, 35.9, 39.1, 36.0], extent: [[16, 90], [1184, 800]] });
 */
export function projectBundle(bundle: ScenarioBundle, spec: FrameSpec = {}): ProjectedMap {
  const { theatre, partition, scenario } = bundle;
  const extent: Extent = spec.extent ?? [
    [FRAME_PAD, FRAME_PAD],
    [
      FRAME_WIDTH - FRAME_PAD,
      FRAME_PAD + Math.ceil((FRAME_WIDTH - 2 * FRAME_PAD) * regionAspect(theatre, spec.region)),
    ],
  ];
  const projection = mapProjection(theatre).fitExtent(
    [
      [extent[0][0], extent[0][1]],
      [extent[1][0], extent[1][1]],
    ],
    { type: "MultiPoint", coordinates: regionPoints(theatre, spec.region) },
  );
  const project = (p: LonLat): [number, number] | undefined => {
    const xy = projection([p[0], p[1]]);
    return xy ? [xy[0], xy[1]] : undefined;
  };
  const invert = (p: readonly [number, number]): LonLat | undefined => {
    const ll = projection.invert?.([p[0], p[1]]);
    return ll ? [ll[0], ll[1]] : undefined;
  };
  const toXY = (p: Position): XY => project([p[0] as number, p[1] as number]) ?? [0, 0];

  const prepared = preparePartition(partition);
  const arcsXY = prepared.arcCoordinates().map((c) => {
    const out: XY[] = [];
    for (let i = 0; i < c.length; i += 2) {
      const xy = project([c[i] as number, c[i + 1] as number]);
      if (xy) out.push(xy);
    }
    return out;
  });
  const arcPaths = arcsXY.map((pts) => {
    if (pts.length < 2) return "";
    let d = `M${r2(pts[0]?.[0] ?? 0)},${r2(pts[0]?.[1] ?? 0)}`;
    for (let i = 1; i < pts.length; i++) d += `L${r2(pts[i]?.[0] ?? 0)},${r2(pts[i]?.[1] ?? 0)}`;
    return d;
  });
  // A face's rings are chains of arcs (a negative index is an arc reversed).
  const ringOf = (refs: readonly number[]): XY[] => {
    const ring: XY[] = [];
    for (const ref of refs) {
      const arc = arcsXY[ref >= 0 ? ref : ~ref] ?? [];
      const seq = ref >= 0 ? arc : arc.slice().reverse();
      for (let i = ring.length > 0 ? 1 : 0; i < seq.length; i++) ring.push(seq[i] as XY);
    }
    return ring;
  };
  const facePaths = partition.topology.objects.faces.geometries.map((g) =>
    g.type === "Polygon"
      ? ringsPath(g.arcs.map(ringOf))
      : g.type === "MultiPolygon"
        ? ringsPath(g.arcs.flat().map(ringOf))
        : "",
  );
  const faceCount = prepared.faceCount;
  const covering: number[][] = [];
  const unitFaces = new Map<number, number[]>();
  for (let f = 0; f < faceCount; f++) {
    const list: number[] = [];
    const place = prepared.facePlace[f] ?? -1;
    if (place >= 0) list.push(place);
    for (let k = prepared.faceAreaStart[f] ?? 0; k < (prepared.faceAreaStart[f + 1] ?? 0); k++)
      list.push(prepared.faceAreas[k] as number);
    covering.push(list);
    for (const u of list) {
      const faces = unitFaces.get(u);
      if (faces) faces.push(f);
      else unitFaces.set(u, [f]);
    }
  }

  const outlineRings = polygonsOf(theatre.outline).flatMap((poly) => poly.map((ring) => ring.map(toXY)));
  const basemap = theatre.neighbours.features.map((feature) => {
    const rings = polygonsOf(feature).flatMap((poly) => poly.map((ring) => ring.map(toXY)));
    return { name: feature.properties.name, path: ringsPath(rings), rings };
  });
  const water = projectWater(theatre, toXY, extent);
  const places: ProjectedPlace[] = [];
  for (let u = 0; u < scenario.placeCount; u++) {
    const unit = scenario.units[u];
    if (!unit?.at) continue;
    const xy = project(unit.at);
    if (xy) places.push({ unit: u, name: unit.name, kind: unit.placeKind ?? "village", x: xy[0], y: xy[1] });
  }

  const cx = (extent[0][0] + extent[1][0]) / 2;
  const cy = (extent[0][1] + extent[1][1]) / 2;
  const a = invert([cx - 50, cy]);
  const b = invert([cx + 50, cy]);
  const kmPerPx = a && b ? greatCircleKm(a, b) / 100 : 1;

  return {
    bundle,
    width: Math.ceil(extent[1][0] + extent[0][0]),
    height: Math.ceil(extent[1][1] + extent[0][1]),
    extent,
    project,
    invert,
    kmPerPx,
    faceCount,
    arcCount: prepared.arcCount,
    facePaths,
    arcPaths,
    arcLeft: prepared.arcLeft,
    arcRight: prepared.arcRight,
    faceKm2: prepared.faceKm2,
    totalKm2: partition.theatreKm2,
    outlinePath: ringsPath(outlineRings),
    marginPath: ringsPath([(bboxPolygon(theatre.marginBbox, 16).coordinates[0] ?? []).map(toXY)]),
    outlineRings,
    countriesTheatre: scenario.theatre.kind === "countries",
    basemap,
    water,
    places,
    faceUnits: (face) => covering[face] ?? [],
    facesOfUnit: (unit) => unitFaces.get(unit) ?? [],
  };
}

/** The theatre's rivers and lakes as paths, and a label point for each named one in view. */
function projectWater(theatre: ResolvedTheatre, toXY: (p: Position) => XY, extent: Extent): ProjectedWater {
  const inView = (q: XY): boolean =>
    q[0] >= extent[0][0] && q[0] <= extent[1][0] && q[1] >= extent[0][1] && q[1] <= extent[1][1];
  let lakes = "";
  let majorRivers = "";
  let minorRivers = "";
  const labels: {
    name: string;
    x: number;
    y: number;
    candidates: [number, number][];
    points: readonly XY[];
    lake?: boolean;
  }[] = [];
  const label = (name: string, seen: readonly XY[], lake = false): void => {
    const n = seen.length;
    if (n === 0) return;
    const mid = Math.floor(n / 2);
    const step = Math.max(1, Math.floor(n / 40));
    const candidates: [number, number][] = [];
    for (let k = 0; k <= 20; k++)
      for (const i of k === 0 ? [mid] : [mid - k * step, mid + k * step]) {
        const q = seen[i];
        if (q) candidates.push([q[0], q[1]]);
      }
    const first = candidates[0] as [number, number];
    labels.push({ name, x: first[0], y: first[1], candidates, points: seen, ...(lake ? { lake } : {}) });
  };
  for (const f of theatre.water?.features ?? []) {
    if (f.geometry.type === "Polygon") {
      const rings = f.geometry.coordinates.map((ring) => ring.map(toXY));
      lakes += ringsPath(rings);
      if (f.properties.name) label(f.properties.name, (rings[0] ?? []).filter(inView), true);
      continue;
    }
    const lines = f.geometry.coordinates.map((line) => line.map(toXY));
    const d = lines
      .map((l) => (l.length > 1 ? `M${l.map((q) => `${r2(q[0])},${r2(q[1])}`).join("L")}` : ""))
      .join("");
    if (f.properties.kind === "river" && f.properties.major) majorRivers += d;
    else minorRivers += d;
    if (f.properties.name) label(f.properties.name, lines.flat().filter(inView));
  }
  return { lakes, majorRivers, minorRivers, labels };
}
