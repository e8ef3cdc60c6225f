// The key of a printed map, set as a row (or rows) of swatches under the title, so it never hides
// ground: the entries of the map model's key (`legendEntries`), drawn in SVG. Returns SVG text and
// the height it takes.

import type { LegendEntry } from "../map/legend.js";
import { BESIEGED, FRONT, INK, MUTED_INK, STROKES } from "../map/style.js";
import { xmlEscape } from "./svg-markup.js";

export interface Legend {
  readonly width: number;
  readonly height: number;
  /** SVG drawn from (0, 0) downwards: wrap it in a translate. */
  readonly svg: string;
}

/**
 * Lays the entries out left to right, wrapping at `maxWidth`. Sizes are in px at `fontSize`; text
 * widths are estimated at `charWidth` × font size per character. `hatchId` names the `<pattern>`
 * contested swatches are filled with.
 *
 * @example
 * legendSvg([{ kind: "fill", code: 1, fill: "#f2e85e", label: "SDF", detail: "275 km² · 89%" }], 1100, "sans-serif");
 */
export function legendSvg(
  items: readonly LegendEntry[],
  maxWidth: number,
  fontFamily: string,
  fontSize = 12,
  hatchId = "legend-hatch",
  charWidth = 0.56,
): Legend {
  const sw = Math.round(fontSize * 1.15);
  const gap = Math.round(fontSize * 1.6);
  const rowH = Math.round(fontSize * 1.75);
  const text = (s: string, size = fontSize): number => s.length * size * charWidth;
  const k = fontSize / 12;
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
        swatch = `<rect x="${r(x)}" y="${r(y)}" width="${sw}" height="${sw}" fill="${item.fill}" stroke="#8a8a8a" stroke-width="0.6"/>`;
        break;
      case "contested":
        swatch = `<rect x="${r(x)}" y="${r(y)}" width="${sw}" height="${sw}" fill="url(#${hatchId})" stroke="#8a8a8a" stroke-width="0.6"/>`;
        break;
      case "besieged":
        swatch = `<rect x="${r(x + 1)}" y="${r(y + 1)}" width="${sw - 2}" height="${sw - 2}" fill="none" stroke="${BESIEGED}" stroke-width="${r(STROKES.besieged * k * 0.85)}" stroke-dasharray="${r(3 * k)} ${r(2 * k)}"/>`;
        break;
      case "front":
        swatch = `<line x1="${r(x)}" y1="${r(y + sw / 2)}" x2="${r(x + sw)}" y2="${r(y + sw / 2)}" stroke="${FRONT}" stroke-width="${r(2 * k)}"/>`;
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
