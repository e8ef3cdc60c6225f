// Pass 5, corrections: each `retract` or `supersede` names an existing event other than itself
// and other than a correction (so corrections never chain or form a cycle), and an event is
// corrected at most once. The result says which event took each one out.

import { didYouMean, type Diagnostic } from "../diagnostics.js";
import type { EventEntry } from "./events.js";

/** Corrected event id → the id of the `retract`/`supersede` that corrects it. */
export function resolveCorrections(
  entries: readonly EventEntry[],
  byId: ReadonlyMap<string, EventEntry>,
  diags: Diagnostic[],
): ReadonlyMap<string, string> {
  const correctedBy = new Map<string, string>();
  for (const entry of entries) {
    const { def, file, path } = entry;
    if (def.type !== "retract" && def.type !== "supersede") continue;
    const target = byId.get(def.target);
    if (!target) {
      diags.push(
        file.report(
          "error",
          [...path, "target"],
          `${def.type} of an event that does not exist: "${def.target}"${didYouMean(def.target, byId.keys())}`,
        ),
      );
    } else if (target === entry) {
      diags.push(file.report("error", [...path, "target"], `an event cannot ${def.type} itself`));
    } else if (target.def.type === "retract" || target.def.type === "supersede") {
      diags.push(
        file.report(
          "error",
          [...path, "target"],
          `"${def.target}" is itself a ${target.def.type}: a correction cannot be corrected (the log is append-only); to bring back "${target.def.target}", add a new event saying what happened`,
        ),
      );
    } else if (correctedBy.has(def.target)) {
      diags.push(
        file.report(
          "error",
          [...path, "target"],
          `"${def.target}" is already corrected by "${correctedBy.get(def.target)}"`,
        ),
      );
    } else correctedBy.set(def.target, def.id);
  }
  return correctedBy;
}
