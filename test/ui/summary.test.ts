import { describe, expect, it } from "vitest";
import { summaryLine, theatreName } from "../../src/ui/summary.js";

const factions = [
  { id: "sdf", name: "SDF", color: "#e8b400" },
  { id: "regime", name: "regime", color: "#c0392b" },
  { id: "isis", name: "IS", color: "#333333" },
  { id: "rebels", name: "Syrian opposition and allied rebel groups", color: "#2e7d32" },
];

describe("summaryLine", () => {
  it("gives each faction's share of the theatre, in the scenario's order", () => {
    expect(summaryLine("2017-10-20", factions, [24, 27, 41, 8, 0.2], 100, "Syria")).toBe(
      "2017-10-20 — SDF 27 %, regime 41 %, IS 8 % of Syria",
    );
  });

  it("uses the id for a long name, as an acronym when short", () => {
    expect(summaryLine("2014-01-01", factions, [0, 0, 0, 0, 30], 100, "Syria")).toBe(
      "2014-01-01 — Rebels 30 % of Syria",
    );
  });

  it("upper-cases a short id", () => {
    expect(
      summaryLine(
        "2014-01-01",
        [{ id: "sdf", name: "Syrian Democratic Forces and allied councils", color: "#ff0" }],
        [0, 40],
        100,
        "Syria",
      ),
    ).toBe("2014-01-01 — SDF 40 % of Syria");
  });

  it("says so when nobody holds anything", () => {
    expect(summaryLine("2014-01-01", factions, [100], 100, "the map")).toBe(
      "2014-01-01 — no ground held in the map",
    );
  });
});

describe("theatreName", () => {
  it("joins several countries and falls back to the map", () => {
    expect(theatreName(["Syria"])).toBe("Syria");
    expect(theatreName(["Syria", "Iraq"])).toBe("Syria and Iraq");
    expect(theatreName(["Syria", "Iraq", "Turkey"])).toBe("Syria, Iraq and Turkey");
    expect(theatreName(undefined)).toBe("the area mapped");
  });
});
