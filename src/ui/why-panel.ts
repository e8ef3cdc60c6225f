// "Why is this ground this colour?": for the unit that decides a clicked piece of ground, its
// faction and status, and the chain of events that made it so, newest first, with sources.

import type { ControlState } from "../core/fold.js";
import { describeUnit, provenance } from "../core/query.js";
import type { CompiledEvent, CompiledScenario } from "../core/types.js";
import { factionFill, UNKNOWN_FILL, UNKNOWN_LABEL } from "../map/style.js";
import { h, replaceChildren } from "./dom.js";
import { eventSources, eventText, retractedNote, sourceList, typeLabel } from "./event-text.js";
import { isLive } from "../core/event.js";

export class WhyPanel {
  constructor(
    private readonly host: HTMLElement,
    private readonly jump: (e: CompiledEvent) => void,
  ) {}

  clear(
    message = "Click or tap the map, or find a place by name, to see who holds that ground, and why.",
  ): void {
    replaceChildren(this.host, h("p", { class: "hint" }, message));
  }

  /**
   * Explains `unit` as of `state` (the fold through the current date); `others` are the other
   * units covering the same ground, mentioned for completeness.
   */
  show(scenario: CompiledScenario, state: ControlState, unit: number, others: readonly number[]): void {
    const r = describeUnit(scenario, state, unit);
    const faction = scenario.factions.find((f) => f.id === r.faction);
    const chain = provenance(scenario, unit, state.applied);
    const status =
      r.status === "unknown"
        ? "No control recorded"
        : r.status === "held"
          ? "Held"
          : `${r.status === "contested" ? "Contested" : "Besieged"} by ${r.by.map((id) => scenario.factions.find((f) => f.id === id)?.name ?? id).join(", ")}`;
    replaceChildren(
      this.host,
      h(
        "h3",
        { class: "why-unit" },
        r.name,
        h(
          "span",
          { class: "why-kind" },
          ` (${r.kind === "area" ? "area" : (scenario.units[unit]?.placeKind ?? "place")})`,
        ),
      ),
      h(
        "p",
        { class: "why-faction" },
        h("span", {
          class: "swatch",
          style: `background:${faction ? factionFill(faction.color) : UNKNOWN_FILL}`,
        }),
        faction ? faction.name : UNKNOWN_LABEL,
        h("span", { class: "why-status" }, ` — ${status}`),
        r.since ? ` since ${r.since}` : "",
      ),
      faction?.covers ? h("p", { class: "why-covers" }, faction.covers) : null,
      r.event
        ? null
        : h(
            "p",
            { class: "why-initial" },
            r.since
              ? `As given at the start of the scenario (${r.since}).`
              : "No event has named this place yet.",
          ),
      chain.length > 0 ? h("h4", {}, "Events behind it, newest first") : null,
      chain.length > 0
        ? h(
            "ol",
            { class: "why-chain" },
            ...chain.map((e) => {
              const text = eventText(e);
              return h(
                "li",
                { class: isLive(e) ? undefined : "retracted" },
                h(
                  "button",
                  { type: "button", class: "event-jump", title: `Go to ${e.date}` },
                  h("time", { datetime: e.date }, e.date),
                  h("span", { class: "event-type" }, typeLabel(scenario, e)),
                  h("span", { class: "event-title" }, e.title),
                ),
                retractedNote(e),
                e.def.confidence === "claimed"
                  ? h("p", { class: "event-claimed" }, "Claimed, not independently assessed.")
                  : null,
                text ? h("p", { class: "event-text" }, text) : null,
                sourceList(eventSources(e)),
              );
            }),
          )
        : null,
      others.length > 0
        ? h(
            "p",
            { class: "why-others" },
            `Also covering this ground: ${others.map((u) => scenario.units[u]?.name ?? "?").join(", ")}. The one whose control changed most recently decides its colour.`,
          )
        : null,
    );
    const buttons = this.host.querySelectorAll<HTMLButtonElement>(".why-chain button");
    buttons.forEach((b, i) => b.addEventListener("click", () => this.jump(chain[i] as CompiledEvent)));
  }
}
