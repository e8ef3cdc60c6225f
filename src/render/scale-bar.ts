// A scale bar for a projected map: a round distance (1, 2 or 5 × 10ⁿ km) measured on the ground
// at the map's centre, no longer than the space given.

import { geoDistance, type GeoProjection } from "d3";
import { EARTH_RADIUS_KM } from "../core/geodesy.js";
import { INK, xmlEscape } from "./palette.js";

export interface ScaleBar {
  readonly km: number;
  readonly px: number;
}

/** Kilometres per pixel around pixel `at`, measured along the horizontal. */
export function kmPerPixel(projection: GeoProjection, at: [number, number]): number {
  const a = projection.invert?.([at[0] - 50, at[1]]);
  const b = projection.invert?.([at[0] + 50, at[1]]);
  if (!a || !b) return 1;
  return (geoDistance(a, b) * EARTH_RADIUS_KM) / 100;
}

/** The longest round distance that fits in `maxPx` at `at`. */
export function scaleBarFor(projection: GeoProjection, at: [number, number], maxPx: number): ScaleBar {
  const kmPx = kmPerPixel(projection, at);
  const maxKm = maxPx * kmPx;
  let km = 10 ** Math.floor(Math.log10(maxKm));
  for (const m of [5, 2, 1]) {
    if (m * km <= maxKm) {
      km *= m;
      break;
    }
  }
  return { km, px: km / kmPx };
}

/** SVG of a scale bar whose left end is at `(x, y)` (the baseline of the bar). */
export function scaleBarSvg(bar: ScaleBar, x: number, y: number, fontFamily: string): string {
  const half = bar.px / 2;
  const label = bar.km >= 1 ? `${bar.km.toLocaleString("en-GB")} km` : `${Math.round(bar.km * 1000)} m`;
  return (
    `<g class="scale-bar" font-family="${xmlEscape(fontFamily)}" font-size="11" fill="${INK}">` +
    `<rect x="${r(x)}" y="${r(y - 4)}" width="${r(half)}" height="4" fill="${INK}"/>` +
    `<rect x="${r(x + half)}" y="${r(y - 4)}" width="${r(half)}" height="4" fill="#ffffff" stroke="${INK}" stroke-width="0.8"/>` +
    `<text x="${r(x)}" y="${r(y - 8)}">0</text>` +
    `<text x="${r(x + bar.px)}" y="${r(y - 8)}" text-anchor="end">${xmlEscape(label)}</text>` +
    `</g>`
  );
}

function r(v: number): number {
  return Math.round(v * 100) / 100;
}
