// Control geometry for one date, derived from the fold's state and a compiled partition: who owns
// each face, the faction polygons (dissolved through the topology, never clipped), front lines
// (the arcs whose two sides have different owners), km² per faction, and what changed hands
// between two dates. Per-frame work is proportional to faces and arcs with small constants;
// building polygons is for pauses, exports and statistics.

import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from "geojson";
import type { GeometryObject, Topology } from "topojson-specification";
import { feature } from "topojson-client";
import type { CompiledUnit, FactionDef } from "../core/types.js";
import type { ControlState } from "../core/fold.js";
import { CAUSE_NEVER, STATUS_BESIEGED, STATUS_CONTESTED } from "../core/fold.js";
import { greatCircleKm } from "../core/geodesy.js";
import { dissolve } from "./dissolve.js";
import { joinLines } from "./lines.js";
import type { Partition } from "./partition.js";
import { preparePartition, type PreparedPartition } from "./prepared.js";

/**
 * The unit that decides each face: of the place and areas covering it, the one whose control
 * changed most recently (greatest `cause`); ties go to the area (the later area among areas).
 * The place considered is the face's `decider`: its own cell's place, except where the cell
 * reaches into an area the place lies outside of; there the nearest place inside the area stands
 * in (so a town's change does not repaint the far bank of a river that an area follows). Units
 * never mentioned (`cause` -2) never decide; -1 when no covering unit was ever mentioned.
 */
export function faceWinners(partition: Partition, state: ControlState, out?: Int32Array): Int32Array {
  const p = preparePartition(partition);
  const n = p.faceCount;
  const res = out && out.length === n ? out : new Int32Array(n);
  for (let i = 0; i < n; i++) res[i] = faceWinner(p, state.cause, i);
  return res;
}

/** The unit deciding face `i` (see `faceWinners`), or -1. */
export function faceWinner(p: PreparedPartition, cause: Int32Array, i: number): number {
  let w = -1;
  let best = CAUSE_NEVER;
  for (let k = p.faceAreaStart[i] as number, end = p.faceAreaStart[i + 1] as number; k < end; k++) {
    const a = p.faceAreas[k] as number;
    const c = cause[a] as number;
    if (c !== CAUSE_NEVER && (w < 0 || c >= best)) {
      w = a;
      best = c;
    }
  }
  const place = p.faceDecider[i] as number;
  if (place >= 0) {
    const c = cause[place] as number;
    if (c !== CAUSE_NEVER && (w < 0 || c > best)) w = place;
  }
  return w;
}

/**
 * Faction code owning each face (0 = unknown), by the rule of `faceWinners`.
 *
 * @example
 * const owners = faceOwners(partition, history.stateAt("2017-07-03"));
 */
export function faceOwners(partition: Partition, state: ControlState, out?: Uint8Array): Uint8Array {
  const p = preparePartition(partition);
  const n = p.faceCount;
  const res = out && out.length === n ? out : new Uint8Array(n);
  const faction = state.faction;
  for (let i = 0; i < n; i++) {
    const w = faceWinner(p, state.cause, i);
    res[i] = w >= 0 ? (faction[w] as number) : 0;
  }
  return res;
}

/** km² held by each faction code (index 0: unknown ground). */
export function km2ByFaction(
  partition: Partition,
  owners: ArrayLike<number>,
  factionCount?: number,
): Float64Array {
  const p = preparePartition(partition);
  let max = factionCount ?? 0;
  for (let i = 0; i < p.faceCount; i++) if ((owners[i] as number) > max) max = owners[i] as number;
  const out = new Float64Array(max + 1);
  for (let i = 0; i < p.faceCount; i++) {
    const o = owners[i] as number;
    out[o] = (out[o] as number) + (p.faceKm2[i] as number);
  }
  return out;
}

/** km² held by each faction code (index 0: unknown), within reach of places (`settled`) and in
 *  open country beyond it (`open`); the two add up to `km2ByFaction`. */
export function km2SettledOpen(
  partition: Partition,
  owners: ArrayLike<number>,
  factionCount?: number,
): { readonly settled: Float64Array; readonly open: Float64Array } {
  const p = preparePartition(partition);
  let max = factionCount ?? 0;
  for (let i = 0; i < p.faceCount; i++) if ((owners[i] as number) > max) max = owners[i] as number;
  const settled = new Float64Array(max + 1);
  const open = new Float64Array(max + 1);
  for (let i = 0; i < p.faceCount; i++) {
    const o = owners[i] as number;
    const into = p.faceOpen[i] ? open : settled;
    into[o] = (into[o] as number) + (p.faceKm2[i] as number);
  }
  return { settled, open };
}

/**
 * Arcs between faces of different owners: the front lines. None runs through open country: an
 * arc with open country on either side is left out. With `includeUnknown: false`, edges
 * between held and unknown ground are left out.
 */
