// Which place labels show, where, and from which zoom — for the app (a ladder of zooms, so zooming
// in only ever adds labels) and for an export (one zoom, with the key and scale bar as obstacles)
// alike. Labels are placed greedily by importance (`placeRank` in `style.ts`): each in turn takes
// the first zoom, and the first of eight spots around its dot, where it collides with no label
// already placed, no dot and no obstacle, so a less important label never keeps a more important
// one off the map at any zoom. The most important (cities, `mustRank`) are placed at the first
// zoom even where every spot covers some lesser place's dot. A label shown at one zoom stays
// shown, in the same spot, at every closer zoom.

export interface LabelInput {
  /** Projected position at zoom 1, px. */
  readonly x: number;
  readonly y: number;
  readonly text: string;
  /** Lower is more important; equal ranks go in the order given (list the bigger places first). */
  readonly rank: number;
  /** Font size, px (default: the options'). */
  readonly fontSize?: number | undefined;
  /** Dot radius, px (default 3). */
  readonly radius?: number | undefined;
}

export type LabelAnchor =
  "right" | "left" | "above" | "below" | "above-right" | "below-right" | "above-left" | "below-left";

export interface LabelPlacement {
  /** The smallest zoom at which the label shows (Infinity: never within the ladder). */
  readonly minZoom: number;
  readonly anchor: LabelAnchor;
}

export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface LabelOptions {
  /** Font size in screen px, for labels that give none. */
  readonly fontSize?: number;
  /** Average glyph width as a fraction of the font size. */
  readonly charWidth?: number;
  /** Gap between the dot and the label, px (default: the dot's radius + 2). */
  readonly gap?: number;
  readonly zooms?: readonly number[];
  /** Boxes no label may cover (a key, a scale bar), px at zoom 1; they scale with the zoom. */
  readonly obstacles?: readonly Box[];
  /**
   * Names no label may cover (countries, rivers), px at zoom 1: they move with the map but keep
   * their size on screen.
   */
  readonly names?: readonly Box[];
  /**
   * Boxes covering the view itself (a floating key, buttons), px: no label shows under them at
   * the first zoom; zooming in moves the map from under them, so they bind that zoom only.
   */
  readonly overlays?: readonly Box[];
  /**
   * Labels ranked at or below this are placed at the first zoom wherever a spot clears every
   * other label, obstacle and name and the dots of places as important, covering the dots of
   * less important places if it must (default: none).
   */
  readonly mustRank?: number;
  /** Labels must lie inside this box at the zoom they first show (default: anywhere). */
  readonly bounds?: Box;
}

export const ZOOM_LADDER: readonly number[] = [1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32];

/** The eight spots around a dot, in the order they are tried. */
export const LABEL_ANCHORS: readonly LabelAnchor[] = [
  "right",
  "left",
  "above",
  "below",
  "above-right",
  "below-right",
  "above-left",
  "below-left",
];
const DOT = 3;
/** A diagonal spot sits this much of the gap off its dot, on each axis (clear of the dot). */
const DIAGONAL = 0.8;

/** The screen box of a label at zoom `k`, anchored around its dot. */
export function labelBox(l: LabelInput, anchor: LabelAnchor, k: number, options: LabelOptions = {}): Box {
  const size = l.fontSize ?? options.fontSize ?? 12;
  const w = l.text.length * size * (options.charWidth ?? 0.56);
  const h = size * 1.15;
  const gap = options.gap ?? (l.radius ?? DOT) + 2;
  const x = l.x * k;
  const y = l.y * k;
  const d = gap * DIAGONAL;
  switch (anchor) {
    case "right":
      return { x0: x + gap, y0: y - h / 2, x1: x + gap + w, y1: y + h / 2 };
    case "left":
      return { x0: x - gap - w, y0: y - h / 2, x1: x - gap, y1: y + h / 2 };
    case "above":
      return { x0: x - w / 2, y0: y - gap - h, x1: x + w / 2, y1: y - gap };
    case "below":
      return { x0: x - w / 2, y0: y + gap, x1: x + w / 2, y1: y + gap + h };
    case "above-right":
      return { x0: x + d, y0: y - d - h, x1: x + d + w, y1: y - d };
    case "below-right":
      return { x0: x + d, y0: y + d, x1: x + d + w, y1: y + d + h };
    case "above-left":
      return { x0: x - d - w, y0: y - d - h, x1: x - d, y1: y - d };
    case "below-left":
      return { x0: x - d - w, y0: y + d, x1: x - d, y1: y + d + h };
  }
}

