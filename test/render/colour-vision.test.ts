import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileScenario } from "../../src/core/compile.js";
import { formatDiagnostic } from "../../src/core/diagnostics.js";
import { colourClashes, deltaE, factionColourClashes, labAs } from "../../src/render/colour-vision.js";
import { loadScenario } from "../../src/node/load.js";

describe("colour vision", () => {
  it("computes CIELAB and leaves greys grey under every simulation", () => {
    expect(labAs("#ffffff", "normal")[0]).toBeCloseTo(100, 1);
    expect(labAs("#000000", "normal")[0]).toBeCloseTo(0, 5);
    for (const v of ["protanopia", "deuteranopia", "tritanopia"] as const) {
      const [, a, b] = labAs("#808080", v);
      expect(Math.hypot(a, b)).toBeLessThan(2);
    }
  });

  it("finds the classic red–green confusion only in simulated colour blindness", () => {
    expect(deltaE("#e41a1c", "#4daf4a")).toBeGreaterThan(60);
    expect(deltaE("#e41a1c", "#4daf4a", "deuteranopia")).toBeLessThan(deltaE("#e41a1c", "#4daf4a") / 3);
    expect(colourClashes({ red: "#d62728", green: "#2ca02c" }, 25).map((c) => c.vision)).toContain(
      "deuteranopia",
    );
  });

  it("keeps every shipped scenario's factions (and unknown ground) apart for colour-blind readers", () => {
    for (const f of readdirSync("scenarios").filter((x) => x.endsWith(".yaml"))) {
      const s = loadScenario(`scenarios/${f}`).scenario;
      expect(s, f).toBeDefined();
      const colours = Object.fromEntries((s?.factions ?? []).map((x) => [x.id, x.color]));
      expect(factionColourClashes(colours), f).toEqual([]);
    }
  });

  it("makes `check` warn, at the colour, about factions a reader could confuse", () => {
    const text = `id: c
title: C
start: "2017-01-01"
end: "2017-12-31"
theatre: { bbox: [38, 35, 40, 37] }
factions:
  - { id: reds, name: Reds, color: "#d62728" }
  - { id: greens, name: Greens, color: "#8c8c2c" }
`;
    const r = compileScenario({ file: "c.yaml", text, colourClashes: factionColourClashes });
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(
        /^c\.yaml:8:40 warning "greens" and "reds" are hard to tell apart on the map: ΔE \d+\.\d under (protanopia|deuteranopia) \(at least 10 wanted\)$/,
      ),
    ]);
  });
});
