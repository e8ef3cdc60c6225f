// A printable handout: one page of small multiples, a map per chapter with its narration, what
// changed, and the sources, for students to take home. Pure: data and SVG strings in, HTML text
// out. Every piece of scenario text is escaped; maps are inlined as SVG only when they carry no
// script, otherwise as an inert image.

import { safeHref } from "./links.js";
import { writableText } from "./svg-markup.js";
import type { IsoDate, Source } from "../core/types.js";

export interface HandoutChange {
  readonly date: IsoDate;
  readonly title: string;
}

export interface HandoutChapter {
  readonly title: string;
  readonly date: IsoDate;
  /** "month" and "approximate" dates are marked as such. */
  readonly datePrecision?: "day" | "month" | "approximate" | undefined;
  readonly narration: string;
  /** The map at the chapter's date (a standalone SVG document). */
  readonly svg: string;
  /** What changed on the map (control, incidents) from this chapter to the next. */
  readonly changes?: readonly HandoutChange[] | undefined;
  readonly sources: readonly Source[];
}

export interface HandoutInput {
  readonly title: string;
  readonly description: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly factions: readonly {
    readonly name: string;
    readonly color: string;
    readonly covers?: string | undefined;
  }[];
  readonly chapters: readonly HandoutChapter[];
  /** Shown when the scenario has no chapters and the maps are plain dates instead. */
  readonly note?: string | undefined;
  /** Changes listed per chapter at most (the rest are counted). Default 8. */
  readonly maxChanges?: number | undefined;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text safe inside HTML elements and quoted attributes (characters HTML reads as errors become U+FFFD). */
export function escapeHtml(text: string): string {
  return writableText(text).replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** A CSS colour we let through into a style attribute: hex only. */
function safeColor(color: string): string {
  return /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(color.trim()) ? color.trim() : "#999999";
}

const UNSAFE_SVG = /<\s*(script|foreignObject|iframe|object|embed)\b|\son[a-z]+\s*=|javascript:/i;

/**
 * The map as markup to put in the page: inline SVG with its ids made unique (several maps share
 * one document, and `url(#hatch)` must find its own pattern), or an `<img>` of it when it holds
 * anything that could run.
 */
export function inlineMap(svg: string, prefix: string, label: string): string {
  const body = svg
    .replace(/<\?xml[^>]*\?>/g, "")
    .replace(/<!DOCTYPE[^>]*>/gi, "")
    .trim();
  if (UNSAFE_SVG.test(body) || !/^<svg[\s>]/.test(body)) {
    const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    return `<img class="map" alt="${escapeHtml(label)}" src="${escapeHtml(src)}">`;
  }
  return body
    .replace(/(\s)id="([^"]+)"/g, (_m, sp: string, id: string) => `${sp}id="${prefix}-${id}"`)
    .replace(/url\(\s*#([^)\s]+)\s*\)/g, (_m, id: string) => `url(#${prefix}-${id})`)
    .replace(
      /(\s(?:xlink:)?href)="#([^"]+)"/g,
      (_m, attr: string, id: string) => `${attr}="#${prefix}-${id}"`,
    )
    .replace(/^<svg\b/, `<svg class="map" role="img" aria-label="${escapeHtml(label)}"`);
}

function formatDate(date: IsoDate, precision: HandoutChapter["datePrecision"]): string {
  if (precision === "month") return `${date.slice(0, 7)} (month)`;
  if (precision === "approximate") return `about ${date}`;
  return date;
}

function sourceItem(s: Source): string {
  const url = safeHref(s.url);
  const name = escapeHtml(s.publication);
  const title = s.title ? ` “${escapeHtml(s.title)}”` : "";
  return `${url ? `<a href="${escapeHtml(url)}">${name}</a>` : name}${title}, ${escapeHtml(s.date)}`;
}

function uniqueSources(sources: readonly Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.publication}|${s.date}|${s.title ?? ""}|${s.url ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Paragraphs from narration text: blank lines separate them. */
function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; margin: 0 auto;
  max-width: 190mm; padding: 12mm 8mm; font-size: 10.5pt; line-height: 1.4; background: #fff; }
header h1 { font-size: 20pt; margin: 0 0 2mm; }
header .span { color: #555; margin: 0 0 2mm; }
header .description { margin: 0 0 3mm; }
.legend { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5mm 6mm; list-style: none; padding: 0;
  margin: 0 0 5mm; font-size: 9.5pt; }
.legend li { display: grid; grid-template-columns: 4mm 1fr; column-gap: 2mm; align-items: start; align-content: start; }
.legend .name { font-weight: bold; }
.legend .covers { grid-column: 2; font-size: 7.5pt; color: #555; line-height: 1.3; }
.swatch { display: inline-block; width: 4mm; height: 4mm; margin-top: 0.6mm; border: 0.3mm solid #333;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.note { color: #555; font-style: italic; }
.chapters { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm 6mm; }
.chapter { break-inside: avoid; page-break-inside: avoid; border-top: 0.4mm solid #1a1a1a; padding-top: 2mm; }
.chapter h2 { font-size: 12pt; margin: 0; }
.chapter .date { color: #555; font-size: 9.5pt; margin: 0 0 2mm; }
.chapter .map { display: block; width: 100%; height: auto; margin: 0 0 2mm;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.chapter p { margin: 0 0 1.5mm; }
.chapter h3 { font-size: 9.5pt; margin: 2mm 0 1mm; text-transform: uppercase; letter-spacing: 0.03em; color: #444; }
.chapter ul { margin: 0; padding-left: 4mm; font-size: 8.5pt; }
.sources { font-size: 7.5pt; color: #444; line-height: 1.3; margin-top: 2mm; overflow-wrap: anywhere; }
.sources .label { font-weight: bold; text-transform: uppercase; letter-spacing: 0.03em; }
footer { margin-top: 6mm; font-size: 8.5pt; color: #555; }
@page { size: A4; margin: 12mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
}
@media (max-width: 140mm) { .chapters, .legend { grid-template-columns: 1fr; } }
`;

/** The handout as a complete HTML document. */
export function renderHandout(input: HandoutInput): string {
  const maxChanges = input.maxChanges ?? 8;
  const legend = input.factions
    .map(
      (f) =>
        `<li><span class="swatch" style="background:${safeColor(f.color)}"></span>` +
        `<span class="name">${escapeHtml(f.name)}</span>` +
        `${f.covers ? `<span class="covers">${escapeHtml(f.covers)}</span>` : ""}</li>`,
    )
    .join("\n");
  const chapters = input.chapters
    .map((c, i) => {
      const changes = c.changes ?? [];
      const shown = changes.slice(0, maxChanges);
      const more = changes.length - shown.length;
      const changeList =
        changes.length === 0
          ? ""
          : `<h3>What changed</h3>\n<ul class="changes">\n${shown
              .map((e) => `<li>${escapeHtml(e.date)} — ${escapeHtml(e.title)}</li>`)
              .join("\n")}${more > 0 ? `\n<li>… and ${more} more</li>` : ""}\n</ul>`;
      const sources = uniqueSources(c.sources);
      const sourceList =
        sources.length === 0
          ? ""
          : `<p class="sources"><span class="label">Sources:</span> ${sources.map(sourceItem).join("; ")}.</p>`;
      const label = `Map: ${c.title}, ${c.date}`;
      return [
        `<section class="chapter">`,
        `<h2>${i + 1}. ${escapeHtml(c.title)}</h2>`,
        `<p class="date">${escapeHtml(formatDate(c.date, c.datePrecision))}</p>`,
        inlineMap(c.svg, `m${i + 1}`, label),
        paragraphs(c.narration),
        changeList,
        sourceList,
        `</section>`,
      ]
        .filter((s) => s.length > 0)
        .join("\n");
    })
    .join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)} — handout</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(input.title)}</h1>
<p class="span">${escapeHtml(input.start)} – ${escapeHtml(input.end)}</p>
${input.description ? `<p class="description">${escapeHtml(input.description)}</p>` : ""}
<ul class="legend">
${legend}
</ul>
${input.note ? `<p class="note">${escapeHtml(input.note)}</p>` : ""}
</header>
<main class="chapters">
${chapters}
</main>
<footer>Made with frontfold from the scenario “${escapeHtml(input.title)}”. Control shown is as the sources above report it; dates marked “about” are approximate.</footer>
</body>
</html>
`;
}
