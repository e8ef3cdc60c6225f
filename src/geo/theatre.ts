// The theatre: the ground a scenario is about (Natural Earth countries from world-atlas, a box,
// or an inline polygon) and the neighbouring countries drawn around it. Only the shapes a
// scenario needs come out of here, clipped to a margin around the theatre, so an app built for
// one scenario never carries the whole world file.

import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";
import { feature, merge } from "topojson-client";
import * as polyclip from "polyclip-ts";
import countries from "i18n-iso-countries";
import type { TheatreDef } from "../core/types.js";
import { cutToBox } from "./clip.js";
import { hydrographyIn, type Hydrography } from "./hydrography.js";
import type { XY } from "./plane.js";
import { cleanRing, ringArea2 } from "./rings.js";

/** world-atlas `countries-*.json`: countries keyed by ISO 3166 numeric id, with `name`. */
export type Atlas = Topology<{ countries: GeometryCollection<{ name: string }> }>;

export type Bbox = [west: number, south: number, east: number, north: number];

export interface ResolvedTheatre {
  /** The theatre's ground, RFC 7946 winding (exterior counter-clockwise). */
  readonly outline: Feature<Polygon | MultiPolygon, { name: string }>;
  /** Countries around (and, for a box or polygon theatre, under) the theatre, cut to a margin. */
  readonly neighbours: FeatureCollection<Polygon | MultiPolygon, { name: string; id: string }>;
  /** `[west, south, east, north]` of the outline. */
  readonly bbox: Bbox;
  /** The box the neighbours were cut to. */
  readonly marginBbox: Bbox;
  /** Rivers and lakes within the margin (empty when none were given). */
  readonly water: Hydrography;
  readonly warnings: readonly string[];
}

/** Natural Earth names for ISO codes the atlas files carry without a numeric id. */
const NAMED_ONLY: Readonly<Record<string, string>> = { XK: "Kosovo", XKX: "Kosovo" };

/**
 * Resolves a theatre definition into its outline and basemap.
 *
 * @example
 * const t = resolveTheatre({ kind: "bbox", bbox: [38.9, 35.9, 39.1, 36.0], tolerance_km: 5 });
 * t.outline.geometry.type; // "Polygon"
 */
export function resolveTheatre(def: TheatreDef, atlas?: Atlas, water?: Hydrography): ResolvedTheatre {
  const warnings: string[] = [];
  let outline: Feature<Polygon | MultiPolygon, { name: string }>;
  const theatreIds = new Set<string>();
  if (def.kind === "countries") {
    if (!atlas) throw new Error("a countries theatre needs the world-atlas countries topology");
    const picked: CountryGeometry[] = [];
    const names: string[] = [];
    for (const code of def.countries) {
      const g = findCountry(atlas, code);
      if (!g) {
        warnings.push(`country "${code}" is not in the Natural Earth countries of world-atlas`);
        continue;
      }
      picked.push(g);
      theatreIds.add(countryKey(g));
      names.push(g.properties?.name ?? code);
    }
    if (picked.length === 0)
      throw new Error(`no country of [${def.countries.join(", ")}] found in world-atlas`);
    const merged = rfc7946(merge(atlas as unknown as Topology, picked as never) as MultiPolygon);
    // a bbox as well: the countries' ground inside it
    const geometry = def.bbox ? cutGeometryToBbox(merged, [...def.bbox]) : merged;
    if (!geometry)
      throw new Error(`the bbox [${def.bbox?.join(", ")}] does not meet [${def.countries.join(", ")}]`);
    outline = { type: "Feature", properties: { name: names.join(", ") }, geometry };
  } else if (def.kind === "bbox") {
    outline = { type: "Feature", properties: { name: "Theatre" }, geometry: bboxPolygon(def.bbox, 32) };
  } else {
    const rings = def.polygon.map((r) => r.map((p) => [p[0], p[1]]));
    outline = {
      type: "Feature",
      properties: { name: "Theatre" },
      geometry: rfc7946({ type: "Polygon", coordinates: rings }),
    };
  }
  const bbox = geometryBbox(outline.geometry);
  const w = bbox[2] - bbox[0];
  const h = bbox[3] - bbox[1];
  const margin = Math.max(0.35 * Math.max(w, h), 0.3);
  const marginBbox: Bbox = [
    Math.max(-180, bbox[0] - margin),
    Math.max(-90, bbox[1] - margin),
    Math.min(180, bbox[2] + margin),
    Math.min(90, bbox[3] + margin),
  ];
  const neighbours: ResolvedTheatre["neighbours"] = { type: "FeatureCollection", features: [] };
  if (atlas) {
    const all = feature(
      atlas as unknown as Topology,
      atlas.objects.countries as never,
    ) as unknown as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
    all.features.forEach((f, i) => {
      const g = atlas.objects.countries.geometries[i] as CountryGeometry | undefined;
      if (!g || !f.geometry) return;
      const key = countryKey(g);
      // a theatre country is drawn around the theatre only where a bbox cuts it
      if (def.kind === "countries" && !def.bbox && theatreIds.has(key)) return;
      const fb = geometryBbox(f.geometry);
      if (fb[2] < marginBbox[0] || fb[0] > marginBbox[2] || fb[3] < marginBbox[1] || fb[1] > marginBbox[3])
        return;
      const cut = cutGeometryToBbox(rfc7946(f.geometry), marginBbox);
      if (!cut) return;
      neighbours.features.push({
        type: "Feature",
        id: key,
        properties: { name: f.properties?.name ?? key, id: key },
        geometry: cut,
      });
    });
  }
  const none: Hydrography = { type: "FeatureCollection", features: [] };
  return {
    outline,
    neighbours,
    bbox,
    marginBbox,
    water: water ? hydrographyIn(water, marginBbox) : none,
    warnings,
  };
}

