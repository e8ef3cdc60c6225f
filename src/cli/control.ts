// `frontfold control SCENARIO --date D --place NAME [--json]`: who held a place on a date.
// The faction id alone on the last line (`unknown` if nobody); --json gives the full state.
// `--batch FILE|-` answers many questions with one compile: lines `YYYY-MM-DD<TAB>NAME` in,
// `YYYY-MM-DD<TAB>NAME<TAB>FACTION` out in the same order (`error: …` when a line cannot be answered).

import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { countThrough, createHistory } from "../core/fold.js";
import { dayOf, isoDateProblem } from "../core/dates.js";
import { describeUnit, factionId, findUnits, nameIndex, provenance, sourcesOf } from "../core/query.js";
import type { CompiledScenario } from "../core/types.js";
import { loadOrReport } from "./common.js";
import { UsageError, type CliIo, type Command } from "./io.js";
import { effectiveDef } from "../core/event.js";
import { dateOption } from "./options.js";

export const run: Command = async (args, io) => {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      date: { type: "string" },
      place: { type: "string" },
      json: { type: "boolean" },
      batch: { type: "string" },
    },
  });
  const [file] = positionals;
  if (!file) throw new UsageError("control needs a scenario file");
  if (values.batch !== undefined) {
    if (values.date !== undefined || values.place !== undefined || values.json)
      throw new UsageError(
        "--batch takes its dates and places from its lines; drop --date, --place and --json",
      );
    const lines = readBatch(values.batch, io);
    if (lines === undefined) return 1;
    const scenario = loadOrReport(file, io);
    if (!scenario) return 1;
    return answerBatch(scenario, lines, io);
  }
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
    // The type is what the event does; a supersede says so, and which event it replaced.
    const chain = provenance(scenario, unit, countThrough(scenario.log, dayOf(date))).map((e) => ({
      id: e.id,
      date: e.date,
      type: effectiveDef(e).type,
      written_type: e.def.type,
      supersedes: e.supersedes,
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

function readBatch(source: string, io: CliIo): string[] | undefined {
  let text: string;
  try {
    text = source === "-" ? (io.stdin ?? (() => readFileSync(0, "utf8")))() : readFileSync(source, "utf8");
  } catch (e) {
    io.err(
      `cannot read ${source === "-" ? "standard input" : source}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
    return undefined;
  }
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** One answer per line, in input order; exit 1 when any line could not be answered. */
function answerBatch(scenario: CompiledScenario, lines: readonly string[], io: CliIo): number {
  const history = createHistory(scenario);
  const state = history.blank();
  const lookup = nameIndex(scenario);
  const out: string[] = [];
  let failed = 0;
  lines.forEach((line, i) => {
    const tab = line.indexOf("\t");
    const date = tab < 0 ? line : line.slice(0, tab);
    const name = tab < 0 ? "" : line.slice(tab + 1);
    let answer: string;
    const problem = tab < 0 ? "expected YYYY-MM-DD<TAB>NAME" : isoDateProblem(date);
    if (problem) answer = `error: line ${i + 1}: ${problem}`;
    else {
      const unit = lookup(name)[0];
      if (unit === undefined) answer = `error: unknown place "${name}" in ${scenario.id}`;
      else answer = factionId(scenario, history.stateAt(date, state).faction[unit] as number);
    }
    if (answer.startsWith("error: ")) failed++;
    out.push(`${date}\t${name}\t${answer}`);
  });
  if (out.length > 0) io.out(out.join("\n"));
  return failed > 0 ? 1 : 0;
}
