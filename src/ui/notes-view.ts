// The presenter's notes window (`?notes=1&peer=<id>`): the current and the next stop with their
// narration, changes and sources, a clock, and buttons (and the clicker's keys) that drive the
// presenting window through the presenter channel. It draws no map and loads no scenario: all
// it shows comes from the presenting window, so it works for a file opened from disk too.

import type { Source } from "../core/types.js";
import { presenterKey } from "../playback/presenter-machine.js";
import { h, replaceChildren } from "./dom.js";
import { sourceList } from "./event-text.js";
import { longDate } from "../core/dates.js";
import type { NotesState, StopCard } from "./presenter-content.js";
import {
  PairedChannel,
  windowId,
  type PresenterCommand,
  type PresenterMessage,
} from "./presenter-protocol.js";

export class NotesView {
  private readonly id = windowId();
  private peer: string | undefined;
  private readonly channel: PairedChannel;
  private state: NotesState | undefined;
  private startedAt: number | undefined;
  private readonly root = h("main", { class: "notes" });
  private readonly scenarioTitle = h("h1", { class: "notes-scenario" }, "Presenter notes");
  private readonly position = h("span", { class: "notes-position" });
  private readonly date = h("strong", { class: "notes-date" });
  private readonly flags = h("span", { class: "notes-flags" });
  private readonly clock = h("p", { class: "notes-clock", "aria-label": "Time" });
  private readonly message = h(
    "p",
    { class: "notes-message", role: "status" },
    "Waiting for the presenting window…",
  );
  private readonly current = h("section", { class: "notes-card notes-current", "aria-label": "Now" });
  private readonly next = h("section", { class: "notes-card notes-next", "aria-label": "Next" });
  private readonly startButton = h(
    "button",
    { type: "button", class: "notes-start", hidden: true },
    "Start presenting",
  );
  private readonly buttons: Record<string, HTMLButtonElement> = {};

  constructor(peer: string | undefined, secret: string | undefined) {
    this.peer = peer;
    document.title = "Presenter notes · frontfold";
    document.body.className = "notes-window";
    const bar = h("div", { class: "notes-buttons", role: "toolbar", "aria-label": "Presentation" });
    const add = (key: string, label: string, command: PresenterCommand, hint: string) => {
      const b = h("button", { type: "button", title: hint, "data-command": key }, label);
      b.addEventListener("click", () => this.command(command));
      this.buttons[key] = b;
      bar.append(b);
    };
    add("previous", "◀ Previous", { type: "PREVIOUS" }, "PageUp / ←");
    add("next", "Next ▶", { type: "NEXT" }, "PageDown / → / Space");
    add("reveal", "Reveal", { type: "REVEAL" }, "Enter (predict mode)");
    add("blank", "Blank", { type: "BLANK" }, "b");
    add("autoplay", "Autoplay", { type: "AUTOPLAY" }, "a");
    add("predict", "Predict", { type: "PREDICT" }, "p");
    this.startButton.addEventListener("click", () => this.command({ type: "START" }));
    replaceChildren(
      this.root,
      h(
        "header",
        { class: "notes-head" },
        h(
          "div",
          {},
          this.scenarioTitle,
          h("p", { class: "notes-status" }, this.position, " · projector: ", this.date, " ", this.flags),
        ),
        this.clock,
      ),
      h("div", { class: "notes-controls" }, bar, this.startButton),
      this.message,
      h("div", { class: "notes-columns" }, this.current, this.next),
    );
    replaceChildren(document.body, this.root);
    this.channel = new PairedChannel(secret, (msg) => this.onMessage(msg));
    if (!this.channel.available)
      this.message.textContent = "This browser cannot talk to the presenting window (no BroadcastChannel).";
    else if (!this.channel.paired)
      this.message.textContent =
        "This window is not paired with a presentation: open it from the presenting window (press n there).";
    document.addEventListener("keydown", (ev) => this.onKey(ev));
    this.post({ kind: "hello", from: this.id, to: this.peer });
    // Ask again in case the presenting window was still loading.
    setTimeout(() => {
      if (!this.state) this.post({ kind: "hello", from: this.id, to: this.peer });
    }, 1000);
    setInterval(() => this.tick(), 1000);
    this.tick();
  }

