import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { labelBox, placeLabels, ZOOM_LADDER, type LabelInput } from "../../src/map/labels.js";
import { placeRank } from "../../src/map/style.js";

describe("placeLabels", () => {
  it("shows a lone label at the first zoom, to the right of its dot", () => {
    expect(placeLabels([{ x: 100, y: 100, text: "Raqqa", rank: 0 }])).toEqual([
      { minZoom: 1, anchor: "right" },
    ]);
  });

  it("gives the more important of two crowded labels the first zoom", () => {
    // Five places on one spot: four sides to label them, so the least important waits.
    const labels: LabelInput[] = [
      { x: 100, y: 100, text: "Al-Mishlab", rank: placeRank("neighbourhood") },
      { x: 100, y: 100, text: "Raqqa", rank: placeRank("city") },
      { x: 100, y: 100, text: "Tabqa", rank: placeRank("town") },
      { x: 100, y: 100, text: "Mansoura", rank: placeRank("village") },
      { x: 100, y: 100, text: "Tishrin", rank: placeRank("base") },
    ];
    const [n, c] = placeLabels(labels);
    expect(c).toEqual({ minZoom: 1, anchor: "right" });
    expect(n?.minZoom).toBe(Infinity);
  });

  it("tries another side before giving up", () => {
    const labels: LabelInput[] = [
      { x: 100, y: 100, text: "Aleppo", rank: 0 },
      { x: 140, y: 100, text: "Sfira", rank: 1 },
    ];
    // Aleppo's label to the right would cover Sfira's dot.
    const [a, b] = placeLabels(labels);
    expect(a).toEqual({ minZoom: 1, anchor: "left" });
    expect(b).toEqual({ minZoom: 1, anchor: "right" });
  });

  it("never shows overlapping labels, and zooming in only adds labels", () => {
    const input = fc.array(
      fc.record({
        x: fc.double({ min: 0, max: 400, noNaN: true }),
        y: fc.double({ min: 0, max: 300, noNaN: true }),
        text: fc.string({ minLength: 1, maxLength: 14 }),
        rank: fc.integer({ min: 0, max: 6 }),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(input, (labels) => {
        const placed = placeLabels(labels);
        for (const k of ZOOM_LADDER) {
          const shown = labels
            .map((l, i) => ({ l, p: placed[i] }))
            .filter(({ p }) => p !== undefined && p.minZoom <= k)
            .map(({ l, p }) => labelBox(l, p?.anchor ?? "right", k));
          for (let i = 0; i < shown.length; i++)
            for (let j = i + 1; j < shown.length; j++) {
              const a = shown[i];
              const b = shown[j];
              if (!a || !b) continue;
              const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
              expect(overlap).toBe(false);
            }
        }
      }),
      { numRuns: 50 },
    );
  });
});
