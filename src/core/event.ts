// Questions about one compiled event, each answered in one place.

import type { CompiledEvent, ControlEvent, EffectiveDef } from "./types.js";

/** True unless a later `retract` or `supersede` took the event out: only live events are folded,
 * counted, shown as changes, narrated or drawn. A superseding event is itself live. */
export function isLive(e: CompiledEvent): boolean {
  return e.retractedBy === undefined;
}

/** True for the events that act on units (control, contest, siege, lift): what the fold applies. */
export function actsOnUnits(e: CompiledEvent): e is ControlEvent {
  return e.type === "control" || e.type === "contest" || e.type === "siege" || e.type === "lift";
}

/** The definition the event carries out: a supersede's replacement, any other event as written. */
export function effectiveDef(e: { readonly def: CompiledEvent["def"] }): EffectiveDef {
  return e.def.type === "supersede" ? e.def.with : e.def;
}
