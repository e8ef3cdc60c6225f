// Colour helpers for the map: faces are filled with a slightly lightened tint of each faction's
// colour (opaque, so that neighbouring faces meet without seams and dark labels stay legible).

/** `#rrggbb` (or `#rgb`) mixed with white by `amount` (0: unchanged, 1: white). */
export function tint(color: string, amount: number): string {
  const rgb = parseHex(color);
  if (!rgb) return color;
  const mix = (c: number) => Math.round(c + (255 - c) * Math.max(0, Math.min(1, amount)));
  return `#${rgb.map((c) => mix(c).toString(16).padStart(2, "0")).join("")}`;
}

export function parseHex(color: string): [number, number, number] | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return undefined;
  const hex =
    (m[1] as string).length === 3 ? [...(m[1] as string)].map((c) => c + c).join("") : (m[1] as string);
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
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

/** How much the map lightens a faction colour: dark colours more, so labels on them stay readable. */
export function faceTint(color: string): string {
  return tint(color, luminance(color) < 0.1 ? 0.35 : 0.18);
}
