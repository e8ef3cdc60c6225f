// Reads a scenario file (and its includes) from disk and compiles it. The one place where the
// compiler meets the file system; unreadable files become diagnostics like any other problem.

import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { compileScenario, type CompileResult } from "../core/compile.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { LonLat, TheatreDef } from "../core/types.js";
import { factionColourClashes } from "../render/colour-vision.js";

export interface LoadOptions {
  /** Positions outside the theatre, in km (0 inside); see `outsideKmFor`. */
  readonly outsideKm?: (theatre: TheatreDef, at: LonLat) => number;
}

/** How the file is named in diagnostics: relative to the working folder when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, resolve(path));
  return rel.startsWith("..") ? resolve(path) : rel;
}

function readText(path: string): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: false }).decode(readFileSync(path));
  } catch {
    return undefined;
  }
}

export function loadScenario(path: string, options: LoadOptions = {}): CompileResult {
  const file = displayPath(path);
  const text = readText(path);
  if (text === undefined) {
    const d: Diagnostic = {
      file,
      line: 1,
      col: 1,
      severity: "error",
      message: "cannot read this file (missing or not readable)",
    };
    return { diagnostics: [d], files: [file] };
  }
  return compileScenario({
    file,
    text,
    readFile: (p) => readText(p),
    ...(options.outsideKm ? { outsideKm: options.outsideKm } : {}),
    colourClashes: factionColourClashes,
  });
}