export function frontArcs(
  partition: Partition,
  owners: ArrayLike<number>,
  options: { includeUnknown?: boolean; out?: Int32Array } = {},
): Int32Array {
  const p = preparePartition(partition);
  const includeUnknown = options.includeUnknown ?? true;
  const out = options.out && options.out.length >= p.arcCount ? options.out : new Int32Array(p.arcCount);
  let n = 0;
  for (let a = 0; a < p.arcCount; a++) {
    const l = p.arcLeft[a] as number;
    const r = p.arcRight[a] as number;
    if (l < 0 || r < 0 || p.faceOpen[l] || p.faceOpen[r]) continue;
    const ol = owners[l] as number;
    const or = owners[r] as number;
    if (ol === or) continue;
    if (!includeUnknown && (ol === 0 || or === 0)) continue;
    out[n++] = a;
  }
  return out.subarray(0, n);
}

export interface FrontLineProps {
  /** Faction ids on either side (sorted), `unknown` for ground no one holds. */
  readonly factions: readonly [string, string];
  readonly km: number;
}

/**
 * Front lines as GeoJSON: one MultiLineString per pair of factions that meet.
 *
 * @example
 * frontLines(partition, owners, scenario.factions).features[0].properties.factions; // ["isis", "sdf"]
 */
export function frontLines(
  partition: Partition,
  owners: ArrayLike<number>,
  factions: readonly FactionDef[],
): FeatureCollection<MultiLineString, FrontLineProps> {
  const p = preparePartition(partition);
  const byPair = new Map<number, number[]>();
  for (const a of frontArcs(partition, owners)) {
    const ol = owners[p.arcLeft[a] as number] as number;
    const or = owners[p.arcRight[a] as number] as number;
    const key = Math.min(ol, or) * 256 + Math.max(ol, or);
    let list = byPair.get(key);
    if (!list) byPair.set(key, (list = []));
    list.push(a);
  }
  const coords = p.arcCoordinates();
  const features: Feature<MultiLineString, FrontLineProps>[] = [];
  for (const key of [...byPair.keys()].sort((a, b) => a - b)) {
    const arcs = byPair.get(key) as number[];
    const lines = stitchArcs(arcs, coords);
    features.push({
      type: "Feature",
      properties: {
        factions: [factionId(factions, key >> 8), factionId(factions, key & 255)],
        km: Math.round(lines.reduce((s, l) => s + lineKm(l), 0) * 10) / 10,
      },
      geometry: { type: "MultiLineString", coordinates: lines },
    });
  }
  return { type: "FeatureCollection", features };
}

/** Joins arcs end to end where they meet (in either direction) into longer lines, not through forks. */
function stitchArcs(arcs: readonly number[], coords: readonly Float64Array[]): Position[][] {
  const pts = (a: number): Position[] => {
    const c = coords[a] as Float64Array;
    const out: Position[] = [];
    for (let i = 0; i < c.length; i += 2) out.push([c[i] as number, c[i + 1] as number]);
    return out;
  };
  return joinLines(arcs.map(pts), (p) => `${p[0]},${p[1]}`, true);
}

function lineKm(line: Position[]): number {
  let km = 0;
  for (let i = 1; i < line.length; i++) km += greatCircleKm(line[i - 1] as Position, line[i] as Position);
  return km;
}

function factionId(factions: readonly FactionDef[], code: number): string {
  return code === 0 ? "unknown" : (factions[code - 1]?.id ?? `faction-${code}`);
}

export interface ControlFeatureProps {
  /** `control`: ground a faction holds (or `unknown`); `contested` / `besieged`: one unit's ground. */
  readonly kind: "control" | "contested" | "besieged";
  /** Faction id holding the ground, or `unknown`. */
  readonly faction: string;
  readonly km2: number;
  /** `contested` / `besieged`: the unit and the factions contesting or besieging it. */
  readonly unit?: string;
  /** `contested` / `besieged`: the unit's name. */
  readonly unitName?: string;
  readonly by?: readonly string[];
}

/**
 * Faction polygons for one date: one (Multi)Polygon feature per faction holding ground, plus
 * `unknown`; together they cover the theatre exactly, without overlaps (RFC 7946 winding). With
 * `detail`, contested and besieged units follow as extra features (`kind` tells them apart).
 *
 * @example
 * const fc = factionPolygons(partition, owners, scenario.factions);
 * fc.features.map((f) => f.properties.faction); // ["isis", "sdf", "unknown"]
 */
