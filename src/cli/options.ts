// Command-line options shared by the commands, each validated in one place: dates, `--from`/`--to`,
// `--every` steps and the dates they make, `--width`, `--delay-ms`. Commands import these and
// never each other.

import { addDays, dayOf, daysInMonth, isoDateProblem } from "../core/dates.js";
import type { CompiledScenario, IsoDate } from "../core/types.js";
import { UsageError, type CliIo } from "./io.js";

/** Frames at most per export: beyond this a larger `--every` is asked for. */
export const MAX_FRAMES = 2000;

export function dateOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const problem = isoDateProblem(value);
  if (problem) throw new UsageError(`--${name}: ${problem}`);
  return value;
}

/** A step like `7d`, `2w` or `1m` (calendar months). */
export interface Step {
  readonly count: number;
  readonly unit: "d" | "w" | "m";
}

/** `--every`: `7d`, `2w` or `1m`; with `days: true` only fixed lengths (days, weeks). */
export function parseStep(
  text: string | undefined,
  fallback: string,
  options: { days?: boolean } = {},
): Step {
  const value = text ?? fallback;
  const m = /^(\d+)\s*([dwm])$/.exec(value.trim());
  const count = m ? Number(m[1]) : 0;
  const unit = m?.[2] as Step["unit"] | undefined;
  if (options.days) {
    if (!m || unit === "m" || count < 1 || count * (unit === "w" ? 7 : 1) > 3660)
      throw new UsageError(
        `--every: expected a step in days or weeks like 1d, 7d or 2w (at most 3660 days), got "${value}"`,
      );
  } else if (!m || count < 1 || count > 10_000)
    throw new UsageError(`--every: expected a step like 1d, 7d, 2w or 1m, got "${value}"`);
  return { count, unit: unit ?? "d" };
}

/** A fixed-length step in days. */
export function stepDays(step: Step): number {
  return step.count * (step.unit === "w" ? 7 : 1);
}

function addMonths(date: IsoDate, months: number, dayOfMonth: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m0 = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m0 / 12);
  const month = (((m0 % 12) + 12) % 12) + 1;
  const day = Math.min(dayOfMonth, daysInMonth(year, month));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** `from`, then every step up to `to`; `to` itself always ends the list. */
export function stepDates(from: IsoDate, to: IsoDate, step: Step, max = MAX_FRAMES): IsoDate[] {
  const end = dayOf(to);
  const out: IsoDate[] = [];
  const firstDay = Number(from.slice(8, 10));
  for (let i = 0, date = from; dayOf(date) <= end; i++) {
    out.push(date);
    if (out.length > max)
      throw new UsageError(
        `${from} … ${to} every ${step.count}${step.unit} makes more than ${max} frames; choose a larger --every`,
      );
    date =
      step.unit === "m"
        ? addMonths(from, (i + 1) * step.count, firstDay)
        : addDays(from, (i + 1) * step.count * (step.unit === "w" ? 7 : 1));
  }
  if (out.at(-1) !== to) out.push(to);
  return out;
}

/** `--from`/`--to`, defaulting to the scenario's span; checked against each other. */
export function dateRange(
  scenario: CompiledScenario,
  values: { from?: string | undefined; to?: string | undefined },
  io: CliIo,
): { from: IsoDate; to: IsoDate } {
  const from = dateOption("from", values.from) ?? scenario.start;
  const to = dateOption("to", values.to) ?? scenario.end;
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  if (from < scenario.start || to > scenario.end)
    io.err(`note: ${scenario.id}'s timeline is ${scenario.start} … ${scenario.end}`);
  return { from, to };
}

/** `--width` in whole pixels, `min` (16 by default) to 8000. */
export function widthOption(text: string | undefined, fallback: number, min = 16): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > 8000)
    throw new UsageError(`--width: expected whole pixels between ${min} and 8000, got "${text}"`);
  return n;
}

/** `--delay-ms`: 20 to 60000. */
export function delayOption(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 20 || n > 60_000)
    throw new UsageError(`--delay-ms: expected milliseconds between 20 and 60000, got "${text}"`);
  return n;
}
