import { describe, expect, it } from "vitest";
import { placesInCorridor, placesInPolygon } from "../../src/core/geodesy.js";

// Along 36° N, 0.1° of longitude is ≈ 9 km; 0.01° of latitude ≈ 1.1 km.
const places = [
  { at: [38.0, 36.0] as const },
  { at: [38.5, 36.02] as const }, // ≈2.2 km north of the path
  { at: [38.5, 36.1] as const }, // ≈11 km north
  {}, // an area: no position
  { at: [39.2, 36.0] as const }, // beyond the path's end by ≈18 km
];

describe("advance", () => {
  it("takes the places within width_km of the path (ends included), skipping units without a position", () => {
    const path = [
      [38.0, 36.0],
      [39.0, 36.0],
    ] as const;
    expect(placesInCorridor(places, path, 5)).toEqual([0, 1]);
    expect(placesInCorridor(places, path, 12)).toEqual([0, 1, 2]);
    expect(placesInCorridor(places, path, 20)).toEqual([0, 1, 2, 4]);
    expect(placesInCorridor(places, [[38.5, 36.02]], 0.5)).toEqual([1]);
    expect(placesInCorridor(places, [], 100)).toEqual([]);
  });

  it("takes the places inside a polygon, not those in its holes", () => {
    const outer = [
      [37.9, 35.9],
      [38.6, 35.9],
      [38.6, 36.2],
      [37.9, 36.2],
      [37.9, 35.9],
    ] as const;
    const hole = [
      [38.4, 36.05],
      [38.6, 36.05],
      [38.6, 36.15],
      [38.4, 36.15],
      [38.4, 36.05],
    ] as const;
    expect(placesInPolygon(places, [outer])).toEqual([0, 1, 2]);
    expect(placesInPolygon(places, [outer, hole])).toEqual([0, 1]);
  });
});
