import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dimmedFill,
  fillIndex,
  fillTable,
  OPEN_TINT,
  tint,
  factionFill,
  UNKNOWN_FILL,
} from "../../src/map/style.js";
import {
  boxesMeeting,
  boxGrid,
  dirtyTiles,
  faceColours,
  faceFills,
  facePixels,
  faceRings,
  pixelOf,
  rasteriseFaces,
  recolour,
  recolourChanged,
  takeDirtyRects,
  TILE,
  type FaceFills,
} from "../../src/render/face-raster.js";

/** Fills for a table of pixels (no open country, nothing dimmed apart). */
function plainFills(fills: Uint32Array, faces: number): FaceFills {
  return { fills, dimmed: fills, factionCount: fills.length - 1, open: new Uint8Array(faces) };
}

/** A w×h frame cut into a grid of rectangles at the given cuts; each cell a face, as a path. */
function grid(
  xcuts: number[],
  ycuts: number[],
  w: number,
  h: number,
): { paths: string[]; cellAt: (x: number, y: number) => number } {
  const xs = [0, ...xcuts.sort((a, b) => a - b), w];
  const ys = [0, ...ycuts.sort((a, b) => a - b), h];
  const paths: string[] = [];
  for (let j = 0; j + 1 < ys.length; j++)
    for (let i = 0; i + 1 < xs.length; i++) {
      const [x0, x1, y0, y1] = [xs[i], xs[i + 1], ys[j], ys[j + 1]] as [number, number, number, number];
      paths.push(`M${x0},${y0}L${x1},${y0}L${x1},${y1}L${x0},${y1}Z`);
    }
  const cellAt = (x: number, y: number): number => {
    const i = xs.findIndex((v, k) => k + 1 < xs.length && x >= v && x < (xs[k + 1] as number));
    const j = ys.findIndex((v, k) => k + 1 < ys.length && y >= v && y < (ys[k + 1] as number));
    return i < 0 || j < 0 ? -1 : j * (xs.length - 1) + i;
  };
  return { paths, cellAt };
}

