// Where the neighbouring countries are named: inside the part of each country that is in view,
// off the theatre and off the obstacles (key, scale bar), as far from their edges as a coarse grid
// search finds. A country too narrow for its name across it (Lebanon on a map of the whole
// caliphate) is named along its length, turned as printed maps do; one too small even for that
// (Lebanon on a phone) is named off its coast, in the sea beside it and nearer to it than to any
// other land. Used by the app (its frame at zoom 1) and the exports (their map box).

import { cutToBox } from "../geo/clip.js";
import type { XY } from "../geo/plane.js";
import { distanceToSegment, pointInPolygon, ringArea2, ringsBbox } from "../geo/rings.js";
import { overlaps, type Box } from "./labels.js";
import { COUNTRY_LABEL_SPACING } from "./style.js";
import type { ProjectedMap } from "./project.js";

export interface CountryLabel {
  /** The name as printed (upper case). */
  readonly text: string;
  /** Centre of the label, px. */
  readonly x: number;
  readonly y: number;
  /** Turned this many degrees clockwise about its centre (0: level; negative: rising to the right). */
  readonly angle: number;
  /** The box the label covers (of the turned label, its bounding box), px. */
  readonly box: Box;
  /**
   * Boxes that together cover the label and little else, px: the box of a level label; for a
   * turned one, the boxes of short pieces along it (its bounding box would keep other names off
   * far more ground than it covers). Other names keep clear of these.
   */
  readonly boxes: readonly Box[];
}

/** Angles a name may be turned to, tried in this order when it does not fit level, degrees. */
export const COUNTRY_LABEL_ANGLES = [-15, 15, -30, 30, -45, 45, -60, 60, -75, 75, -90] as const;

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
  const inner: [number, number, number, number] = [box.x0 + m, box.y0 + m, box.x1 - m, box.y1 - m];
  let land: { readonly name: string; readonly rings: XY[][] }[] | undefined;
  for (const country of map.basemap) {
    const text = country.name.toUpperCase();
    if (seen.has(text)) continue;
    // Spaced capitals: up to 0.86 em each (measured in Chromium, bold, with the letter-spacing
    // writers give them, COUNTRY_LABEL_SPACING).
    const w = text.length * size * (0.69 + COUNTRY_LABEL_SPACING) + size / 3;
    const h = size * 1.4;
    const visible = cutToBox(country.rings, inner);
    const blocked = (b: Box): boolean => obstacles.some((o) => overlaps(o, b));
    let spot =
      labelSpot(visible, map.outlineRings, w, h, blocked) ??
      turnedSpot(visible, map.outlineRings, w, h, blocked);
    if (!spot && visible.length > 0 && countryKm2(country.rings, map.kmPerPx) >= OFFSHORE_MIN_KM2) {
      land ??= map.basemap.map((c) => ({ name: c.name, rings: cutToBox(c.rings, inner) }));
      spot = offshoreSpot(visible, land, country.name, map.outlineRings, w, h, blocked);
    }
    if (!spot) continue;
    seen.add(text);
    const angle = spot[2] ?? 0;
    const b = turnedBox(spot[0], spot[1], w, h, angle);
    const pieces = angle === 0 ? [b] : turnedPieces(spot[0], spot[1], w, h, angle);
    obstacles.push(...pieces);
    out.push({ text, x: spot[0], y: spot[1], angle, box: b, boxes: pieces });
  }
  return out;
}

/** Countries at least this large (km²) may be named off their coast (not enclaves and sovereign bases). */
export const OFFSHORE_MIN_KM2 = 8000;

function countryKm2(rings: readonly (readonly XY[])[], kmPerPx: number): number {
  let px2 = 0;
  for (const ring of rings) px2 += ringArea2(ring);
  return (Math.abs(px2) / 2) * kmPerPx * kmPerPx;
}

/**
 * A spot in the sea beside a country too small for its name, level or turned along the coast:
 * the label covers no other country, nor the theatre, nor land beyond the basemap's extent; its
 * centre lies within a line's height of the country and nearer to it than to any other land.
 */
function offshoreSpot(
  visible: readonly XY[][],
  land: readonly { readonly name: string; readonly rings: readonly XY[][] }[],
  name: string,
  theatre: readonly (readonly XY[])[],
  w: number,
  h: number,
  blocked: (b: Box) => boolean,
): [number, number, number] | undefined {
  const [x0, y0, x1, y1] = ringsBbox(visible);
  const reach = w / 2 + h;
  // The basemap is cut to a margin round the theatre: beyond it lies land that is not drawn.
  const [bx0, by0, bx1, by1] = ringsBbox(land.flatMap((c) => c.rings));
  const near = (ring: readonly XY[]): boolean =>
    ring.some(
      (p) => p[0] > x0 - 2 * reach && p[0] < x1 + 2 * reach && p[1] > y0 - 2 * reach && p[1] < y1 + 2 * reach,
    );
  const others = [...land.filter((c) => c.name !== name).flatMap((c) => c.rings), ...theatre].filter(near);
  let best: [number, number, number] | undefined;
  let bestScore = Infinity;
  for (const angle of [0, ...COUNTRY_LABEL_ANGLES]) {
    const a = (angle * Math.PI) / 180;
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    const n = 20;
    for (let i = 0; i <= n; i++)
      for (let j = 0; j <= n; j++) {
        const x = x0 - reach + ((x1 - x0 + 2 * reach) * i) / n;
        const y = y0 - reach + ((y1 - y0 + 2 * reach) * j) / n;
        const dCountry = pointInPolygon([x, y], visible) ? 0 : distanceToRings(x, y, visible);
        if (dCountry > h) continue;
        const b = turnedBox(x, y, w, h, angle);
        if (b.x0 < bx0 || b.y0 < by0 || b.x1 > bx1 || b.y1 > by1 || blocked(b)) continue;
        // Points along the label's length and across it, turned with it.
        const samples: XY[] = [];
        for (const fu of [-0.5, -0.25, 0, 0.25, 0.5])
          for (const fv of [-0.5, 0, 0.5]) {
            const u = fu * w;
            const v = fv * h;
            samples.push([x + u * cos - v * sin, y + u * sin + v * cos]);
          }
        if (samples.some((p) => pointInPolygon(p, others))) continue;
        const dOther = distanceToRings(x, y, others);
        if (dOther <= dCountry) continue;
        const score = dCountry + Math.abs(angle) / 30 - Math.min(dOther, 2 * h) / 4;
        if (score < bestScore) {
          bestScore = score;
          best = [x, y, angle];
        }
      }
  }
  return best;
}

