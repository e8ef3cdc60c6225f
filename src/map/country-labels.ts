// Where the neighbouring countries are named: inside the part of each country that is in view,
// off the theatre and off the obstacles (key, scale bar), as far from their edges as a coarse grid
// search finds. Used by the app (its frame at zoom 1) and the exports (their map box).

import { cutToBox } from "../geo/clip.js";
import type { XY } from "../geo/plane.js";
import { pointInPolygon } from "../geo/rings.js";
import { overlaps, type Box } from "./labels.js";
import { COUNTRY_LABEL_SPACING } from "./style.js";
import type { ProjectedMap } from "./project.js";

export interface CountryLabel {
  /** The name as printed (upper case). */
  readonly text: string;
  /** Centre of the label, px. */
  readonly x: number;
  readonly y: number;
  /** The label's box, px. */
  readonly box: Box;
}

export interface CountryLabelOptions {
  readonly fontSize?: number;
  /** Boxes to keep clear; the placed labels are added to it as they are placed. */
  readonly obstacles?: readonly Box[];
  /** Margin inside `box`, px. */
  readonly margin?: number;
}

/**
 * Country names that fit in `box` (px), in the basemap's order, each once.
 *
 * @example
 * countryLabels(map, { x0: 0, y0: 0, x1: map.width, y1: map.height });
 */
export function countryLabels(
  map: ProjectedMap,
  box: Box,
  options: CountryLabelOptions = {},
): CountryLabel[] {
  const size = options.fontSize ?? 12;
  const m = options.margin ?? size / 2;
  const obstacles: Box[] = [...(options.obstacles ?? [])];
  const out: CountryLabel[] = [];
  const seen = new Set<string>();
  for (const country of map.basemap) {
    const text = country.name.toUpperCase();
    if (seen.has(text)) continue;
    // Spaced capitals: up to 0.86 em each (measured in Chromium, bold, with the letter-spacing
    // writers give them, COUNTRY_LABEL_SPACING).
    const w = text.length * size * (0.69 + COUNTRY_LABEL_SPACING) + size / 3;
    const h = size * 1.4;
    const visible = cutToBox(country.rings, [box.x0 + m, box.y0 + m, box.x1 - m, box.y1 - m]);
    const spot = labelSpot(visible, map.outlineRings, w, h, obstacles);
    if (!spot) continue;
    seen.add(text);
    const b: Box = { x0: spot[0] - w / 2, y0: spot[1] - h / 2, x1: spot[0] + w / 2, y1: spot[1] + h / 2 };
    obstacles.push(b);
    out.push({ text, x: spot[0], y: spot[1], box: b });
  }
  return out;
}

function distanceToRings(x: number, y: number, rings: readonly (readonly XY[])[]): number {
  let best = Infinity;
  for (const ring of rings)
    for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
      const p = ring[a] as XY;
      const q = ring[b] as XY;
      const dx = q[0] - p[0];
      const dy = q[1] - p[1];
      const l2 = dx * dx + dy * dy;
      const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - p[0]) * dx + (y - p[1]) * dy) / l2));
      best = Math.min(best, Math.hypot(x - p[0] - t * dx, y - p[1] - t * dy));
    }
  return best;
}

function labelSpot(
  visible: readonly XY[][],
  theatre: readonly (readonly XY[])[],
  w: number,
  h: number,
  obstacles: readonly Box[],
): [number, number] | undefined {
  if (visible.length === 0) return undefined;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const ring of visible)
    for (const p of ring) {
      x0 = Math.min(x0, p[0]);
      y0 = Math.min(y0, p[1]);
      x1 = Math.max(x1, p[0]);
      y1 = Math.max(y1, p[1]);
    }
  if (x1 - x0 < w || y1 - y0 < h) return undefined;
  const n = 16;
  let best: [number, number] | undefined;
  let bestScore = 0;
  for (let i = 0; i <= n; i++)
    for (let j = 0; j <= n; j++) {
      const x = x0 + w / 2 + ((x1 - x0 - w) * i) / n;
      const y = y0 + h / 2 + ((y1 - y0 - h) * j) / n;
      const corners: XY[] = [
        [x - w / 2, y - h / 2],
        [x + w / 2, y - h / 2],
        [x - w / 2, y + h / 2],
        [x + w / 2, y + h / 2],
        [x, y],
      ];
      if (!corners.every((c) => pointInPolygon(c, visible) && !pointInPolygon(c, theatre))) continue;
      const b: Box = { x0: x - w / 2, y0: y - h / 2, x1: x + w / 2, y1: y + h / 2 };
      if (obstacles.some((o) => overlaps(o, b))) continue;
      const score = Math.min(distanceToRings(x, y, visible), distanceToRings(x, y, theatre));
      if (score > bestScore) {
        bestScore = score;
        best = [x, y];
      }
    }
  return best;
}
