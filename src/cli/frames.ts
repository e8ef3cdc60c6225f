// `frontfold frames SCENARIO --from D --to D --every 7d --out DIR --format svg|png [--width 1600]`:
// one image of the map per step, each with title, date, legend and scale bar, for slides.
// PNGs are rendered by resvg, without a browser. Also home of what `animate` and `handout`
// share: the map renderer for a scenario, the date steps, writing files with clear errors.

import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { addDays, dayOf, daysInMonth } from "../core/dates.js";
import type { CompiledScenario, IsoDate } from "../core/types.js";
import { createHistory } from "../core/fold.js";
import { loadGeometry } from "../node/partition-cache.js";
import { findFonts, fontReport, inOrder, svgToPngAsync } from "../node/raster.js";
import { svgMapColors, svgMapWriter } from "../render/svg-map.js";
import { dateOption, loadOrReport } from "./common.js";
import { UsageError, type CliIo, type Command } from "./io.js";
import { progressFor } from "./progress.js";

/** Frames at most per export: beyond this a larger `--every` is asked for. */
export const MAX_FRAMES = 2000;

export interface MapRenderer {
  /** A standalone SVG of the map at the end of `date`, `width` pixels wide. */
  svg(date: IsoDate, options: { width: number; compact?: boolean; title?: string }): string;
  /** Colours a GIF palette must hold exactly (factions, basemap, text). */
  readonly colors: readonly string[];
}

/** Resolves the theatre and compiles the partition once (or takes them from the cache); then renders the map at any date. */
export function loadMapRenderer(scenario: CompiledScenario): MapRenderer {
  const { theatre, partition } = loadGeometry(scenario);
  const write = svgMapWriter({ scenario, theatre, partition });
  const history = createHistory(scenario);
  const state = history.blank();
  return {
    svg: (date, options) =>
      write(date, history.stateAt(date, state), {
        width: options.width,
        ...(options.compact ? { compact: true } : {}),
        ...(options.title ? { title: options.title } : {}),
      }),
    colors: svgMapColors(scenario),
  };
}

/** A step like `7d`, `2w` or `1m` (calendar months). */
export interface Step {
  readonly count: number;
  readonly unit: "d" | "w" | "m";
}

export function parseStep(text: string | undefined, fallback: string): Step {
  const value = text ?? fallback;
  const m = /^(\d+)\s*([dwm])$/.exec(value.trim());
  const count = m ? Number(m[1]) : 0;
  if (!m || count < 1 || count > 10_000)
    throw new UsageError(`--every: expected a step like 1d, 7d, 2w or 1m, got "${value}"`);
  return { count, unit: m[2] as Step["unit"] };
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

export function widthOption(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 16 || n > 8000)
    throw new UsageError(`--width: expected whole pixels between 16 and 8000, got "${text}"`);
  return n;
}

const FS_REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "that is a folder",
  ENOTDIR: "part of the path is a file, not a folder",
  ENOENT: "no such folder",
  ENOSPC: "the disk is full",
  EROFS: "read-only file system",
};

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return (code && FS_REASONS[code]) ?? code ?? (e as Error).message;
}

/** Writes a file, turning file-system failures into a one-line message. */
export function writeOut(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    throw new ExportError(`cannot write ${path}: ${reason(e)}`);
  }
}

export function makeDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new ExportError(`cannot create the folder ${dir}: ${reason(e)}`);
  }
}

/** Checks before the work that an output file can be written: its folder exists (made if need be), it is no folder. */
export function prepareOutFile(path: string): void {
  const dir = dirname(path);
  if (dir !== "." && dir !== path) makeDir(dir);
  try {
    if (statSync(path).isDirectory()) throw new ExportError(`cannot write ${path}: that is a folder`);
  } catch (e) {
    if (e instanceof ExportError) throw e;
    // Not there yet: fine.
  }
}

/** A failure while exporting (not a usage error): printed, exit 1. */
export class ExportError extends Error {}

/** Warns once when PNG/GIF text would come out blank. */
export function checkFonts(io: CliIo): void {
  const report = fontReport(findFonts());
  if (!report.ok) io.err(`warning: ${report.message}`);
}

export const run: Command = async (args, io) => {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      from: { type: "string" },
      to: { type: "string" },
      every: { type: "string" },
      out: { type: "string" },
      format: { type: "string" },
      width: { type: "string" },
    },
  });
  const [file, extra] = positionals;
  if (!file) throw new UsageError("frames needs a scenario file");
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  if (!values.out) throw new UsageError("frames needs --out DIR");
  const format = values.format ?? "png";
  if (format !== "svg" && format !== "png")
    throw new UsageError(`--format: expected svg or png, got "${format}"`);
  const step = parseStep(values.every, "7d");
  const width = widthOption(values.width, 1600);
  // Arguments are checked before the (slow) scenario load, so a typo fails at once.
  dateOption("from", values.from);
  dateOption("to", values.to);

  const scenario = loadOrReport(file, io);
  if (!scenario) return 1;
  const { from, to } = dateRange(scenario, values, io);
  const dates = stepDates(from, to, step);
  try {
    if (format === "png") checkFonts(io);
    const t0 = performance.now();
    const maps = loadMapRenderer(scenario);
    makeDir(values.out);
    const progress = progressFor(io, dates.length, "frames");
    // PNGs render on resvg's worker threads, a few frames ahead of the one being written.
    const images = inOrder(dates, async (date) => {
      const svg = maps.svg(date, { width });
      return format === "svg" ? svg : (await svgToPngAsync(svg, { width, background: "#ffffff" })).png;
    });
    let i = 0;
    for await (const image of images) {
      const date = dates[i++] as IsoDate;
      writeOut(join(values.out, `${scenario.id}-${date}.${format}`), image);
      progress.tick(date);
    }
    progress.done();
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    io.out(
      `wrote ${dates.length} ${format.toUpperCase()} ${dates.length === 1 ? "frame" : "frames"} (${dates[0]} … ${dates.at(-1)}) to ${values.out} in ${seconds} s`,
    );
    return 0;
  } catch (e) {
    if (e instanceof ExportError) {
      io.err(`frontfold frames: ${e.message}`);
      return 1;
    }
    throw e;
  }
};