export function factionPolygons(
  partition: Partition,
  owners: ArrayLike<number>,
  factions: readonly FactionDef[],
  detail?: { readonly state: ControlState; readonly units: readonly CompiledUnit[] },
): FeatureCollection<Polygon | MultiPolygon, ControlFeatureProps> {
  const p = preparePartition(partition);
  const groups: number[][] = [];
  for (let i = 0; i < p.faceCount; i++) {
    const o = owners[i] as number;
    (groups[o] ??= []).push(i);
  }
  const features: Feature<Polygon | MultiPolygon, ControlFeatureProps>[] = [];
  const add = (faces: number[], props: Omit<ControlFeatureProps, "km2">): void => {
    let km2 = 0;
    for (const i of faces) km2 += p.faceKm2[i] as number;
    features.push({
      type: "Feature",
      properties: { ...props, km2: Math.round(km2 * 1000) / 1000 },
      geometry: dissolveFaces(partition, faces),
    });
  };
  for (let code = 1; code < groups.length; code++) {
    const faces = groups[code];
    if (!faces) continue;
    const f = factions[code - 1];
    add(faces, { kind: "control", faction: f?.id ?? `faction-${code}` });
  }
  if (groups[0]) add(groups[0], { kind: "control", faction: "unknown" });
  if (detail) {
    const winners = faceWinners(partition, detail.state);
    const byUnit = new Map<number, number[]>();
    for (let i = 0; i < p.faceCount; i++) {
      const w = winners[i] as number;
      if (w < 0) continue;
      const st = detail.state.status[w];
      if (st !== STATUS_CONTESTED && st !== STATUS_BESIEGED) continue;
      let list = byUnit.get(w);
      if (!list) byUnit.set(w, (list = []));
      list.push(i);
    }
    for (const [u, faces] of [...byUnit.entries()].sort((a, b) => a[0] - b[0])) {
      const code = detail.state.faction[u] as number;
      const mask = detail.state.by[u] as number;
      const by: string[] = [];
      for (let c = 1; c < 32; c++) if (mask & (1 << c)) by.push(factionId(factions, c));
      const unit = detail.units[u];
      add(faces, {
        kind: detail.state.status[u] === STATUS_CONTESTED ? "contested" : "besieged",
        faction: factionId(factions, code),
        unit: unit?.id ?? String(u),
        unitName: unit?.name ?? `unit ${u}`,
        by,
      });
    }
  }
  return { type: "FeatureCollection", features };
}

/** The union of some faces as one valid (Multi)Polygon, RFC 7946 winding. */
export function dissolveFaces(partition: Partition, faces: readonly number[]): Polygon | MultiPolygon {
  const mask = new Uint8Array(preparePartition(partition).faceCount);
  for (const f of faces) mask[f] = 1;
  return dissolve(partition, (f) => mask[f] === 1);
}

/** One face as GeoJSON (RFC 7946 winding). */
export function faceGeometry(partition: Partition, face: number): Polygon | MultiPolygon {
  const g = partition.topology.objects.faces.geometries[face] as GeometryObject;
  return (
    feature(partition.topology as unknown as Topology, g as never) as unknown as Feature<
      Polygon | MultiPolygon
    >
  ).geometry;
}

export interface GainedLost {
  /** Faces whose owner differs between the two dates. */
  readonly faces: readonly number[];
  /** km² per (from → to) faction-code pair, largest first; `openKm2` is the part in open country. */
  readonly pairs: readonly {
    readonly from: number;
    readonly to: number;
    readonly km2: number;
    readonly openKm2: number;
  }[];
}

/**
 * What changed hands between two owner arrays (e.g. two dates).
 *
 * @example
 * gainedLost(partition, ownersJune, ownersOctober).pairs[0]; // { from: 1, to: 2, km2: 61.3 }
 */
export function gainedLost(
  partition: Partition,
  ownersA: ArrayLike<number>,
  ownersB: ArrayLike<number>,
): GainedLost {
  const p = preparePartition(partition);
  const faces: number[] = [];
  const km = new Map<number, number>();
  const openKm = new Map<number, number>();
  for (let i = 0; i < p.faceCount; i++) {
    const a = ownersA[i] as number;
    const b = ownersB[i] as number;
    if (a === b) continue;
    faces.push(i);
    const key = a * 256 + b;
    km.set(key, (km.get(key) ?? 0) + (p.faceKm2[i] as number));
    if (p.faceOpen[i]) openKm.set(key, (openKm.get(key) ?? 0) + (p.faceKm2[i] as number));
  }
  const pairs = [...km.entries()]
    .map(([key, km2]) => ({ from: key >> 8, to: key & 255, km2, openKm2: openKm.get(key) ?? 0 }))
    .sort((x, y) => y.km2 - x.km2 || x.from - y.from || x.to - y.to);
  return { faces, pairs };
}

/** Changed ground as GeoJSON: one feature per (from → to) pair, dissolved. */
export function gainedLostPolygons(
  partition: Partition,
  ownersA: ArrayLike<number>,
  ownersB: ArrayLike<number>,
  factions: readonly FactionDef[],
): FeatureCollection<Polygon | MultiPolygon, { from: string; to: string; km2: number }> {
  const p = preparePartition(partition);
  const byPair = new Map<number, number[]>();
  for (let i = 0; i < p.faceCount; i++) {
    const a = ownersA[i] as number;
    const b = ownersB[i] as number;
    if (a === b) continue;
    const key = a * 256 + b;
    let list = byPair.get(key);
    if (!list) byPair.set(key, (list = []));
    list.push(i);
  }
  const features = [...byPair.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([key, faces]): Feature<Polygon | MultiPolygon, { from: string; to: string; km2: number }> => ({
      type: "Feature",
      properties: {
        from: factionId(factions, key >> 8),
        to: factionId(factions, key & 255),
        km2: Math.round(faces.reduce((s, i) => s + (p.faceKm2[i] as number), 0) * 1000) / 1000,
      },
      geometry: dissolveFaces(partition, faces),
    }));
  return { type: "FeatureCollection", features };
}
