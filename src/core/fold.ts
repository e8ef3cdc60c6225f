// The fold: who holds each unit after any prefix of the event log.
//
// State is indexed (unit index → typed-array slot) so that a step touches only the units an
// event names. `evolve` is the pure reducer (it returns a new state and never touches its
// input); the history below runs the *same* per-event step on a private working copy, which no
// caller can observe half-way, and keeps delta checkpoints (the units each stretch of the log
// changed) so that `stateAt` costs what changed between where a buffer is and where it goes.

import type { CompiledEvent, CompiledScenario, ControlEvent, IsoDate } from "./types.js";
import { dayOf } from "./dates.js";
import { actsOnUnits, isLive } from "./event.js";

export const STATUS_UNKNOWN = 0;
export const STATUS_HELD = 1;
export const STATUS_CONTESTED = 2;
export const STATUS_BESIEGED = 3;
export type StatusCode = 0 | 1 | 2 | 3;

/** `cause` value for control given by `initial:`. */
export const CAUSE_INITIAL = -1;
/** `cause` value for a unit nobody has mentioned yet. */
export const CAUSE_NEVER = -2;

export interface ControlState {
  /** Faction code per unit (0 = unknown). */
  readonly faction: Uint8Array;
  /** `STATUS_*` per unit. */
  readonly status: Uint8Array;
  /** Bit mask of faction codes contesting / besieging the unit. */
  readonly by: Uint32Array;
  /** Log index of the event that last changed the unit; `CAUSE_INITIAL` or `CAUSE_NEVER`. */
  readonly cause: Int32Array;
  /** Number of log events folded into this state. */
  readonly applied: number;
}

/** Which events the fold takes (e.g. `assessed` only). Retracted events are always skipped. */
export type EventFilter = (e: CompiledEvent) => boolean;

const takeAll: EventFilter = () => true;

/** Whether the fold applies `e`: live, acting on units, and taken by the filter. */
function applies(e: CompiledEvent, filter: EventFilter): e is ControlEvent {
  return isLive(e) && actsOnUnits(e) && filter(e);
}

function emptyState(unitCount: number): ControlState {
  return {
    faction: new Uint8Array(unitCount),
    status: new Uint8Array(unitCount),
    by: new Uint32Array(unitCount),
    cause: new Int32Array(unitCount).fill(CAUSE_NEVER),
    applied: 0,
  };
}

/** Control on the scenario's start date, before any event. */
export function initialState(scenario: CompiledScenario): ControlState {
  const s = emptyState(scenario.units.length);
  for (const entry of scenario.initial) {
    s.faction[entry.unit] = entry.faction;
    s.status[entry.unit] = statusCode(entry.status);
    s.by[entry.unit] = entry.by;
    s.cause[entry.unit] = CAUSE_INITIAL;
  }
  return s;
}

function statusCode(status: string): StatusCode {
  switch (status) {
    case "held":
      return STATUS_HELD;
    case "contested":
      return STATUS_CONTESTED;
    case "besieged":
      return STATUS_BESIEGED;
    default:
      return STATUS_UNKNOWN;
  }
}

export function cloneState(s: ControlState): ControlState {
  return {
    faction: s.faction.slice(),
    status: s.status.slice(),
    by: s.by.slice(),
    cause: s.cause.slice(),
    applied: s.applied,
  };
}

type Mutable = { -readonly [K in keyof ControlState]: ControlState[K] };

/** The one definition of what an event does; writes into `s` (a state the caller owns). */
function step(s: Mutable, e: ControlEvent): void {
  switch (e.type) {
    case "control":
      for (const u of e.units) {
        if (e.onlyFrom !== 0 && (e.onlyFrom & (1 << (s.faction[u] as number))) === 0) continue;
        s.faction[u] = e.faction;
        s.status[u] = STATUS_HELD;
        s.by[u] = 0;
        s.cause[u] = e.index;
      }
      return;
    case "contest":
      for (const u of e.units) {
        s.status[u] = STATUS_CONTESTED;
        s.by[u] = e.by;
        s.cause[u] = e.index;
      }
      return;
    case "siege":
      for (const u of e.units) {
        s.status[u] = STATUS_BESIEGED;
        s.by[u] = e.by;
        s.cause[u] = e.index;
      }
      return;
    case "lift":
      for (const u of e.units) {
        s.status[u] = s.faction[u] === 0 ? STATUS_UNKNOWN : STATUS_HELD;
        s.by[u] = 0;
        s.cause[u] = e.index;
      }
      return;
    default: {
      const never: never = e;
      throw new Error(`unhandled event type ${String((never as CompiledEvent).type)}`);
    }
  }
}

