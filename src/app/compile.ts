// Compiles a scenario opened from files: YAML → compiled log → theatre → partition, the same
// steps the build runs for shipped scenarios. Replies with the bundle, or with the diagnostics
// (each with its source line) when the files have errors. Runs in the compile worker, or on the
// page itself in the single-file build (which carries no worker file).

import { compileScenario } from "../core/compile.js";
import type { CompiledScenario, TheatreDef } from "../core/types.js";
import { compilePartition, partitionKey, type Partition } from "../geo/partition.js";
import type { ResolvedTheatre } from "../geo/theatre.js";
import { decodeText } from "../core/text.js";
import {
  likelyMain,
  mainFile,
  type CompileJob,
  type CompileReply,
  type OpenProgress,
  type ShownDiagnostic,
} from "../ui/compile-protocol.js";

/** Resolves a theatre definition (with the world atlas, or whatever the build can offer). */
export type TheatreResolver = (def: TheatreDef) => Promise<ResolvedTheatre>;

/** Partitions of recently opened files, by what they depend on: opening a file again after
 * editing its events (not its places or areas) skips the partition. */
const partitions = new Map<string, Partition>();

function partitionOf(scenario: CompiledScenario, theatre: ResolvedTheatre): Partition {
  const key = `${partitionKey(scenario, scenario.theatre)} ${JSON.stringify(theatre.bbox)}`;
  const known = partitions.get(key);
  if (known) return known;
  const partition = compilePartition(scenario, theatre);
  if (partitions.size >= 2) partitions.clear();
  partitions.set(key, partition);
  return partition;
}

function withSource(files: ReadonlyMap<string, string>, d: ShownDiagnostic): ShownDiagnostic {
  const text = files.get(d.file);
  const line = text?.split(/\r?\n/)[d.line - 1];
  return line === undefined ? d : { ...d, source: line };
}

function failure(
  id: number,
  main: string,
  message: string,
  before: readonly ShownDiagnostic[] = [],
): CompileReply {
  return {
    id,
    main,
    ok: false,
    diagnostics: [...before, { file: main, line: 1, col: 1, severity: "error", message }],
  };
}

async function compile(
  job: CompileJob,
  theatreFor: TheatreResolver,
  progress: (p: OpenProgress) => void,
  compiled: (scenario: CompiledScenario) => void,
): Promise<CompileReply> {
  const texts = job.files.map((f) => ({ name: f.name, text: decodeText(f.bytes) }));
  const files = new Map(texts.map((f) => [f.name, f.text]));
  const main = mainFile(texts) ?? "";
  const chars = texts.reduce((sum, f) => sum + f.text.length, 0);
  progress({ stage: "parsing", total: chars, unit: "characters" });
  const result = compileScenario({
    file: main,
    text: files.get(main) ?? "",
    // Includes are looked up among the files opened together, by name.
    readFile: (path) => files.get(path) ?? files.get(path.split("/").pop() ?? path),
    onParsed: () => progress({ stage: "checking" }),
  });
  const diagnostics = result.diagnostics.map((d) => withSource(files, d));
  if (!result.scenario) return { id: job.id, main, ok: false, diagnostics };
  const scenario = result.scenario;
  progress({ stage: "building", total: scenario.placeCount, unit: "places" });
  compiled(scenario);
  let theatre: ResolvedTheatre;
  try {
    theatre = await theatreFor(scenario.theatre);
  } catch (e) {
    return failure(job.id, main, `theatre: ${e instanceof Error ? e.message : String(e)}`, diagnostics);
  }
  const partition = partitionOf(scenario, theatre);
  const warnings: ShownDiagnostic[] = [
    ...diagnostics,
    ...partition.warnings.map((w) => ({
      file: main,
      line: 1,
      col: 1,
      severity: "warning" as const,
      message: w.message,
    })),
  ];
  return { id: job.id, main, ok: true, bundle: { scenario, theatre, partition }, diagnostics: warnings };
}

/**
 * Compiles opened files, telling `progress` each stage and `compiled` the scenario as soon as it
 * is checked (before its map is built); never throws (a crash becomes a diagnostic).
 */
export function compileOpened(
  job: CompileJob,
  theatreFor: TheatreResolver,
  progress: (p: OpenProgress) => void = () => undefined,
  compiled: (scenario: CompiledScenario) => void = () => undefined,
): Promise<CompileReply> {
  return compile(job, theatreFor, progress, compiled).catch((e: unknown) =>
    failure(
      job.id,
      likelyMain(job.files) ?? "",
      `could not compile: ${e instanceof Error ? e.message : String(e)}`,
    ),
  );
}
