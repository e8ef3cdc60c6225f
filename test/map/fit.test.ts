import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveTheatre } from "../../src/geo/theatre.js";
import { clampZoom, fitFrame, MAP_ZOOM, type Rect } from "../../src/map/fit.js";

const BOX: Rect = { x0: 0, y0: 0, x1: 800, y1: 600 };
const overlaps = (a: Rect, b: Rect) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe("fitFrame", () => {
  it("fits the frame to the whole box when nothing floats over it, centred", () => {
    const { frame, room } = fitFrame(BOX, [], 1000, 500);
    expect(frame).toEqual({ x0: 0, y0: 100, x1: 800, y1: 500 });
    expect(room).toEqual(BOX);
  });

  it("puts the map beside a key down the left side, centred in what is left", () => {
    const key = { x0: 0, y0: 300, x1: 250, y1: 600 };
    const { frame, room } = fitFrame(BOX, [key], 1000, 1000);
    expect(frame).toEqual({ x0: 250, y0: 25, x1: 800, y1: 575 });
    expect(room).toEqual({ x0: 250, y0: 0, x1: 800, y1: 600 });
  });

  it("uses the band under a title when that draws a wide map larger", () => {
    const title = { x0: 0, y0: 0, x1: 250, y1: 150 };
    const { frame } = fitFrame(BOX, [title], 1000, 400);
    // Beside the title: 550 wide; under it: 800 × 450, so the frame is 800 × 320.
    expect(frame.x1 - frame.x0).toBeCloseTo(800);
    expect(frame.y0).toBeGreaterThanOrEqual(150);
  });

  it("ignores obstacles outside the box", () => {
    const { frame } = fitFrame(BOX, [{ x0: 900, y0: 0, x1: 1000, y1: 100 }], 800, 600);
    expect(frame).toEqual(BOX);
  });

  it("never puts the frame under an obstacle, and keeps it in the box (property)", () => {
    const rect = fc
      .record({
        x: fc.integer({ min: -50, max: 800 }),
        y: fc.integer({ min: -50, max: 600 }),
        w: fc.integer({ min: 1, max: 300 }),
        h: fc.integer({ min: 1, max: 300 }),
      })
      .map(({ x, y, w, h }) => ({ x0: x, y0: y, x1: x + w, y1: y + h }));
    fc.assert(
      fc.property(
        fc.array(rect, { maxLength: 4 }),
        fc.integer({ min: 100, max: 2000 }),
        fc.integer({ min: 100, max: 2000 }),
        (obstacles, fw, fh) => {
          const { frame, room } = fitFrame(BOX, obstacles, fw, fh);
          const eps = 1e-6;
          expect(frame.x0).toBeGreaterThanOrEqual(room.x0 - eps);
          expect(frame.x1).toBeLessThanOrEqual(room.x1 + eps);
          expect(frame.y0).toBeGreaterThanOrEqual(room.y0 - eps);
          expect(frame.y1).toBeLessThanOrEqual(room.y1 + eps);
          const aspect = (frame.y1 - frame.y0) / (frame.x1 - frame.x0);
          expect(Math.abs(aspect / (fh / fw) - 1)).toBeLessThan(1e-9);
          // The frame is clear of every obstacle, unless they leave no free room at all (then the box).
          const inner = { x0: frame.x0 + eps, y0: frame.y0 + eps, x1: frame.x1 - eps, y1: frame.y1 - eps };
          if (obstacles.some((o) => overlaps(inner, o))) expect(room).toEqual(BOX);
        },
      ),
    );
  });
});

describe("the map's zoom", () => {
  it("zooms out past the fitted theatre and in to street level", () => {
    expect(MAP_ZOOM.min).toBeLessThan(1);
    expect(MAP_ZOOM.max).toBeGreaterThanOrEqual(16);
    // Steps small enough to follow (no more than doubling), several to cross the range.
    expect(MAP_ZOOM.step).toBeGreaterThan(1);
    expect(MAP_ZOOM.step).toBeLessThanOrEqual(2);
    expect(MAP_ZOOM.ms).toBeGreaterThan(0);
  });

  it("keeps a link's zoom in range", () => {
    expect(clampZoom(0.01)).toBe(MAP_ZOOM.min);
    expect(clampZoom(1000)).toBe(MAP_ZOOM.max);
    expect(clampZoom(3)).toBe(3);
    expect(clampZoom(Number.NaN)).toBe(1);
  });

  it("has neighbouring ground around the theatre as far as the widest zoom shows", () => {
    for (const bbox of [
      [38.9, 35.88, 39.12, 36.02],
      [35.6, 32.3, 42.4, 37.4],
    ] as const) {
      const t = resolveTheatre({ kind: "bbox", bbox: [...bbox], tolerance_km: 5 });
      const w = bbox[2] - bbox[0];
      const h = bbox[3] - bbox[1];
      // At the widest zoom the view spans 1 / min times the fitted theatre each way.
      const reach = ((1 / MAP_ZOOM.min - 1) / 2) * Math.max(w, h);
      expect(bbox[0] - t.marginBbox[0]).toBeGreaterThanOrEqual(reach);
      expect(t.marginBbox[2] - bbox[2]).toBeGreaterThanOrEqual(reach);
      expect(bbox[1] - t.marginBbox[1]).toBeGreaterThanOrEqual(reach);
      expect(t.marginBbox[3] - bbox[3]).toBeGreaterThanOrEqual(reach);
    }
  });
});
