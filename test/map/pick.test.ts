import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PICK_RADIUS, pickPlace, type PickTarget } from "../../src/map/pick.js";

describe("pickPlace", () => {
  const raqqa: PickTarget = { unit: 7, x: 100, y: 100, label: { x0: 105, y0: 92, x1: 150, y1: 108 } };
  const mishlab: PickTarget = { unit: 9, x: 112, y: 104 };

  it("takes a click on a dot, or near it, for that place", () => {
    expect(pickPlace([raqqa], 100, 100, PICK_RADIUS.fine)).toBe(7);
    expect(pickPlace([raqqa], 100, 108, PICK_RADIUS.fine)).toBe(7);
    expect(pickPlace([raqqa], 100, 112, PICK_RADIUS.fine)).toBe(-1);
  });

  it("lets the nearest dot win when dots are close", () => {
    expect(pickPlace([raqqa, mishlab], 105, 101, PICK_RADIUS.coarse)).toBe(7);
    expect(pickPlace([raqqa, mishlab], 107, 103, PICK_RADIUS.coarse)).toBe(9);
    // A dot beats another place's label under the pointer.
    expect(pickPlace([raqqa, mishlab], 111, 104, PICK_RADIUS.fine)).toBe(9);
  });

  it("takes a click on a shown label for its place", () => {
    expect(pickPlace([raqqa, mishlab], 140, 100, PICK_RADIUS.fine)).toBe(7);
    expect(pickPlace([{ ...raqqa, label: undefined }], 140, 100, PICK_RADIUS.fine)).toBe(-1);
  });

  it("leaves open ground to the ground", () => {
    expect(pickPlace([raqqa, mishlab], 40, 30, PICK_RADIUS.coarse)).toBe(-1);
    expect(pickPlace([], 40, 30, PICK_RADIUS.coarse)).toBe(-1);
  });

  it("gives a finger a target at least 22 px across", () => {
    expect(2 * PICK_RADIUS.coarse).toBeGreaterThanOrEqual(22);
    expect(pickPlace([raqqa], 100 + 11, 100, PICK_RADIUS.coarse)).toBe(7);
  });

  it("answers a click at any dot's centre with that dot's place, however crowded", () => {
    const dots = fc.uniqueArray(
      fc.record({ x: fc.integer({ min: 0, max: 60 }), y: fc.integer({ min: 0, max: 60 }) }),
      { minLength: 1, maxLength: 80, selector: (p) => `${p.x},${p.y}` },
    );
    fc.assert(
      fc.property(dots, fc.boolean(), (points, coarse) => {
        const targets = points.map((p, unit) => ({ unit, ...p }));
        const r = coarse ? PICK_RADIUS.coarse : PICK_RADIUS.fine;
        for (const t of targets) expect(pickPlace(targets, t.x, t.y, r)).toBe(t.unit);
      }),
    );
  });
});
