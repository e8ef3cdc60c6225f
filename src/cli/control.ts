// `frontfold control SCENARIO --date D --place NAME [--json]`: who held a place on a date.
// The faction id alone on the last line (`unknown` if nobody); --json gives the full state.

import { parseArgs } from "node:util";
import { countThrough, createHistory } from "../core/fold.js";
import { dayOf } from "../core/dates.js";
import { describeUnit, findUnits, provenance, sourcesOf } from "../core/query.js";
import { dateOption, loadOrReport } from "./common.js";
import { UsageError, type Command } from "./io.js";

export const run: Command = async (args, io) => {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { date: { type: "string" }, place: { type: "string" }, json: { type: "boolean" } },
  });
  const [file] = positionals;
  if (!file) throw new UsageError("control needs a scenario file");
  const date = dateOption("date", values.date);
  if (!date) throw new UsageError("control needs --date YYYY-MM-DD");
  if (!values.place) throw new UsageError("control needs --place NAME");
  const scenario = loadOrReport(file, io);
  if (!scenario) return 1;
  const matches = findUnits(scenario, values.place);
  if (matches.length === 0) {
    io.err(`unknown place "${values.place}" in ${scenario.id}`);
    return 2;
  }
  const unit = matches[0] as number;
  const state = createHistory(scenario).stateAt(date);
  const report = describeUnit(scenario, state, unit);
  if (values.json) {
    const chain = provenance(scenario, unit, countThrough(scenario.log, dayOf(date))).map((e) => ({
      id: e.id,
      date: e.date,
      type: e.type,
      title: e.title,
      retractedBy: e.retractedBy,
      sources: sourcesOf(e),
    }));
    io.out(JSON.stringify({ date, ...report, history: chain }, null, 2));
  } else {
    if (date < scenario.start || date > scenario.end)
      io.err(`note: ${date} is outside ${scenario.id}'s timeline (${scenario.start} … ${scenario.end})`);
    io.out(report.faction);
  }
  return 0;
};
