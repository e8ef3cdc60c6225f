// The fold: who holds each unit after any prefix of the event log.
//
// State is indexed (unit index → typed-array slot) so that a step touches only the units an
// event names and a checkpoint is a handful of memcpy's. `evolve` is the pure reducer (it returns
// a new state and never touches its input); the history below runs the *same* per-event step
// on a private working copy, which no caller can observe half-way, and keeps frozen checkpoints
// so that `stateAt` costs one copy plus a short replay.

import type { CompiledEvent, CompiledScenario, IsoDate } from "./types.js";
import { dayOf } from "./dates.js";

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
function step(s: Mutable, e: CompiledEvent): void {
  switch (e.op) {
    case "none":
      return;
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
      const never: never = e.op;
      throw new Error(`unhandled op ${String(never)}`);
    }
  }
}

/** Pure reducer: the state after `e`. Skips retracted events and those the filter rejects. */
export function evolve(state: ControlState, e: CompiledEvent, filter: EventFilter = takeAll): ControlState {
  const next = cloneState(state) as Mutable;
  if (e.retractedBy === undefined && filter(e)) step(next, e);
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
  /** State after the first `count` events. Pass `out` to reuse its buffers (no allocation). */
  stateAtIndex(count: number, out?: ControlState): ControlState;
  /** State at the end of `date` (events dated that day included). */
  stateAt(date: IsoDate | number, out?: ControlState): ControlState;
  /** A fresh state with buffers of the right size, for `out`. */
  blank(): ControlState;
}

/**
 * Folds the log once, keeping a checkpoint every `interval` events, so any state is a copy
 * plus at most `interval - 1` steps.
 */
export function createHistory(
  scenario: CompiledScenario,
  options: { filter?: EventFilter; interval?: number } = {},
): History {
  const filter = options.filter ?? takeAll;
  const interval = Math.max(1, options.interval ?? 256);
  const log = scenario.log;
  const unitCount = scenario.units.length;
  const checkpoints: ControlState[] = [];
  const work = cloneState(initialState(scenario)) as Mutable;
  for (let i = 0; ; i++) {
    if (i % interval === 0) checkpoints.push(cloneState(work));
    if (i >= log.length) break;
    const e = log[i] as CompiledEvent;
    if (e.retractedBy === undefined && filter(e)) step(work, e);
    work.applied = i + 1;
  }

  function copyInto(src: ControlState, dst: Mutable): void {
    dst.faction.set(src.faction);
    dst.status.set(src.status);
    dst.by.set(src.by);
    dst.cause.set(src.cause);
    dst.applied = src.applied;
  }

  const history: History = {
    scenario,
    blank: () => emptyState(unitCount),
    stateAtIndex(count, out) {
      const n = Math.max(0, Math.min(count, log.length));
      const cp = checkpoints[Math.floor(n / interval)] as ControlState;
      const dst = (out ?? emptyState(unitCount)) as Mutable;
      copyInto(cp, dst);
      for (let i = cp.applied; i < n; i++) {
        const e = log[i] as CompiledEvent;
        if (e.retractedBy === undefined && filter(e)) step(dst, e);
      }
      dst.applied = n;
      return dst;
    },
    stateAt(date, out) {
      const day = typeof date === "number" ? date : dayOf(date);
      return history.stateAtIndex(countThrough(log, day), out);
    },
  };
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
    if (e.retractedBy === undefined && filter(e)) step(work, e);
    work.applied = i + 1;
  });
  return work;
}
