// How events read in the panels: a short type label, the faction they concern, their sources.
// Elements only, text through textContent.

import { maskToFactions } from "../core/query.js";
import { sourcesOf } from "../core/query.js";
import type { CompiledEvent, CompiledScenario, Source } from "../core/types.js";
import { h, safeHref } from "./dom.js";
import { effectiveDef, isLive } from "../core/event.js";

/** "SDF take", "contested", "siege", … for an event, in a few words. */
export function typeLabel(scenario: CompiledScenario, e: CompiledEvent): string {
  if (e.def.type === "supersede") return "correction";
  switch (e.type) {
    case "control": {
      const f = scenario.factions[e.faction - 1];
      return f ? `→ ${f.name}` : effectiveDef(e).type;
    }
    case "contest":
      return `contested by ${maskToFactions(scenario, e.by)
        .map((id) => factionName(scenario, id))
        .join(", ")}`;
    case "siege":
      return `besieged by ${maskToFactions(scenario, e.by)
        .map((id) => factionName(scenario, id))
        .join(", ")}`;
    case "lift":
      return "siege lifted";
    case "incident":
      return e.kind;
    case "chapter":
      return "chapter";
    case "note":
      return "note";
    case "retract":
      return "correction (retracted)";
  }
}

function factionName(scenario: CompiledScenario, id: string): string {
  return scenario.factions.find((f) => f.id === id)?.name ?? id;
}

/** The free text an event carries (narration, note text, note, reason), if any. */
export function eventText(e: CompiledEvent): string | undefined {
  const def = e.def;
  const parts: string[] = [];
  if (e.type === "chapter") parts.push(e.narration);
  if (e.type === "note") parts.push(e.text);
  if (def.type === "retract" || def.type === "supersede") parts.push(def.reason);
  if (def.note) parts.push(def.note);
  return parts.length > 0 ? parts.join(" ") : undefined;
}

/** A list of sources: publication (linked when it has an http(s) URL), date, title. */
export function sourceList(sources: readonly Source[]): HTMLUListElement {
  return h(
    "ul",
    { class: "sources" },
    ...sources.map((src) => {
      const href = safeHref(src.url);
      const pub = href
        ? h("a", { href, target: "_blank", rel: "noopener noreferrer" }, src.publication)
        : h("span", { class: "pub" }, src.publication);
      return h("li", {}, pub, `, ${src.date}`, src.title ? ` — “${src.title}”` : "");
    }),
  );
}

export function eventSources(e: CompiledEvent): readonly Source[] {
  return sourcesOf(e);
}

/** For an event a later correction retracted: a line saying so; otherwise `null`. */
export function retractedNote(e: CompiledEvent): HTMLParagraphElement | null {
  return isLive(e)
    ? null
    : h("p", { class: "event-retracted" }, `Corrected by “${e.retractedBy}”: not counted.`);
}
