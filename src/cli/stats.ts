// `frontfold stats SCENARIO [--every 1d|7d|30d] [--format csv|json] [--out FILE]`: km² held by each
// faction (and unknown ground) from the scenario's start to its end, one row per step; the end
// date is always the last row.

import { parseArgs } from "node:util";
import { dateOf, dayOf } from "../core/dates.js";
import { createHistory } from "../core/fold.js";
import type { CompiledScenario, IsoDate } from "../core/types.js";
import { faceOwners, km2SettledOpen } from "../geo/control.js";
import type { Partition } from "../geo/partition.js";
import { loadGeometry } from "../node/partition-cache.js";
import { loadInputs } from "./common.js";
import { writeOutput } from "./export.js";
import { parseStep, stepDays } from "./options.js";
import { UsageError, type CliIo } from "./io.js";

export interface StatsRow {
  readonly date: IsoDate;
  /** km² by faction id, then `unknown`: all ground, open country included. */
  readonly km2: Readonly<Record<string, number>>;
  /** The part of `km2` within reach of places. */
  readonly settled_km2: Readonly<Record<string, number>>;
  /** The part of `km2` in open country, beyond every place's reach. */
  readonly open_km2: Readonly<Record<string, number>>;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { every: { type: "string" }, format: { type: "string" }, out: { type: "string" } },
  });
  const [file] = positionals;
  if (!file) throw new UsageError("stats needs a scenario file");
  const every = values.every ?? "7d";
  const step = stepDays(parseStep(every, "7d", { days: true }));
  const format = values.format ?? "csv";
  if (format !== "csv" && format !== "json")
    throw new UsageError(`--format: expected csv or json, got "${format}"`);
  const loaded = loadInputs(file, io);
  if (!loaded) return 1;
  const { scenario, inputs } = loaded;
  const { partition } = loadGeometry(scenario);
  const rows = km2Series(scenario, partition, step);
  const text =
    format === "csv"
      ? toCsv(scenario, rows)
      : JSON.stringify({ scenario: scenario.id, every, rows }, null, 2);
  return writeOutput(io, values.out, text, inputs);
}

/** km² per faction every `stepDays` from the start, and on the end date. */
export function km2Series(scenario: CompiledScenario, partition: Partition, stepDays: number): StatsRow[] {
  const history = createHistory(scenario);
  const state = history.blank();
  let owners: Uint8Array | undefined;
  const first = dayOf(scenario.start);
  const last = dayOf(scenario.end);
  const days: number[] = [];
  for (let d = first; d <= last; d += stepDays) days.push(d);
  if (days[days.length - 1] !== last) days.push(last);
  const ids = [...scenario.factions.map((f) => f.id), "unknown"];
  return days.map((day) => {
    history.stateAt(day, state);
    owners = faceOwners(partition, state, owners);
    const { settled, open } = km2SettledOpen(partition, owners, scenario.factions.length);
    const byId = (km2: Float64Array): Record<string, number> => {
      const row: Record<string, number> = {};
      ids.forEach((id, i) => {
        row[id] = Math.round((i === ids.length - 1 ? (km2[0] ?? 0) : (km2[i + 1] ?? 0)) * 1000) / 1000;
      });
      return row;
    };
    const all = settled.map((v, i) => v + (open[i] as number));
    return { date: dateOf(day), km2: byId(all), settled_km2: byId(settled), open_km2: byId(open) };
  });
}

function toCsv(scenario: CompiledScenario, rows: readonly StatsRow[]): string {
  const ids = [...scenario.factions.map((f) => f.id), "unknown"];
  const lines = [["date", ...ids].join(",")];
  for (const r of rows) lines.push([r.date, ...ids.map((id) => (r.km2[id] ?? 0).toFixed(3))].join(","));
  return lines.join("\n");
}
