import { describe, expect, it } from "vitest";
import { factionFill, luminance, parseHex, tint } from "../../src/map/style.js";

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
