// One date of the map as data: who holds each face (faction codes, the table a canvas or a face-id
// raster colours from), the unit deciding it, which faces are contested or besieged, km² per
// faction, and the few path strings the vector writers draw (front lines, contested ground, the
// edge of besieged ground). Built from a projected bundle and a control state; no colours, no DOM.

import { STATUS_BESIEGED, STATUS_CONTESTED, type ControlState } from "../core/fold.js";
import { faceWinners } from "../geo/control.js";
import { preparePartition } from "../geo/prepared.js";
import type { ScenarioBundle } from "./bundle.js";
import type { ProjectedMap } from "./project.js";
import { fillIndex } from "./style.js";

/** Per-face status codes in `MapFrame.faceStatus`. */
export const FACE_HELD = 0;
export const FACE_CONTESTED = 1;
export const FACE_BESIEGED = 2;

/** Who holds what on one date, per face: what any writer colours from (no geometry). */
export interface ControlFrame {
  /** Faction code per face (0: nobody recorded). */
  readonly owners: Uint8Array;
  /** Unit deciding each face's owner (-1: none). */
  readonly deciders: Int32Array;
  /** `FACE_HELD`, `FACE_CONTESTED` or `FACE_BESIEGED` per face. */
  readonly faceStatus: Uint8Array;
  /** km² per faction code. */
  readonly km2: Float64Array;
  readonly hasContested: boolean;
  readonly hasBesieged: boolean;
  /** Some arc separates two different known factions. */
  readonly hasFront: boolean;
}

/** A control frame with the path strings the vector writers draw. */
export interface MapFrame extends ControlFrame {
  /** Arcs between faces held by two different known factions, one path. */
  readonly frontPath: string;
  /** Contested faces, one path (fill with the hatch, even-odd). */
  readonly contestedPath: string;
  /** The edge of besieged ground, one path. */
  readonly besiegedPath: string;
}

/**
 * Who holds each face of `bundle` in `state`. Pass the previous frame as `reuse` when drawing date
 * after date: its buffers are refilled.
 *
 * @example
 * controlFrame(bundle, history.stateAt("2017-07-03")).owners[face]; // the face's faction code
 */
export function controlFrame(
  bundle: ScenarioBundle,
  state: ControlState,
  reuse?: ControlFrame,
): ControlFrame {
  const partition = bundle.partition;
  const prepared = preparePartition(partition);
  const n = prepared.faceCount;
  // One pass decides each face; its owner is the deciding unit's faction (as `faceOwners`).
  const deciders = faceWinners(partition, state, reuse?.deciders);
  const owners = reuse?.owners ?? new Uint8Array(n);
  const faceStatus = reuse?.faceStatus ?? new Uint8Array(n);
  const km2 = reuse?.km2 ?? new Float64Array(bundle.scenario.factions.length + 1);
  km2.fill(0);
  let hasContested = false;
  let hasBesieged = false;
  for (let f = 0; f < n; f++) {
    const u = deciders[f] as number;
    const st = u < 0 ? -1 : (state.status[u] as number);
    const code =
      st === STATUS_CONTESTED ? FACE_CONTESTED : st === STATUS_BESIEGED ? FACE_BESIEGED : FACE_HELD;
    faceStatus[f] = code;
    if (code === FACE_CONTESTED) hasContested = true;
    else if (code === FACE_BESIEGED) hasBesieged = true;
    const o = u < 0 ? 0 : (state.faction[u] as number);
    owners[f] = o;
    km2[o] = (km2[o] ?? 0) + (prepared.faceKm2[f] as number);
  }
  let hasFront = false;
  for (let a = 0; a < prepared.arcCount && !hasFront; a++) {
    const l = prepared.arcLeft[a] as number;
    const r = prepared.arcRight[a] as number;
    if (l < 0 || r < 0) continue;
    const ol = owners[l] as number;
    const or = owners[r] as number;
    hasFront = ol !== or && ol !== 0 && or !== 0;
  }
  return { owners, deciders, faceStatus, km2, hasContested, hasBesieged, hasFront };
}

/**
 * The frame of `state` on a projected map. Pass the previous frame as `reuse` when drawing date
 * after date (scrubbing, animation): its buffers are refilled and overlay paths whose faces did not
 * change are kept.
 *
 * @example
 * const frame = mapFrame(projected, history.stateAt("2017-07-03"));
 * frame.owners[face]; // the faction code to fill the face with
 * frame.frontPath;    // "M…L…"
 *
 * The path strings are joined when first read: read them before building the next frame from
 * this one (its buffers are refilled, as the owners are).
 */
