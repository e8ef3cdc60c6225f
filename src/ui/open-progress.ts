// The progress of opening a file: its five stages as a list (done, current, to come), a progress
// bar a screen reader can follow (role=progressbar with a value and a text), a live region that
// announces each new stage, the counts of the stage under way, and a Cancel button.

import { h, replaceChildren } from "./dom.js";
import { OPEN_STAGES, type OpenProgress, type OpenStage } from "./compile-protocol.js";

const LABELS: Record<OpenStage, string> = {
  reading: "Reading",
  parsing: "Parsing",
  checking: "Checking",
  building: "Building the map",
  drawing: "Drawing",
};

/** Where each stage starts on the overall bar, in percent (from measured shares of an open). */
const STARTS: Record<OpenStage, number> = { reading: 0, parsing: 3, checking: 35, building: 70, drawing: 92 };

/** How far opening has come, 0–100, counting the stage under way by its `done` of `total`. */
export function overallPercent(p: OpenProgress): number {
  const i = OPEN_STAGES.indexOf(p.stage);
  const start = STARTS[p.stage];
  const next = OPEN_STAGES[i + 1];
  const end = next ? STARTS[next] : 100;
  const within = p.total && p.done !== undefined ? Math.min(1, Math.max(0, p.done / p.total)) : 0;
  return Math.round(start + (end - start) * within);
}

function count(n: number): string {
  return n.toLocaleString("en-GB");
}

/** The stage under way in words, with its counts: "Building the map: 40,000 of 100,000 events received". */
export function progressText(p: OpenProgress): string {
  const label = LABELS[p.stage];
  if (p.total === undefined) return `${label}…`;
  if (p.done === undefined) return `${label}: ${count(p.total)} ${p.unit ?? ""}`.trimEnd();
  return `${label}: ${count(p.done)} of ${count(p.total)} ${p.unit ?? ""}`.trimEnd();
}

export class OpenProgressView {
  private readonly title = h("h2", { id: "open-progress-title" });
  private readonly stages = h("ol", { class: "open-stages" });
  private readonly fill = h("div", { class: "open-bar-fill" });
  private readonly bar = h(
    "div",
    {
      class: "open-bar",
      role: "progressbar",
      "aria-labelledby": "open-progress-title",
      "aria-valuemin": 0,
      "aria-valuemax": 100,
      "aria-valuenow": 0,
    },
    this.fill,
  );
  private readonly detail = h("p", { class: "open-detail" });
  /** Announces a new stage (not every count: that would drown a screen reader). */
  private readonly live = h("p", { class: "sr-only", "aria-live": "polite" });
  private readonly cancelButton = h("button", { type: "button", class: "open-cancel" }, "Cancel");
  private stage: OpenStage | undefined;

  constructor(
    private readonly host: HTMLElement,
    cancel: () => void,
  ) {
    this.cancelButton.addEventListener("click", cancel);
    replaceChildren(host, this.title, this.stages, this.bar, this.detail, this.live, this.cancelButton);
    host.setAttribute("aria-labelledby", "open-progress-title");
    host.hidden = true;
  }

  /** Shows opening `name` at `p`; `undefined` hides the view. */
  show(name: string, p: OpenProgress | undefined): void {
    if (!p) {
      this.host.hidden = true;
      this.stage = undefined;
      return;
    }
    this.title.textContent = `Opening ${name}`;
    const current = OPEN_STAGES.indexOf(p.stage);
    if (p.stage !== this.stage) {
      this.stage = p.stage;
      replaceChildren(
        this.stages,
        ...OPEN_STAGES.map((s, i) =>
          h(
            "li",
            {
              class: i < current ? "done" : i === current ? "current" : "pending",
              "aria-current": i === current ? "step" : undefined,
            },
            LABELS[s],
          ),
        ),
      );
      this.live.textContent = `${LABELS[p.stage]} (step ${current + 1} of ${OPEN_STAGES.length})`;
      // Drawing happens on the page: there is nothing left to stop.
      this.cancelButton.disabled = p.stage === "drawing";
    }
    const percent = overallPercent(p);
    const text = progressText(p);
    this.bar.setAttribute("aria-valuenow", String(percent));
    this.bar.setAttribute("aria-valuetext", `${percent} %: ${text}`);
    this.fill.style.width = `${percent}%`;
    this.detail.textContent = text;
    this.host.hidden = false;
  }

  get visible(): boolean {
    return !this.host.hidden;
  }
}
