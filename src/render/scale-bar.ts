// A scale bar in SVG: the bar the map's style chose (`scaleBarFor`), alternating ink and white
// halves, "0" at one end and the distance at the other.

import { INK, PAPER, type ScaleBar } from "../map/style.js";
import { xmlEscape } from "./palette.js";

/** SVG of a scale bar whose left end is at `(x, y)` (the baseline of the bar). */
export function scaleBarSvg(bar: ScaleBar, x: number, y: number, fontFamily: string): string {
  const half = bar.px / 2;
  return (
    `<g class="scale-bar" font-family="${xmlEscape(fontFamily)}" font-size="11" fill="${INK}">` +
    `<rect x="${r(x)}" y="${r(y - 4)}" width="${r(half)}" height="4" fill="${INK}"/>` +
    `<rect x="${r(x + half)}" y="${r(y - 4)}" width="${r(half)}" height="4" fill="${PAPER}" stroke="${INK}" stroke-width="0.8"/>` +
    `<text x="${r(x)}" y="${r(y - 8)}">0</text>` +
    `<text x="${r(x + bar.px)}" y="${r(y - 8)}" text-anchor="end">${xmlEscape(bar.label)}</text>` +
    `</g>`
  );
}

function r(v: number): number {
  return Math.round(v * 100) / 100;
}