interface CountryGeometry {
  readonly id?: string | number | undefined;
  readonly properties?: { readonly name?: string } | undefined;
}

function findCountry(atlas: Atlas, code: string): CountryGeometry | undefined {
  const geoms = atlas.objects.countries.geometries as readonly CountryGeometry[];
  const upper = code.toUpperCase();
  const numeric =
    upper.length === 2
      ? countries.alpha2ToNumeric(upper)
      : upper.length === 3
        ? countries.alpha3ToNumeric(upper)
        : undefined;
  if (numeric !== undefined) {
    const byId = geoms.find((g) => String(g.id) === numeric);
    if (byId) return byId;
  }
  const name = NAMED_ONLY[upper] ?? code;
  return geoms.find((g) => g.properties?.name?.toLowerCase() === name.toLowerCase());
}

function countryKey(g: CountryGeometry): string {
  return g.id !== undefined && g.id !== null ? String(g.id) : `name:${g.properties?.name ?? "?"}`;
}

/** A `[west, south, east, north]` box as a polygon whose sides follow meridians and parallels. */
export function bboxPolygon(b: readonly [number, number, number, number], steps = 1): Polygon {
  const [w, s, e, n] = b;
  const ring: Position[] = [];
  for (let i = 0; i < steps; i++) ring.push([w + ((e - w) * i) / steps, s]);
  for (let i = 0; i < steps; i++) ring.push([e, s + ((n - s) * i) / steps]);
  for (let i = 0; i < steps; i++) ring.push([e - ((e - w) * i) / steps, n]);
  for (let i = 0; i < steps; i++) ring.push([w, n - ((n - s) * i) / steps]);
  ring.push([w, s]);
  return { type: "Polygon", coordinates: [ring] };
}

/** The same geometry with RFC 7946 winding: exteriors counter-clockwise, holes clockwise. */
export function rfc7946<G extends Polygon | MultiPolygon>(g: G): G {
  const fix = (poly: Position[][]): Position[][] =>
    poly.map((ring, i) => {
      const ccw = ringArea2(ring as [number, number][]) > 0;
      return ccw === (i === 0) ? ring : ring.slice().reverse();
    });
  if (g.type === "Polygon") return { ...g, coordinates: fix(g.coordinates) };
  return { ...g, coordinates: (g as MultiPolygon).coordinates.map(fix) };
}

/** The same geometry wound the other way, as d3-geo expects for drawing (a spherical polygon
 *  is the area to the right of its rings, so an RFC 7946 ring would fill the rest of the globe). */
export function forD3<G extends Polygon | MultiPolygon>(g: G): G {
  const flip = (poly: Position[][]): Position[][] => poly.map((ring) => ring.slice().reverse());
  const r = rfc7946(g);
  if (r.type === "Polygon") return { ...r, coordinates: flip(r.coordinates) };
  return { ...r, coordinates: (r as MultiPolygon).coordinates.map(flip) };
}

export function geometryBbox(g: Polygon | MultiPolygon): Bbox {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  for (const poly of polys)
    for (const ring of poly)
      for (const p of ring) {
        const x = p[0] as number;
        const y = p[1] as number;
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
  return [w, s, e, n];
}

/** `g` cut to a box. A quick Sutherland–Hodgman pass to a slightly larger box drops the far
 *  vertices; a general clipper then makes the cut exact and valid. */
function cutGeometryToBbox(g: Polygon | MultiPolygon, b: Bbox): Polygon | MultiPolygon | undefined {
  const gb = geometryBbox(g);
  if (gb[0] >= b[0] && gb[2] <= b[2] && gb[1] >= b[1] && gb[3] <= b[3]) return g;
  const pad = 0.01 * Math.max(b[2] - b[0], b[3] - b[1]);
  const wide: Bbox = [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad];
  const inner: [number, number][][][] = [];
  const crossing: [number, number][][][] = [];
  for (const poly of g.type === "Polygon" ? [g.coordinates] : g.coordinates) {
    const pb = geometryBbox({ type: "Polygon", coordinates: poly });
    if (pb[2] < b[0] || pb[0] > b[2] || pb[3] < b[1] || pb[1] > b[3]) continue;
    const rings = poly as [number, number][][];
    if (pb[0] >= b[0] && pb[2] <= b[2] && pb[1] >= b[1] && pb[3] <= b[3]) {
      inner.push(rings);
      continue;
    }
    const ext = cutToBox([rings[0] as XY[]], wide);
    if (ext.length === 0) continue;
    crossing.push([...ext, ...cutToBox(rings.slice(1) as XY[][], wide)]);
  }
  let out: [number, number][][][] = inner;
  if (crossing.length > 0) {
    const cut = polyclip.intersection(crossing, bboxPolygon(b).coordinates as [number, number][][]);
    out = out.concat(
      cut
        .map((poly) => poly.map((r) => cleanRing(r)).filter((r): r is [number, number][] => r !== undefined))
        .filter((poly) => poly.length > 0),
    );
  }
  if (out.length === 0) return undefined;
  return rfc7946({ type: "MultiPolygon", coordinates: out });
}
