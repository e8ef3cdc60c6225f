// The scale bar, one style for the app and every export: the bar the map's style chose
// (`scaleBarFor`) as alternating ink and white halves, "0" at one end and the distance at the
// other, on a translucent paper box. `scaleBarShape` is the drawing as data (the app builds DOM
// from it); `scaleBarSvg` writes it as SVG.

import type { Box } from "../map/labels.js";
import { INK, PAPER, type ScaleBar } from "../map/style.js";
import { xmlEscape } from "./svg-markup.js";

export interface ScaleBarShape {
  /** The paper box behind the bar. */
  readonly box: Box;
  readonly rects: readonly {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly fill: string;
    readonly stroke?: string | undefined;
  }[];
  readonly labels: readonly {
    readonly x: number;
    readonly y: number;
    readonly text: string;
    readonly anchor: "start" | "end";
  }[];
  readonly fontSize: number;
  /** Opacity of the paper box. */
  readonly boxOpacity: number;
}

/** Stroke width of the white half's outline, px at size 1. */
const OUTLINE = 0.8;

/** The size of the box a scale bar needs (`k`: the layout's scale). */
export function scaleBarSize(bar: ScaleBar, k = 1): { readonly width: number; readonly height: number } {
  return { width: bar.px + 20 * k, height: 30 * k };
}

/**
 * The scale bar drawn in `box` (sized by `scaleBarSize`): margins scale with `k`, the bar's
 * thickness and its type with `size`.
 *
 * @example
 * scaleBarShape(scaleBarFor(0.5, 110), { x0: 0, y0: 0, x1: 120, y1: 30 }).labels[1]?.text; // "50 km"
 */
export function scaleBarShape(bar: ScaleBar, box: Box, k = 1, size = 1): ScaleBarShape {
  const x = box.x0 + 10 * k;
  const y = box.y1 - 8 * k;
  const half = bar.px / 2;
  const h = 4 * size;
  return {
    box,
    rects: [
      { x, y: y - h, width: half, height: h, fill: INK },
      { x: x + half, y: y - h, width: half, height: h, fill: PAPER, stroke: INK },
    ],
    labels: [
      { x, y: y - h - 4 * size, text: "0", anchor: "start" },
      { x: x + bar.px, y: y - h - 4 * size, text: bar.label, anchor: "end" },
    ],
    fontSize: 11 * size,
    boxOpacity: 0.75,
  };
}

/** Stroke width of the white half's outline for a shape drawn at `size`. */
export function scaleBarOutline(size = 1): number {
  return OUTLINE * size;
}

/** SVG of a scale bar in `box`: the paper box, then the bar. */
export function scaleBarSvg(bar: ScaleBar, box: Box, fontFamily: string, k = 1): string {
  const shape = scaleBarShape(bar, box, k);
  const b = shape.box;
  return (
    `<rect x="${r(b.x0)}" y="${r(b.y0)}" width="${r(b.x1 - b.x0)}" height="${r(b.y1 - b.y0)}" fill="${PAPER}" fill-opacity="${shape.boxOpacity}"/>` +
    `<g class="scale-bar" font-family="${xmlEscape(fontFamily)}" font-size="${shape.fontSize}" fill="${INK}">` +
    shape.rects
      .map(
        (q) =>
          `<rect x="${r(q.x)}" y="${r(q.y)}" width="${r(q.width)}" height="${r(q.height)}" fill="${q.fill}"` +
          (q.stroke ? ` stroke="${q.stroke}" stroke-width="${scaleBarOutline()}"` : "") +
          `/>`,
      )
      .join("") +
    shape.labels
      .map(
        (l) =>
          `<text x="${r(l.x)}" y="${r(l.y)}"${l.anchor === "end" ? ` text-anchor="end"` : ""}>${xmlEscape(l.text)}</text>`,
      )
      .join("") +
    `</g>`
  );
}

function r(v: number): number {
  return Math.round(v * 100) / 100;
}
