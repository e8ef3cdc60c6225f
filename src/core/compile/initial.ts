// Pass 2, initial control (from the main file and its includes): who holds what on the start
// date, and which units nobody names.

import type { Diagnostic } from "../diagnostics.js";
import type { Path } from "../parse.js";
import { initialSchema } from "../schema.js";
import type { CompiledScenario } from "../types.js";
import type { ScenarioFile } from "./files.js";
import { reportIssues } from "./issues.js";
import type { Refs, Sections } from "./sections.js";

export function compileInitial(
  files: readonly ScenarioFile[],
  sections: Sections,
  refs: Refs,
  diags: Diagnostic[],
): CompiledScenario["initial"] {
  const initial: { unit: number; faction: number; status: "held" | "contested" | "besieged"; by: number }[] =
    [];
  const seen = new Set<number>();
  for (const { file, data } of files) {
    if (data.initial === undefined) continue;
    const r = initialSchema.safeParse(data.initial);
    if (!r.success) {
      reportIssues(file, ["initial"], r.error.issues, diags);
      continue;
    }
    for (const [factionId, items] of Object.entries(r.data)) {
      const faction = refs.faction(file, ["initial", factionId], factionId);
      items.forEach((item, i) => {
        const entry = typeof item === "string" ? { unit: item, status: "held" as const, by: [] } : item;
        const path: Path =
          typeof item === "string" ? ["initial", factionId, i] : ["initial", factionId, i, "unit"];
        const u = refs.unit(file, path, entry.unit);
        if (u === undefined || faction === undefined) return;
        if (seen.has(u)) {
          diags.push(file.report("error", path, `"${entry.unit}" is given initial control twice`));
          return;
        }
        seen.add(u);
        let by = 0;
        entry.by.forEach((f, j) => {
          const code = refs.faction(file, ["initial", factionId, i, "by", j], f);
          if (code !== undefined) by |= 1 << code;
        });
        if (entry.status !== "held" && by === 0)
          diags.push(
            file.report(
              "error",
              path,
              `a ${entry.status} unit needs "by" (the factions contesting or besieging it)`,
            ),
          );
        initial.push({ unit: u, faction, status: entry.status, by });
      });
    }
  }
  sections.units.forEach((u, i) => {
    const where = sections.unitPath.get(u.id);
    if (!seen.has(i) && !u.boundary && where)
      diags.push(
        where.file.report(
          "warning",
          [...where.path, "id"],
          `"${u.id}" has no initial control; it is unknown until an event names it`,
        ),
      );
  });
  return initial;
}
