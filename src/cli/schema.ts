// `frontfold schema [--out-dir DIR]`: the JSON Schemas of scenario files and included events
// files, for editors (`# yaml-language-server: $schema=...`). Without --out-dir, prints the
// scenario schema.

import { join } from "node:path";
import { parseArgs } from "node:util";
import { eventsJsonSchema, scenarioJsonSchema } from "../core/schema.js";
import { ExportError, makeDir, writeOut } from "./export.js";
import type { Command } from "./io.js";

export const schemaFiles = {
  "scenario.schema.json": scenarioJsonSchema,
  "events.schema.json": eventsJsonSchema,
} as const;

export function schemaText(make: () => Record<string, unknown>): string {
  return `${JSON.stringify(make(), null, 2)}\n`;
}

export const run: Command = async (args, io) => {
  const { values } = parseArgs({ args, options: { "out-dir": { type: "string" } } });
  const dir = values["out-dir"];
  if (!dir) {
    io.out(schemaText(scenarioJsonSchema));
    return 0;
  }
  try {
    makeDir(dir);
    for (const [name, make] of Object.entries(schemaFiles)) writeOut(join(dir, name), schemaText(make), []);
  } catch (e) {
    if (!(e instanceof ExportError)) throw e;
    io.err(`frontfold schema: ${e.message}`);
    return 1;
  }
  io.err(`wrote ${Object.keys(schemaFiles).join(", ")} to ${dir}`);
  return 0;
};
