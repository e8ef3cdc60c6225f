// The map's style, for the screen and every export alike: colours (one grey for ground nobody is
// recorded holding), how contested and besieged ground and front lines are drawn, which places are
// labelled first and how big their dots are, and the scale bar's rule. Writers (the app's SVG, the
// SVG/PNG/GIF exports, a canvas) read these; none keeps its own.

import { STATUS_BESIEGED, STATUS_CONTESTED } from "../core/fold.js";

export const SEA = "#dfe8ee";
export const LAND = "#f4f2ed";
export const LAND_BORDER = "#b9b4a9";
export const LAND_LABEL = "#8a857a";
/** Rivers and lakes: drawn over the fills, under the fronts (see `MAP_LAYERS`). */
export const WATER = "#9cc3e4";
export const WATER_LINE = "#3f7fbf";
export const WATER_LABEL = "#2c6aa8";
/** Letter-spacing of country names, em. */
export const COUNTRY_LABEL_SPACING = 0.17;
/** A theatre of countries is edged like a border; a box or polygon theatre more lightly, dashed. */
export const THEATRE_BORDER = "#4a4a4a";
export const THEATRE_BOX_BORDER = "#8a8a8a";
/** Ground no event or initial control gives to anyone. */
export const UNKNOWN_FILL = "#e6e3dc";
export const UNKNOWN_LABEL = "No control recorded";
export const FRONT = "#1a1a1a";
/** Under the front line, so it reads on dark and light fills alike. */
export const FRONT_CASING = "#ffffff";
export const INK = "#1f1f1f";
export const MUTED_INK = "#5c5c5c";
export const PAPER = "#ffffff";
/** Outline of besieged ground. */
export const BESIEGED = "#b00020";
/** Ground that changed hands (compare, presenter). */
export const CHANGED = "#1a5fb4";
/** Incident markers. */
export const INCIDENT = "#d62c1a";

/** Stroke widths and dashes in px at normal size (a writer multiplies them by its symbol scale). */
export const STROKES = {
  front: 1.5,
  frontCasing: 3.6,
  /** A front along a river: a wider front line with the river (`river` wide) along its middle. */
  riverFront: 4.2,
  river: 1.6,
  minorRiver: 0.7,
  lake: 0.6,
  theatre: 1.3,
  theatreBox: 0.9,
  theatreBoxDash: [4, 3],
  land: 0.8,
  besieged: 2.4,
  besiegedDash: [6, 3],
  changed: 2.2,
} as const;

/**
 * The map's layers, bottom to top: the app (SVG and raster), the SVG, PNG and GIF exports and the
 * handout draw them in this order. Rivers go over the fills and under the fronts; where a front
 * runs along a river, `fronts` draws it with the river's blue along its middle, so the river is
 * never hidden by its own front. `margin` covers what lies beyond the basemap's edge (the app zoomed
 * out) with paper and draws that edge as a thin frame. Names and dots go over all of these.
 */
export const MAP_LAYERS = [
  "sea",
  "basemap",
  "ground",
  "water",
  "contested",
  "fronts",
  "theatre",
  "besieged",
  "margin",
  "labels",
] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];

/** Beyond the basemap's edge (`ProjectedMap.marginPath`), seen when the app zooms out past it: paper. */
export const BEYOND_MARGIN = PAPER;

/** Contested ground: diagonal stripes of ink over the holder's fill. */
export const HATCH = { color: INK, opacity: 0.8, spacing: 6, width: 2, angle: 45 } as const;

/** `#rrggbb` (or `#rgb`) as `[r, g, b]` 0–255, or `undefined`. */
export function parseHex(color: string): [number, number, number] | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return undefined;
  const hex =
    (m[1] as string).length === 3 ? [...(m[1] as string)].map((c) => c + c).join("") : (m[1] as string);
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** `#rrggbb` mixed with white by `amount` (0: unchanged, 1: white); other text unchanged. */
export function tint(color: string, amount: number): string {
  return parseHex(color) ? over("#ffffff", color, amount) : color;
}

/**
 * `color` laid over `under` at `opacity` (0: `under`, 1: `color`), as `#rrggbb`; other text unchanged.
 *
 * @example
 * over("#ff0000", "#ffffff", 0.2); // "#ffcccc"
 */
