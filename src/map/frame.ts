// One date of the map as data: who holds each face (faction codes, the table a canvas or a face-id
// raster colours from), the unit deciding it, which faces are contested or besieged, km² per
// faction, and the few path strings the vector writers draw (front lines, contested ground, the
// edge of besieged ground). Built from a projected bundle and a control state; no colours, no DOM.

import { STATUS_BESIEGED, STATUS_CONTESTED, type ControlState } from "../core/fold.js";
import { faceWinner, faceWinners } from "../geo/control.js";
import { preparePartition, type PreparedPartition } from "../geo/prepared.js";
import type { ScenarioBundle } from "./bundle.js";
import type { ProjectedMap } from "./project.js";
import { riverArcs } from "./river-fronts.js";
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
  /** How many faces are contested, besieged; how many arcs are on a front line. */
  readonly contestedFaces: number;
  readonly besiegedFaces: number;
  readonly frontArcs: number;
}

/** A control frame with the path strings the vector writers draw. */
export interface MapFrame extends ControlFrame {
  /** Arcs between faces held by two different known factions, one path. */
  readonly frontPath: string;
  /**
   * The pieces of the front that run along a river, one path: drawn over the front line as a
   * front that is also a river, so the river stays visible where it is the front.
   */
  readonly riverFrontPath: string;
  /** Contested faces, one path (fill with the hatch, even-odd). */
  readonly contestedPath: string;
  /** The edge of besieged ground, one path. */
  readonly besiegedPath: string;
}

/**
 * Who holds each face of `bundle` in `state`. Pass the previous frame as `reuse` when drawing date
 * after date: its buffers are refilled. Pass also `changed`, the units whose state may differ
 * between the state `reuse` was made from and `state` (`History.changedUnits`), and only the
 * faces those units decide are looked at again: a day's step costs that day's events, not the
 * size of the map.
 *
 * @example
 * controlFrame(bundle, history.stateAt("2017-07-03")).owners[face]; // the face's faction code
 */
export function controlFrame(
  bundle: ScenarioBundle,
  state: ControlState,
  reuse?: ControlFrame,
  changed?: readonly number[],
): ControlFrame {
  const partition = bundle.partition;
  const prepared = preparePartition(partition);
  const n = prepared.faceCount;
  const before = reuse && changed ? tallies.get(reuse) : undefined;
  if (reuse && changed && before && reuse.owners.length === n) {
    const frame = updateFrame(prepared, bundle.scenario.units.length, state, reuse, before, changed);
    if (frame) return frame;
  }
  // One pass decides each face; its owner is the deciding unit's faction (as `faceOwners`).
  const deciders = faceWinners(partition, state, reuse?.deciders);
  const owners = reuse?.owners ?? new Uint8Array(n);
  const faceStatus = reuse?.faceStatus ?? new Uint8Array(n);
  const km2 = reuse?.km2 ?? new Float64Array(bundle.scenario.factions.length + 1);
  km2.fill(0);
  const held = new Int32Array(km2.length);
  let contested = 0;
  let besieged = 0;
  for (let f = 0; f < n; f++) {
    const u = deciders[f] as number;
    const code = faceStatusOf(state, u);
    faceStatus[f] = code;
    if (code === FACE_CONTESTED) contested++;
    else if (code === FACE_BESIEGED) besieged++;
    const o = u < 0 ? 0 : (state.faction[u] as number);
    owners[f] = o;
    km2[o] = (km2[o] ?? 0) + (prepared.faceKm2[f] as number);
    held[o] = (held[o] ?? 0) + 1;
  }
  let front = 0;
  for (let a = 0; a < prepared.arcCount; a++) if (isFront(prepared, owners, a)) front++;
  const tally: Tally = { held, contested, besieged, front, moved: undefined };
  return framed({ owners, deciders, faceStatus, km2 }, tally);
}

/** A frame's counts, kept so that the next date's frame can be made from what changed. */
interface Tally {
  /** Faces held per faction code. */
  readonly held: Int32Array;
  contested: number;
  besieged: number;
  /** Arcs on a front line. */
  front: number;
  /** Whether the contested or besieged faces differ from the frame this one was made from (undefined: not known). */
  moved: { contested: boolean; besieged: boolean } | undefined;
}

const tallies = new WeakMap<ControlFrame, Tally>();

function framed(
  buffers: Pick<ControlFrame, "owners" | "deciders" | "faceStatus" | "km2">,
  tally: Tally,
): ControlFrame {
  const frame: ControlFrame = {
    ...buffers,
    hasContested: tally.contested > 0,
    hasBesieged: tally.besieged > 0,
    hasFront: tally.front > 0,
    contestedFaces: tally.contested,
    besiegedFaces: tally.besieged,
    frontArcs: tally.front,
  };
  tallies.set(frame, tally);
  return frame;
}

function faceStatusOf(state: ControlState, decider: number): number {
  const st = decider < 0 ? -1 : (state.status[decider] as number);
  return st === STATUS_CONTESTED ? FACE_CONTESTED : st === STATUS_BESIEGED ? FACE_BESIEGED : FACE_HELD;
}

