// The map's one drawing order in the SVG export, and the rivers where they are the front: the
// Tigris through Mosul on 1 March 2017 runs between the Iraqi-held east bank and the IS-held west,
// and a front drawn plainly over it used to hide it. It must be painted above the fills and, where
// the front runs along it, above the front line too.

import { beforeAll, describe, expect, it } from "vitest";
import { createHistory } from "../../src/core/fold.js";
import type { ScenarioBundle } from "../../src/map/bundle.js";
import { ALONG_RIVER_PX, pathLines } from "../../src/map/river-fronts.js";
import { FRONT, MAP_LAYERS, STROKES, WATER_LINE } from "../../src/map/style.js";
import { buildBundle } from "../../src/node/bundle.js";
import { renderSvgMap } from "../../src/render/svg-map.js";

let mosul: ScenarioBundle;

beforeAll(() => {
  const result = buildBundle("scenarios/mosul-2016-2017.yaml");
  if (!result.bundle) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
  mosul = result.bundle;
});

/** Where a mark with this class attribute starts in the SVG text (-1: absent). */
const at = (svg: string, cls: string): number => svg.indexOf(`class="${cls}"`);

function attr(svg: string, cls: string, name: string): string {
  return new RegExp(`class="${cls}"[^>]* ${name}="([^"]*)"`).exec(svg)?.[1] ?? "";
}

describe("the drawing order of the exported map", () => {
  const date = "2017-03-01";
  let svg = "";
  beforeAll(() => {
    svg = renderSvgMap(
      { ...mosul, date, state: createHistory(mosul.scenario).stateAt(date) },
      { width: 1200 },
    );
  });

  it("paints the layers in MAP_LAYERS order: ground, rivers, fronts, theatre, names", () => {
    const marks: Partial<Record<(typeof MAP_LAYERS)[number], string>> = {
      basemap: "land",
      ground: "control",
      water: "rivers",
      fronts: "front",
      theatre: "theatre",
      labels: "place-labels",
    };
    const order = MAP_LAYERS.flatMap((l) => (marks[l] ? [at(svg, marks[l])] : []));
    for (const i of order) expect(i).toBeGreaterThan(0);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("keeps the Tigris visible where it is the front: the river is drawn along the front, above it", () => {
    const along = attr(svg, "river-front-water", "d");
    expect(along).not.toBe("");
    expect(at(svg, "river-front-water")).toBeGreaterThan(at(svg, "front"));
    expect(at(svg, "river-front-water")).toBeGreaterThan(at(svg, "river-front"));
    expect(attr(svg, "river-front-water", "stroke")).toBe(WATER_LINE);
    expect(attr(svg, "river-front", "stroke")).toBe(FRONT);
    // The front shows on both sides of the river's blue.
    expect(Number(attr(svg, "river-front", "stroke-width"))).toBeGreaterThanOrEqual(
      Number(attr(svg, "river-front-water", "stroke-width")) + 2,
    );
    expect(STROKES.riverFront).toBeGreaterThan(STROKES.front);
    // Every piece drawn as river lies on the river (within the tolerance and the rounding of
    // coordinates to two decimals).
    const group = /<g class="rivers">(.*?)<\/g>/.exec(svg)?.[1] ?? "";
    const rivers = [...group.matchAll(/<path d="([^"]+)" fill="none"/g)].flatMap((m) =>
      pathLines(m[1] ?? ""),
    );
    expect(rivers.length).toBeGreaterThan(0);
    const segments = rivers.flatMap((l) =>
      l.slice(1).map((b, i) => [l[i] as readonly [number, number], b] as const),
    );
    const distance = (p: readonly [number, number]): number =>
      Math.min(
        ...segments.map(([a, b]) => {
          const dx = b[0] - a[0];
          const dy = b[1] - a[1];
          const len2 = dx * dx + dy * dy || 1;
          const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
          return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
        }),
      );
    const pieces = pathLines(along);
    const length = pieces.reduce(
      (s, l) =>
        s +
        l.slice(1).reduce((t, b, i) => t + Math.hypot(b[0] - (l[i]?.[0] ?? 0), b[1] - (l[i]?.[1] ?? 0)), 0),
      0,
    );
    // The river is the front for kilometres through the city, not for a pixel or two.
    expect(length).toBeGreaterThan(100);
    for (const l of pieces) for (const p of l) expect(distance(p)).toBeLessThanOrEqual(ALONG_RIVER_PX + 0.02);
  });
});
