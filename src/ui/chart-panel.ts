// km² per faction over time: a stacked area chart with a cursor at the current date; clicking
// the chart jumps to that date.

import { dateOf, dayOf } from "../core/dates.js";
import type { CompiledScenario } from "../core/types.js";
import {
  type AreaSample,
  bandsBackground,
  cursorX,
  noteSamples,
  stackedAreaChart,
  type StackedChart,
} from "../render/chart.js";
import { axisTicks, dayAtX } from "../render/timeline.js";
import { OPEN_COUNTRY_NOTE, SETTLED_NOTE } from "../map/legend.js";
import { fillIndex, fillTable } from "../map/style.js";
import { h, s, replaceChildren } from "./dom.js";

const HEIGHT = 166;
const PAD = { left: 4, right: 4, top: 8, bottom: 20 };

export class ChartPanel {
  private readonly svg: SVGSVGElement;
  private readonly layers = s("g", { class: "chart-layers" });
  private readonly grid = s("g", { class: "chart-grid" });
  private readonly axis = s("g", { class: "chart-axis" });
  private readonly cursor = s("line", { class: "chart-cursor", y1: PAD.top, y2: HEIGHT - PAD.bottom });
  /** What the solid and the paler shades stand for (when the chart counts open country). */
  private readonly note = h("p", { class: "chart-note", hidden: true });
  private chart: StackedChart | undefined;
  private samples: readonly AreaSample[] = [];
  private scenario: CompiledScenario | undefined;
  private width = 0;
  private day = 0;

  constructor(
    private readonly host: HTMLElement,
    private readonly seek: (day: number) => void,
  ) {
    this.svg = s("svg", {
      class: "chart-svg",
      height: HEIGHT,
      role: "img",
      "aria-label": "Area held by each faction over time",
    });
    this.svg.append(this.layers, this.grid, this.axis, this.cursor);
    host.append(this.svg, this.note);
    this.svg.addEventListener("click", (ev) => {
      if (!this.chart) return;
      const rect = this.svg.getBoundingClientRect();
      this.seek(dayAtX(this.chart.scale, ev.clientX - rect.left));
    });
    new ResizeObserver(() => this.draw()).observe(host);
  }

  setData(scenario: CompiledScenario, samples: readonly AreaSample[]): void {
    this.scenario = scenario;
    this.samples = samples;
    this.width = 0;
    this.draw();
  }

  setDay(day: number): void {
    this.day = day;
    if (!this.chart) return;
    const x = cursorX(this.chart, day).toFixed(1);
    this.cursor.setAttribute("x1", x);
    this.cursor.setAttribute("x2", x);
    this.svg.setAttribute("aria-label", `Area held by each faction over time; cursor at ${dateOf(day)}`);
  }

  private draw(): void {
    const sc = this.scenario;
    const width = Math.max(120, Math.round(this.host.clientWidth));
    if (!sc || width === this.width) return;
    this.width = width;
    this.svg.setAttribute("width", String(width));
    this.svg.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
    const n = sc.factions.length;
    const fills = fillTable(sc.factions);
    const chart = stackedAreaChart(this.samples, dayOf(sc.start), dayOf(sc.end), {
      left: PAD.left,
      top: PAD.top,
      width: width - PAD.left - PAD.right,
      height: HEIGHT - PAD.top - PAD.bottom,
    });
    this.chart = chart;
    replaceChildren(
      this.layers,
      ...chart.layers.map((l) =>
        s(
          "path",
          {
            d: l.path,
            fill: fills[fillIndex(l.code, l.open ? 1 : 0, n)] ?? "#999999",
            class: [l.code === 0 ? "unknown" : "", l.open ? "open" : "settled"].join(" ").trim(),
          },
          s(
            "title",
            {},
            `${l.code === 0 ? "No control recorded" : (sc.factions[l.code - 1]?.name ?? "")}: ${l.open ? `open country — ${OPEN_COUNTRY_NOTE.toLowerCase()}` : "settled ground"}`,
          ),
        ),
      ),
    );
    const open = chart.layers.some((l) => l.open);
    this.note.hidden = !open;
    // The samples show the factions' own colours, solid and paler, as the chart draws them.
    const samples = noteSamples(chart.layers, fills, n);
    const settledSample = h("span", { class: "swatch chart-key-settled", "aria-hidden": "true" });
    const openSample = h("span", { class: "swatch chart-key-open", "aria-hidden": "true" });
    settledSample.style.background = bandsBackground(samples.settled);
    openSample.style.background = bandsBackground(samples.open);
    if (open)
      replaceChildren(
        this.note,
        settledSample,
        h("span", { title: SETTLED_NOTE }, "Settled"),
        " (solid): ",
        SETTLED_NOTE.toLowerCase(),
        ". ",
        openSample,
        h("span", { title: OPEN_COUNTRY_NOTE }, "Open country"),
        " (paler): ",
        OPEN_COUNTRY_NOTE.toLowerCase(),
        ".",
      );
    replaceChildren(
      this.grid,
      ...chart.grid
        .filter((g) => g.y > PAD.top + 10)
        .map((g) =>
          s(
            "g",
            {},
            s("line", { x1: PAD.left, x2: width - PAD.right, y1: g.y, y2: g.y }),
            s("text", { x: PAD.left + 3, y: g.y - 3 }, g.label),
          ),
        ),
    );
    const ticks = axisTicks(chart.scale).filter((t) => t.x > PAD.left + 12 && t.x < width - PAD.right - 12);
    replaceChildren(
      this.axis,
      ...ticks.map((t) =>
        s(
          "g",
          {
            transform: `translate(${t.x.toFixed(1)},${HEIGHT - PAD.bottom})`,
            class: t.major ? "major" : undefined,
          },
          s("line", { y1: 0, y2: 4 }),
          s("text", { y: 15, "text-anchor": "middle" }, t.label),
        ),
      ),
    );
    this.setDay(this.day);
  }
}
