// Events around the current date, with their sources; clicking one jumps to its date, and the
// current one (the latest on or before the date) is highlighted as the slider moves.

import type { CompiledEvent, CompiledScenario } from "../core/types.js";
import { h, replaceChildren } from "./dom.js";
import { eventSources, eventText, retractedNote, sourceList, typeLabel } from "./event-text.js";
import { eventsAround } from "./events-around.js";
import { isLive } from "../core/event.js";

export class EventsPanel {
  private scenario: CompiledScenario | undefined;
  private key = "";
  private readonly list: HTMLOListElement;

  constructor(
    host: HTMLElement,
    private readonly jump: (e: CompiledEvent) => void,
  ) {
    this.list = h("ol", { class: "events" });
    host.append(this.list);
    this.list.addEventListener("click", (ev) => {
      const button = (ev.target as Element | null)?.closest("button[data-index]");
      if (!button || !this.scenario) return;
      const e = this.scenario.log[Number(button.getAttribute("data-index"))];
      if (e) this.jump(e);
    });
  }

  setScenario(scenario: CompiledScenario): void {
    this.scenario = scenario;
    this.key = "";
    // Nothing of the previous scenario's list is kept.
    replaceChildren(this.list);
  }

  update(day: number): void {
    const sc = this.scenario;
    if (!sc) return;
    const win = eventsAround(sc.log, day, 5, 7);
    const key = `${win.indices[0] ?? -1}:${win.indices.length}:${win.current}`;
    if (key === this.key) return;
    const rebuild = !this.key.startsWith(`${win.indices[0] ?? -1}:${win.indices.length}:`);
    this.key = key;
    if (rebuild) {
      // The window slid: the items still in it are kept, only the new ones are made.
      const kept = new Map<number, Element>();
      for (const li of this.list.children) kept.set(Number(li.getAttribute("data-index")), li);
      replaceChildren(
        this.list,
        ...win.indices.map((i) => kept.get(i) ?? this.item(sc, sc.log[i] as CompiledEvent)),
      );
    }
    for (const li of this.list.children) {
      const current = Number(li.getAttribute("data-index")) === win.current;
      li.classList.toggle("current", current);
      if (current) li.setAttribute("aria-current", "true");
      else li.removeAttribute("aria-current");
      const index = Number(li.getAttribute("data-index"));
      li.classList.toggle("future", index > win.current);
    }
  }

  private item(sc: CompiledScenario, e: CompiledEvent): HTMLLIElement {
    const text = eventText(e);
    const sources = eventSources(e);
    return h(
      "li",
      {
        class: `event event-${e.def.type}${isLive(e) ? "" : " retracted"}`,
        "data-index": e.index,
      },
      h(
        "button",
        { type: "button", class: "event-jump", "data-index": e.index, title: `Go to ${e.date}` },
        h("time", { datetime: e.date }, e.date),
        h("span", { class: "event-type" }, typeLabel(sc, e)),
        h("span", { class: "event-title" }, e.title),
      ),
      retractedNote(e),
      text ? h("p", { class: "event-text" }, text) : null,
      sources.length > 0 ? sourceList(sources) : null,
    );
  }
}
