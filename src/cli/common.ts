// Shared step of the CLI commands: load a scenario and print its diagnostics.

import { formatDiagnostic, hasErrors } from "../core/diagnostics.js";
import type { CompiledScenario } from "../core/types.js";
import { loadScenario } from "../node/load.js";
import { theatreDistance } from "../node/theatre-check.js";
import type { CliIo } from "./io.js";

/** A compiled scenario and the files it was read from (which no command may overwrite). */
export interface Loaded {
  readonly scenario: CompiledScenario;
  readonly inputs: readonly string[];
}

/**
 * Loads and compiles; prints errors (and warnings when `warnings`) to stderr. The theatre check
 * (which loads country outlines) only runs when its warnings are shown.
 */
export function loadInputs(
  path: string,
  io: CliIo,
  options: { warnings?: boolean } = {},
): Loaded | undefined {
  const result = loadScenario(path, options.warnings ? { outsideKm: theatreDistance } : {});
  for (const d of result.diagnostics)
    if (d.severity === "error" || options.warnings) io.err(formatDiagnostic(d));
  if (hasErrors(result.diagnostics) || !result.scenario) return undefined;
  return { scenario: result.scenario, inputs: result.files };
}

/** `loadInputs` for commands that only read. */
export function loadOrReport(
  path: string,
  io: CliIo,
  options: { warnings?: boolean } = {},
): CompiledScenario | undefined {
  return loadInputs(path, io, options)?.scenario;
}
