// `frontfold events SCENARIO [--from D] [--to D]`: the ordered log, one line per event.

import { parseArgs } from "node:util";
import { loadOrReport } from "./common.js";
import { dateOption } from "./options.js";
import { UsageError, type Command } from "./io.js";
import { effectiveDef, isLive } from "../core/event.js";

export const run: Command = async (args, io) => {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { from: { type: "string" }, to: { type: "string" } },
  });
  const [file] = positionals;
  if (!file) throw new UsageError("events needs a scenario file");
  const from = dateOption("from", values.from);
  const to = dateOption("to", values.to);
  const scenario = loadOrReport(file, io);
  if (!scenario) return 1;
  for (const e of scenario.log) {
    if ((from && e.date < from) || (to && e.date > to)) continue;
    // The type the event has in the log (a supersede's is its replacement's); that it was written
    // as a supersede shows in the flag, with the event it replaced.
    const shown = effectiveDef(e);
    const precision = e.date_precision === "day" ? "" : ` (${e.date_precision})`;
    const corrector = isLive(e) ? undefined : scenario.log.find((x) => x.id === e.retractedBy);
    const flag = !isLive(e)
      ? ` [${corrector?.supersedes ? "superseded" : "retracted"} by ${e.retractedBy}]`
      : e.supersedes
        ? ` [supersedes ${e.supersedes}]`
        : "";
    io.out(`${e.date}${precision}  ${shown.type.padEnd(10)}  ${e.id}  ${e.title}${flag}`);
  }
  return 0;
};
