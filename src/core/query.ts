// Questions about a folded state: who holds a unit, since when, because of which event, and the
// chain of events behind it (for "why is this ground this colour?").

import { foldName } from "./names.js";
import { CAUSE_NEVER, STATUS_BESIEGED, STATUS_CONTESTED, STATUS_HELD, type ControlState } from "./fold.js";
import type { CompiledEvent, CompiledScenario, IsoDate, Source, UnitStatus } from "./types.js";
import { actsOnUnits } from "./event.js";

/** Unit indices whose id, name or alias matches `name` (case, diacritics and apostrophes ignored). */
export function findUnits(scenario: CompiledScenario, name: string): number[] {
  const key = foldName(name);
  const out: number[] = [];
  scenario.units.forEach((u, i) => {
    if (foldName(u.id) === key || foldName(u.name) === key || u.aliases.some((a) => foldName(a) === key))
      out.push(i);
  });
  return out;
}

/** `findUnits` for many look-ups: the names folded once, each look-up a map hit. */
export function nameIndex(scenario: CompiledScenario): (name: string) => readonly number[] {
  const index = new Map<string, number[]>();
  scenario.units.forEach((u, i) => {
    for (const key of new Set([u.id, u.name, ...u.aliases].map(foldName))) {
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    }
  });
  return (name) => index.get(foldName(name)) ?? [];
}

export function factionId(scenario: CompiledScenario, code: number): string {
  return code === 0 ? "unknown" : (scenario.factions[code - 1]?.id ?? "unknown");
}

export function maskToFactions(scenario: CompiledScenario, mask: number): string[] {
  const out: string[] = [];
  for (let code = 1; code <= scenario.factions.length; code++)
    if (mask & (1 << code)) out.push(factionId(scenario, code));
  return out;
}

export function statusName(code: number): UnitStatus {
  return code === STATUS_HELD
    ? "held"
    : code === STATUS_CONTESTED
      ? "contested"
      : code === STATUS_BESIEGED
        ? "besieged"
        : "unknown";
}

export interface UnitReport {
  readonly unit: string;
  readonly name: string;
  readonly kind: "place" | "area";
  readonly faction: string;
  readonly status: UnitStatus;
  readonly by: readonly string[];
  /** The date of the event that set this state; the scenario's start for initial control. */
  readonly since: IsoDate | undefined;
  /** The event that set this state (`undefined` for initial control or never mentioned). */
  readonly event:
    | {
        readonly id: string;
        readonly title: string;
        readonly date: IsoDate;
        readonly sources: readonly Source[];
      }
    | undefined;
}

export function describeUnit(scenario: CompiledScenario, state: ControlState, unit: number): UnitReport {
  const u = scenario.units[unit];
  if (!u) throw new RangeError(`no unit ${unit}`);
  const cause = state.cause[unit] as number;
  const e = cause >= 0 ? scenario.log[cause] : undefined;
  const status = statusName(state.status[unit] as number);
  return {
    unit: u.id,
    name: u.name,
    kind: u.kind,
    faction: factionId(scenario, state.faction[unit] as number),
    status,
    by: maskToFactions(scenario, state.by[unit] as number),
    since: e ? e.date : cause === CAUSE_NEVER ? undefined : scenario.start,
    event: e ? { id: e.id, title: e.title, date: e.date, sources: sourcesOf(e) } : undefined,
  };
}

/** The sources of an event as shown to readers (a supersede shows its replacement's sources too). */
export function sourcesOf(e: CompiledEvent): readonly Source[] {
  return e.def.type === "supersede" ? [...e.def.with.sources, ...e.def.sources] : e.def.sources;
}

/** Every event that acted on `unit` up to and including `count` log events, newest first. */
export function provenance(scenario: CompiledScenario, unit: number, count: number): CompiledEvent[] {
  const out: CompiledEvent[] = [];
  const n = Math.min(count, scenario.log.length);
  for (let i = n - 1; i >= 0; i--) {
    const e = scenario.log[i] as CompiledEvent;
    if (actsOnUnits(e) && e.units.includes(unit)) out.push(e);
  }
  return out;
}
