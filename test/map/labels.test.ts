import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { labelBox, overlaps, placeLabels, ZOOM_LADDER, type LabelInput } from "../../src/map/labels.js";
import { MUST_LABEL_RANK, placeRank } from "../../src/map/style.js";
import { referencePlaceLabels } from "./labels-reference.js";

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

  it("places exactly as the placer first written did, on crowded maps with every option", () => {
    const box = fc
      .record({
        x: fc.double({ min: -50, max: 450, noNaN: true }),
        y: fc.double({ min: -50, max: 350, noNaN: true }),
        w: fc.double({ min: 1, max: 120, noNaN: true }),
        h: fc.double({ min: 1, max: 60, noNaN: true }),
      })
      .map(({ x, y, w, h }) => ({ x0: x, y0: y, x1: x + w, y1: y + h }));
    const label = fc.record({
      // Clustered: many places share a few spots, as in a city and its suburbs.
      x: fc.oneof(fc.double({ min: 0, max: 400, noNaN: true }), fc.constantFrom(100, 100.5, 300)),
      y: fc.oneof(fc.double({ min: 0, max: 300, noNaN: true }), fc.constantFrom(100, 101, 250)),
      text: fc.string({ minLength: 1, maxLength: 16 }),
      rank: fc.constantFrom(-0.5, 0, 1, 1.5, 2, 4, 6),
      fontSize: fc.option(fc.constantFrom(11, 12.5, 13.5, 27), { nil: undefined }),
      radius: fc.option(fc.constantFrom(2.3, 3, 4, 8), { nil: undefined }),
    });
    const options = fc.record(
      {
        fontSize: fc.constantFrom(10, 12.5, 25),
        gap: fc.constantFrom(3, 5, 10),
        obstacles: fc.array(box, { maxLength: 3 }),
        names: fc.array(box, { maxLength: 4 }),
        overlays: fc.array(box, { maxLength: 3 }),
        mustRank: fc.constantFrom(MUST_LABEL_RANK, 1, -Infinity),
        bounds: fc.constantFrom({ x0: 0, y0: 0, x1: 400, y1: 300 }, { x0: 20, y0: 10, x1: 380, y1: 290 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(label, { maxLength: 120 }), options, (labels, opts) => {
        expect(placeLabels(labels, opts)).toEqual(referencePlaceLabels(labels, opts));
      }),
      { numRuns: 300 },
    );
  });

  it("places a big map exactly as the placer first written did", () => {
    // 3,000 places on a 900 × 650 px map, one in 13 on one spot: most labels wait for a closer
    // zoom, some never show.
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const kinds = ["city", "town", "village", "neighbourhood"] as const;
    const labels: LabelInput[] = Array.from({ length: 3000 }, (_, i) => {
      const kind = kinds[i < 15 ? 0 : i < 200 ? 1 : i % 7 === 0 ? 3 : 2] ?? "village";
      return {
        x: i % 13 === 12 ? 500 : 40 + random() * 900,
        y: i % 13 === 12 ? 400 : 30 + random() * 650,
        text: `Place ${i.toString(36)}${"a".repeat(i % 9)}`,
        rank: placeRank(kind, i % 11 === 0),
        fontSize: kind === "city" ? 13.5 : 12.5,
        radius: kind === "city" ? 4 : kind === "town" ? 3 : 2.3,
      };
    });
    const options = {
      fontSize: 12.5,
      gap: 5,
      bounds: { x0: 0, y0: 0, x1: 1000, y1: 720 },
      mustRank: MUST_LABEL_RANK,
      names: [{ x0: 300, y0: 300, x1: 420, y1: 316 }],
      overlays: [{ x0: 0, y0: 0, x1: 260, y1: 320 }],
    };
    const placed = placeLabels(labels, options);
    expect(placed).toEqual(referencePlaceLabels(labels, options));
    // Not a trivial case: some show at once, some later, some never.
    expect(placed.some((p) => p.minZoom === 1)).toBe(true);
    expect(placed.some((p) => p.minZoom > 1 && p.minZoom < Infinity)).toBe(true);
    expect(placed.some((p) => p.minZoom === Infinity)).toBe(true);
  });
});