/**
 * Where a writer puts a placed label's text: the anchor point (on the baseline) and its
 * `text-anchor`, relative to the dot.
 */
export function labelOffset(
  l: LabelInput,
  anchor: LabelAnchor,
  options: LabelOptions = {},
): { dx: number; dy: number; textAnchor: "start" | "end" | "middle" } {
  const size = l.fontSize ?? options.fontSize ?? 12;
  const gap = options.gap ?? (l.radius ?? DOT) + 2;
  const h = size * 1.15;
  const d = gap * DIAGONAL;
  switch (anchor) {
    case "right":
      return { dx: gap, dy: size * 0.35, textAnchor: "start" };
    case "left":
      return { dx: -gap, dy: size * 0.35, textAnchor: "end" };
    case "above":
      return { dx: 0, dy: -gap - h * 0.25, textAnchor: "middle" };
    case "below":
      return { dx: 0, dy: gap + h * 0.8, textAnchor: "middle" };
    case "above-right":
      return { dx: d, dy: -d - h * 0.25, textAnchor: "start" };
    case "below-right":
      return { dx: d, dy: d + h * 0.8, textAnchor: "start" };
    case "above-left":
      return { dx: -d, dy: -d - h * 0.25, textAnchor: "end" };
    case "below-left":
      return { dx: -d, dy: d + h * 0.8, textAnchor: "end" };
  }
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function inside(a: Box, b: Box): boolean {
  return a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1;
}

/** Cells of the collision grids, px (larger where a grid would have too many). */
const CELL = 64;
const MAX_CELLS = 1 << 18;

/**
 * A uniform grid of boxes for collision look-ups, each box with the rank of what it belongs to
 * (-Infinity: always blocks). The grid spans a given extent in cells; what lies beyond is kept
 * in its edge cells (a box's cells are clamped alike whether stored or looked up, so boxes that
 * overlap always share a cell). Boxes are kept flat, five numbers each.
 */
class BoxGrid {
  private readonly cells: (number[] | undefined)[];
  private readonly cell: number;
  private readonly cols: number;
  private readonly rows: number;
  private data = new Float64Array(1024);
  private count = 0;

  constructor(
    private readonly x0: number,
    private readonly y0: number,
    x1: number,
    y1: number,
  ) {
    const w = Math.max(1, x1 - x0);
    const h = Math.max(1, y1 - y0);
    this.cell = Math.max(CELL, Math.sqrt((w * h) / MAX_CELLS));
    this.cols = Math.ceil(w / this.cell) + 1;
    this.rows = Math.ceil(h / this.cell) + 1;
    this.cells = new Array<number[] | undefined>(this.cols * this.rows);
  }

  private col(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.x0) / this.cell)));
  }

  private row(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.y0) / this.cell)));
  }

  add(x0: number, y0: number, x1: number, y1: number, rank = -Infinity): void {
    const id = this.count++;
    if (id * 5 + 5 > this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const d = this.data;
    d[id * 5] = x0;
    d[id * 5 + 1] = y0;
    d[id * 5 + 2] = x1;
    d[id * 5 + 3] = y1;
    d[id * 5 + 4] = rank;
    const i1 = this.col(x1);
    const j1 = this.row(y1);
    for (let i = this.col(x0); i <= i1; i++)
      for (let j = this.row(y0); j <= j1; j++) {
        const list = this.cells[i * this.rows + j];
        if (list) list.push(id);
        else this.cells[i * this.rows + j] = [id];
      }
  }

  /** Whether a box ranked at or below `limit` (default: any box) overlaps `b`. */
  blocked(b: Box, limit = Infinity): boolean {
    const d = this.data;
    const i1 = this.col(b.x1);
    const j1 = this.row(b.y1);
    for (let i = this.col(b.x0); i <= i1; i++)
      for (let j = this.row(b.y0); j <= j1; j++) {
        const list = this.cells[i * this.rows + j];
        if (!list) continue;
        for (const id of list) {
          const o = id * 5;
          if (
            b.x0 < (d[o + 2] as number) &&
            (d[o] as number) < b.x1 &&
            b.y0 < (d[o + 3] as number) &&
            (d[o + 1] as number) < b.y1 &&
            (d[o + 4] as number) <= limit
          )
            return true;
        }
      }
    return false;
  }

  /** Boxes overlapping `b`: those ranked at or below `limit` block; the others are counted. */
  hits(b: Box, limit: number): { blocked: boolean; covered: number } {
    const d = this.data;
    const covered = new Set<number>();
    const i1 = this.col(b.x1);
    const j1 = this.row(b.y1);
    for (let i = this.col(b.x0); i <= i1; i++)
      for (let j = this.row(b.y0); j <= j1; j++)
        for (const id of this.cells[i * this.rows + j] ?? []) {
          const o = id * 5;
          if (!(
            b.x0 < (d[o + 2] as number) &&
            (d[o] as number) < b.x1 &&
            b.y0 < (d[o + 3] as number) &&
            (d[o + 1] as number) < b.y1
          ))
            continue;
          if ((d[o + 4] as number) <= limit) return { blocked: true, covered: 0 };
          covered.add(id);
        }
    return { blocked: false, covered: covered.size };
  }
}