/** Whether arc `a` separates two different known factions. */
function isFront(p: Pick<ArcPaths, "arcLeft" | "arcRight">, owners: ArrayLike<number>, a: number): boolean {
  const l = p.arcLeft[a] as number;
  const r = p.arcRight[a] as number;
  if (l < 0 || r < 0) return false;
  const ol = owners[l] as number;
  const or = owners[r] as number;
  return ol !== or && ol !== 0 && or !== 0;
}

/**
 * Per partition: the faces each unit can decide (its areas' faces and the faces it stands in for
 * as `decider`), the arcs of each face, and scratch marks.
 */
interface Links {
  readonly unitStart: Int32Array;
  readonly unitFaces: Int32Array;
  readonly faceArcStart: Int32Array;
  readonly faceArcs: Int32Array;
  readonly faceMark: Uint32Array;
  readonly arcMark: Uint32Array;
  stamp: number;
}

const linksOf = new WeakMap<PreparedPartition, Links>();

function links(p: PreparedPartition, unitCount: number): Links {
  const hit = linksOf.get(p);
  if (hit && hit.unitStart.length === unitCount + 1) return hit;
  const n = p.faceCount;
  const eachUnit = (f: number, visit: (u: number) => void): void => {
    for (let k = p.faceAreaStart[f] as number, end = p.faceAreaStart[f + 1] as number; k < end; k++)
      visit(p.faceAreas[k] as number);
    const d = p.faceDecider[f] as number;
    if (d >= 0) visit(d);
  };
  const unitStart = new Int32Array(unitCount + 1);
  for (let f = 0; f < n; f++)
    eachUnit(f, (u) => {
      if (u < unitCount) unitStart[u + 1] = (unitStart[u + 1] as number) + 1;
    });
  for (let u = 0; u < unitCount; u++)
    unitStart[u + 1] = (unitStart[u + 1] as number) + (unitStart[u] as number);
  const unitFaces = new Int32Array(unitStart[unitCount] as number);
  const fillUnit = unitStart.slice(0, unitCount);
  for (let f = 0; f < n; f++)
    eachUnit(f, (u) => {
      if (u >= unitCount) return;
      const at = fillUnit[u] as number;
      unitFaces[at] = f;
      fillUnit[u] = at + 1;
    });
  const faceArcStart = new Int32Array(n + 1);
  for (let a = 0; a < p.arcCount; a++)
    for (const f of [p.arcLeft[a] as number, p.arcRight[a] as number])
      if (f >= 0) faceArcStart[f + 1] = (faceArcStart[f + 1] as number) + 1;
  for (let f = 0; f < n; f++)
    faceArcStart[f + 1] = (faceArcStart[f + 1] as number) + (faceArcStart[f] as number);
  const faceArcs = new Int32Array(faceArcStart[n] as number);
  const fillFace = faceArcStart.slice(0, n);
  for (let a = 0; a < p.arcCount; a++)
    for (const f of [p.arcLeft[a] as number, p.arcRight[a] as number])
      if (f >= 0) {
        const at = fillFace[f] as number;
        faceArcs[at] = a;
        fillFace[f] = at + 1;
      }
  const made: Links = {
    unitStart,
    unitFaces,
    faceArcStart,
    faceArcs,
    faceMark: new Uint32Array(n),
    arcMark: new Uint32Array(p.arcCount),
    stamp: 0,
  };
  linksOf.set(p, made);
  return made;
}

/**
 * `reuse` brought to `state` by looking again only at the faces the `changed` units decide;
 * `undefined` when so many faces are concerned that a full pass is cheaper.
 */
function updateFrame(
  p: PreparedPartition,
  unitCount: number,
  state: ControlState,
  reuse: ControlFrame,
  before: Tally,
  changed: readonly number[],
): ControlFrame | undefined {
  const ln = links(p, unitCount);
  if (++ln.stamp === 0xffffffff) {
    ln.faceMark.fill(0);
    ln.arcMark.fill(0);
    ln.stamp = 1;
  }
  const stamp = ln.stamp;
  const limit = p.faceCount >> 2;
  const faces: number[] = [];
  for (const u of changed) {
    if (u < 0 || u >= unitCount) continue;
    for (let k = ln.unitStart[u] as number, end = ln.unitStart[u + 1] as number; k < end; k++) {
      const f = ln.unitFaces[k] as number;
      if (ln.faceMark[f] === stamp) continue;
      ln.faceMark[f] = stamp;
      faces.push(f);
    }
    if (faces.length > limit) return undefined;
  }
  const { owners, deciders, faceStatus, km2 } = reuse;
  // The arcs of the faces looked at: their front lines are counted again.
  const arcs: number[] = [];
  for (const f of faces)
    for (let k = ln.faceArcStart[f] as number, end = ln.faceArcStart[f + 1] as number; k < end; k++) {
      const a = ln.faceArcs[k] as number;
      if (ln.arcMark[a] === stamp) continue;
      ln.arcMark[a] = stamp;
      arcs.push(a);
    }
  const tally: Tally = { ...before, moved: { contested: false, besieged: false } };
  const moved = { contested: false, besieged: false };
  for (const a of arcs) if (isFront(p, owners, a)) tally.front--;
  const held = tally.held;
  for (const f of faces) {
    const u = faceWinner(p, state.cause, f);
    deciders[f] = u;
    const code = faceStatusOf(state, u);
    const was = faceStatus[f] as number;
    if (code !== was) {
      if (was === FACE_CONTESTED || code === FACE_CONTESTED) moved.contested = true;
      if (was === FACE_BESIEGED || code === FACE_BESIEGED) moved.besieged = true;
      if (was === FACE_CONTESTED) tally.contested--;
      else if (was === FACE_BESIEGED) tally.besieged--;
      if (code === FACE_CONTESTED) tally.contested++;
      else if (code === FACE_BESIEGED) tally.besieged++;
      faceStatus[f] = code;
    }
    const o = u < 0 ? 0 : (state.faction[u] as number);
    const had = owners[f] as number;
    if (o !== had) {
      const area = p.faceKm2[f] as number;
      held[had] = (held[had] as number) - 1;
      held[o] = (held[o] as number) + 1;
      // Ground nobody holds any more is exactly nothing (no rounding left over).
      km2[had] = held[had] === 0 ? 0 : (km2[had] as number) - area;
      km2[o] = (km2[o] as number) + area;
      owners[f] = o;
    }
  }
  for (const a of arcs) if (isFront(p, owners, a)) tally.front++;
  tally.moved = moved;
  return framed({ owners, deciders, faceStatus, km2 }, tally);
}

