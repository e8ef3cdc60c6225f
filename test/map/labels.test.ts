import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { labelBox, overlaps, placeLabels, ZOOM_LADDER, type LabelInput } from "../../src/map/labels.js";
import { MUST_LABEL_RANK, placeRank } from "../../src/map/style.js";

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

  it("puts a city ahead of a town that just changed hands", () => {
    expect(placeRank("town", true)).toBeGreaterThan(placeRank("city"));
    expect(placeRank("town", true)).toBeLessThan(placeRank("town"));
    expect(placeRank("city")).toBeLessThanOrEqual(MUST_LABEL_RANK);
    expect(placeRank("town", true)).toBeGreaterThan(MUST_LABEL_RANK);
  });

  it("labels a city boxed in by lesser dots at the first zoom, covering as few as it can", () => {
    // Damascus at the national zoom: suburbs' dots on every side, closer than its name is long.
    const ring: LabelInput[] = [];
    for (let a = 0; a < 16; a++)
      ring.push({
        x: 200 + 12 * Math.cos((a * Math.PI) / 8),
        y: 200 + 12 * Math.sin((a * Math.PI) / 8),
        text: `Suburb ${a}`,
        rank: placeRank("town"),
      });
    const damascus: LabelInput = { x: 200, y: 200, text: "Damascus", rank: placeRank("city"), radius: 4 };
    const without = placeLabels([damascus, ...ring]);
    expect(without[0]?.minZoom).toBeGreaterThan(1);
    const placed = placeLabels([damascus, ...ring], { mustRank: MUST_LABEL_RANK });
    const p = placed[0];
    expect(p?.minZoom).toBe(1);
    // It covers lesser dots but no other label, at any zoom.
    for (const k of ZOOM_LADDER) {
      const box = labelBox(damascus, p?.anchor ?? "right", k);
      ring.forEach((l, i) => {
        const q = placed[i + 1];
        if (q && q.minZoom <= k) expect(overlaps(box, labelBox(l, q.anchor, k))).toBe(false);
      });
    }
  });

  it("keeps labels off names, which keep their size on screen as the map zooms", () => {
    // A river's name right of the dot at zoom 1; at zoom 4 the name has moved away with the map.
    const name = { x0: 108, y0: 94, x1: 160, y1: 106 };
    const [l] = placeLabels([{ x: 100, y: 100, text: "Tabqa", rank: 1 }], { names: [name] });
    expect(l?.anchor).not.toBe("right");
    expect(l?.minZoom).toBe(1);
    const box = labelBox({ x: 100, y: 100, text: "Tabqa", rank: 1 }, l?.anchor ?? "right", 1);
    expect(overlaps(box, name)).toBe(false);
  });

  it("keeps names from under a floating key at the first zoom only", () => {
    const key = { x0: 0, y0: 0, x1: 200, y1: 200 };
    const [l] = placeLabels([{ x: 100, y: 100, text: "Quneitra", rank: 1 }], { overlays: [key] });
    expect(l?.minZoom).toBe(ZOOM_LADDER[1]);
    const [city] = placeLabels([{ x: 100, y: 100, text: "Damascus", rank: 0 }], {
      overlays: [key],
      mustRank: MUST_LABEL_RANK,
    });
    expect(city?.minZoom).toBe(ZOOM_LADDER[1]);
  });
});
