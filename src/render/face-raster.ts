// A face-id raster: every pixel of the map knows which face it shows. Faces are scan-converted
// once per zoom or pan (pixel centres inside a face's rings, even-odd, so neighbours sharing an
// arc split its pixels without a gap or an overlap), and a date's picture is then one pass over
// the pixels looking up each face's colour (owner → RGBA through the map's fill table, only for
// the faces whose colour changed). The same ids answer "which face is here".
// Pure: typed arrays in, typed arrays out; the app's canvas layer puts them on screen.

import { dimmedFill, fillIndex } from "../map/style.js";

/** Face outlines in frame coordinates, flattened: face f's rings are rings [faceRing[f], faceRing[f+1]). */
export interface FaceRings {
  readonly faceCount: number;
  readonly faceRing: Int32Array;
  /** Ring r's points are [ringPoint[r], ringPoint[r+1]) of `xs`/`ys`. */
  readonly ringPoint: Int32Array;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
}

/** Parses the model's face paths (`M x,y L x,y … Z`, one or more rings each). */
export function faceRings(facePaths: readonly string[]): FaceRings {
  const faceRing = new Int32Array(facePaths.length + 1);
  const ringPoint: number[] = [0];
  const xs: number[] = [];
  const ys: number[] = [];
  const number = /-?\d+(?:\.\d+)?(?:e-?\d+)?/g;
  facePaths.forEach((d, f) => {
    for (const ring of d.split("M")) {
      if (ring.length === 0) continue;
      const values = ring.match(number) ?? [];
      for (let i = 0; i + 1 < values.length; i += 2) {
        xs.push(Number(values[i]));
        ys.push(Number(values[i + 1]));
      }
      ringPoint.push(xs.length);
    }
    faceRing[f + 1] = ringPoint.length - 1;
  });
  return {
    faceCount: facePaths.length,
    faceRing,
    ringPoint: Int32Array.from(ringPoint),
    xs: Float64Array.from(xs),
    ys: Float64Array.from(ys),
  };
}

/** Each entry's box in frame coordinates: x0, y0, x1, y1 (4 numbers per face or path). */
export function ringBoxes(rings: FaceRings): Float64Array {
  const box = new Float64Array(4 * rings.faceCount);
  for (let f = 0; f < rings.faceCount; f++) {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    const from = rings.ringPoint[rings.faceRing[f] as number] as number;
    const to = rings.ringPoint[rings.faceRing[f + 1] as number] as number;
    for (let i = from; i < to; i++) {
      const x = rings.xs[i] as number;
      const y = rings.ys[i] as number;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    box.set([x0, y0, x1, y1], 4 * f);
  }
  return box;
}

/**
 * A uniform grid over boxes (4 numbers each, as `ringBoxes` gives), so that the boxes near a few
 * small rectangles are found without testing every box: a date that changed a few faces looks
 * up only the lines around them.
 */
export interface BoxGrid {
  readonly boxes: Float64Array;
  readonly x0: number;
  readonly y0: number;
  readonly cell: number;
  readonly columns: number;
  readonly rows: number;
  /** Boxes in cell c are `items[cellStart[c] .. cellStart[c+1])`. */
  readonly cellStart: Int32Array;
  readonly items: Int32Array;
  /** Scratch for `boxesMeeting`: the look-up that last found each box (no allocation per look-up). */
  readonly found: Uint32Array;
  lookups: number;
}

export function boxGrid(boxes: Float64Array): BoxGrid {
  const count = boxes.length >> 2;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < count; i++) {
    if (!((boxes[4 * i] as number) <= (boxes[4 * i + 2] as number))) continue; // empty
    x0 = Math.min(x0, boxes[4 * i] as number);
    y0 = Math.min(y0, boxes[4 * i + 1] as number);
    x1 = Math.max(x1, boxes[4 * i + 2] as number);
    y1 = Math.max(y1, boxes[4 * i + 3] as number);
  }
  if (!(x0 <= x1)) [x0, y0, x1, y1] = [0, 0, 1, 1];
  // About two boxes per cell.
  const cell = Math.max(1e-6, Math.sqrt(((x1 - x0 + 1e-9) * (y1 - y0 + 1e-9) * 2) / Math.max(1, count)));
  const columns = Math.min(4096, Math.floor((x1 - x0) / cell) + 1);
  const rows = Math.min(4096, Math.floor((y1 - y0) / cell) + 1);
  const span = (i: number, visit: (c: number) => void): void => {
    const b = 4 * i;
    if (!((boxes[b] as number) <= (boxes[b + 2] as number))) return;
    const c0 = clampCell(((boxes[b] as number) - x0) / cell, columns);
    const c1 = clampCell(((boxes[b + 2] as number) - x0) / cell, columns);
    const r0 = clampCell(((boxes[b + 1] as number) - y0) / cell, rows);
    const r1 = clampCell(((boxes[b + 3] as number) - y0) / cell, rows);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) visit(r * columns + c);
  };
  const cellStart = new Int32Array(columns * rows + 1);
  for (let i = 0; i < count; i++)
    span(i, (c) => {
      cellStart[c + 1] = (cellStart[c + 1] as number) + 1;
    });
  for (let c = 0; c < columns * rows; c++)
    cellStart[c + 1] = (cellStart[c + 1] as number) + (cellStart[c] as number);
  const items = new Int32Array(cellStart[columns * rows] as number);
  const fill = cellStart.slice(0, columns * rows);
  for (let i = 0; i < count; i++)
    span(i, (c) => {
      const at = fill[c] as number;
      items[at] = i;
      fill[c] = at + 1;
    });
  return { boxes, x0, y0, cell, columns, rows, cellStart, items, found: new Uint32Array(count), lookups: 0 };
}

