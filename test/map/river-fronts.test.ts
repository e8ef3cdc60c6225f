// Fronts along rivers: the pieces of arcs that lie on a river line at the map's scale, and only
// those, are found (so the writers can draw the river along the front instead of under it).

import { describe, expect, it } from "vitest";
import { ALONG_RIVER_PX, pathLines, riverArcs } from "../../src/map/river-fronts.js";

const water = (majorRivers: string, minorRivers = "") => ({
  lakes: "",
  majorRivers,
  minorRivers,
  labels: [],
});

describe("riverArcs", () => {
  it("keeps an arc on the river, drops one far from it, and keeps only the piece of one that leaves it", () => {
    const map = {
      arcCount: 3,
      arcPaths: [
        // On the river (half a px off).
        "M0,0.5L50,0.5L100,0.5",
        // 30 px away.
        "M0,30L100,30",
        // Along the river to x=40, then away from it.
        "M0,-1L20,-1L40,-1L60,40L80,80",
      ],
      water: water("M-10,0L200,0"),
    };
    const along = riverArcs(map);
    expect(along.any).toBe(true);
    expect(along.paths[0]).toBe("M0,0.5L50,0.5L100,0.5");
    expect(along.paths[1]).toBe("");
    expect(along.paths[2]).toBe("M0,-1L20,-1L40,-1");
  });

  it("does not join two points on the river by a segment that leaves it (a bend cut short)", () => {
    // A river in a U; the arc jumps across the U's mouth.
    const map = {
      arcCount: 1,
      arcPaths: ["M0,0L0,50L100,50L100,0"],
      water: water("", "M0,0L0,100L100,100L100,0"),
    };
    const along = riverArcs(map);
    // (0,50) and (100,50) lie on the river's arms, the segment between them does not.
    expect(along.paths[0]).toBe("M0,0L0,50M100,50L100,0");
  });

  it("finds nothing on a map without rivers, and every piece it finds lies on a river", () => {
    expect(riverArcs({ arcCount: 1, arcPaths: ["M0,0L1,1"], water: water("") }).any).toBe(false);
    const river = "M0,0L40,10L80,0L120,25";
    const map = {
      arcCount: 2,
      arcPaths: ["M0,1L40,11L80,1L120,26", "M5,60L50,-20L90,3"],
      water: water(river),
    };
    const line = pathLines(river)[0] ?? [];
    const distance = (p: readonly [number, number]): number =>
      Math.min(
        ...line.slice(1).map((b, i) => {
          const a = line[i] as readonly [number, number];
          const dx = b[0] - a[0];
          const dy = b[1] - a[1];
          const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
          return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
        }),
      );
    for (const d of riverArcs(map).paths)
      for (const piece of pathLines(d))
        for (const p of piece) expect(distance(p)).toBeLessThanOrEqual(ALONG_RIVER_PX);
    expect(riverArcs(map).paths[0]).not.toBe("");
  });
});
