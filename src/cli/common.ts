// Shared steps of the CLI commands: load a scenario and print its diagnostics, parse dates.

import { writeFileSync } from "node:fs";
import { formatDiagnostic, hasErrors } from "../core/diagnostics.js";
import { isoDateProblem } from "../core/dates.js";
import type { CompiledScenario } from "../core/types.js";
import { loadScenario } from "../node/load.js";
import { theatreDistance } from "../node/theatre-check.js";
import { UsageError, type CliIo } from "./io.js";

/**
 * Loads and compiles; prints errors (and warnings when `warnings`) to stderr. The theatre check
 * (which loads country outlines) only runs when its warnings are shown.
 */
export function loadOrReport(
  path: string,
  io: CliIo,
  options: { warnings?: boolean } = {},
): CompiledScenario | undefined {
  const result = loadScenario(path, options.warnings ? { outsideKm: theatreDistance } : {});
  for (const d of result.diagnostics)
    if (d.severity === "error" || options.warnings) io.err(formatDiagnostic(d));
  if (hasErrors(result.diagnostics) || !result.scenario) return undefined;
  return result.scenario;
}

export function dateOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const problem = isoDateProblem(value);
  if (problem) throw new UsageError(`--${name}: ${problem}`);
  return value;
}

/** Writes `text` to `--out FILE` (saying so on stderr) or to stdout; 1 when the file cannot be written. */
export function writeOutput(io: CliIo, out: string | undefined, text: string): number {
  if (!out) {
    io.out(text);
    return 0;
  }
  try {
    writeFileSync(out, text.endsWith("\n") ? text : `${text}\n`);
  } catch (e) {
    io.err(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 1;
  }
  io.err(`wrote ${out}`);
  return 0;
}
