// The national map's labels in an export, at a page's width and a phone's: the big cities named
// first (Aleppo and Damascus always), no two names overlapping, the neighbouring countries named.

import { beforeAll, describe, expect, it } from "vitest";
import { createHistory } from "../../src/core/fold.js";
import type { ScenarioBundle } from "../../src/map/bundle.js";
import { buildBundle } from "../../src/node/bundle.js";
import { renderSvgMap } from "../../src/render/svg-map.js";

let bundle: ScenarioBundle;

beforeAll(() => {
  const result = buildBundle("scenarios/syria-2014-2019.yaml");
  if (!result.bundle) throw new Error(result.diagnostics.map((d) => d.message).join("\\n"));
  bundle = result.bundle;
});

interface Text {
  readonly text: string;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** The texts of a group of the SVG with their boxes, estimated as the placer does. */
function texts(svg: string, group: string, charWidth: number): Text[] {
  const g = new RegExp(`<g class="${group}"[^>]*>(.*?)</g>`).exec(svg)?.[1] ?? "";
  return [
    ...g.matchAll(
      /<text x="([\d.-]+)" y="([\d.-]+)" text-anchor="(\w+)" font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g,
    ),
  ].map((m) => {
    const [x, y, anchor, size] = [Number(m[1]), Number(m[2]), m[3], Number(m[4])];
    const text = m[5] ?? "";
    const w = text.length * size * charWidth;
    const x0 = anchor === "start" ? x : anchor === "end" ? x - w : x - w / 2;
    // The baseline sits 0.8 of the line's height under its top (labels.ts, labelOffset).
    const y0 = y - size * 1.15 * 0.8;
    return { text, x0, y0, x1: x0 + w, y1: y0 + size * 1.15 };
  });
}

function overlapping(boxes: readonly Text[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i] as Text;
      const b = boxes[j] as Text;
      // A pixel of slack for the rounding of positions to two decimals.
      if (a.x0 < b.x1 - 1 && b.x0 < a.x1 - 1 && a.y0 < b.y1 - 1 && b.y0 < a.y1 - 1)
        out.push(`${a.text} / ${b.text}`);
    }
  return out;
}

describe("labels of the national map, exported", () => {
  for (const width of [1000, 390]) {
    it(`names Aleppo and Damascus first, without overlaps, ${width} px wide`, () => {
      const date = "2016-03-01";
      const state = createHistory(bundle.scenario).stateAt(date);
      const svg = renderSvgMap({ ...bundle, date, state }, { width });
      const places = texts(svg, "place-labels", 0.58);
      const names = places.map((p) => p.text);
      expect(names).toContain("Aleppo");
      expect(names).toContain("Damascus");
      const cities = bundle.scenario.units.filter((u) => u.placeKind === "city").map((u) => u.name);
      console.log(
        `${width} px: ${places.length} place names, cities missing: ${cities.filter((c) => !names.includes(c)).join(", ") || "none"}`,
      );
      expect(overlapping(places)).toEqual([]);
      const countries = svg.match(/<g class="country-labels"[^>]*>(.*?)<\/g>/)?.[1] ?? "";
      for (const c of ["TURKEY", "IRAQ", "JORDAN"]) expect(countries).toContain(c);
    });
  }
});