/** Pure reducer: the state after `e`. Skips retracted events and those the filter rejects. */
export function evolve(state: ControlState, e: CompiledEvent, filter: EventFilter = takeAll): ControlState {
  const next = cloneState(state) as Mutable;
  if (applies(e, filter)) step(next, e);
  next.applied = state.applied + 1;
  return next;
}

/** Reference fold: every event from the start, one `evolve` at a time. For tests and benchmarks. */
export function naiveStateAtIndex(
  scenario: CompiledScenario,
  count: number,
  filter: EventFilter = takeAll,
): ControlState {
  let s = initialState(scenario);
  const n = Math.min(count, scenario.log.length);
  for (let i = 0; i < n; i++) s = evolve(s, scenario.log[i] as CompiledEvent, filter);
  return s;
}

/** The fold of the first `count` events in one working copy, without checkpoints (the fair peer of a seek). */
export function foldInPlace(
  scenario: CompiledScenario,
  count: number,
  filter: EventFilter = takeAll,
): ControlState {
  const work = cloneState(initialState(scenario)) as Mutable;
  const n = Math.max(0, Math.min(count, scenario.log.length));
  for (let i = 0; i < n; i++) {
    const e = scenario.log[i] as CompiledEvent;
    if (applies(e, filter)) step(work, e);
  }
  work.applied = n;
  return work;
}