describe("the face-id raster", () => {
  it("gives every pixel centre the face that holds it, with no gap or overlap along shared edges", () => {
    const xcut = fc.double({ min: 0.5, max: 39.5, noNaN: true });
    const ycut = fc.double({ min: 0.5, max: 29.5, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(xcut, { maxLength: 5 }),
        fc.array(ycut, { maxLength: 5 }),
        fc.double({ min: 0.5, max: 3, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (xcuts, ycuts, k, shift) => {
          const { paths, cellAt } = grid(xcuts, ycuts, 40, 30);
          const rings = faceRings(paths);
          const [w, h] = [64, 48];
          const t = { k, x: shift, y: -shift / 2 };
          const ids = new Int32Array(w * h);
          rasteriseFaces(rings, w, h, t, ids);
          for (let py = 0; py < h; py++)
            for (let px = 0; px < w; px++) {
              // The pixel centre back in frame coordinates.
              const x = (px + 0.5 - t.x) / k;
              const y = (py + 0.5 - t.y) / k;
              const onEdge =
                [0, 40, ...xcuts].some((c) => Math.abs(x - c) < 1e-6) ||
                [0, 30, ...ycuts].some((c) => Math.abs(y - c) < 1e-6);
              if (onEdge) continue;
              expect(ids[py * w + px], `pixel ${px},${py}`).toBe(cellAt(x, y));
            }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("reads rings, holes included, from the model's path strings", () => {
    const rings = faceRings(["M0,0L10,0L10,10L0,10ZM3,3L7,3L7,7L3,7Z", "M3,3L7,3L7,7L3,7Z"]);
    expect([...rings.faceRing]).toEqual([0, 2, 3]);
    const ids = new Int32Array(100);
    rasteriseFaces(rings, 10, 10, { k: 1, x: 0, y: 0 }, ids);
    expect(ids[5 * 10 + 5]).toBe(1); // inside the hole: the second face
    expect(ids[1 * 10 + 1]).toBe(0);
    expect(ids.every((id) => id >= 0)).toBe(true);
  });

  it("recolours pixels by their face's owner, background where there is no face", () => {
    const ids = Int32Array.from([-1, 0, 1, 1]);
    const palette = Uint32Array.from([pixelOf("#000000"), pixelOf("#ff0000"), pixelOf("#0000ff")]);
    const colours = new Uint32Array(2);
    faceColours(Uint8Array.from([2, 1]), plainFills(palette, 2), undefined, colours);
    const out = new Uint32Array(4);
    recolour(ids, colours, Uint32Array.from([7, 7, 7, 7]), out);
    expect([...out]).toEqual([7, palette[2], palette[1], palette[1]]);
    expect(new Uint8Array(Uint32Array.from([pixelOf("#102030")]).buffer)).toEqual(
      Uint8Array.from([0x10, 0x20, 0x30, 0xff]),
    );
  });

  it("draws open country in the paler shade of its holder, as the SVG map does", () => {
    const factions = [{ color: "#d62728" }, { color: "#1f77b4" }];
    const table = fillTable(factions);
    const fills = faceFills(table, factions.length, [0, 1, 1, 0]);
    const owners = Uint8Array.from([1, 1, 2, 0]);
    const colours = new Uint32Array(4);
    faceColours(owners, fills, undefined, colours);
    expect([...colours]).toEqual([
      pixelOf(factionFill("#d62728")),
      pixelOf(tint(factionFill("#d62728"), OPEN_TINT)),
      pixelOf(tint(factionFill("#1f77b4"), OPEN_TINT)),
      pixelOf(UNKNOWN_FILL),
    ]);
    // The table the SVG map looks faces up in, entry for entry.
    owners.forEach((o, f) =>
      expect(colours[f]).toBe(pixelOf(table[fillIndex(o, fills.open[f], factions.length)] as string)),
    );
  });

  it("dims, in compare mode, the ground whose holder is the same on the other date", () => {
    const factions = [{ color: "#d62728" }, { color: "#1f77b4" }];
    const table = fillTable(factions);
    const fills = faceFills(table, factions.length, [0, 0, 1]);
    const colours = new Uint32Array(3);
    faceColours(Uint8Array.from([1, 2, 2]), fills, Uint8Array.from([1, 1, 2]), colours);
    expect([...colours]).toEqual([
      pixelOf(dimmedFill(factionFill("#d62728"))),
      pixelOf(factionFill("#1f77b4")),
      pixelOf(dimmedFill(tint(factionFill("#1f77b4"), OPEN_TINT))),
    ]);
    // Dimmed: a fifth of the fill over the unknown ground's grey.
    expect(dimmedFill("#ffffff")).toBe("#ebe9e3");
    expect(dimmedFill(UNKNOWN_FILL)).toBe(UNKNOWN_FILL);
  });

  it("repaints only the faces that changed hands, inside the box it returns, to the full recolouring's picture", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.5, max: 39.5, noNaN: true }), { maxLength: 4 }),
        fc.array(fc.double({ min: 0.5, max: 29.5, noNaN: true }), { maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 25, maxLength: 25 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 25, maxLength: 25 }),
        (xcuts, ycuts, a, b) => {
          const { paths } = grid(xcuts, ycuts, 40, 30);
          const rings = faceRings(paths);
          const [w, h] = [44, 34];
          const ids = new Int32Array(w * h);
          rasteriseFaces(rings, w, h, { k: 1, x: 2, y: 2 }, ids);
          const n = rings.faceCount;
          const before = Uint8Array.from(a.slice(0, n));
          const after = Uint8Array.from(b.slice(0, n));
          const fills = plainFills(Uint32Array.from([11, 22, 33, 44]), n);
          const background = new Uint32Array(w * h).fill(5);
          const index = facePixels(ids, w, n);
          expect(index.start[n]).toBe(ids.filter((id) => id >= 0).length);
          const pixels = new Uint32Array(w * h);
          const colours = new Uint32Array(n);
          faceColours(before, fills, undefined, colours);
          recolour(ids, colours, background, pixels);
          const shown = colours.slice();
          const previous = pixels.slice();
          faceColours(after, fills, undefined, colours);
          const box = recolourChanged(index, colours, shown, pixels);
          const full = new Uint32Array(w * h);
          recolour(ids, colours, background, full);
          expect(pixels).toEqual(full);
          expect(shown).toEqual(colours);
          for (let i = 0; i < pixels.length; i++) {
            if (pixels[i] === previous[i]) continue;
            const [x, y] = [i % w, Math.floor(i / w)];
            expect(box).toBeDefined();
            const [x0, y0, x1, y1] = box as [number, number, number, number];
            expect(x >= x0 && x < x1 && y >= y0 && y < y1).toBe(true);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe("dirty tiles", () => {
  it("cover every pixel repainted, as runs of whole tiles inside the raster, and are cleared once taken", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.5, max: 39.5, noNaN: true }), { maxLength: 6 }),
        fc.array(fc.double({ min: 0.5, max: 29.5, noNaN: true }), { maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 49, maxLength: 49 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 49, maxLength: 49 }),
        (xcuts, ycuts, a, b) => {
          const { paths } = grid(xcuts, ycuts, 40, 30);
          const rings = faceRings(paths);
          // Several tiles each way, the last ones cut short.
          const [w, h] = [6 * 40 + 4, 6 * 30 + 4];
          const ids = new Int32Array(w * h);
          rasteriseFaces(rings, w, h, { k: 6, x: 2, y: 2 }, ids);
          const n = rings.faceCount;
          const fills = plainFills(Uint32Array.from([11, 22, 33, 44]), n);
          const index = facePixels(ids, w, n);
          const pixels = new Uint32Array(w * h);
          const colours = new Uint32Array(n);
          faceColours(Uint8Array.from(a.slice(0, n)), fills, undefined, colours);
          recolour(ids, colours, new Uint32Array(w * h).fill(5), pixels);
          const shown = colours.slice();
          const previous = pixels.slice();
          faceColours(Uint8Array.from(b.slice(0, n)), fills, undefined, colours);
          const tiles = dirtyTiles(w, h);
          recolourChanged(index, colours, shown, pixels, tiles);
          const rects = takeDirtyRects(tiles, w, h);
          for (const [x0, y0, x1, y1] of rects) {
            expect(x0 as number).toBeGreaterThanOrEqual(0);
            expect(y0 as number).toBeGreaterThanOrEqual(0);
            expect(x1 as number).toBeLessThanOrEqual(w);
            expect(y1 as number).toBeLessThanOrEqual(h);
            expect((x0 as number) % TILE).toBe(0);
            expect((y0 as number) % TILE).toBe(0);
          }
          for (let i = 0; i < pixels.length; i++) {
            if (pixels[i] === previous[i]) continue;
            const [x, y] = [i % w, Math.floor(i / w)];
            expect(
              rects.some(
                ([x0, y0, x1, y1]) =>
                  x >= (x0 as number) && x < (x1 as number) && y >= (y0 as number) && y < (y1 as number),
              ),
            ).toBe(true);
          }
          expect(Array.from(tiles.marks).every((m) => m === 0)).toBe(true);
          expect(takeDirtyRects(tiles, w, h)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("boxGrid", () => {
  const box = fc
    .tuple(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: -50, max: 50, noNaN: true }))
    .chain(([x, y]) =>
      fc
        .tuple(fc.double({ min: 0, max: 30, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true }))
        .map(([w, h]) => [x, y, x + w, y + h]),
    );
  /** Some entries have no points at all (a face too small to keep): an empty box. */
  const entry = fc.oneof(box, box, box, fc.constant([Infinity, Infinity, -Infinity, -Infinity]));

  it("finds exactly the boxes that meet the rectangles, ascending", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 80 }), fc.array(box, { maxLength: 6 }), (entries, rects) => {
        const boxes = Float64Array.from(entries.flat());
        const flat = rects.flat();
        /** The boxes meeting a rectangle that `exact` accepts with it, by testing every pair. */
        const want = (exact: (i: number, q: number) => boolean): number[] => {
          const out: number[] = [];
          entries.forEach(([x0, y0, x1, y1], i) => {
            for (let q = 0; q < flat.length; q += 4)
              if (
                (x1 as number) >= (flat[q] as number) &&
                (x0 as number) <= (flat[q + 2] as number) &&
                (y1 as number) >= (flat[q + 1] as number) &&
                (y0 as number) <= (flat[q + 3] as number) &&
                exact(i, q / 4)
              ) {
                out.push(i);
                return;
              }
          });
          return out;
        };
        const grid = boxGrid(boxes);
        expect(boxesMeeting(grid, flat)).toEqual(want(() => true));
        const some = (i: number, q: number) => (i + q) % 3 !== 0;
        expect(boxesMeeting(grid, flat, some)).toEqual(want(some));
      }),
    );
  });
});