function clampCell(v: number, n: number): number {
  return Math.max(0, Math.min(n - 1, Math.floor(v)));
}

/**
 * The boxes of `grid` that meet one of `rects` (4 numbers each, x0 y0 x1 y1, edges included),
 * all in the grid's coordinates, in ascending order. With `exact`, a box the grid finds in rect
 * `q` counts only if `exact(box, q)` agrees (e.g. the same test in other coordinates).
 */
export function boxesMeeting(
  grid: BoxGrid,
  rects: ArrayLike<number>,
  exact?: (box: number, rect: number) => boolean,
): number[] {
  const { boxes, x0, y0, cell, columns, rows, cellStart, items, found } = grid;
  if (++grid.lookups === 0xffffffff) {
    found.fill(0);
    grid.lookups = 1;
  }
  const lookup = grid.lookups;
  const out: number[] = [];
  for (let q = 0; q + 3 < rects.length; q += 4) {
    const rx0 = rects[q] as number;
    const ry0 = rects[q + 1] as number;
    const rx1 = rects[q + 2] as number;
    const ry1 = rects[q + 3] as number;
    const c0 = clampCell((rx0 - x0) / cell, columns);
    const c1 = clampCell((rx1 - x0) / cell, columns);
    const r0 = clampCell((ry0 - y0) / cell, rows);
    const r1 = clampCell((ry1 - y0) / cell, rows);
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++)
        for (
          let k = cellStart[r * columns + c] as number, end = cellStart[r * columns + c + 1] as number;
          k < end;
          k++
        ) {
          const i = items[k] as number;
          if (found[i] === lookup) continue;
          const b = 4 * i;
          if (
            (boxes[b + 2] as number) >= rx0 &&
            (boxes[b] as number) <= rx1 &&
            (boxes[b + 3] as number) >= ry0 &&
            (boxes[b + 1] as number) <= ry1 &&
            (!exact || exact(i, q >> 2))
          ) {
            found[i] = lookup;
            out.push(i);
          }
        }
  }
  return out.sort((a, b) => a - b);
}

