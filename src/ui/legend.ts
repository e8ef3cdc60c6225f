// The map's key: a swatch per faction (with what the faction covers as a tooltip), then the
// patterns and lines that carry meaning without colour: contested (hatched), besieged (outlined),
// front line, no control recorded.

import type { CompiledScenario } from "../core/types.js";
import { factionFill } from "../render/palette.js";
import { h, s } from "./dom.js";
import { UNKNOWN_FILL } from "./map-view.js";

function swatch(...children: SVGElement[]): SVGSVGElement {
  return s(
    "svg",
    { class: "legend-swatch", width: 18, height: 12, viewBox: "0 0 18 12", "aria-hidden": "true" },
    ...children,
  );
}

export function legend(scenario: CompiledScenario): HTMLElement {
  const items = scenario.factions.map((f) =>
    h(
      "li",
      { title: f.covers ?? f.name },
      swatch(
        s("rect", {
          x: 0.5,
          y: 0.5,
          width: 17,
          height: 11,
          fill: factionFill(f.color),
          stroke: "rgba(0,0,0,.35)",
        }),
      ),
      f.name,
    ),
  );
  return h(
    "div",
    {},
    h("h2", { class: "legend-title" }, "Key"),
    h(
      "ul",
      { class: "legend-list" },
      ...items,
      h(
        "li",
        { class: "legend-pattern" },
        swatch(
          s("rect", { x: 0.5, y: 0.5, width: 17, height: 11, fill: "#f5f3ee", stroke: "rgba(0,0,0,.35)" }),
          s("path", { d: "M-2,10L6,2M4,12L14,2M10,12L18,4", stroke: "#222", "stroke-width": 1.2 }),
        ),
        "Contested (hatched)",
      ),
      h(
        "li",
        { class: "legend-pattern" },
        swatch(
          s("rect", {
            x: 1.5,
            y: 1.5,
            width: 15,
            height: 9,
            fill: "#f5f3ee",
            stroke: "#b00020",
            "stroke-width": 2,
            "stroke-dasharray": "3 1.5",
          }),
        ),
        "Besieged (outlined)",
      ),
      h(
        "li",
        { class: "legend-pattern" },
        swatch(s("path", { d: "M0,6H18", stroke: "#111", "stroke-width": 2 })),
        "Front line",
      ),
      h(
        "li",
        { class: "legend-pattern" },
        swatch(
          s("rect", { x: 0.5, y: 0.5, width: 17, height: 11, fill: UNKNOWN_FILL, stroke: "rgba(0,0,0,.35)" }),
        ),
        "No control recorded",
      ),
    ),
  );
}
