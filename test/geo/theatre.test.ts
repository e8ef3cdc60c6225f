import { describe, expect, it } from "vitest";
import type { Position } from "geojson";
import { km2 } from "../../src/geo/area.js";
import { forD3, resolveTheatre } from "../../src/geo/theatre.js";
import { loadAtlas } from "../../src/node/atlas.js";

function signedArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++)
    a +=
      (ring[i]?.[0] as number) * (ring[i + 1]?.[1] as number) -
      (ring[i + 1]?.[0] as number) * (ring[i]?.[1] as number);
  return a;
}

describe("resolveTheatre", () => {
  it("outlines Syria from Natural Earth 10m by ISO alpha-2 or alpha-3, RFC 7946-wound", () => {
    const atlas = loadAtlas("10m");
    const a = resolveTheatre(
      { kind: "countries", countries: ["SY"], resolution: "10m", tolerance_km: 10 },
      atlas,
    );
    const b = resolveTheatre(
      { kind: "countries", countries: ["SYR"], resolution: "10m", tolerance_km: 10 },
      atlas,
    );
    expect(a.outline).toEqual(b.outline);
    expect(a.outline.properties.name).toBe("Syria");
    // turf.area of the 10m outline is ≈185,954 km² (Syria is ≈185,180 km²)
    expect(km2(a.outline.geometry)).toBeGreaterThan(185_500);
    expect(km2(a.outline.geometry)).toBeLessThan(186_500);
    const polys =
      a.outline.geometry.type === "Polygon"
        ? [a.outline.geometry.coordinates]
        : a.outline.geometry.coordinates;
    for (const poly of polys) poly.forEach((ring, i) => expect(signedArea(ring) > 0).toBe(i === 0));
    const names = a.neighbours.features.map((f) => f.properties.name);
    for (const n of ["Turkey", "Iraq", "Jordan", "Lebanon", "Israel"]) expect(names).toContain(n);
    expect(names).not.toContain("Syria");
    expect(names).not.toContain("France"); // overseas parts far away do not drag whole countries in
    for (const f of a.neighbours.features) {
      const g = f.geometry;
      for (const poly of g.type === "Polygon" ? [g.coordinates] : g.coordinates)
        for (const ring of poly)
          for (const p of ring) {
            expect(p[0]).toBeGreaterThanOrEqual(a.marginBbox[0] - 1e-9);
            expect(p[0]).toBeLessThanOrEqual(a.marginBbox[2] + 1e-9);
          }
    }
  });

  it("finds countries the atlas carries without a numeric id by name (Kosovo), and warns about unknown codes", () => {
    const atlas = loadAtlas("50m");
    const t = resolveTheatre(
      { kind: "countries", countries: ["XK", "QQ"], resolution: "50m", tolerance_km: 5 },
      atlas,
    );
    expect(t.outline.properties.name).toBe("Kosovo");
    expect(t.warnings).toEqual(['country "QQ" is not in the Natural Earth countries of world-atlas']);
    expect(() =>
      resolveTheatre({ kind: "countries", countries: ["QQ"], resolution: "50m", tolerance_km: 5 }, atlas),
    ).toThrow(/no country/);
  });

  it("a bbox theatre is a counter-clockwise box following parallels and meridians, with the country under it as basemap", () => {
    const t = resolveTheatre(
      { kind: "bbox", bbox: [38.9, 35.88, 39.12, 36.02], tolerance_km: 5 },
      loadAtlas("50m"),
    );
    expect(t.bbox).toEqual([38.9, 35.88, 39.12, 36.02]);
    const ring = (t.outline.geometry.coordinates as Position[][])[0] as Position[];
    expect(signedArea(ring)).toBeGreaterThan(0);
    expect(t.neighbours.features.map((f) => f.properties.name)).toContain("Syria");
  });

  it("an inline polygon keeps its holes, rewound to RFC 7946; forD3 winds it the other way for drawing", () => {
    const t = resolveTheatre({
      kind: "polygon",
      polygon: [
        [
          [38, 35],
          [38, 36],
          [39, 36],
          [39, 35],
          [38, 35],
        ],
        [
          [38.2, 35.2],
          [38.8, 35.2],
          [38.8, 35.8],
          [38.2, 35.8],
          [38.2, 35.2],
        ],
      ],
      tolerance_km: 5,
    });
    const rings = t.outline.geometry.coordinates as Position[][];
    expect(signedArea(rings[0] as Position[])).toBeGreaterThan(0);
    expect(signedArea(rings[1] as Position[])).toBeLessThan(0);
    const drawn = forD3(t.outline.geometry).coordinates as Position[][];
    expect(signedArea(drawn[0] as Position[])).toBeLessThan(0);
    expect(signedArea(drawn[1] as Position[])).toBeGreaterThan(0);
    expect(t.neighbours.features).toEqual([]);
  });
});