/** Screen (device pixel) position of frame point p: `k·p + [x, y]`. */
export interface RasterTransform {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

/**
 * Writes into `ids` (row-major, `width × height`) the face whose rings hold each pixel centre,
 * -1 where none does.
 */
export function rasteriseFaces(
  rings: FaceRings,
  width: number,
  height: number,
  t: RasterTransform,
  ids: Int32Array,
): void {
  ids.fill(-1);
  const { faceRing, ringPoint, xs, ys } = rings;
  const ex0: number[] = [];
  const ey0: number[] = [];
  const ex1: number[] = [];
  const ey1: number[] = [];
  const crossings: number[] = [];
  for (let f = 0; f < rings.faceCount; f++) {
    ex0.length = ey0.length = ex1.length = ey1.length = 0;
    let minY = Infinity;
    let maxY = -Infinity;
    let minX = Infinity;
    let maxX = -Infinity;
    for (let r = faceRing[f] as number; r < (faceRing[f + 1] as number); r++) {
      const a = ringPoint[r] as number;
      const b = ringPoint[r + 1] as number;
      for (let i = a; i < b; i++) {
        const j = i + 1 < b ? i + 1 : a;
        const x0 = t.k * (xs[i] as number) + t.x;
        const y0 = t.k * (ys[i] as number) + t.y;
        const x1 = t.k * (xs[j] as number) + t.x;
        const y1 = t.k * (ys[j] as number) + t.y;
        if (y0 === y1) continue;
        ex0.push(x0);
        ey0.push(y0);
        ex1.push(x1);
        ey1.push(y1);
        if (y0 < minY) minY = y0;
        if (y0 > maxY) maxY = y0;
        if (x0 < minX) minX = x0;
        if (x0 > maxX) maxX = x0;
      }
    }
    if (maxX < 0 || minX > width || maxY < 0 || minY > height) continue;
    const rowFrom = Math.max(0, Math.ceil(minY - 0.5));
    const rowTo = Math.min(height - 1, Math.floor(maxY - 0.5));
    const n = ex0.length;
    for (let row = rowFrom; row <= rowTo; row++) {
      const yc = row + 0.5;
      crossings.length = 0;
      for (let e = 0; e < n; e++) {
        const y0 = ey0[e] as number;
        const y1 = ey1[e] as number;
        if (y0 <= yc !== y1 <= yc) {
          const x0 = ex0[e] as number;
          crossings.push(x0 + ((yc - y0) / (y1 - y0)) * ((ex1[e] as number) - x0));
        }
      }
      if (crossings.length < 2) continue;
      crossings.sort((p, q) => p - q);
      const base = row * width;
      for (let c = 0; c + 1 < crossings.length; c += 2) {
        const from = Math.max(0, Math.ceil((crossings[c] as number) - 0.5));
        const to = Math.min(width, Math.ceil((crossings[c + 1] as number) - 0.5));
        if (to > from) ids.fill(f, base + from, base + to);
      }
    }
  }
}

/** `#rrggbb` as a pixel of a little-endian RGBA `Uint32Array` view (opaque). */
export function pixelOf(hex: string): number {
  const v = Number.parseInt(hex.slice(1, 7), 16);
  return (0xff000000 | ((v & 0xff) << 16) | (v & 0xff00) | ((v >> 16) & 0xff)) >>> 0;
}

/** How faces are coloured: a pixel per entry of the map's fill table (`fillTable`). */
export interface FaceFills {
  /** Settled ground per owner code, then open country (see `fillIndex`). */
  readonly fills: Uint32Array;
  /** The same entries dimmed: compare mode's ground that did not change hands. */
  readonly dimmed: Uint32Array;
  readonly factionCount: number;
  /** Per face, 1 where it is open country (the paler shade). */
  readonly open: ArrayLike<number>;
}

/** Fills from the map's fill table (`fillTable`), with the dimmed twin of each entry. */
export function faceFills(
  table: readonly string[],
  factionCount: number,
  open: ArrayLike<number>,
): FaceFills {
  return {
    fills: Uint32Array.from(table.map((c) => pixelOf(c))),
    dimmed: Uint32Array.from(table.map((c) => pixelOf(dimmedFill(c)))),
    factionCount,
    open,
  };
}

/**
 * A date's colour of every face (`out[f]`): its owner's fill, paler for open country, dimmed
 * where `then` (compare mode) has the same owner.
 */
export function faceColours(
  owners: ArrayLike<number>,
  fills: FaceFills,
  then: ArrayLike<number> | undefined,
  out: Uint32Array,
): void {
  const { open, factionCount } = fills;
  for (let f = 0; f < out.length; f++) {
    const o = owners[f] as number;
    const i = fillIndex(o, open[f], factionCount);
    out[f] = (then !== undefined && then[f] === o ? fills.dimmed[i] : fills.fills[i]) ?? 0;
  }
}

/** The whole picture: `out[i]` is the colour of the face at pixel i, or `background[i]` where no face is. */
export function recolour(
  ids: Int32Array,
  colours: Uint32Array,
  background: Uint32Array,
  out: Uint32Array,
): void {
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    out[i] = id < 0 ? (background[i] as number) : (colours[id] as number);
  }
}

/** The pixels of each face: face f's are `pixels[start[f] … start[f+1])`; `box` is its x0, y0, x1, y1 (exclusive). */
export interface FacePixels {
  readonly start: Int32Array;
  readonly pixels: Int32Array;
  readonly box: Int32Array;
}

