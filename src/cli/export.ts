// What the writing commands share: the map renderer for a scenario, and writing
// files. Every write goes through `writeOut`, which refuses a path that is one of the command's
// inputs (the scenario or a file it includes) and turns file-system failures into one line;
// missing output folders are created the same way for every command.

import { mkdirSync, statSync, writeFileSync, type Stats } from "node:fs";
import { dirname, resolve } from "node:path";
import { createHistory } from "../core/fold.js";
import type { CompiledScenario, IsoDate } from "../core/types.js";
import { loadGeometry } from "../node/partition-cache.js";
import { findFonts, fontReport } from "../node/raster.js";
import { svgMapColors, svgMapWriter } from "../render/svg-map.js";
import type { CliIo } from "./io.js";

/** A failure while exporting (not a usage error): printed, exit 1. */
export class ExportError extends Error {}

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

/** Warns once when PNG/GIF text would come out blank. */
export function checkFonts(io: CliIo): void {
  const report = fontReport(findFonts());
  if (!report.ok) io.err(`warning: ${report.message}`);
}

const FS_REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "that is a folder",
  ENOTDIR: "part of the path is a file, not a folder",
  EEXIST: "a file of that name is in the way",
  ENOENT: "no such folder",
  ENOSPC: "the disk is full",
  EROFS: "read-only file system",
};

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return (code && FS_REASONS[code]) ?? code ?? (e as Error).message;
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Refuses to write `path` when it is one of `inputs`: the same path, or the same file by another
 * name (a link). */
export function refuseInput(path: string, inputs: readonly string[]): void {
  const target = statOf(path);
  for (const input of inputs) {
    const same =
      resolve(path) === resolve(input) ||
      (target !== undefined &&
        ((s) => s !== undefined && s.dev === target.dev && s.ino === target.ino)(statOf(input)));
    if (same)
      throw new ExportError(
        `will not write ${path}: it is one of this command's inputs (${input}) and would be overwritten; choose another --out`,
      );
  }
}

/** Writes a file (never one of `inputs`), turning file-system failures into a one-line message. */
export function writeOut(path: string, data: string | Uint8Array, inputs: readonly string[]): void {
  refuseInput(path, inputs);
  try {
    writeFileSync(path, data);
  } catch (e) {
    throw new ExportError(`cannot write ${path}: ${reason(e)}`);
  }
}

/** Creates a folder and its missing parents. */
export function makeDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new ExportError(`cannot create the folder ${dir}: ${reason(e)}`);
  }
}

/** Checks before the work that an output file can be written: not an input, its folder exists
 * (made if need be), it is no folder. */
export function prepareOutFile(path: string, inputs: readonly string[]): void {
  refuseInput(path, inputs);
  const dir = dirname(path);
  if (dir !== "." && dir !== path) makeDir(dir);
  if (statOf(path)?.isDirectory()) throw new ExportError(`cannot write ${path}: that is a folder`);
}

/** Writes `text` to `--out FILE` (saying so on stderr) or to stdout; 1 when the file cannot be written. */
export function writeOutput(
  io: CliIo,
  out: string | undefined,
  text: string,
  inputs: readonly string[],
): number {
  if (!out) {
    io.out(text);
    return 0;
  }
  try {
    prepareOutFile(out, inputs);
    writeOut(out, text.endsWith("\n") ? text : `${text}\n`, inputs);
  } catch (e) {
    if (!(e instanceof ExportError)) throw e;
    io.err(e.message);
    return 1;
  }
  io.err(`wrote ${out}`);
  return 0;
}
