// Adapts a compiled bundle (scenario, theatre, partition) to what the map view draws: projects
// the partition's faces and arcs once into a fixed frame, so that no frame of playback ever
// projects, clips or merges anything. A conic equal-area projection centred on the theatre keeps
// areas honest and shapes close to what a reader knows.

import { geoConicEqualArea, geoPath, type GeoProjection } from "d3";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import type { LonLat } from "../core/types.js";
import { faceOwners, faceWinners } from "../geo/control.js";
import type { Partition } from "../geo/partition.js";
import { pointInPolygon } from "../geo/rings.js";
import type { ResolvedTheatre } from "../geo/theatre.js";
import type { ScenarioBundle } from "../node/bundle.js";
import type { BasemapShape, MapArc, MapGeometry } from "./map-model.js";

export type { ScenarioBundle };

/** Width of the projected frame, px at zoom 1 (the view scales it to the window). */
export const FRAME_WIDTH = 1000;

const KM_PER_DEGREE = 111.195;
const ZERO: [number, number] = [0, 0];

export function theatreProjection(theatre: ResolvedTheatre): {
  projection: GeoProjection;
  width: number;
  height: number;
} {
  const [w, s, e, n] = theatre.bbox;
  const lon0 = (w + e) / 2;
  const lat0 = (s + n) / 2;
  const projection = geoConicEqualArea()
    .parallels([s + (n - s) / 6, n - (n - s) / 6])
    .rotate([-lon0, 0])
    .center([0, lat0]);
  // Fit on the outline's vertices (a MultiPoint has no winding to get wrong).
  const points: Position[] = [];
  const g = theatre.outline.geometry;
  for (const poly of g.type === "Polygon" ? [g.coordinates] : g.coordinates)
    for (const ring of poly) points.push(...ring);
  const pad = 12;
  projection.fitWidth(FRAME_WIDTH - 2 * pad, { type: "MultiPoint", coordinates: points });
  const [[x0, y0], [, y1]] = geoPath(projection).bounds({ type: "MultiPoint", coordinates: points });
  const [tx, ty] = projection.translate();
  projection.translate([tx - x0 + pad, ty - y0 + pad]);
  return { projection, width: FRAME_WIDTH, height: Math.ceil(y1 - y0 + 2 * pad) };
}

/** SVG path of polygons given as rings of already-projected points (even-odd fill handles holes). */
function ringsPath(rings: readonly (readonly (readonly [number, number])[])[]): string {
  let d = "";
  for (const ring of rings) {
    if (ring.length < 3) continue;
    d += `M${r1(ring[0]?.[0])},${r1(ring[0]?.[1])}`;
    for (let i = 1; i < ring.length; i++) d += `L${r1(ring[i]?.[0])},${r1(ring[i]?.[1])}`;
    d += "Z";
  }
  return d;
}

function linePath(points: readonly (readonly [number, number])[]): string {
  if (points.length < 2) return "";
  let d = `M${r1(points[0]?.[0])},${r1(points[0]?.[1])}`;
  for (let i = 1; i < points.length; i++) d += `L${r1(points[i]?.[0])},${r1(points[i]?.[1])}`;
  return d;
}

function r1(v: number | undefined): number {
  return Math.round((v ?? 0) * 100) / 100;
}

/** Decodes the partition's quantised, delta-encoded arcs to longitude/latitude. */
export function decodeArcs(partition: Partition): LonLat[][] {
  const t = partition.topology.transform;
  return partition.topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map((p) => {
      x += p[0] as number;
      y += p[1] as number;
      return t
        ? ([x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] as const)
        : ([x, y] as const);
    });
  });
}

