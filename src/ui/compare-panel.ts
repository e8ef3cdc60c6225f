// Compare two dates: pick a second date; the map shows ground that changed hands between the
// two, and a table gives the km² that passed from each faction to each other one.

import { dateOf, dayOf, isIsoDate } from "../core/dates.js";
import type { CompiledScenario } from "../core/types.js";
import { formatKm2 } from "../render/chart.js";
import { OPEN_COUNTRY_NOTE, SETTLED_NOTE } from "../map/legend.js";
import { factionFill, UNKNOWN_FILL } from "../map/style.js";
import { h, replaceChildren } from "./dom.js";

export interface CompareHandlers {
  /** The comparison date was set (a day) or cleared (undefined). */
  change(day: number | undefined): void;
  /** The date on the slider, for "compare with this date". */
  current(): number;
}

export interface ChangeRow {
  readonly from: number;
  readonly to: number;
  readonly km2: number;
  /** The part of `km2` in open country. */
  readonly openKm2: number;
}

export class ComparePanel {
  private readonly input: HTMLInputElement;
  private readonly toggle: HTMLButtonElement;
  private readonly result = h("div", { class: "compare-result", "aria-live": "polite" });
  private scenario: CompiledScenario | undefined;
  private day: number | undefined;
  /** The theatre has open country: the table splits settled ground from open country. */
  private openCountry = false;

  constructor(
    host: HTMLElement,
    private readonly handlers: CompareHandlers,
  ) {
    this.input = h("input", { type: "date", id: "compare-date", name: "compare" });
    this.toggle = h("button", { type: "button", id: "compare-toggle" }, "Compare");
    const pin = h(
      "button",
      {
        type: "button",
        id: "compare-pin",
        title: "Keep the date on the slider and compare later dates with it",
      },
      "Compare with the date shown",
    );
    pin.addEventListener("click", () => this.handlers.change(this.handlers.current()));
    host.append(
      h(
        "p",
        { class: "compare-form" },
        h("label", { for: "compare-date" }, "Compare with "),
        this.input,
        " ",
        this.toggle,
      ),
      h("p", { class: "compare-form" }, pin),
      this.result,
    );
    this.input.addEventListener("change", () => {
      if (isIsoDate(this.input.value)) this.handlers.change(dayOf(this.input.value));
    });
    this.toggle.addEventListener("click", () => {
      if (this.day !== undefined) this.handlers.change(undefined);
      else if (isIsoDate(this.input.value)) this.handlers.change(dayOf(this.input.value));
    });
  }

  setScenario(scenario: CompiledScenario, openCountry = false): void {
    this.scenario = scenario;
    this.openCountry = openCountry;
    this.input.min = scenario.start;
    this.input.max = scenario.end;
    if (!isIsoDate(this.input.value)) this.input.value = scenario.start;
    this.set(undefined);
  }

  /** Shows the comparison state (from the app, e.g. a link with `compare=`). */
  set(day: number | undefined): void {
    this.day = day;
    if (day !== undefined) this.input.value = dateOf(day);
    this.toggle.textContent = day === undefined ? "Compare" : "Stop comparing";
    this.toggle.setAttribute("aria-pressed", String(day !== undefined));
    if (day === undefined)
      replaceChildren(
        this.result,
        h(
          "p",
          { class: "hint" },
          "Pick a date, or pin the date shown, then move the slider: the map outlines the ground that changed hands in between.",
        ),
      );
  }

  /** The table of km² that changed hands between the compare date and `day`. */
  showChanges(day: number, rows: readonly ChangeRow[]): void {
    const sc = this.scenario;
    if (!sc || this.day === undefined) return;
    const name = (code: number) => (code === 0 ? "no one (unknown)" : (sc.factions[code - 1]?.name ?? "?"));
    const color = (code: number) =>
      code === 0 ? UNKNOWN_FILL : factionFill(sc.factions[code - 1]?.color ?? "#999999");
    const [a, b] = this.day <= day ? [this.day, day] : [day, this.day];
    const shown = rows.filter((r) => r.km2 >= 0.5);
    replaceChildren(
      this.result,
      h("p", { class: "compare-range" }, `From ${dateOf(a)} to ${dateOf(b)}:`),
      shown.length === 0
        ? h("p", {}, "No ground changed hands.")
        : h(
            "table",
            { class: "compare-table" },
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                h("th", { scope: "col" }, "From"),
                h("th", { scope: "col" }, "To"),
                ...(this.openCountry
                  ? [
                      h("th", { scope: "col", class: "num", title: SETTLED_NOTE }, "Settled km²"),
                      h("th", { scope: "col", class: "num", title: OPEN_COUNTRY_NOTE }, "Open km²"),
                    ]
                  : [h("th", { scope: "col", class: "num" }, "km²")]),
              ),
            ),
            h(
              "tbody",
              {},
              ...shown.map((r) =>
                h(
                  "tr",
                  {},
                  h(
                    "td",
                    {},
                    h("span", { class: "swatch", style: `background:${color(r.from)}` }),
                    name(r.from),
                  ),
                  h("td", {}, h("span", { class: "swatch", style: `background:${color(r.to)}` }), name(r.to)),
                  ...(this.openCountry
                    ? [
                        h("td", { class: "num" }, formatKm2(r.km2 - r.openKm2)),
                        h("td", { class: "num open" }, formatKm2(r.openKm2)),
                      ]
                    : [h("td", { class: "num" }, formatKm2(r.km2))]),
                ),
              ),
            ),
          ),
      shown.length > 0 && this.openCountry
        ? h(
            "p",
            { class: "compare-note" },
            `Settled: ${SETTLED_NOTE.toLowerCase()}. Open: ${OPEN_COUNTRY_NOTE.toLowerCase()}.`,
          )
        : null,
    );
  }
}