/** How many log events have `day <= day` (the log is sorted by day). */
export function countThrough(log: readonly CompiledEvent[], day: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((log[mid] as CompiledEvent).day <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface History {
  readonly scenario: CompiledScenario;
  /** Events per delta checkpoint (chosen from the data unless given). */
  readonly interval: number;
  /** Bytes held by the checkpoints (deltas, their index and the full snapshots). */
  readonly checkpointBytes: number;
  /**
   * State after the first `count` events. Pass `out` to reuse its buffers (no allocation); a
   * buffer this history filled before is moved forward or backward from where it was, so
   * scrubbing costs what changed in between. Read `out`, never write into it.
   */
  stateAtIndex(count: number, out?: ControlState): ControlState;
  /** State at the end of `date` (events dated that day included). */
  stateAt(date: IsoDate | number, out?: ControlState): ControlState;
  /** A fresh state with buffers of the right size, for `out`. */
  blank(): ControlState;
  /**
   * The units whose state may differ between the first `from` and the first `to` events (in
   * either order), each once: those the events in between name. Costs what lies in between (the
   * deltas of whole stretches, the events of partial ones), not the number of units. `undefined`
   * when there are more than `limit` (then a from-scratch pass is cheaper).
   */
  changedUnits(from: number, to: number, limit?: number): number[] | undefined;
}

/** Which history last filled a buffer (so a buffer it did not fill is never trusted). */
const filledBy = new WeakMap<ControlState, History>();

/** Bytes per delta entry: unit, packed faction/status, by, cause, previous entry of the unit. */
const ENTRY_BYTES = 4 + 1 + 4 + 4 + 4;
const STATE_BYTES_PER_UNIT = 1 + 1 + 4 + 4;
/** Snapshots may always take this much, whatever the deltas take. */
const SNAPSHOT_FLOOR_BYTES = 8 * 1024 * 1024;

/**
 * The delta interval: about one day's events (a scrubbing step is a day, so stepping a day
 * replays at most one segment), kept between 16 and 4,096 events.
 */
function chooseInterval(log: readonly CompiledEvent[]): number {
  if (log.length === 0) return 16;
  const days = (log[log.length - 1] as CompiledEvent).day - (log[0] as CompiledEvent).day + 1;
  return Math.min(4096, Math.max(16, Math.round(log.length / days)));
}

/**
 * Folds the log once and keeps *delta checkpoints*: every `interval` events, the units changed
 * since the previous checkpoint with their new values and a link to the unit's previous entry
 * (so a delta can be applied forward or undone backward), plus a full snapshot whenever the
 * deltas since the last one hold enough entries that replaying them would cost more than a copy.
 * A state is reached from the cheapest start — where the buffer already is, the snapshot below
 * or the one above — by applying deltas, then replaying fewer than `interval` events.
 */
export function createHistory(
  scenario: CompiledScenario,
  options: { filter?: EventFilter; interval?: number } = {},
): History {
  const filter = options.filter ?? takeAll;
  const log = scenario.log;
  const L = log.length;
  const interval = Math.max(1, Math.floor(options.interval ?? chooseInterval(log)));
  const unitCount = scenario.units.length;
  const takes = (e: CompiledEvent): e is ControlEvent => applies(e, filter);

  // Upper bound on entries: every unit an event names, once.
  let bound = 0;
  for (const e of log) if (takes(e)) bound += e.units.length;
  const segments = Math.ceil(L / interval); // boundary b ∈ [0, segments] is after min(b·interval, L) events
  const deltaBytes = bound * ENTRY_BYTES;
  const snapshotBytes = Math.max(1, unitCount * STATE_BYTES_PER_UNIT);
  const snapshotBudget = Math.max(SNAPSHOT_FLOOR_BYTES, deltaBytes / 4);
  const maxSnapshots = Math.max(1, Math.floor(snapshotBudget / snapshotBytes));
  // A snapshot every `spacing` entries: not more than the budget allows, and never closer than
  // a quarter of the unit count (copying a snapshot costs about that many entries).
  const spacing = Math.max(unitCount / 4, bound / maxSnapshots, 1);

  let eUnit = new Uint32Array(bound);
  let eFs = new Uint8Array(bound);
  let eBy = new Uint32Array(bound);
  let eCause = new Int32Array(bound);
  let ePrev = new Int32Array(bound);
  /** Entries of segment k (ending at boundary k) are [segStart[k-1], segStart[k]). segStart[0] = 0. */
  const segStart = new Uint32Array(segments + 1);
  const snapAt: number[] = []; // boundary index of each snapshot, ascending
  const snaps: ControlState[] = [];

  const base = initialState(scenario);
  const work = cloneState(base) as Mutable;
  snaps.push(base);
  const lastEntry = new Int32Array(unitCount).fill(-1);
  const mark = new Int32Array(unitCount).fill(-1); // segment that last touched the unit
  const touched: number[] = [];
  let n = 0;
  let sinceSnapshot = 0;
  snapAt.push(0);
  for (let b = 1; b <= segments; b++) {
    const end = Math.min(b * interval, L);
    for (let i = (b - 1) * interval; i < end; i++) {
      const e = log[i] as CompiledEvent;
      if (!takes(e)) continue;
      for (const u of e.units)
        if (mark[u] !== b) {
          mark[u] = b;
          touched.push(u);
        }
      step(work, e);
    }
    work.applied = end;
    for (const u of touched) {
      eUnit[n] = u;
      eFs[n] = (work.faction[u] as number) | ((work.status[u] as number) << 5);
      eBy[n] = work.by[u] as number;
      eCause[n] = work.cause[u] as number;
      ePrev[n] = lastEntry[u] as number;
      lastEntry[u] = n;
      n++;
    }
    sinceSnapshot += touched.length;
    touched.length = 0;
    segStart[b] = n;
    if (sinceSnapshot >= spacing && b < segments) {
      snapAt.push(b);
      snaps.push(cloneState(work));
      sinceSnapshot = 0;
    }
  }
  if (n < bound) {
    eUnit = eUnit.slice(0, n);
    eFs = eFs.slice(0, n);
    eBy = eBy.slice(0, n);
    eCause = eCause.slice(0, n);
    ePrev = ePrev.slice(0, n);
  }
  const checkpointBytes =
    n * ENTRY_BYTES + segStart.byteLength + snaps.length * unitCount * STATE_BYTES_PER_UNIT;

  const boundaryCount = (b: number): number => Math.min(b * interval, L);
  /** Delta entries between boundaries a ≤ b. */
  const entriesBetween = (a: number, b: number): number => (segStart[b] as number) - (segStart[a] as number);
  const copyCost = unitCount / 4;

  /** Applies segment b's delta forward: from anywhere in (boundary b-1, boundary b] to boundary b. */
  function forward(dst: Mutable, b: number): void {
    for (let j = segStart[b - 1] as number, end = segStart[b] as number; j < end; j++) {
      put(dst, eUnit[j] as number, j);
    }
  }

  /** Writes delta entry `k`'s value of unit `u` into `dst`. */
  function put(dst: Mutable, u: number, k: number): void {
    const fs = eFs[k] as number;
    dst.faction[u] = fs & 31;
    dst.status[u] = fs >> 5;
    dst.by[u] = eBy[k] as number;
    dst.cause[u] = eCause[k] as number;
  }

  /** Undoes segment b's delta: from anywhere in [boundary b-1, boundary b] to boundary b-1. */
  function backward(dst: Mutable, b: number): void {
    for (let j = segStart[b - 1] as number, end = segStart[b] as number; j < end; j++) {
      const u = eUnit[j] as number;
      const p = ePrev[j] as number;
      if (p < 0) {
        dst.faction[u] = base.faction[u] as number;
        dst.status[u] = base.status[u] as number;
        dst.by[u] = base.by[u] as number;
        dst.cause[u] = base.cause[u] as number;
      } else put(dst, u, p);
    }
  }

  function copyInto(src: ControlState, dst: Mutable): void {
    dst.faction.set(src.faction);
    dst.status.set(src.status);
    dst.by.set(src.by);
    dst.cause.set(src.cause);
  }

  /** Index of the last snapshot at or below boundary b. */
  function snapBelow(b: number): number {
    let lo = 0;
    let hi = snapAt.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((snapAt[mid] as number) <= b) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Moves `dst` (at boundary `from`, or inside segment `from`) to boundary `to` by deltas. */
  function walk(dst: Mutable, from: number, fromIsInside: boolean, to: number): void {
    if (to >= from) for (let b = from + (fromIsInside ? 0 : 1); b <= to; b++) forward(dst, b);
    else for (let b = from; b > to; b--) backward(dst, b);
  }

  /** Scratch marks for `changedUnits`: the call that last listed each unit. */
  const listedBy = new Uint32Array(unitCount);
  let listing = 0;

  const history: History = {
    scenario,
    interval,
    checkpointBytes,
    blank: () => emptyState(unitCount),
    changedUnits(from, to, limit = Infinity) {
      const lo = Math.max(0, Math.min(from, to, L));
      const hi = Math.max(0, Math.min(Math.max(from, to), L));
      if (++listing === 0xffffffff) {
        listedBy.fill(0);
        listing = 1;
      }
      const out: number[] = [];
      const add = (u: number): boolean => {
        if (listedBy[u] === listing) return true;
        listedBy[u] = listing;
        out.push(u);
        return out.length <= limit;
      };
      const events = (a: number, b: number): boolean => {
        for (let i = a; i < b; i++) {
          const e = log[i] as CompiledEvent;
          if (takes(e)) for (const u of e.units) if (!add(u)) return false;
        }
        return true;
      };
      // Whole stretches between boundaries bLo..bHi by their deltas, the ends event by event.
      const bLo = Math.ceil(lo / interval);
      const bHi = Math.floor(hi / interval);
      if (bLo >= bHi) return events(lo, hi) ? out : undefined;
      if (!events(lo, boundaryCount(bLo))) return undefined;
      for (let j = segStart[bLo] as number, end = segStart[bHi] as number; j < end; j++)
        if (!add(eUnit[j] as number)) return undefined;
      return events(boundaryCount(bHi), hi) ? out : undefined;
    },
    stateAtIndex(count, out) {
      const target = Math.max(0, Math.min(count, L));
      const dst = (out ?? emptyState(unitCount)) as Mutable;
      const m = Math.floor(target / interval); // boundary at or below the target
      const tail = target - boundaryCount(m);
      const at = out !== undefined && filledBy.get(out) === history ? out.applied : -1;

      if (at >= 0 && at <= target && target - at <= tail) {
        // Same segment, ahead: replay the events in between.
        replayRange(dst, at, target);
      } else {
        // Candidates: from where the buffer is, from the snapshot below, from the snapshot above.
        const sb = snapBelow(m);
        let best = copyCost + entriesBetween(snapAt[sb] as number, m);
        let plan: "below" | "above" | "here" = "below";
        const sa = sb + 1 < snapAt.length ? sb + 1 : -1;
        if (sa >= 0) {
          const c = copyCost + entriesBetween(m, snapAt[sa] as number);
          if (c < best) [best, plan] = [c, "above"];
        }
        let hereFrom = 0;
        let hereInside = false;
        if (at >= 0) {
          // The segment holding the buffer's position: boundary k with count(k-1) < at ≤ count(k).
          const k = Math.ceil(at / interval);
          hereInside = at !== boundaryCount(k);
          hereFrom = k;
          const c = m >= k ? entriesBetween(hereInside ? k - 1 : k, m) : entriesBetween(m, k);
          if (c < best) plan = "here";
        }
        if (plan === "here") walk(dst, hereFrom, hereInside, m);
        else {
          const s = plan === "below" ? sb : sa;
          copyInto(snaps[s] as ControlState, dst);
          walk(dst, snapAt[s] as number, false, m);
        }
        replayRange(dst, boundaryCount(m), target);
      }
      dst.applied = target;
      filledBy.set(dst, history);
      return dst;
    },
    stateAt(date, out) {
      const day = typeof date === "number" ? date : dayOf(date);
      return history.stateAtIndex(countThrough(log, day), out);
    },
  };

  function replayRange(dst: Mutable, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const e = log[i] as CompiledEvent;
      if (takes(e)) step(dst, e);
    }
  }
  return history;
}

/**
 * Walks the log once, calling `visit` with the state *before* each event (retracted events are
 * visited too, and skipped by the fold). The state passed is a working buffer: read it, do not keep it.
 */
export function replay(
  scenario: CompiledScenario,
  visit: (before: ControlState, e: CompiledEvent) => void,
  filter: EventFilter = takeAll,
): ControlState {
  const work = cloneState(initialState(scenario)) as Mutable;
  scenario.log.forEach((e, i) => {
    visit(work, e);
    if (applies(e, filter)) step(work, e);
    work.applied = i + 1;
  });
  return work;
}
