// The map's key, set as a row (or rows) of swatches under the title, so it never hides ground: a
// swatch per faction with its km² and share of the theatre, then the symbols (unknown ground,
// contested, besieged, front line). Returns SVG text and the height it takes.

import { INK, MUTED_INK, xmlEscape } from "./palette.js";

export type LegendItem =
  | { readonly kind: "fill"; readonly fill: string; readonly label: string; readonly detail?: string }
  | { readonly kind: "pattern"; readonly fill: string; readonly label: string }
  | { readonly kind: "outline"; readonly stroke: string; readonly label: string }
  | { readonly kind: "line"; readonly stroke: string; readonly label: string };

export interface Legend {
  readonly width: number;
  readonly height: number;
  /** SVG drawn from (0, 0) downwards: wrap it in a translate. */
  readonly svg: string;
}

/**
 * Lays the items out left to right, wrapping at `maxWidth`. Sizes are in px at `fontSize`; text
 * widths are estimated at `charWidth` × font size per character.
 *
 * @example
 * legendSvg([{ kind: "fill", fill: "#f0e442", label: "SDF", detail: "275 km² · 89%" }], 1100, "sans-serif");
 */
export function legendSvg(
  items: readonly LegendItem[],
  maxWidth: number,
  fontFamily: string,
  fontSize = 12,
  charWidth = 0.56,
): Legend {
  const sw = Math.round(fontSize * 1.15);
  const gap = Math.round(fontSize * 1.6);
  const rowH = Math.round(fontSize * 1.75);
  const text = (s: string, size = fontSize): number => s.length * size * charWidth;
  let x = 0;
  let row = 0;
  let width = 0;
  const parts: string[] = [];
  for (const item of items) {
    const detail = item.kind === "fill" && item.detail ? item.detail : "";
    const w = sw + 6 + text(item.label) + (detail ? 6 + text(detail, fontSize * 0.92) : 0);
    if (x > 0 && x + w > maxWidth) {
      x = 0;
      row++;
    }
    const y = row * rowH;
    let swatch: string;
    switch (item.kind) {
      case "fill":
      case "pattern":
        swatch = `<rect x="${r(x)}" y="${r(y)}" width="${sw}" height="${sw}" fill="${item.fill}" stroke="#8a8a8a" stroke-width="0.6"/>`;
        break;
      case "outline":
        swatch = `<rect x="${r(x + 1)}" y="${r(y + 1)}" width="${sw - 2}" height="${sw - 2}" fill="none" stroke="${item.stroke}" stroke-width="2" stroke-dasharray="3 2"/>`;
        break;
      case "line":
        swatch = `<line x1="${r(x)}" y1="${r(y + sw / 2)}" x2="${r(x + sw)}" y2="${r(y + sw / 2)}" stroke="${item.stroke}" stroke-width="2"/>`;
        break;
    }
    const baseline = y + sw * 0.85;
    const tail = detail
      ? `<tspan fill="${MUTED_INK}" font-size="${r(fontSize * 0.92)}" dx="${r(fontSize * 0.5)}">${xmlEscape(detail)}</tspan>`
      : "";
    parts.push(
      swatch,
      `<text x="${r(x + sw + 6)}" y="${r(baseline)}" fill="${INK}">${xmlEscape(item.label)}${tail}</text>`,
    );
    x += w + gap;
    width = Math.max(width, x - gap);
  }
  const height = items.length === 0 ? 0 : (row + 1) * rowH;
  return {
    width: Math.ceil(width),
    height,
    svg: `<g class="legend" font-family="${xmlEscape(fontFamily)}" font-size="${fontSize}">${parts.join("")}</g>`,
  };
}

function r(v: number): number {
  return Math.round(v * 100) / 100;
}