/** The geometry the map view needs, projected once. */
export function geometryFromBundle(bundle: ScenarioBundle): MapGeometry {
  const { theatre, partition } = bundle;
  const { projection, width, height } = theatreProjection(theatre);
  const project = (p: LonLat): [number, number] | undefined => {
    const xy = projection([p[0], p[1]]);
    return xy ? [xy[0], xy[1]] : undefined;
  };
  const arcsLonLat = decodeArcs(partition);
  const arcsXY = arcsLonLat.map((arc) => arc.map((p) => project(p) ?? ZERO));
  // A face's rings are chains of arcs (negative index: reversed).
  const ringOf = (arcIndices: readonly number[]): [number, number][] => {
    const ring: [number, number][] = [];
    for (const a of arcIndices) {
      const arc = a >= 0 ? (arcsXY[a] ?? []) : (arcsXY[~a] ?? []).slice().reverse();
      for (let i = ring.length > 0 ? 1 : 0; i < arc.length; i++) ring.push(arc[i] as [number, number]);
    }
    return ring;
  };
  const facePaths = partition.topology.objects.faces.geometries.map((g) => {
    if (g.type === "Polygon") return ringsPath(g.arcs.map(ringOf));
    if (g.type === "MultiPolygon") return ringsPath(g.arcs.flat().map(ringOf));
    return "";
  });
  const arcs: MapArc[] = arcsXY.map((arc, i) => ({
    path: linePath(arc),
    a: partition.arcFaces[2 * i] ?? -1,
    b: partition.arcFaces[2 * i + 1] ?? -1,
  }));
  const faceCount = facePaths.length;
  const faceKm2 = Float64Array.from(partition.faces.km2);
  const covering: number[][] = [];
  for (let f = 0; f < faceCount; f++) {
    const list: number[] = [];
    const place = partition.faces.place[f] ?? -1;
    if (place >= 0) list.push(place);
    const a0 = partition.faces.areaStart[f] ?? 0;
    const a1 = partition.faces.areaStart[f + 1] ?? a0;
    for (let k = a0; k < a1; k++) list.push(partition.faces.areas[k] as number);
    covering.push(list);
  }
  const outlineRings = polygonsOf(theatre.outline)
    .flat()
    .map((ring) => ring.map((p) => project([p[0] as number, p[1] as number]) ?? ZERO));
  const basemap: BasemapShape[] = theatre.neighbours.features.map((feature) => {
    const rings = polygonsOf(feature)
      .flat()
      .map((ring) => ring.map((p) => project([p[0] as number, p[1] as number]) ?? ZERO));
    const label = labelPoint(feature, project, width, height);
    // A country under the theatre (a box theatre) is not named over the faces.
    const shown = label && !pointInPolygon(label, outlineRings) ? label : undefined;
    return { name: feature.properties.name, path: ringsPath(rings), label: shown };
  });

  const centre = projection.invert?.([width / 2, height / 2]) ?? [0, 0];
  const pa = project([centre[0], centre[1] - 0.05]);
  const pb = project([centre[0], centre[1] + 0.05]);
  const kmPerPx = pa && pb ? (0.1 * KM_PER_DEGREE) / Math.hypot(pb[0] - pa[0], pb[1] - pa[1]) : 1;

  return {
    width,
    height,
    project,
    invert: (p) => {
      const ll = projection.invert?.([p[0], p[1]]);
      return ll ? [ll[0], ll[1]] : undefined;
    },
    kmPerPx,
    facePaths,
    faceKm2,
    totalKm2: partition.theatreKm2,
    arcs,
    outlinePath: ringsPath(outlineRings),
    basemap,
    owners: (state, out) => void faceOwners(partition, state, out),
    deciders: (state, out) => void faceWinners(partition, state, out),
    faceUnits: (face) => covering[face] ?? [],
  };
}

function polygonsOf(f: Feature<Polygon | MultiPolygon>): Position[][][] {
  return f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
}

/** Where to name a neighbouring country: the middle of its largest piece in the frame, if any. */
function labelPoint(
  f: Feature<Polygon | MultiPolygon>,
  project: (p: LonLat) => [number, number] | undefined,
  width: number,
  height: number,
): [number, number] | undefined {
  let best: [number, number] | undefined;
  let bestArea = 0;
  for (const poly of polygonsOf(f)) {
    const ring = (poly[0] ?? [])
      .map((p) => project([p[0] as number, p[1] as number]))
      .filter((p) => p !== undefined);
    // Only the part inside the frame counts.
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const [x, y] of ring) {
      const cx = Math.max(0, Math.min(width, x));
      const cy = Math.max(0, Math.min(height, y));
      x0 = Math.min(x0, cx);
      y0 = Math.min(y0, cy);
      x1 = Math.max(x1, cx);
      y1 = Math.max(y1, cy);
    }
    const area = (x1 - x0) * (y1 - y0);
    if (area > bestArea) {
      bestArea = area;
      best = [(x0 + x1) / 2, (y0 + y1) / 2];
    }
  }
  return bestArea > width * height * 0.02 ? best : undefined;
}
