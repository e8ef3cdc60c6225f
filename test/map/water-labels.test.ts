import { describe, expect, it } from "vitest";
import { overlaps } from "../../src/map/labels.js";
import { placeWaterLabels, waterLabelBox } from "../../src/map/water-labels.js";

describe("names of rivers and lakes", () => {
  const options = { fontSize: 10, lift: 4 };
  it("takes the first spot clear of obstacles and of the names placed before, above then below", () => {
    const above = waterLabelBox("Euphrates", [100, 100], options);
    const below = waterLabelBox("Euphrates", [100, 100], options, true);
    const placed = placeWaterLabels(
      [
        {
          name: "Euphrates",
          candidates: [
            [100, 100],
            [300, 100],
          ],
        },
        {
          name: "Balikh",
          candidates: [
            [300, 100],
            [300, 200],
          ],
        },
      ],
      { ...options, obstacles: [above, below] },
    );
    expect(placed.map((p) => [p.name, p.x, p.y])).toEqual([
      ["Euphrates", 300, 96],
      ["Balikh", 300, 112.5],
    ]);
    const [e, b] = placed;
    if (!e || !b) throw new Error("two names expected");
    expect(overlaps(e.box, b.box)).toBe(false);
  });

  it("still names a feature in view when every spot is taken, where it covers least", () => {
    const a = waterLabelBox("Tigris", [0, 0], options);
    const aBelow = waterLabelBox("Tigris", [0, 0], options, true);
    const b = waterLabelBox("Tigris", [50, 0], options);
    const bBelow = waterLabelBox("Tigris", [50, 0], options, true);
    const placed = placeWaterLabels(
      [
        {
          name: "Tigris",
          candidates: [
            [0, 0],
            [50, 0],
          ],
        },
      ],
      {
        ...options,
        obstacles: [a, a, aBelow, aBelow, b, bBelow],
      },
    );
    expect(placed.map((p) => p.x)).toEqual([50]);
  });

  it("leaves out a feature with no point in view and keeps names inside the bounds when it can", () => {
    const placed = placeWaterLabels(
      [
        { name: "Khabur", candidates: [] },
        {
          name: "Lake Assad",
          candidates: [
            [2, 50],
            [60, 50],
          ],
        },
      ],
      { ...options, bounds: { x0: 0, y0: 0, x1: 100, y1: 100 } },
    );
    expect(placed.map((p) => [p.name, p.x])).toEqual([["Lake Assad", 60]]);
  });
});
