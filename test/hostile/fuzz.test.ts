// A short run (50 cases) of the fuzz target (`npm run fuzz` runs 10,000 cases): mutated shipped scenarios
// never make the compiler throw, and what it accepts folds, partitions and exports.

import { describe, expect, it } from "vitest";
import { runFuzz } from "../fuzz/fuzz.js";

describe("fuzz: mutated shipped scenarios", () => {
  it("never make the compiler, the fold, the geometry or the SVG export throw", () => {
    const report = runFuzz({ cases: 50, seed: 2026, geometryBudget: 1 });
    expect(report.failures.map((f) => `case ${f.case} ${f.scenario} ${f.stage}: ${f.error}`)).toEqual([]);
    expect(report.cases).toBe(50);
    expect(report.accepted).toBeGreaterThan(0);
  }, 120_000);
});