/** Bounding boxes of pieces about `h` long along a `w`×`h` label centred on (x, y), turned `angle` degrees. */
function turnedPieces(x: number, y: number, w: number, h: number, angle: number): Box[] {
  const n = Math.max(1, Math.ceil(w / h));
  const a = (angle * Math.PI) / 180;
  const out: Box[] = [];
  for (let i = 0; i < n; i++) {
    const u = -w / 2 + (w * (i + 0.5)) / n;
    out.push(turnedBox(x + u * Math.cos(a), y + u * Math.sin(a), w / n, h, angle));
  }
  return out;
}

/** The bounding box of a `w`×`h` label centred on (x, y), turned `angle` degrees. */
function turnedBox(x: number, y: number, w: number, h: number, angle: number): Box {
  const a = (angle * Math.PI) / 180;
  const c = Math.abs(Math.cos(a));
  const s = Math.abs(Math.sin(a));
  const hw = (w * c + h * s) / 2;
  const hh = (w * s + h * c) / 2;
  return { x0: x - hw, y0: y - hh, x1: x + hw, y1: y + hh };
}

/**
 * A spot for a name turned along a country too narrow for it level: the search of `labelSpot`
 * in a frame turned with the name, at the first angle that leaves room round it (else the roomiest).
 */
function turnedSpot(
  visible: readonly XY[][],
  theatre: readonly (readonly XY[])[],
  w: number,
  h: number,
  blocked: (b: Box) => boolean,
): [number, number, number] | undefined {
  if (visible.length === 0) return undefined;
  let best: [number, number, number] | undefined;
  let bestScore = 0;
  for (const angle of COUNTRY_LABEL_ANGLES) {
    const a = (angle * Math.PI) / 180;
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    // Into the name's frame (turned back by `angle`) and out of it.
    const into = (p: XY): XY => [p[0] * cos + p[1] * sin, -p[0] * sin + p[1] * cos];
    const out = (p: XY): XY => [p[0] * cos - p[1] * sin, p[0] * sin + p[1] * cos];
    const found = labelSpot(
      visible.map((r) => r.map(into)),
      theatre.map((r) => r.map(into)),
      w,
      h,
      (b) => {
        const [x, y] = out([(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2]);
        return blocked(turnedBox(x, y, w, h, angle));
      },
      true,
    );
    if (!found) continue;
    const [x, y] = out([found[0], found[1]]);
    if (found[2] >= h / 2) return [x, y, angle];
    if (found[2] > bestScore) {
      bestScore = found[2];
      best = [x, y, angle];
    }
  }
  return best;
}

function distanceToRings(x: number, y: number, rings: readonly (readonly XY[])[]): number {
  let best = Infinity;
  for (const ring of rings)
    for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
      const p = ring[a] as XY;
      const q = ring[b] as XY;
      best = Math.min(best, distanceToSegment(x, y, p[0], p[1], q[0], q[1]));
    }
  return best;
}

function labelSpot(
  visible: readonly XY[][],
  theatre: readonly (readonly XY[])[],
  w: number,
  h: number,
  blocked: (b: Box) => boolean,
): [number, number] | undefined;
function labelSpot(
  visible: readonly XY[][],
  theatre: readonly (readonly XY[])[],
  w: number,
  h: number,
  blocked: (b: Box) => boolean,
  withScore: true,
): [number, number, number] | undefined;
/** The spot inside `visible`, off `theatre`, farthest from both edges (and its distance). */
function labelSpot(
  visible: readonly XY[][],
  theatre: readonly (readonly XY[])[],
  w: number,
  h: number,
  blocked: (b: Box) => boolean,
  withScore = false,
): [number, number] | [number, number, number] | undefined {
  if (visible.length === 0) return undefined;
  const [x0, y0, x1, y1] = ringsBbox(visible);
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
      if (blocked(b)) continue;
      const score = Math.min(distanceToRings(x, y, visible), distanceToRings(x, y, theatre));
      if (score > bestScore) {
        bestScore = score;
        best = [x, y];
      }
    }
  return best && withScore ? [best[0], best[1], bestScore] : best;
}
