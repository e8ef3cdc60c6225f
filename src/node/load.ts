// Reads a scenario file (and its includes) from disk and compiles it. The one place where the
// compiler meets the file system; unreadable files become diagnostics like any other problem.
// Only regular files are read, and never more than the file-size budget allows (a device or a
// pipe named as a scenario cannot make a read run forever).

import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { relative, resolve } from "node:path";
import { compileScenario, type CompileResult } from "../core/compile.js";
import type { Diagnostic } from "../core/diagnostics.js";
import { limitsFromEnv, overLimit, withDefaults, type Limits } from "../core/limits.js";
import { decodeText } from "../core/text.js";
import type { LonLat, TheatreDef } from "../core/types.js";
import { factionColourClashes } from "../render/colour-vision.js";

export interface LoadOptions {
  /** Positions outside the theatre, in km (0 inside); see `outsideKmFor`. */
  readonly outsideKm?: (theatre: TheatreDef, at: LonLat) => number;
  /** Budgets; by default the built-in ones raised by `FRONTFOLD_MAX_…` environment variables. */
  readonly limits?: Partial<Limits>;
}

/** How the file is named in diagnostics: relative to the working folder when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, resolve(path));
  return rel.startsWith("..") ? resolve(path) : rel;
}

type Read = { text: string } | { problem: string };

/** Reads a regular file of at most `maxChars` characters' worth of bytes (UTF-8 takes up to 4 per
 * character; UTF-16 2). */
export function readScenarioText(path: string, maxChars: number): Read {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const stat = fstatSync(fd);
    if (!stat.isFile())
      return { problem: "this is not a regular file (a folder, device or pipe); expected a YAML file" };
    const maxBytes = maxChars * 4;
    if (stat.size > maxBytes)
      return { problem: overLimit("fileChars", `the file has ${stat.size} bytes`, maxChars) };
    const buffer = Buffer.alloc(stat.size);
    let got = 0;
    while (got < stat.size) {
      const n = readSync(fd, buffer, got, stat.size - got, got);
      if (n === 0) break;
      got += n;
    }
    return { text: decodeText(buffer.subarray(0, got)) };
  } catch {
    return { problem: "cannot read this file (missing or not readable)" };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The budgets in force: `FRONTFOLD_MAX_…` environment variables over the defaults (a value that is not a positive whole number is ignored). */
export function envLimits(): Partial<Limits> {
  return limitsFromEnv(process.env).limits;
}

export function loadScenario(path: string, options: LoadOptions = {}): CompileResult {
  const file = displayPath(path);
  const limits = withDefaults(options.limits ?? envLimits());
  const read = readScenarioText(path, limits.fileChars);
  if ("problem" in read) {
    const d: Diagnostic = { file, line: 1, col: 1, severity: "error", message: read.problem };
    return { diagnostics: [d], files: [file] };
  }
  return compileScenario({
    file,
    text: read.text,
    readFile: (p) => {
      const r = readScenarioText(p, limits.fileChars);
      return "text" in r ? r.text : undefined;
    },
    ...(options.outsideKm ? { outsideKm: options.outsideKm } : {}),
    limits,
    colourClashes: factionColourClashes,
  });
}
