// Pass 7, the `from` lint: `control … from: X` says who the author believes held the units just
// before; replaying the compiled log checks it and warns where the fold disagrees.

import type { Diagnostic } from "../diagnostics.js";
import { actsOnUnits, effectiveDef, isLive } from "../event.js";
import { replay } from "../fold.js";
import type { CompiledScenario } from "../types.js";
import type { EventEntry } from "./events.js";

export function lintFrom(
  scenario: CompiledScenario,
  byId: ReadonlyMap<string, EventEntry>,
  factionIndex: ReadonlyMap<string, number>,
  diags: Diagnostic[],
): void {
  replay(scenario, (state, e) => {
    if (!isLive(e) || !actsOnUnits(e)) return;
    const body = effectiveDef(e);
    if (body.type !== "control" || body.from === undefined) return;
    const expected = factionIndex.get(body.from);
    const entry = byId.get(e.id) as EventEntry;
    const base = e.def.type === "supersede" ? [...entry.path, "with"] : entry.path;
    for (const u of e.units) {
      const held = state.faction[u] as number;
      if (held === expected) continue;
      const who = held === 0 ? "nobody (unknown)" : `"${scenario.factions[held - 1]?.id}"`;
      diags.push(
        entry.file.report(
          "warning",
          [...base, "from"],
          `"${scenario.units[u]?.id}" was held by ${who} on ${body.date}, not "${body.from}"`,
        ),
      );
    }
  });
}