export function mapFrame(map: ProjectedMap, state: ControlState, reuse?: MapFrame): MapFrame {
  const contestedKey = reuse ? facesKey(reuse.faceStatus, FACE_CONTESTED) : "";
  const besiegedKey = reuse ? facesKey(reuse.faceStatus, FACE_BESIEGED) : "";
  // What the previous frame has already joined (its buffers are refilled below).
  const before = reuse ? joined.get(reuse) : undefined;
  const control = controlFrame(map.bundle, state, reuse);
  const paths: JoinedPaths = {};
  if (reuse !== undefined && facesKey(control.faceStatus, FACE_CONTESTED) === contestedKey)
    paths.contested = before?.contested;
  if (reuse !== undefined && facesKey(control.faceStatus, FACE_BESIEGED) === besiegedKey)
    paths.besieged = before?.besieged;
  // The strings are joined when first read: a writer that draws from the owners (a face-id
  // raster) never pays for them.
  const frame: MapFrame = {
    ...control,
    get frontPath(): string {
      return (paths.front ??= control.hasFront ? frontPath(map, control.owners) : "");
    },
    get contestedPath(): string {
      return (paths.contested ??= facesPath(map, control.faceStatus, FACE_CONTESTED));
    },
    get besiegedPath(): string {
      return (paths.besieged ??= edgePath(map, control.faceStatus, FACE_BESIEGED));
    },
  };
  joined.set(frame, paths);
  return frame;
}

/** A frame's path strings joined so far. */
interface JoinedPaths {
  front?: string | undefined;
  contested?: string | undefined;
  besieged?: string | undefined;
}

const joined = new WeakMap<MapFrame, JoinedPaths>();

function facesKey(flags: ArrayLike<number>, value: number): string {
  let key = "";
  for (let f = 0; f < flags.length; f++) if (flags[f] === value) key += `${f},`;
  return key;
}

/** What the arc functions read of a projected map. */
export type ArcPaths = Pick<ProjectedMap, "arcCount" | "arcLeft" | "arcRight" | "arcPaths">;

/**
 * Which arcs or faces a path function looks at: those a predicate accepts, or a list of indices
 * in ascending order (then only those are visited, whatever the map's size).
 */
export type Subset = ((i: number) => boolean) | readonly number[];

/** Calls `visit` for every index below `count` in `subset` (all of them without one), ascending. */
function eachIn(count: number, subset: Subset | undefined, visit: (i: number) => void): void {
  if (subset === undefined) for (let i = 0; i < count; i++) visit(i);
  else if (typeof subset === "function") {
    for (let i = 0; i < count; i++) if (subset(i)) visit(i);
  } else for (const i of subset) if (i >= 0 && i < count) visit(i);
}

/**
 * The arcs whose two sides are held by different known factions, as one path (only those in
 * `keep`, when given).
 */
export function frontPath(map: ArcPaths, owners: ArrayLike<number>, keep?: Subset): string {
  let d = "";
  eachIn(map.arcCount, keep, (a) => {
    const l = map.arcLeft[a] as number;
    const r = map.arcRight[a] as number;
    if (l < 0 || r < 0) return;
    const ol = owners[l] as number;
    const or = owners[r] as number;
    if (ol !== or && ol !== 0 && or !== 0) d += map.arcPaths[a] as string;
  });
  return d;
}

/** The faces whose `flags` equal `value`, joined into one path (only those in `keep`, when given). */
export function facesPath(
  map: Pick<ProjectedMap, "faceCount" | "facePaths">,
  flags: ArrayLike<number>,
  value = 1,
  keep?: Subset,
): string {
  let d = "";
  eachIn(map.faceCount, keep, (f) => {
    if (flags[f] === value) d += map.facePaths[f] as string;
  });
  return d;
}

/**
 * The edge of the ground whose `flags` equal `value`: the arcs with that ground on one side only
 * (the theatre's edge counts as outside); only those in `keep`, when given.
 */
export function edgePath(map: ArcPaths, flags: ArrayLike<number>, value = 1, keep?: Subset): string {
  let d = "";
  eachIn(map.arcCount, keep, (a) => {
    const l = map.arcLeft[a] as number;
    const r = map.arcRight[a] as number;
    const inL = l >= 0 && flags[l] === value;
    const inR = r >= 0 && flags[r] === value;
    if (inL !== inR) d += map.arcPaths[a] as string;
  });
  return d;
}

/**
 * One path per entry of `fillTable`: the faces each faction code holds, joined (index 0: nobody
 * recorded), settled ground first, then open country.
 */
export function fillPaths(map: ProjectedMap, owners: ArrayLike<number>, factionCount: number): string[] {
  const out = new Array<string>(2 * (factionCount + 1)).fill("");
  const open = map.bundle.partition.faces.open;
  for (let f = 0; f < map.faceCount; f++) {
    const i = fillIndex(owners[f] as number, open[f], factionCount);
    out[i] = (out[i] ?? "") + (map.facePaths[f] as string);
  }
  return out;
}

/** 1 for each face whose owner differs between two frames' owners, else 0. */
export function changedFaces(before: ArrayLike<number>, after: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(after.length);
  for (let f = 0; f < after.length; f++) out[f] = before[f] === after[f] ? 0 : 1;
  return out;
}