export function over(color: string, under: string, opacity: number): string {
  const a = parseHex(color);
  const b = parseHex(under);
  if (!a || !b) return color;
  const t = Math.max(0, Math.min(1, opacity));
  return `#${a
    .map((c, i) =>
      Math.round((b[i] as number) + (c - (b[i] as number)) * t)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

/** Relative luminance (WCAG), 0 for black to 1 for white. */
export function luminance(color: string): number {
  const rgb = parseHex(color);
  if (!rgb) return 0.5;
  const [r, g, b] = rgb.map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Fill of a faction's ground (map, key, charts — in the app and in exports alike): the colour
 * lightened, dark colours more, so that dark labels stay legible on every faction.
 *
 * @example
 * factionFill("#f0e442"); // "#f2e85e"
 */
export function factionFill(color: string): string {
  return tint(color, luminance(color) < 0.1 ? 0.35 : 0.18);
}

/** Open country (beyond the reach of every place) is its holder's fill mixed this far with white. */
export const OPEN_TINT = 0.55;

/**
 * Fill colour per faction code (index 0: unknown ground), the table a writer looks a face's owner
 * code up in; then, from index `factions.length + 1` on, the same for open country (pale tints:
 * the desert counted for whoever holds the towns in it). Use `fillIndex` to look a face up.
 */
export function fillTable(factions: readonly { readonly color: string }[]): string[] {
  const settled = [UNKNOWN_FILL, ...factions.map((f) => factionFill(f.color))];
  return [...settled, UNKNOWN_FILL, ...factions.map((f) => tint(factionFill(f.color), OPEN_TINT))];
}

/**
 * Compare mode: ground that did not change hands between the two dates is drawn at this opacity
 * over the unknown-ground grey (the app's stylesheet says the same for its SVG faces).
 */
export const COMPARE_DIM = 0.2;

/** A fill as compare mode shows ground that did not change hands. */
export function dimmedFill(color: string): string {
  return over(color, UNKNOWN_FILL, COMPARE_DIM);
}

/** Index into `fillTable` of a face held by `code`, open country or not. */
export function fillIndex(code: number, open: number | undefined, factionCount: number): number {
  return open ? code + factionCount + 1 : code;
}

/** Colours every map holds (for palettes that must keep them exactly, e.g. GIF). */
export function mapColors(factions: readonly { readonly color: string }[]): string[] {
  return [
    SEA,
    LAND,
    LAND_BORDER,
    LAND_LABEL,
    THEATRE_BORDER,
    THEATRE_BOX_BORDER,
    UNKNOWN_FILL,
    FRONT,
    INK,
    MUTED_INK,
    PAPER,
    BESIEGED,
    ...factions.map((f) => factionFill(f.color)),
    ...factions.map((f) => tint(factionFill(f.color), OPEN_TINT)),
    ...factions.map((f) => f.color),
  ];
}

const KIND_RANK: Readonly<Record<string, number>> = {
  city: 0,
  town: 1,
  base: 2,
  village: 3,
  landmark: 4,
  neighbourhood: 5,
};

/**
 * Importance of a place for labelling (lower is labelled first): cities, towns, bases, villages,
 * landmarks, neighbourhoods; a place whose control changed in the last three weeks goes ahead of
 * the others of its kind, never ahead of a bigger kind (a town just taken does not push a city's
 * name off the map). Within a rank, places go in the scenario's order: list the big ones first.
 */
export function placeRank(kind: string | undefined, recentlyChanged = false): number {
  return (KIND_RANK[kind ?? ""] ?? 6) - (recentlyChanged ? 0.5 : 0);
}

/** Places ranked at or below this (cities) are always labelled at the first zoom (`mustRank`). */
export const MUST_LABEL_RANK = 0;

/** Days a change keeps its place's label promoted. */
export const RECENT_DAYS = 21;

/** Radius of a place's dot at normal size, px. */
export function dotRadius(kind: string | undefined): number {
  return kind === "city" ? 4 : kind === "town" ? 3 : 2.3;
}

/** Label font size of a place at normal size, px. */
export function labelSize(kind: string | undefined): number {
  return kind === "city" ? 13.5 : 12.5;
}

/** Neighbourhoods and landmarks are open dots (and italic names); settlements filled ones. */
export function openDot(kind: string | undefined): boolean {
  return kind === "neighbourhood" || kind === "landmark";
}

/**
 * The ring round the dot of a contested or besieged place, so the town itself says so even where
 * its ground is too small to show the hatching or the siege outline: dashed, in the colour of that
 * ground's mark (ink for contested, the siege red for besieged), `gap` px outside the dot; px at
 * normal size. `undefined` for a place simply held.
 */
export function dotRing(
  status: number | undefined,
):
  | { readonly color: string; readonly gap: number; readonly width: number; readonly dash: readonly number[] }
  | undefined {
  if (status === STATUS_BESIEGED) return { color: BESIEGED, gap: 2, width: 1.4, dash: [2.2, 1.4] };
  if (status === STATUS_CONTESTED) return { color: INK, gap: 2, width: 1.4, dash: [2.2, 1.4] };
  return undefined;
}

export interface ScaleBar {
  readonly km: number;
  /** Length on the map, px. */
  readonly px: number;
  readonly label: string;
}

/**
 * The scale bar's rule: the longest round distance (1, 2 or 5 × 10ⁿ km) that fits in `maxPx`.
 *
 * @example
 * scaleBarFor(0.5, 110); // { km: 50, px: 100, label: "50 km" }
 */
export function scaleBarFor(kmPerPx: number, maxPx: number): ScaleBar {
  const maxKm = maxPx * kmPerPx;
  let km = 10 ** Math.floor(Math.log10(maxKm));
  for (const m of [5, 2, 1]) {
    if (m * km <= maxKm) {
      km *= m;
      break;
    }
  }
  const label = km >= 1 ? `${km.toLocaleString("en-GB")} km` : `${Math.round(km * 1000)} m`;
  return { km, px: km / kmPerPx, label };
}
