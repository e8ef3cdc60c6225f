// The neighbouring countries named in the exports of the two national maps, at a page's, a
// slide's and a phone's width: Lebanon too, turned along its length where its name does not fit
// across it (it used to be left unnamed on the whole-caliphate map).

import { beforeAll, describe, expect, it } from "vitest";
import { createHistory } from "../../src/core/fold.js";
import type { ScenarioBundle } from "../../src/map/bundle.js";
import { buildBundle } from "../../src/node/bundle.js";
import { renderSvgMap } from "../../src/render/svg-map.js";

const bundles = new Map<string, ScenarioBundle>();

beforeAll(() => {
  for (const id of ["syria-2014-2019", "iraq-syria-2014-2019"]) {
    const result = buildBundle(`scenarios/${id}.yaml`);
    if (!result.bundle) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
    bundles.set(id, result.bundle);
  }
});

const EXPECTED: Record<string, readonly string[]> = {
  "syria-2014-2019": ["TURKEY", "IRAQ", "JORDAN", "LEBANON", "ISRAEL"],
  "iraq-syria-2014-2019": ["TURKEY", "IRAN", "SAUDI ARABIA", "KUWAIT", "JORDAN", "LEBANON", "ISRAEL"],
};

describe("neighbouring countries in the exports", () => {
  for (const [id, expected] of Object.entries(EXPECTED))
    for (const width of [1200, 800, 390])
      it(`${id}, ${width} px wide`, () => {
        const bundle = bundles.get(id) as ScenarioBundle;
        const date = "2016-10-01";
        const state = createHistory(bundle.scenario).stateAt(date);
        const svg = renderSvgMap({ ...bundle, date, state }, { width });
        const group = /<g class="country-labels"[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? "";
        const names = [...group.matchAll(/<text ([^>]*)>([^<]+)<\/text>/g)].map((m) => ({
          text: m[2] ?? "",
          turned: /transform="rotate\(/.test(m[1] ?? ""),
        }));
        for (const n of expected) expect(names.map((c) => c.text)).toContain(n);
        // Each name once; the wide countries read level.
        expect(new Set(names.map((c) => c.text)).size).toBe(names.length);
        for (const n of ["TURKEY", "JORDAN"]) expect(names.find((c) => c.text === n)?.turned).toBe(false);
      });
});