/**
 * The frame of `state` on a projected map. Pass the previous frame as `reuse` when drawing date
 * after date (scrubbing, animation): its buffers are refilled and overlay paths whose faces did not
 * change are kept; with `changed` (see `controlFrame`) only the faces those units decide are
 * looked at.
 *
 * @example
 * const frame = mapFrame(projected, history.stateAt("2017-07-03"));
 * frame.owners[face]; // the faction code to fill the face with
 * frame.frontPath;    // "M…L…"
 *
 * The path strings are joined when first read: read them before building the next frame from
 * this one (its buffers are refilled, as the owners are).
 */
export function mapFrame(
  map: ProjectedMap,
  state: ControlState,
  reuse?: MapFrame,
  changed?: readonly number[],
): MapFrame {
  // Whether the contested and besieged faces are the same as in `reuse`: told by an update from
  // what changed, else compared.
  const told = changed !== undefined && reuse !== undefined && tallies.has(reuse);
  const contestedKey = reuse && !told ? facesKey(reuse.faceStatus, FACE_CONTESTED) : undefined;
  const besiegedKey = reuse && !told ? facesKey(reuse.faceStatus, FACE_BESIEGED) : undefined;
  // What the previous frame has already joined (its buffers are refilled below).
  const before = reuse ? joined.get(reuse) : undefined;
  const control = controlFrame(map.bundle, state, reuse, changed);
  const moved = tallies.get(control)?.moved;
  const paths: JoinedPaths = {};
  const same = (moves: boolean | undefined, key: string | undefined, value: number): boolean =>
    moves !== undefined ? !moves : key !== undefined && facesKey(control.faceStatus, value) === key;
  if (reuse !== undefined && same(moved?.contested, contestedKey, FACE_CONTESTED))
    paths.contested = before?.contested;
  if (reuse !== undefined && same(moved?.besieged, besiegedKey, FACE_BESIEGED))
    paths.besieged = before?.besieged;
  // The strings are joined when first read: a writer that draws from the owners (a face-id
  // raster) never pays for them.
  const frame: MapFrame = {
    ...control,
    get frontPath(): string {
      return (paths.front ??= control.hasFront ? frontPath(map, control.owners) : "");
    },
    get riverFrontPath(): string {
      return (paths.riverFront ??= control.hasFront ? riverFrontPath(map, control.owners) : "");
    },
    get contestedPath(): string {
      return (paths.contested ??= facesPath(map, control.faceStatus, FACE_CONTESTED));
    },
    get besiegedPath(): string {
      return (paths.besieged ??= edgePath(map, control.faceStatus, FACE_BESIEGED));
    },
  };
  joined.set(frame, paths);
  // The next date's frame is made from this one as from its control frame.
  const tally = tallies.get(control);
  if (tally) tallies.set(frame, tally);
  return frame;
}

/** A frame's path strings joined so far. */
interface JoinedPaths {
  front?: string | undefined;
  riverFront?: string | undefined;
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
    if (isFront(map, owners, a)) d += map.arcPaths[a] as string;
  });
  return d;
}

/**
 * The pieces of the front lines (as `frontPath`) that run along a river (`riverArcs`), as one path
 * (only the arcs in `keep`, when given).
 */
export function riverFrontPath(
  map: ArcPaths & Pick<ProjectedMap, "water">,
  owners: ArrayLike<number>,
  keep?: Subset,
): string {
  const along = riverArcs(map);
  if (!along.any) return "";
  let d = "";
  eachIn(map.arcCount, keep, (a) => {
    const piece = along.paths[a] as string;
    if (piece && isFront(map, owners, a)) d += piece;
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
