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
  const rgb = parseHex(color);
  if (!rgb) return color;
  const mix = (c: number): number => Math.round(c + (255 - c) * Math.max(0, Math.min(1, amount)));
  return `#${rgb.map((c) => mix(c).toString(16).padStart(2, "0")).join("")}`;
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
 */
export function factionFill(color: string): string {
  return tint(color, luminance(color) < 0.1 ? 0.35 : 0.18);
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
