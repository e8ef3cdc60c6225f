// Messages between the page and the compile worker, and the stages of opening a file.

import type { Diagnostic } from "../core/diagnostics.js";
import type { ScenarioBundle } from "../map/bundle.js";

/** Files opened together, to compile: their bytes as read (decoded by the compiler, off the
 * page; a worker receives the buffers themselves, not copies). */
export interface CompileJob {
  readonly id: number;
  /** The scenario and any files it includes, as opened together. */
  readonly files: readonly { readonly name: string; readonly bytes: Uint8Array }[];
}

/** What the page sends the compile worker. */
export interface CompileRequest extends CompileJob {
  /** Absolute URL of the world-atlas countries topology. */
  readonly atlasUrl: string;
}

/** The stages of opening a file, in order. */
export const OPEN_STAGES = ["reading", "parsing", "checking", "building", "drawing"] as const;
export type OpenStage = (typeof OPEN_STAGES)[number];

/** How far opening has come: a stage, and within it `done` of `total` (when known). */
export interface OpenProgress {
  readonly stage: OpenStage;
  readonly done?: number | undefined;
  readonly total?: number | undefined;
  /** What is being counted, for the reader ("events", "MB"). */
  readonly unit?: string | undefined;
}

/** Compiles opened files: in a worker, or on the page in the single-file build. */
export interface ScenarioCompiler {
  /** Compiles `job`, telling `progress` each stage reached; resolves `undefined` if cancelled. */
  compile(job: CompileJob, progress?: (p: OpenProgress) => void): Promise<CompileReply | undefined>;
  /** Abandons the compile under way (the worker is stopped); its promise resolves `undefined`. */
  cancel(): void;
}

/** A diagnostic with the text of the line it points at. */
export interface ShownDiagnostic extends Diagnostic {
  readonly source?: string | undefined;
}

export type CompileReply =
  | {
      readonly id: number;
      /** The scenario file among those opened. */
      readonly main: string;
      readonly ok: true;
      readonly bundle: ScenarioBundle;
      readonly diagnostics: readonly ShownDiagnostic[];
    }
  | {
      readonly id: number;
      readonly main: string;
      readonly ok: false;
      readonly diagnostics: readonly ShownDiagnostic[];
    };

/** Events per message when a compiled log crosses from the worker to the page: each message is
 * decoded in a task of its own, short enough to keep the page responsive. */
export const LOG_CHUNK = 4000;

/**
 * What the worker posts: progress, the compiled log in chunks (`events`, in order, as soon as the
 * scenario is checked, while its map is built), then the reply, which carries the log's length
 * and an empty log. The reply and the chunks cross as JSON text: a string is copied in one piece,
 * and `JSON.parse` builds the page's objects faster than a structured clone of as many small
 * objects would.
 */
export type WorkerMessage =
  | { readonly id: number; readonly kind: "progress"; readonly progress: OpenProgress }
  | {
      readonly id: number;
      readonly kind: "reply";
      /** The `CompileReply`, as JSON. */
      readonly reply: string;
      readonly logLength: number;
    }
  | {
      readonly id: number;
      readonly kind: "events";
      /** The chunk's `CompiledEvent`s, as a JSON array. */
      readonly events: string;
      /** Events in the whole log. */
      readonly total: number;
    };

/** A file of events only (`*.events.yaml`), included by a scenario. */
function isEventsFile(name: string): boolean {
  return /\.events\.ya?ml$/i.test(name);
}

/** The likely scenario among files opened together, by name alone (before they are read). */
export function likelyMain(files: readonly { readonly name: string }[]): string | undefined {
  return (files.find((f) => !isEventsFile(f.name)) ?? files[0])?.name;
}

/** Which of several opened files is the scenario (the others being its includes). */
export function mainFile(
  files: readonly { readonly name: string; readonly text: string }[],
): string | undefined {
  const scenarios = files.filter((f) => !isEventsFile(f.name) && /^(id|theatre|factions)\s*:/m.test(f.text));
  return scenarios[0]?.name ?? likelyMain(files);
}
