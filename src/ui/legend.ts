// The app's key: the map model's standing key (`legendEntries` without a date) — a swatch per
// faction (what it covers as a tooltip), then contested (hatched), besieged (outlined), front line
// and ground nobody is recorded holding — drawn with the same colours as the map and the exports.
// The key folds away behind its title (a button), and remembers whether it was open.

import type { CompiledScenario } from "../core/types.js";
import { legendEntries, type LegendEntry } from "../map/legend.js";
import { BESIEGED, FRONT, HATCH, STROKES } from "../map/style.js";
import { h, s } from "./dom.js";

function swatch(...children: SVGElement[]): SVGSVGElement {
  return s(
    "svg",
    { class: "legend-swatch", width: 18, height: 12, viewBox: "0 0 18 12", "aria-hidden": "true" },
    ...children,
  );
}

function symbol(entry: LegendEntry): SVGSVGElement {
  switch (entry.kind) {
    case "fill":
      return swatch(
        s("rect", { x: 0.5, y: 0.5, width: 17, height: 11, fill: entry.fill, stroke: "rgba(0,0,0,.35)" }),
      );
    case "contested":
      return swatch(
        s("rect", { x: 0.5, y: 0.5, width: 17, height: 11, fill: "#f5f3ee", stroke: "rgba(0,0,0,.35)" }),
        s("path", {
          d: "M-2,10L6,2M4,12L14,2M10,12L18,4",
          stroke: HATCH.color,
          "stroke-opacity": HATCH.opacity,
          "stroke-width": 1.6,
        }),
      );
    case "besieged":
      return swatch(
        s("rect", {
          x: 1.5,
          y: 1.5,
          width: 15,
          height: 9,
          fill: "#f5f3ee",
          stroke: BESIEGED,
          "stroke-width": 2,
          "stroke-dasharray": "3 1.5",
        }),
      );
    case "front":
      return swatch(s("path", { d: "M0,6H18", stroke: FRONT, "stroke-width": STROKES.front + 0.5 }));
  }
}

const KEY_STORE = "frontfold.key";
/** Where the page is a phone's, the key starts folded (it sits under the map there). */
const NARROW = "(max-width: 600px)";

/** Whether the key is open: as the reader last left it, else open except on a phone. */
export function keyExpanded(): boolean {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(KEY_STORE);
  } catch {
    // Storage refused (a private window, a file:// page): fall back to the default.
  }
  if (stored === "open") return true;
  if (stored === "closed") return false;
  return !window.matchMedia(NARROW).matches;
}

function rememberKey(open: boolean): void {
  try {
    localStorage.setItem(KEY_STORE, open ? "open" : "closed");
  } catch {
    // Not remembered; the key still folds.
  }
}

/**
 * The key: a title button that folds and unfolds the list (Enter or Space on it too), and the
 * list. `toggled` is told after each fold, so the map can use the room.
 */
export function legend(
  scenario: CompiledScenario,
  openCountry = false,
  toggled: (open: boolean) => void = () => undefined,
): HTMLElement {
  const items = legendEntries(scenario.factions, undefined, openCountry).map((entry) =>
    h(
      "li",
      entry.kind === "fill"
        ? { title: entry.note ?? entry.label, ...(entry.code === 0 ? { class: "legend-pattern" } : {}) }
        : { class: "legend-pattern" },
      symbol(entry),
      entry.label,
    ),
  );
  const open = keyExpanded();
  const list = h("ul", { class: "legend-list", id: "legend-list", hidden: !open }, ...items);
  const button = h(
    "button",
    {
      type: "button",
      class: "legend-toggle",
      "aria-expanded": String(open),
      "aria-controls": "legend-list",
      title: "Show or hide the key",
    },
    "Key",
  );
  const box = h(
    "div",
    { class: open ? "legend-box" : "legend-box folded" },
    h("h2", { class: "legend-title" }, button),
    list,
  );
  button.addEventListener("click", () => {
    const now = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(now));
    list.hidden = !now;
    box.classList.toggle("folded", !now);
    rememberKey(now);
    toggled(now);
  });
  return box;
}