  private onMessage(msg: PresenterMessage): void {
    if (msg.kind === "state") {
      if (this.peer !== undefined && msg.from !== this.peer) return;
      this.peer = msg.from;
      this.render(msg.state);
    } else if (msg.kind === "bye" && msg.from === this.peer) {
      this.message.hidden = false;
      this.message.textContent = "The presenting window was closed.";
    }
  }

  private command(command: PresenterCommand): void {
    if (!this.peer) return;
    this.post({ kind: "command", from: this.id, to: this.peer, command });
  }

  private post(msg: PresenterMessage): void {
    this.channel.post(msg);
  }

  private onKey(ev: KeyboardEvent): void {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const target = ev.target as HTMLElement | null;
    if (target?.tagName === "BUTTON" && (ev.key === "Enter" || ev.key === " ")) return;
    const event = presenterKey(ev.key);
    // Escape here closes nothing on the projector: leaving is done there.
    if (!event || event.type === "EXIT") return;
    ev.preventDefault();
    this.command(event);
  }

  private tick(): void {
    const now = new Date();
    const time = now.toTimeString().slice(0, 5);
    if (this.startedAt === undefined) {
      this.clock.textContent = time;
      return;
    }
    const s = Math.floor((Date.now() - this.startedAt) / 1000);
    const elapsed = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
    this.clock.textContent = `${elapsed} elapsed · ${time}`;
  }

  private render(state: NotesState): void {
    this.state = state;
    if (state.presenting && this.startedAt === undefined) this.startedAt = Date.now();
    document.title = `Notes · ${state.scenarioTitle} · frontfold`;
    this.scenarioTitle.textContent = state.scenarioTitle;
    this.position.textContent =
      state.index < 0 ? `Title card (${state.count} stops)` : `Stop ${state.index + 1} of ${state.count}`;
    this.date.textContent = state.date;
    const flags = [
      state.presenting ? "" : "not presenting",
      state.blank ? "BLANK" : "",
      state.predict ? "predict" : "",
      state.autoplay ? "autoplay" : "",
      state.everyChange ? "every change" : "",
    ].filter((f) => f !== "");
    this.flags.textContent = flags.length > 0 ? `(${flags.join(", ")})` : "";
    this.message.hidden = state.presenting;
    this.message.textContent = state.presenting ? "" : "The presenting window is not presenting.";
    this.startButton.hidden = state.presenting;
    for (const [key, on] of [
      ["blank", state.blank],
      ["autoplay", state.autoplay],
      ["predict", state.predict],
    ] as const)
      this.buttons[key]?.setAttribute("aria-pressed", String(on));
    if (this.buttons.reveal) this.buttons.reveal.disabled = !state.guessing;
    this.fillCard(this.current, state.guessing ? "Now (the class sees this)" : "Now", state.current, false);
    if (state.next)
      this.fillCard(
        this.next,
        state.guessing ? "Next: hidden from the class until you reveal it" : "Next",
        state.next,
        state.guessing,
      );
    else
      replaceChildren(
        this.next,
        h("h2", {}, "Next"),
        h("p", { class: "notes-end" }, "The end: no more stops."),
      );
  }

  private fillCard(el: HTMLElement, heading: string, card: StopCard, hidden: boolean): void {
    el.classList.toggle("hidden-from-class", hidden);
    replaceChildren(
      el,
      h("h2", {}, heading),
      h(
        "p",
        { class: "notes-kicker" },
        [card.kicker, longDate(card.date)].filter((x) => x !== "").join(" · "),
      ),
      h("h3", { class: "notes-title" }, card.title),
      card.narration ? h("p", { class: "notes-narration" }, card.narration) : null,
      card.sources.length > 0 ? sourcesBlock("Sources", card.sources) : null,
      card.changes.length > 0
        ? h(
            "div",
            { class: "notes-changes" },
            h(
              "h4",
              {},
              card.moreChanges > 0
                ? `Changes (latest ${card.changes.length} of ${card.changes.length + card.moreChanges})`
                : "Changes",
            ),
            h(
              "ul",
              {},
              ...card.changes.map((c) =>
                h(
                  "li",
                  {},
                  h("time", { datetime: c.date }, c.date),
                  " ",
                  c.title,
                  h("span", { class: "notes-label" }, ` ${c.label}`),
                  c.sources.length > 0 ? sourceList(c.sources) : null,
                ),
              ),
            ),
          )
        : null,
    );
  }
}

function sourcesBlock(title: string, sources: readonly Source[]): HTMLElement {
  return h("div", { class: "notes-sources" }, h("h4", {}, title), sourceList(sources));
}