/**
 * Placement of every label (same order as `labels`). Dots count as obstacles too, so a label
 * never covers another place's dot (except a `mustRank` label a less important one's). A label
 * keeps its spot at every closer zoom, where the dots spread apart but the labels keep their
 * size, so a spot is taken only if it stays clear at every zoom from there on (two labels facing
 * each other across nearby dots would otherwise meet).
 *
 * @example
 * placeLabels([{ x: 100, y: 100, text: "Raqqa", rank: 0 }]); // [{ minZoom: 1, anchor: "right" }]
 */
export function placeLabels(labels: readonly LabelInput[], options: LabelOptions = {}): LabelPlacement[] {
  const zooms = options.zooms ?? ZOOM_LADDER;
  const order = labels
    .map((_, i) => i)
    .sort((a, b) => (labels[a] as LabelInput).rank - (labels[b] as LabelInput).rank || a - b);
  const minZoom = new Array<number>(labels.length).fill(Infinity);
  const anchor = new Array<LabelAnchor>(labels.length).fill("right");
  // The grids span the dots (what lies beyond shares their edge cells).
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const l of labels) {
    if (l.x < x0) x0 = l.x;
    if (l.x > x1) x1 = l.x;
    if (l.y < y0) y0 = l.y;
    if (l.y > y1) y1 = l.y;
  }
  if (!(x0 <= x1 && y0 <= y1 && Number.isFinite(x1 - x0) && Number.isFinite(y1 - y0))) x0 = y0 = x1 = y1 = 0;
  const grids = zooms.map((k) => {
    const grid = new BoxGrid(x0 * k, y0 * k, x1 * k, y1 * k);
    for (const l of labels) {
      const d = l.radius ?? DOT;
      grid.add(l.x * k - d, l.y * k - d, l.x * k + d, l.y * k + d, l.rank);
    }
    for (const o of options.obstacles ?? []) grid.add(o.x0 * k, o.y0 * k, o.x1 * k, o.y1 * k);
    if (k === zooms[0]) for (const o of options.overlays ?? []) grid.add(o.x0, o.y0, o.x1, o.y1);
    for (const n of options.names ?? []) {
      const dx = ((k - 1) * (n.x0 + n.x1)) / 2;
      const dy = ((k - 1) * (n.y0 + n.y1)) / 2;
      grid.add(n.x0 + dx, n.y0 + dy, n.x1 + dx, n.y1 + dy);
    }
    return grid;
  });
  const bounds = options.bounds;
  const mustRank = options.mustRank ?? -Infinity;
  const last = zooms.length - 1;
  /** Whether label `l`'s box at `a` lies inside the bounds at zoom index `z`. */
  const inBounds = (l: LabelInput, a: LabelAnchor, z: number): boolean => {
    if (!bounds) return true;
    const k = zooms[z] as number;
    return inside(labelBox(l, a, k, options), {
      x0: bounds.x0 * k,
      y0: bounds.y0 * k,
      x1: bounds.x1 * k,
      y1: bounds.y1 * k,
    });
  };
  const take = (i: number, a: LabelAnchor, z: number): void => {
    const l = labels[i] as LabelInput;
    for (let j = z; j <= last; j++) {
      const box = labelBox(l, a, zooms[j] as number, options);
      (grids[j] as BoxGrid).add(box.x0, box.y0, box.x1, box.y1);
    }
    minZoom[i] = zooms[z] as number;
    anchor[i] = a;
  };
  for (const i of order) {
    const l = labels[i] as LabelInput;
    // A spot from zoom index z on must be clear at every zoom from z on: the first zoom a spot
    // can show from is one past the closest zoom at which it is blocked (and within bounds).
    // The first zoom any spot can take wins, the first spot in order at that zoom.
    let bestZ = Infinity;
    let bestA: LabelAnchor = "right";
    for (const a of LABEL_ANCHORS) {
      const blockedAt = (z: number): boolean =>
        (grids[z] as BoxGrid).blocked(labelBox(l, a, zooms[z] as number, options));
      let z = last;
      if (bestZ <= last) {
        // To beat an earlier spot the spot must be clear from the zoom before that spot's on:
        // those zooms first, the closest (the likeliest to be blocked) first.
        let lost = false;
        for (let y = bestZ - 1; y <= last && !lost; y++) lost = blockedAt(y);
        if (lost) continue;
        z = bestZ - 2;
      }
      while (z >= 0 && !blockedAt(z)) z--;
      for (z++; z < bestZ && z <= last; z++)
        if (inBounds(l, a, z)) {
          bestZ = z;
          bestA = a;
          break;
        }
      if (bestZ === 0) break;
    }
    if (bestZ > 0 && l.rank <= mustRank) {
      // No clear spot at the first zoom for a label that must show: the spot covering the
      // fewest dots of less important places, clear of everything else.
      let best: { a: LabelAnchor; covered: number } | undefined;
      for (const a of LABEL_ANCHORS) {
        if (!inBounds(l, a, 0)) continue;
        // Clear at every zoom (the closer ones first: no counting there), counting at the first
        // the lesser dots it covers.
        let clear = true;
        for (let j = last; j > 0 && clear; j--)
          clear = !(grids[j] as BoxGrid).blocked(labelBox(l, a, zooms[j] as number, options), l.rank);
        if (!clear) continue;
        const hit = (grids[0] as BoxGrid).hits(labelBox(l, a, zooms[0] as number, options), l.rank);
        if (!hit.blocked && (!best || hit.covered < best.covered)) best = { a, covered: hit.covered };
      }
      if (best) {
        take(i, best.a, 0);
        continue;
      }
    }
    if (bestZ <= last) take(i, bestA, bestZ);
  }
  return labels.map((_, i) => ({ minZoom: minZoom[i] as number, anchor: anchor[i] as LabelAnchor }));
}
