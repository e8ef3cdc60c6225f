// The CLI's entry: dispatches `frontfold <command>`; usage errors exit 2, and no command ever
// ends in a stack trace for bad input.

import { processIo, UsageError, type CliIo, type Command } from "./io.js";

const commands: Record<string, { summary: string; load: () => Promise<{ run: Command }> }> = {
  check: {
    summary: "check FILE...                          diagnostics; exit 1 on errors",
    load: () => import("./check.js"),
  },
  control: {
    summary: "control SCENARIO --date D --place NAME [--json]   who held a place",
    load: () => import("./control.js"),
  },
  events: {
    summary: "events SCENARIO [--from D] [--to D]     the ordered event log",
    load: () => import("./events.js"),
  },
  frames: {
    summary: "frames SCENARIO --out DIR [--from D] [--to D] [--every 7d] [--format svg|png] [--width 1600]",
    load: () => import("./frames.js"),
  },
  animate: {
    summary: "animate SCENARIO --out FILE.gif [--from D --to D --every 7d | --chapters] [--delay-ms 600]",
    load: () => import("./animate.js"),
  },
  handout: {
    summary: "handout SCENARIO --out FILE.html         printable page: a map per chapter with narration",
    load: () => import("./handout.js"),
  },
  at: {
    summary: "at SCENARIO --date D --format geojson|svg|json [--out FILE]   control on a date",
    load: () => import("./at.js"),
  },
  stats: {
    summary: "stats SCENARIO [--every 7d] [--format csv|json]   km² per faction over time",
    load: () => import("./stats.js"),
  },
  gazetteer: {
    summary: "gazetteer NAME [--country SY]          GeoNames coordinates as places: entries",
    load: () => import("./gazetteer.js"),
  },
  schema: {
    summary: "schema [--out-dir DIR]                  JSON Schemas of scenario and events files",
    load: () => import("./schema.js"),
  },
};

export function usage(): string {
  return [
    "usage: frontfold <command> [options]",
    "",
    ...Object.values(commands).map((c) => `  ${c.summary}`),
  ].join("\n");
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`unknown command "${name}"\n${usage()}`);
    return 2;
  }
  try {
    const { run } = await command.load();
    return await run(rest, io);
  } catch (e) {
    if (
      e instanceof UsageError ||
      (e instanceof TypeError && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS"))
    ) {
      io.err(`frontfold ${name}: ${(e as Error).message}`);
      return 2;
    }
    throw e;
  }
}
