// Which place labels show, where, and from which zoom — for the app (a ladder of zooms, so zooming
// in only ever adds labels) and for an export (one zoom, with the key and scale bar as obstacles)
// alike. Labels are placed greedily by importance (`placeRank` in `style.ts`), each trying four
// spots around its dot, and kept only where they collide with no other label, no dot and no
// obstacle. A label shown at one zoom stays shown, in the same spot, at every closer zoom.

export interface LabelInput {
  /** Projected position at zoom 1, px. */
  readonly x: number;
  readonly y: number;
  readonly text: string;
  /** Lower is more important. */
  readonly rank: number;
  /** Font size, px (default: the options'). */
  readonly fontSize?: number | undefined;
  /** Dot radius, px (default 3). */
  readonly radius?: number | undefined;
}

export type LabelAnchor = "right" | "left" | "above" | "below";

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
  /** Boxes no label may cover (a key, a scale bar, country names), px at zoom 1. */
  readonly obstacles?: readonly Box[];
  /** Labels must lie inside this box at the zoom they first show (default: anywhere). */
  readonly bounds?: Box;
}

export const ZOOM_LADDER: readonly number[] = [1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32];

const ANCHORS: readonly LabelAnchor[] = ["right", "left", "above", "below"];
const DOT = 3;

/** The screen box of a label at zoom `k`, anchored around its dot. */
export function labelBox(l: LabelInput, anchor: LabelAnchor, k: number, options: LabelOptions = {}): Box {
  const size = l.fontSize ?? options.fontSize ?? 12;
  const w = l.text.length * size * (options.charWidth ?? 0.56);
  const h = size * 1.15;
  const gap = options.gap ?? (l.radius ?? DOT) + 2;
  const x = l.x * k;
  const y = l.y * k;
  switch (anchor) {
    case "right":
      return { x0: x + gap, y0: y - h / 2, x1: x + gap + w, y1: y + h / 2 };
    case "left":
      return { x0: x - gap - w, y0: y - h / 2, x1: x - gap, y1: y + h / 2 };
    case "above":
      return { x0: x - w / 2, y0: y - gap - h, x1: x + w / 2, y1: y - gap };
    case "below":
      return { x0: x - w / 2, y0: y + gap, x1: x + w / 2, y1: y + gap + h };
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
  switch (anchor) {
    case "right":
      return { dx: gap, dy: size * 0.35, textAnchor: "start" };
    case "left":
      return { dx: -gap, dy: size * 0.35, textAnchor: "end" };
    case "above":
      return { dx: 0, dy: -gap - h * 0.25, textAnchor: "middle" };
    case "below":
      return { dx: 0, dy: gap + h * 0.8, textAnchor: "middle" };
  }
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function inside(a: Box, b: Box): boolean {
  return a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1;
}

/** A uniform grid of boxes for collision look-ups. */
class BoxGrid {
  private readonly cells = new Map<string, Box[]>();
  constructor(private readonly size: number) {}
  private keys(b: Box): string[] {
    const out: string[] = [];
    for (let i = Math.floor(b.x0 / this.size); i <= Math.floor(b.x1 / this.size); i++)
      for (let j = Math.floor(b.y0 / this.size); j <= Math.floor(b.y1 / this.size); j++)
        out.push(`${i},${j}`);
    return out;
  }
  hits(b: Box): boolean {
    for (const key of this.keys(b))
      for (const o of this.cells.get(key) ?? []) if (overlaps(b, o)) return true;
    return false;
  }
  add(b: Box): void {
    for (const key of this.keys(b)) {
      const list = this.cells.get(key);
      if (list) list.push(b);
      else this.cells.set(key, [b]);
    }
  }
}

/**
 * Placement of every label (same order as `labels`). Dots count as obstacles too, so a label
 * never covers another place's dot. A label keeps its spot at every closer zoom, where the dots
 * spread apart but the labels keep their size, so a spot is taken only if it stays clear at every
 * zoom from there on (two labels facing each other across nearby dots would otherwise meet).
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
  const grids = zooms.map((k) => {
    const grid = new BoxGrid(64);
    for (const l of labels) {
      const d = l.radius ?? DOT;
      grid.add({ x0: l.x * k - d, y0: l.y * k - d, x1: l.x * k + d, y1: l.y * k + d });
    }
    for (const o of options.obstacles ?? [])
      grid.add({ x0: o.x0 * k, y0: o.y0 * k, x1: o.x1 * k, y1: o.y1 * k });
    return grid;
  });
  const bounds = options.bounds;
  zooms.forEach((k, z) => {
    for (const i of order) {
      if (minZoom[i] !== Infinity) continue;
      const l = labels[i] as LabelInput;
      for (const a of ANCHORS) {
        const boxes = zooms.slice(z).map((kk) => labelBox(l, a, kk, options));
        if (
          bounds &&
          !inside(boxes[0] as Box, {
            x0: bounds.x0 * k,
            y0: bounds.y0 * k,
            x1: bounds.x1 * k,
            y1: bounds.y1 * k,
          })
        )
          continue;
        if (boxes.some((box, j) => (grids[z + j] as BoxGrid).hits(box))) continue;
        boxes.forEach((box, j) => (grids[z + j] as BoxGrid).add(box));
        minZoom[i] = k;
        anchor[i] = a;
        break;
      }
    }
  });
  return labels.map((_, i) => ({ minZoom: minZoom[i] as number, anchor: anchor[i] as LabelAnchor }));
}
