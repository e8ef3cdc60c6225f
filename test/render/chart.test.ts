import { describe, expect, it } from "vitest";
import {
  bandsBackground,
  cursorX,
  formatKm2,
  noteSamples,
  stackedAreaChart,
} from "../../src/render/chart.js";
import { fillTable } from "../../src/map/style.js";

describe("the samples in the note under the chart", () => {
  it("show the factions drawn with open country, solid and paler, not grey", () => {
    const factions = [{ color: "#4d4d4d" }, { color: "#f0e442" }, { color: "#e07b39" }];
    const fills = fillTable(factions);
    const samples = [
      { day: 0, km2: [10, 20, 30, 40], open: [0, 5, 0, 10] },
      { day: 10, km2: [10, 20, 30, 40], open: [0, 5, 0, 10] },
    ];
    const chart = stackedAreaChart(samples, 0, 20, { width: 200, height: 100 });
    const notes = noteSamples(chart.layers, fills, factions.length);
    // Factions 1 and 3 have open country; faction 2 has none.
    expect([...notes.settled].sort()).toEqual([fills[1], fills[3]].sort());
    expect([...notes.open].sort()).toEqual([fills[1 + 4], fills[3 + 4]].sort());
    for (const c of [...notes.settled, ...notes.open]) expect(c).not.toMatch(/^#(8a8a8a|d4d4d4)$/i);
    const bg = bandsBackground(notes.settled);
    for (const c of notes.settled) expect(bg).toContain(c);
    expect(bandsBackground(["#123456"])).toBe("#123456");
  });
});

describe("stackedAreaChart", () => {
  const samples = [
    { day: 0, km2: [10, 60, 30] },
    { day: 50, km2: [0, 80, 20] },
  ];
  const chart = stackedAreaChart(samples, 0, 100, { width: 100, height: 100 });

  it("stacks factions on the baseline with unknown ground on top", () => {
    expect(chart.layers.map((l) => l.code)).toEqual([1, 2, 0]);
    expect(chart.total).toBe(100);
  });

  it("draws steps that hold each sample until the next, the last to the end", () => {
    const first = chart.layers[0]?.path ?? "";
    // Faction 1 from the baseline (y = 100) up to 60 km² (y = 40) then 80 (y = 20), to x = 100.
    expect(first).toBe("M0,40L50,40L50,20L100,20L100,20L100,100L100,100L50,100L50,100L0,100Z");
    expect(chart.layers[2]?.path).toContain("M0,0");
  });

  it("puts the cursor at a day", () => {
    expect(cursorX(chart, 25)).toBeCloseTo(25, 9);
  });

  it("labels gridlines in km²", () => {
    expect(chart.grid.map((g) => g.label)).toContain("50 km²");
    expect(formatKm2(185180.4)).toBe("185,180");
  });

  it("returns no layers when there is nothing to draw", () => {
    expect(stackedAreaChart([], 0, 10, { width: 10, height: 10 }).layers).toEqual([]);
  });

  it("stacks each faction's open country, paler, on its settled ground", () => {
    const withOpen = stackedAreaChart(
      [
        { day: 0, km2: [10, 60, 30], open: [0, 20, 0] },
        { day: 50, km2: [0, 80, 20], open: [0, 50, 0] },
      ],
      0,
      100,
      { width: 100, height: 100 },
    );
    expect(withOpen.layers.map((l) => [l.code, l.open])).toEqual([
      [1, false],
      [1, true],
      [2, false],
      [0, false],
    ]);
    expect(withOpen.total).toBe(100);
    // Faction 1 settled: 40 then 30 km² from the baseline; its open country above, to 60 then 80.
    expect(withOpen.layers[0]?.path).toBe(
      "M0,60L50,60L50,70L100,70L100,70L100,100L100,100L50,100L50,100L0,100Z",
    );
    expect(withOpen.layers[1]?.path).toBe("M0,40L50,40L50,20L100,20L100,20L100,70L100,70L50,70L50,60L0,60Z");
    // Without open figures, nothing changes.
    expect(chart.layers.every((l) => !l.open)).toBe(true);
  });
});
