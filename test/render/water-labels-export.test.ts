// Names of rivers and lakes in the exports keep clear of the place names and dots: on the
// whole-caliphate map the Mosul Dam Lake's name used to sit under Tal Afar's.

import { beforeAll, describe, expect, it } from "vitest";
import { createHistory } from "../../src/core/fold.js";
import type { ScenarioBundle } from "../../src/map/bundle.js";
import { buildBundle } from "../../src/node/bundle.js";
import { renderSvgMap } from "../../src/render/svg-map.js";

let bundle: ScenarioBundle;

beforeAll(() => {
  const result = buildBundle("scenarios/iraq-syria-2014-2019.yaml");
  if (!result.bundle) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
  bundle = result.bundle;
});

interface Box {
  readonly text: string;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Text boxes of a group, estimated as the placers do (`charWidth` em per character). */
function texts(group: string, charWidth: number, baseline: number): Box[] {
  return [...group.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map((m) => {
    const attrs = new Map([...(m[1] ?? "").matchAll(/([a-z-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
    const x = Number(attrs.get("x"));
    const y = Number(attrs.get("y"));
    const size = Number(attrs.get("font-size"));
    const anchor = attrs.get("text-anchor") ?? "start";
    const text = m[2] ?? "";
    const w = text.length * size * charWidth;
    const x0 = anchor === "start" ? x : anchor === "end" ? x - w : x - w / 2;
    const y0 = y - size * baseline;
    return { text, x0, y0, x1: x0 + w, y1: y0 + size * 1.15 };
  });
}

const hit = (a: Box, b: Box): boolean =>
  a.x0 < b.x1 - 1 && b.x0 < a.x1 - 1 && a.y0 < b.y1 - 1 && b.y0 < a.y1 - 1;

describe("names of rivers and lakes in the whole-caliphate export", () => {
  for (const date of ["2014-08-15", "2016-10-01", "2017-06-01"])
    it(`cover no place name, dot or other water name on ${date}`, () => {
      const state = createHistory(bundle.scenario).stateAt(date);
      const svg = renderSvgMap({ ...bundle, date, state }, { width: 1200 });
      const rivers = /<g class="rivers">(.*?)<\/g>/.exec(svg)?.[1] ?? "";
      const water = texts(rivers, 0.56, 1);
      const places = texts(/<g class="place-labels"[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? "", 0.58, 0.92);
      const dots = [
        ...(/<g class="places">(.*?)<\/g>/.exec(svg)?.[1] ?? "").matchAll(
          /<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"/g,
        ),
      ].map((m) => {
        const [x, y, r] = [Number(m[1]), Number(m[2]), Number(m[3])];
        return { text: "dot", x0: x - r, y0: y - r, x1: x + r, y1: y + r };
      });
      expect(water.map((w) => w.text)).toContain("Mosul Dam Lake");
      const clashes: string[] = [];
      water.forEach((w, i) => {
        for (const o of [...places, ...dots, ...water.slice(i + 1)])
          if (hit(w, o)) clashes.push(`${w.text} / ${o.text}`);
      });
      expect(clashes).toEqual([]);
    });
});
