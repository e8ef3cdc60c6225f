// SVG markup the writers share: the hatch pattern for contested ground, and text made safe to write.
// The colours themselves live in the map's style (`src/map/style.ts`).

/** An SVG `<pattern>` of diagonal stripes in `color` over a transparent ground. */
export function hatchPattern(id: string, color: string, spacing = 6, width = 2, angle = 45): string {
  return (
    `<pattern id="${id}" patternUnits="userSpaceOnUse" width="${spacing}" height="${spacing}" ` +
    `patternTransform="rotate(${angle})"><rect width="${width}" height="${spacing}" fill="${color}"/></pattern>`
  );
}

/** A code point no writer may write: C0 controls but tab, line feed and carriage return (XML 1.0
 * forbids them even as references), DEL and C1 controls and noncharacters (parse errors in HTML),
 * and lone surrogates (not text in any encoding). */
function notWritable(c: number): boolean {
  return (
    (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) ||
    (c >= 0x7f && c <= 0x9f) ||
    (c >= 0xd800 && c <= 0xdfff) ||
    (c >= 0xfdd0 && c <= 0xfdef) ||
    (c & 0xfffe) === 0xfffe
  );
}

/** `text` with every code point a writer may not write (see `notWritable`) replaced by U+FFFD. */
export function writableText(text: string): string {
  let out = "";
  let clean = true;
  for (const ch of text) {
    if (notWritable(ch.codePointAt(0) as number)) {
      clean = false;
      out += "\ufffd";
    } else out += ch;
  }
  return clean ? text : out;
}

/** Escapes text for SVG/XML content and attributes (characters XML forbids become U+FFFD). */
export function xmlEscape(text: string): string {
  return writableText(text).replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&apos;",
  );
}
