// Open country is drawn apart: ground beyond the reach of every place in the paler shade of its
// holder, with a key entry saying so; a scenario without reach draws none.

import { describe, expect, it } from "vitest";
import { fillIndex, fillTable, OPEN_TINT, tint, factionFill } from "../../src/map/style.js";
import { legendEntries } from "../../src/map/legend.js";
import { runCli } from "../cli/run-cli.js";

describe("open country", () => {
  const factions = [
    { id: "isis", name: "Islamic State", color: "#4d4d4d" },
    { id: "sdf", name: "SDF", color: "#f0e442" },
  ];

  it("has a paler fill for every faction, looked up by fillIndex", () => {
    const table = fillTable(factions);
    expect(table).toHaveLength(6);
    expect(table[fillIndex(2, 0, 2)]).toBe(factionFill("#f0e442"));
    expect(table[fillIndex(2, 1, 2)]).toBe(tint(factionFill("#f0e442"), OPEN_TINT));
    expect(table[fillIndex(0, 1, 2)]).toBe(table[0]);
  });

  it("gets a key entry only when the theatre has open country", () => {
    const label = (open: boolean) =>
      legendEntries(factions, undefined, open).filter((e) => e.kind === "fill" && e.code === -1);
    expect(label(false)).toEqual([]);
    expect(label(true)).toHaveLength(1);
  });

  it("is drawn paler in the SVG export of a scenario with reach_km, and not in one without", async () => {
    const withReach = await runCli(
      "at",
      "scenarios/syria-2014-2019.yaml",
      "--date",
      "2016-09-01",
      "--format",
      "svg",
    );
    expect(withReach.code).toBe(0);
    const svg = withReach.out.join("\n");
    const open = [
      ...svg.matchAll(/<path class="ground open" data-faction="([a-z]+)"[^>]* fill="(#[0-9a-f]{6})"/g),
    ];
    expect(open.length).toBeGreaterThan(0);
    const isisOpen = open.find((m) => m[1] === "isis");
    expect(isisOpen?.[2]).toBe(tint(factionFill("#333333"), OPEN_TINT));
    expect(svg).toContain("Open country (paler)");

    const without = await runCli(
      "at",
      "scenarios/raqqa-2017.yaml",
      "--date",
      "2017-07-20",
      "--format",
      "svg",
    );
    expect(without.code).toBe(0);
    expect(without.out.join("\n")).not.toContain('class="ground open"');
    expect(without.out.join("\n")).not.toContain("Open country (paler)");
  }, 60_000);
});
