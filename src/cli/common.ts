// Shared step of the CLI commands: load a scenario and print its errors.

import { formatDiagnostic, hasErrors } from "../core/diagnostics.js";
import type { CompiledScenario } from "../core/types.js";
import { loadScenario } from "../node/load.js";
import type { CliIo } from "./io.js";

/** A compiled scenario and the files it was read from (which no command may overwrite). */
export interface Loaded {
  readonly scenario: CompiledScenario;
  readonly inputs: readonly string[];
}

/**
 * Loads and compiles; prints errors to stderr. The theatre check (which loads country outlines)
 * is left to `frontfold check`, so a command that only reads never loads the atlas.
 */
export function loadInputs(path: string, io: CliIo): Loaded | undefined {
  const result = loadScenario(path);
  for (const d of result.diagnostics) if (d.severity === "error") io.err(formatDiagnostic(d));
  if (hasErrors(result.diagnostics) || !result.scenario) return undefined;
  return { scenario: result.scenario, inputs: result.files };
}

/** `loadInputs` for commands that only read. */
export function loadOrReport(path: string, io: CliIo): CompiledScenario | undefined {
  return loadInputs(path, io)?.scenario;
}
