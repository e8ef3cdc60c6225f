// The label placer as first written, kept as a reference: the placer in src/map/labels.ts must
// give exactly the same placements (see labels.test.ts).

import {
  LABEL_ANCHORS as ANCHORS,
  labelBox,
  overlaps,
  ZOOM_LADDER,
  type Box,
  type LabelAnchor,
  type LabelInput,
  type LabelOptions,
  type LabelPlacement,
} from "../../src/map/labels.js";

const DOT = 3;

function inside(a: Box, b: Box): boolean {
  return a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1;
}

/** A box in the collision grid, with the rank of what it belongs to (-Infinity: always blocks). */
interface Ranked extends Box {
  readonly rank: number;
}

/** A uniform grid of boxes for collision look-ups. */
class BoxGrid {
  private readonly cells = new Map<string, Ranked[]>();
  constructor(private readonly size: number) {}
  private keys(b: Box): string[] {
    const out: string[] = [];
    for (let i = Math.floor(b.x0 / this.size); i <= Math.floor(b.x1 / this.size); i++)
      for (let j = Math.floor(b.y0 / this.size); j <= Math.floor(b.y1 / this.size); j++)
        out.push(`${i},${j}`);
    return out;
  }
  /** Boxes overlapping `b`: those ranked at or below `limit` block; the others are counted. */
  hits(b: Box, limit = Infinity): { blocked: boolean; covered: number } {
    let covered: Set<Ranked> | undefined;
    for (const key of this.keys(b))
      for (const o of this.cells.get(key) ?? []) {
        if (!overlaps(b, o)) continue;
        if (o.rank <= limit) return { blocked: true, covered: 0 };
        (covered ??= new Set()).add(o);
      }
    return { blocked: false, covered: covered?.size ?? 0 };
  }
  add(b: Box, rank = -Infinity): void {
    const r: Ranked = { ...b, rank };
    for (const key of this.keys(b)) {
      const list = this.cells.get(key);
      if (list) list.push(r);
      else this.cells.set(key, [r]);
    }
  }
}

/**
 * The placer as first written (a box list per candidate, string-keyed cells), kept as the
 * reference the faster one in src/map/labels.ts must agree with exactly.
 * Placement of every label (same order as `labels`). Dots count as obstacles too, so a label
 * never covers another place's dot (except a `mustRank` label a less important one's). A label
 * keeps its spot at every closer zoom, where the dots spread apart but the labels keep their
 * size, so a spot is taken only if it stays clear at every zoom from there on (two labels facing
 * each other across nearby dots would otherwise meet).
 *
 * @example
 * placeLabels([{ x: 100, y: 100, text: "Raqqa", rank: 0 }]); // [{ minZoom: 1, anchor: "right" }]
 */
export function referencePlaceLabels(
  labels: readonly LabelInput[],
  options: LabelOptions = {},
): LabelPlacement[] {
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
      grid.add({ x0: l.x * k - d, y0: l.y * k - d, x1: l.x * k + d, y1: l.y * k + d }, l.rank);
    }
    for (const o of options.obstacles ?? [])
      grid.add({ x0: o.x0 * k, y0: o.y0 * k, x1: o.x1 * k, y1: o.y1 * k });
    if (k === zooms[0]) for (const o of options.overlays ?? []) grid.add(o);
    for (const n of options.names ?? []) {
      const dx = ((k - 1) * (n.x0 + n.x1)) / 2;
      const dy = ((k - 1) * (n.y0 + n.y1)) / 2;
      grid.add({ x0: n.x0 + dx, y0: n.y0 + dy, x1: n.x1 + dx, y1: n.y1 + dy });
    }
    return grid;
  });
  const bounds = options.bounds;
  const mustRank = options.mustRank ?? -Infinity;
  /** The boxes of label `l` at `anchor` from zoom index `z` on, or undefined when out of bounds. */
  const boxesFrom = (l: LabelInput, a: LabelAnchor, z: number): Box[] | undefined => {
    const boxes = zooms.slice(z).map((kk) => labelBox(l, a, kk, options));
    const k = zooms[z] as number;
    if (
      bounds &&
      !inside(boxes[0] as Box, { x0: bounds.x0 * k, y0: bounds.y0 * k, x1: bounds.x1 * k, y1: bounds.y1 * k })
    )
      return undefined;
    return boxes;
  };
  const take = (i: number, a: LabelAnchor, z: number, boxes: readonly Box[]): void => {
    boxes.forEach((box, j) => (grids[z + j] as BoxGrid).add(box));
    minZoom[i] = zooms[z] as number;
    anchor[i] = a;
  };
  for (const i of order) {
    const l = labels[i] as LabelInput;
    placing: for (let z = 0; z < zooms.length; z++) {
      for (const a of ANCHORS) {
        const boxes = boxesFrom(l, a, z);
        if (!boxes || boxes.some((box, j) => (grids[z + j] as BoxGrid).hits(box).blocked)) continue;
        take(i, a, z, boxes);
        break placing;
      }
      if (z > 0 || l.rank > mustRank) continue;
      // No clear spot at the first zoom for a label that must show: the spot covering the
      // fewest dots of less important places, clear of everything else.
      let best: { a: LabelAnchor; boxes: Box[]; covered: number } | undefined;
      for (const a of ANCHORS) {
        const boxes = boxesFrom(l, a, 0);
        if (!boxes) continue;
        let covered = 0;
        const clear = boxes.every((box, j) => {
          const hit = (grids[j] as BoxGrid).hits(box, l.rank);
          if (j === 0) covered = hit.covered;
          return !hit.blocked;
        });
        if (clear && (!best || covered < best.covered)) best = { a, boxes, covered };
      }
      if (best) {
        take(i, best.a, 0, best.boxes);
        break;
      }
    }
  }
  return labels.map((_, i) => ({ minZoom: minZoom[i] as number, anchor: anchor[i] as LabelAnchor }));
}
