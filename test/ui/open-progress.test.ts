import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OPEN_STAGES, type OpenProgress } from "../../src/ui/compile-protocol.js";
import { overallPercent, progressText } from "../../src/ui/open-progress.js";

describe("the progress of opening a file", () => {
  it("says the stage and its counts", () => {
    expect(progressText({ stage: "checking" })).toBe("Checking…");
    expect(progressText({ stage: "building", total: 5000, unit: "places" })).toBe(
      "Building the map: 5,000 places",
    );
    expect(progressText({ stage: "building", done: 40_000, total: 100_000, unit: "events received" })).toBe(
      "Building the map: 40,000 of 100,000 events received",
    );
  });

  it("runs from 0 to 100 and never back, stage after stage and count after count", () => {
    expect(overallPercent({ stage: "reading", done: 0, total: 10 })).toBe(0);
    expect(overallPercent({ stage: "drawing", done: 1, total: 1 })).toBe(100);
    const step = fc.record({
      stage: fc.integer({ min: 0, max: OPEN_STAGES.length - 1 }),
      done: fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(step, step, (a, b) => {
        const [lo, hi] = a.stage < b.stage || (a.stage === b.stage && a.done <= b.done) ? [a, b] : [b, a];
        const at = (s: { stage: number; done: number }): OpenProgress => ({
          stage: OPEN_STAGES[s.stage] ?? "reading",
          done: s.done,
          total: 1000,
        });
        const p = overallPercent(at(lo));
        const q = overallPercent(at(hi));
        return p >= 0 && q <= 100 && p <= q;
      }),
    );
  });
});
