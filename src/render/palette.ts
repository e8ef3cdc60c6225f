// Colours of the printed map: a quiet basemap so the factions' colours carry the page, faction
// fills softened a little so labels and front lines stay readable on top, and the patterns for
// contested ground.

export const SEA = "#dfe8ee";
export const LAND = "#f4f2ed";
export const LAND_BORDER = "#b9b4a9";
export const LAND_LABEL = "#8a857a";
export const THEATRE_BORDER = "#4a4a4a";
export const UNKNOWN_FILL = "#e6e3dc";
export const FRONT = "#1a1a1a";
export const INK = "#1f1f1f";
export const MUTED_INK = "#5c5c5c";
export const PAPER = "#ffffff";

/** `#rrggbb` mixed with white by `amount` (0: unchanged, 1: white). */
export function tint(color: string, amount: number): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return color;
  const n = parseInt(m[1] as string, 16);
  const mix = (c: number): number => Math.round(c + (255 - c) * amount);
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

/** Fill of a faction's ground on the map (and its legend swatch). */
export function factionFill(color: string): string {
  return tint(color, 0.22);
}

/** Relative luminance (0 black … 1 white) of `#rrggbb`. */
export function luminance(color: string): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return 0.5;
  const n = parseInt(m[1] as string, 16);
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
}

/** An SVG `<pattern>` of diagonal stripes in `color` over a transparent ground. */
export function hatchPattern(id: string, color: string, spacing = 6, width = 2): string {
  return (
    `<pattern id="${id}" patternUnits="userSpaceOnUse" width="${spacing}" height="${spacing}" ` +
    `patternTransform="rotate(45)"><rect width="${width}" height="${spacing}" fill="${color}"/></pattern>`
  );
}

/** Escapes text for SVG/XML content and attributes. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&apos;",
  );
}
