import { describe, expect, it } from "vitest";
import { STATUS_BESIEGED, STATUS_CONTESTED, STATUS_HELD, STATUS_UNKNOWN } from "../../src/core/fold.js";
import { BESIEGED, dotRing, factionFill, INK, luminance, parseHex, tint } from "../../src/map/style.js";

describe("colours", () => {
  it("parses long and short hex", () => {
    expect(parseHex("#0072b2")).toEqual([0, 114, 178]);
    expect(parseHex("#fff")).toEqual([255, 255, 255]);
    expect(parseHex("red")).toBeUndefined();
  });

  it("mixes with white", () => {
    expect(tint("#000000", 0.5)).toBe("#808080");
    expect(tint("#0072b2", 0)).toBe("#0072b2");
    expect(tint("#0072b2", 1)).toBe("#ffffff");
    expect(tint("not a colour", 0.5)).toBe("not a colour");
  });

  it("lightens dark faction colours more than light ones", () => {
    expect(luminance("#ffffff")).toBeCloseTo(1, 6);
    expect(luminance(factionFill("#4d4d4d"))).toBeGreaterThan(luminance(tint("#4d4d4d", 0.18)));
    expect(factionFill("#f0e442")).toBe(tint("#f0e442", 0.18));
  });
});

describe("dot rings", () => {
  it("ring contested places in ink and besieged ones in the siege red, and no other place", () => {
    expect(dotRing(STATUS_CONTESTED)?.color).toBe(INK);
    expect(dotRing(STATUS_BESIEGED)?.color).toBe(BESIEGED);
    for (const st of [STATUS_HELD, STATUS_UNKNOWN, undefined]) expect(dotRing(st)).toBeUndefined();
    const ring = dotRing(STATUS_BESIEGED);
    expect(ring && ring.gap > 0 && ring.width > 0 && ring.dash.length === 2).toBe(true);
  });
});
