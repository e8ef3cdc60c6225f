// A short run of the fuzz target (`npm run fuzz` runs 10,000 cases): mutated shipped scenarios
// never make the compiler throw, and what it accepts folds, partitions and exports.

import { describe, expect, it } from "vitest";
import { runFuzz } from "../fuzz/fuzz.js";

describe("fuzz: mutated shipped scenarios", () => {
  it("never make the compiler, the fold, the geometry or the SVG export throw", () => {
    const report = runFuzz({ cases: 120, seed: 2026, geometryBudget: 2 });
    expect(report.failures.map((f) => `case ${f.case} ${f.scenario} ${f.stage}: ${f.error}`)).toEqual([]);
    expect(report.cases).toBe(120);
    expect(report.accepted).toBeGreaterThan(0);
  }, 120_000);
});