/** Groups the pixels of a face-id raster by face (one counting pass), with each face's box. */
export function facePixels(ids: Int32Array, width: number, faceCount: number): FacePixels {
  const start = new Int32Array(faceCount + 1);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (id >= 0) start[id + 1] = (start[id + 1] as number) + 1;
  }
  for (let f = 0; f < faceCount; f++) start[f + 1] = (start[f + 1] as number) + (start[f] as number);
  const fill = start.slice(0, faceCount);
  const pixels = new Int32Array(start[faceCount] as number);
  const box = new Int32Array(4 * faceCount);
  for (let f = 0; f < faceCount; f++) box.set([width, ids.length, -1, -1], 4 * f);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (id < 0) continue;
    pixels[fill[id] as number] = i;
    fill[id] = (fill[id] as number) + 1;
    const x = i % width;
    const y = (i - x) / width;
    const b = 4 * id;
    if (x < (box[b] as number)) box[b] = x;
    if (y < (box[b + 1] as number)) box[b + 1] = y;
    if (x + 1 > (box[b + 2] as number)) box[b + 2] = x + 1;
    if (y + 1 > (box[b + 3] as number)) box[b + 3] = y + 1;
  }
  return { start, pixels, box };
}

/**
 * Square tiles over a raster `width` px wide, `TILE` px a side: which ones were written (1), so
 * that only those are put on screen when a date changed faces here and there.
 */
export interface DirtyTiles {
  readonly columns: number;
  readonly rows: number;
  readonly marks: Uint8Array;
}

export const TILE = 64;

export function dirtyTiles(width: number, height: number): DirtyTiles {
  const columns = Math.ceil(width / TILE);
  const rows = Math.ceil(height / TILE);
  return { columns, rows, marks: new Uint8Array(columns * rows) };
}

/**
 * The marked tiles as rectangles `[x0, y0, x1, y1]` (runs of marked tiles along a row merged),
 * clipped to `width` × `height`; clears the marks.
 */
export function takeDirtyRects(tiles: DirtyTiles, width: number, height: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < tiles.rows; r++) {
    let c = 0;
    while (c < tiles.columns) {
      if (tiles.marks[r * tiles.columns + c] !== 1) {
        c++;
        continue;
      }
      const from = c;
      while (c < tiles.columns && tiles.marks[r * tiles.columns + c] === 1)
        tiles.marks[r * tiles.columns + c++] = 0;
      out.push([from * TILE, r * TILE, Math.min(width, c * TILE), Math.min(height, (r + 1) * TILE)]);
    }
  }
  return out;
}

/**
 * Repaints only the faces whose colour differs from `shown` (and updates `shown`): the box of
 * the pixels written, `[x0, y0, x1, y1]`, or `undefined` when nothing changed. With `tiles`, the
 * tiles the written faces' boxes cover are marked too.
 */
export function recolourChanged(
  index: FacePixels,
  colours: Uint32Array,
  shown: Uint32Array,
  out: Uint32Array,
  tiles?: DirtyTiles,
): [number, number, number, number] | undefined {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let f = 0; f < shown.length; f++) {
    const colour = colours[f] as number;
    if (colour === shown[f]) continue;
    shown[f] = colour;
    const from = index.start[f] as number;
    const to = index.start[f + 1] as number;
    if (to === from) continue;
    for (let k = from; k < to; k++) out[index.pixels[k] as number] = colour;
    const b = 4 * f;
    x0 = Math.min(x0, index.box[b] as number);
    y0 = Math.min(y0, index.box[b + 1] as number);
    x1 = Math.max(x1, index.box[b + 2] as number);
    y1 = Math.max(y1, index.box[b + 3] as number);
    if (tiles) {
      const c1 = Math.min(tiles.columns - 1, Math.floor(((index.box[b + 2] as number) - 1) / TILE));
      const r1 = Math.min(tiles.rows - 1, Math.floor(((index.box[b + 3] as number) - 1) / TILE));
      for (let r = Math.floor((index.box[b + 1] as number) / TILE); r <= r1; r++)
        for (let c = Math.floor((index.box[b] as number) / TILE); c <= c1; c++)
          tiles.marks[r * tiles.columns + c] = 1;
    }
  }
  return x1 > x0 ? [x0, y0, x1, y1] : undefined;
}
