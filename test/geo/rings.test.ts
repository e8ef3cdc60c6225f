import fc from "fast-check";
import { booleanPointInPolygon, point, polygon } from "@turf/turf";
import { describe, expect, it } from "vitest";
import { indexSubject, pointInSubject } from "../../src/geo/clip.js";
import type { XY } from "../../src/geo/plane.js";
import { distanceToSegment, pointInPolygon, pointInRing } from "../../src/geo/rings.js";

const SQUARE: XY[] = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
  [0, 0],
];
const HOLE: XY[] = [
  [4, 4],
  [4, 6],
  [6, 6],
  [6, 4],
  [4, 4],
];

describe("point in ring", () => {
  it("answers the same for a closed ring and the same ring left open", () => {
    expect(pointInRing([5, 5], SQUARE)).toBe(true);
    expect(pointInRing([5, 5], SQUARE.slice(0, -1))).toBe(true);
    expect(pointInRing([11, 5], SQUARE)).toBe(false);
    expect(pointInRing([11, 5], SQUARE.slice(0, -1))).toBe(false);
  });

  it("treats holes as outside", () => {
    expect(pointInPolygon([5, 5], [SQUARE, HOLE])).toBe(false);
    expect(pointInPolygon([2, 5], [SQUARE, HOLE])).toBe(true);
  });

  it("agrees with turf and with the indexed region test away from the boundary", () => {
    const ring = fc
      .array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 50 })), {
        minLength: 3,
        maxLength: 12,
      })
      .map((ps) => {
        // a star-shaped ring around the origin: angles sorted, radii as given
        const pts = ps
          .map(([a, r], i): [number, number] => [((a + 50) / 101) * 2 * Math.PI + i * 1e-3, r])
          .sort((p, q) => p[0] - q[0])
          .map(([t, r]): XY => [r * Math.cos(t), r * Math.sin(t)]);
        return [...pts, pts[0] as XY];
      });
    fc.assert(
      fc.property(
        ring,
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: -60, max: 60, noNaN: true }),
        (r, x, y) => {
          const p: XY = [x, y];
          const onEdge = r.some((a, i) => {
            const b = r[(i + 1) % r.length] as XY;
            const dx = b[0] - a[0];
            const dy = b[1] - a[1];
            const l2 = dx * dx + dy * dy;
            const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / l2));
            return Math.hypot(x - a[0] - t * dx, y - a[1] - t * dy) < 1e-6;
          });
          fc.pre(!onEdge);
          const turf = booleanPointInPolygon(point(p), polygon([r]));
          expect(pointInRing(p, r)).toBe(turf);
          const ccw =
            r.reduce(
              (s, a, i) =>
                s + a[0] * (r[(i + 1) % r.length] as XY)[1] - (r[(i + 1) % r.length] as XY)[0] * a[1],
              0,
            ) > 0;
          expect(pointInSubject(indexSubject([ccw ? r : r.slice().reverse()]), p)).toBe(turf);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("distance to a segment", () => {
  it("is the perpendicular distance beside the segment, the distance to an end beyond it", () => {
    expect(distanceToSegment(1, 2, 0, 0, 4, 0)).toBe(2);
    expect(distanceToSegment(7, 4, 0, 0, 4, 0)).toBe(5);
    expect(distanceToSegment(-3, -4, 0, 0, 4, 0)).toBe(5);
    expect(distanceToSegment(3, 4, 1, 1, 1, 1)).toBeCloseTo(Math.hypot(2, 3), 12);
  });

  it("is never more than the distance to either end, nor less than the distance to the line (property)", () => {
    const c = fc.double({ min: -100, max: 100, noNaN: true });
    fc.assert(
      fc.property(c, c, c, c, c, c, (px, py, ax, ay, bx, by) => {
        const d = distanceToSegment(px, py, ax, ay, bx, by);
        expect(d).toBeLessThanOrEqual(Math.hypot(px - ax, py - ay) + 1e-9);
        expect(d).toBeLessThanOrEqual(Math.hypot(px - bx, py - by) + 1e-9);
        const len = Math.hypot(bx - ax, by - ay);
        if (len > 1) {
          const line = Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len;
          expect(d).toBeGreaterThanOrEqual(line - 1e-7);
        }
      }),
    );
  });
});
