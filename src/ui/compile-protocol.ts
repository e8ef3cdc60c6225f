// Messages between the page and the compile worker.

import type { Diagnostic } from "../core/diagnostics.js";
import type { ScenarioBundle } from "../map/bundle.js";

/** Files opened together, to compile. */
export interface CompileJob {
  readonly id: number;
  /** Name of the scenario file among `files`. */
  readonly main: string;
  /** The scenario and any files it includes, as opened together. */
  readonly files: readonly { readonly name: string; readonly text: string }[];
}

/** What the page sends the compile worker. */
export interface CompileRequest extends CompileJob {
  /** Absolute URL of the world-atlas countries topology. */
  readonly atlasUrl: string;
}

/** Compiles opened files: in a worker, or on the page in the single-file build. */
export interface ScenarioCompiler {
  compile(job: CompileJob): Promise<CompileReply>;
}

/** A diagnostic with the text of the line it points at. */
export interface ShownDiagnostic extends Diagnostic {
  readonly source?: string | undefined;
}

export type CompileReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly bundle: ScenarioBundle;
      readonly diagnostics: readonly ShownDiagnostic[];
    }
  | { readonly id: number; readonly ok: false; readonly diagnostics: readonly ShownDiagnostic[] };

/** Which of several opened files is the scenario (the others being its includes). */
export function mainFile(
  files: readonly { readonly name: string; readonly text: string }[],
): string | undefined {
  const scenarios = files.filter(
    (f) => !/\.events\.ya?ml$/i.test(f.name) && /^(id|theatre|factions)\s*:/m.test(f.text),
  );
  return (scenarios[0] ?? files.find((f) => !/\.events\.ya?ml$/i.test(f.name)) ?? files[0])?.name;
}
