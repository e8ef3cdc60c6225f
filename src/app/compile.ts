// Compiles a scenario opened from files: YAML → compiled log → theatre → partition, the same
// steps the build runs for shipped scenarios. Replies with the bundle, or with the diagnostics
// (each with its source line) when the files have errors. Runs in the compile worker, or on the
// page itself in the single-file build (which carries no worker file).

import { compileScenario } from "../core/compile.js";
import type { TheatreDef } from "../core/types.js";
import { compilePartition } from "../geo/partition.js";
import type { ResolvedTheatre } from "../geo/theatre.js";
import type { CompileJob, CompileReply, OpenProgress, ShownDiagnostic } from "../ui/compile-protocol.js";

/** Resolves a theatre definition (with the world atlas, or whatever the build can offer). */
export type TheatreResolver = (def: TheatreDef) => Promise<ResolvedTheatre>;

function withSource(files: ReadonlyMap<string, string>, d: ShownDiagnostic): ShownDiagnostic {
  const text = files.get(d.file);
  const line = text?.split(/\r?\n/)[d.line - 1];
  return line === undefined ? d : { ...d, source: line };
}

function failure(job: CompileJob, message: string, before: readonly ShownDiagnostic[] = []): CompileReply {
  return {
    id: job.id,
    ok: false,
    diagnostics: [...before, { file: job.main, line: 1, col: 1, severity: "error", message }],
  };
}

async function compile(
  job: CompileJob,
  theatreFor: TheatreResolver,
  progress: (p: OpenProgress) => void,
): Promise<CompileReply> {
  const files = new Map(job.files.map((f) => [f.name, f.text]));
  const main = files.get(job.main) ?? "";
  const bytes = job.files.reduce((sum, f) => sum + f.text.length, 0);
  progress({ stage: "parsing", total: bytes, unit: "characters" });
  const result = compileScenario({
    file: job.main,
    text: main,
    // Includes are looked up among the files opened together, by name.
    readFile: (path) => files.get(path) ?? files.get(path.split("/").pop() ?? path),
    onParsed: () => progress({ stage: "checking" }),
  });
  const diagnostics = result.diagnostics.map((d) => withSource(files, d));
  if (!result.scenario) return { id: job.id, ok: false, diagnostics };
  const scenario = result.scenario;
  progress({ stage: "building", total: scenario.placeCount, unit: "places" });
  let theatre: ResolvedTheatre;
  try {
    theatre = await theatreFor(scenario.theatre);
  } catch (e) {
    return failure(job, `theatre: ${e instanceof Error ? e.message : String(e)}`, diagnostics);
  }
  const partition = compilePartition(scenario, theatre);
  const warnings: ShownDiagnostic[] = [
    ...diagnostics,
    ...partition.warnings.map((w) => ({
      file: job.main,
      line: 1,
      col: 1,
      severity: "warning" as const,
      message: w.message,
    })),
  ];
  return { id: job.id, ok: true, bundle: { scenario, theatre, partition }, diagnostics: warnings };
}

/** Compiles opened files, telling `progress` each stage; never throws (a crash becomes a diagnostic). */
export function compileOpened(
  job: CompileJob,
  theatreFor: TheatreResolver,
  progress: (p: OpenProgress) => void = () => undefined,
): Promise<CompileReply> {
  return compile(job, theatreFor, progress).catch((e: unknown) =>
    failure(job, `could not compile: ${e instanceof Error ? e.message : String(e)}`),
  );
}
