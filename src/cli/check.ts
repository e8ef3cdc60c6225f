// `frontfold check FILE...`: every problem in every file, `file:line:col severity message`.
// Exit 1 on any error, 0 otherwise (warnings allowed).

import { parseArgs } from "node:util";
import { formatDiagnostic, hasErrors } from "../core/diagnostics.js";
import { loadScenario } from "../node/load.js";
import { theatreDistance } from "../node/theatre-check.js";
import { UsageError, type Command } from "./io.js";

export const run: Command = async (args, io) => {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { quiet: { type: "boolean", short: "q" } },
  });
  if (positionals.length === 0) throw new UsageError("check needs at least one scenario file");
  let failed = false;
  let errors = 0;
  let warnings = 0;
  for (const path of positionals) {
    const result = loadScenario(path, { outsideKm: theatreDistance });
    for (const d of result.diagnostics) {
      if (d.severity === "warning" && values.quiet) continue;
      io.out(formatDiagnostic(d));
    }
    errors += result.diagnostics.filter((d) => d.severity === "error").length;
    warnings += result.diagnostics.filter((d) => d.severity === "warning").length;
    if (hasErrors(result.diagnostics)) failed = true;
  }
  io.err(`${positionals.length} file(s): ${errors} error(s), ${warnings} warning(s)`);
  return failed ? 1 : 0;
};
