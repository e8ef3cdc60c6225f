// SVG building blocks the writers share: the hatch pattern for contested ground and escaping.
// The colours themselves live in the map's style (`src/map/style.ts`).

/** An SVG `<pattern>` of diagonal stripes in `color` over a transparent ground. */
export function hatchPattern(id: string, color: string, spacing = 6, width = 2, angle = 45): string {
  return (
    `<pattern id="${id}" patternUnits="userSpaceOnUse" width="${spacing}" height="${spacing}" ` +
    `patternTransform="rotate(${angle})"><rect width="${width}" height="${spacing}" fill="${color}"/></pattern>`
  );
}

/** Escapes text for SVG/XML content and attributes. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&apos;",
  );
}
