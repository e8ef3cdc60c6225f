// SVG → pixels without a browser, through resvg (its native binary ships inside the npm package).
// Node only: the CLI's PNG frames and GIF animations go through here.
//
// Fonts: resvg draws no text at all when it finds no font, and asking it to load every system font
// costs about 45 ms per image. So the font files are found once per process and handed over by
// path: the `dejavu-fonts-ttf` npm package when it is installed (the same glyphs on every machine),
// else DejaVu, Liberation or Noto Sans from the usual system font folders, else resvg's own
// system search. `fontReport()` says which, and whether text really renders.

import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Resvg, renderAsync, type ResvgRenderOptions } from "@resvg/resvg-js";

export interface Fonts {
  /** Font files handed to resvg (empty: resvg searches the system itself). */
  readonly files: readonly string[];
  /** The family generic names (`sans-serif`, `system-ui`, unknown names) fall back to. */
  readonly family: string | undefined;
  /** Where the files came from. */
  readonly origin: "npm" | "system" | "resvg-search";
}

/** Regular and bold faces, best first; the first family with a regular face wins. */
const FAMILIES: readonly { family: string; regular: string; bold: string }[] = [
  { family: "DejaVu Sans", regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf" },
  { family: "Liberation Sans", regular: "LiberationSans-Regular.ttf", bold: "LiberationSans-Bold.ttf" },
  { family: "Noto Sans", regular: "NotoSans-Regular.ttf", bold: "NotoSans-Bold.ttf" },
  { family: "Arial", regular: "Arial.ttf", bold: "Arial Bold.ttf" },
];

const SYSTEM_FONT_DIRS = [
  "/usr/share/fonts",
  "/usr/local/share/fonts",
  "/Library/Fonts",
  "/System/Library/Fonts/Supplemental",
  "C:\\Windows\\Fonts",
];

function npmFonts(): Fonts | undefined {
  try {
    const require = createRequire(import.meta.url);
    const dir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
    const regular = join(dir, "DejaVuSans.ttf");
    if (!existsSync(regular)) return undefined;
    const bold = join(dir, "DejaVuSans-Bold.ttf");
    return { files: existsSync(bold) ? [regular, bold] : [regular], family: "DejaVu Sans", origin: "npm" };
  } catch {
    return undefined;
  }
}

/** File name → path for every font file under `dirs` (a few levels deep). */
function indexFontFiles(dirs: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory() && depth < 4) walk(path, depth + 1);
      else if (/\.(ttf|otf)$/i.test(e.name) && !found.has(e.name)) found.set(e.name, path);
    }
  };
  for (const dir of dirs) walk(dir, 0);
  return found;
}

function systemFonts(dirs: readonly string[]): Fonts | undefined {
  const index = indexFontFiles(dirs);
  for (const f of FAMILIES) {
    const regular = index.get(f.regular);
    if (!regular) continue;
    const bold = index.get(f.bold);
    return { files: bold ? [regular, bold] : [regular], family: f.family, origin: "system" };
  }
  return undefined;
}

let cached: Fonts | undefined;

/** The fonts exports use (found once per process). */
export function findFonts(): Fonts {
  cached ??= npmFonts() ??
    systemFonts(SYSTEM_FONT_DIRS) ?? { files: [], family: undefined, origin: "resvg-search" };
  return cached;
}

function resvgOptions(
  fonts: Fonts,
  width: number | undefined,
  background: string | undefined,
): ResvgRenderOptions {
  const family = fonts.family;
  return {
    font: {
      loadSystemFonts: fonts.files.length === 0,
      fontFiles: [...fonts.files],
      ...(family ? { defaultFontFamily: family, sansSerifFamily: family } : {}),
    },
    ...(width ? { fitTo: { mode: "width", value: width } } : {}),
    ...(background ? { background } : {}),
    shapeRendering: 2,
    textRendering: 1,
    logLevel: "off",
  };
}

export interface RasterOptions {
  /** Output width in pixels; the height follows the SVG's aspect ratio (default: the SVG's size). */
  readonly width?: number | undefined;
  /** A CSS colour behind the image (default: transparent where the SVG draws nothing). */
  readonly background?: string | undefined;
  readonly fonts?: Fonts | undefined;
}

export interface Raster {
  readonly width: number;
  readonly height: number;
  /** RGBA, row by row, 4 bytes a pixel. */
  readonly pixels: Uint8Array;
}

function render(svg: string, options: RasterOptions) {
  const fonts = options.fonts ?? findFonts();
  return new Resvg(svg, resvgOptions(fonts, options.width, options.background)).render();
}

/** The SVG as a PNG file's bytes. */
export function svgToPng(
  svg: string,
  options: RasterOptions = {},
): { png: Uint8Array; width: number; height: number } {
  const image = render(svg, options);
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
}

/** The SVG as RGBA pixels (for the GIF encoder). */
export function svgToPixels(svg: string, options: RasterOptions = {}): Raster {
  const image = render(svg, options);
  return { width: image.width, height: image.height, pixels: new Uint8Array(image.pixels) };
}

/** Width and height from a PNG's header, or `undefined` when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  // The first chunk is IHDR: length (4), type (4), then width and height, big-endian.
  const type = String.fromCharCode(...bytes.subarray(12, 16));
  if (type !== "IHDR") return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Does text come out as pixels with these fonts? (A 200×40 probe, a few milliseconds.) */
export function textRenders(fonts: Fonts = findFonts()): boolean {
  const probe =
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">' +
    '<text x="4" y="30" font-size="28" font-family="sans-serif">Raqqa 2017</text></svg>';
  const { pixels } = svgToPixels(probe, { fonts });
  for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] as number) > 0) return true;
  return false;
}

/** One line for the CLI: which fonts exports use, or why text will be missing. */
export function fontReport(fonts: Fonts = findFonts()): { ok: boolean; message: string } {
  if (!textRenders(fonts))
    return {
      ok: false,
      message:
        "no usable font found: text (title, date, legend) will be missing from PNG and GIF exports; " +
        "install the npm package dejavu-fonts-ttf or a system font (Debian: fonts-dejavu-core)",
    };
  const where =
    fonts.origin === "npm"
      ? "npm package dejavu-fonts-ttf"
      : fonts.origin === "system"
        ? "system"
        : "system search";
  return { ok: true, message: `fonts: ${fonts.family ?? "system default"} (${where})` };
}

/** `svgToPng` on a worker thread (resvg's own pool), so several frames render at once. */
export async function svgToPngAsync(
  svg: string,
  options: RasterOptions = {},
): Promise<{ png: Uint8Array; width: number; height: number }> {
  const fonts = options.fonts ?? findFonts();
  const image = await renderAsync(svg, resvgOptions(fonts, options.width, options.background));
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
}

/** `svgToPixels` on a worker thread. */
export async function svgToPixelsAsync(svg: string, options: RasterOptions = {}): Promise<Raster> {
  const fonts = options.fonts ?? findFonts();
  const image = await renderAsync(svg, resvgOptions(fonts, options.width, options.background));
  return { width: image.width, height: image.height, pixels: new Uint8Array(image.pixels) };
}

/**
 * Runs `start` for each item with up to `ahead` of them in flight, and yields the results in
 * order: rasterising frame n+1 overlaps with building frame n+2's SVG and encoding frame n.
 */
export async function* inOrder<T, R>(
  items: readonly T[],
  start: (item: T, index: number) => Promise<R>,
  ahead = 3,
): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  let next = 0;
  const launch = () => {
    const p = start(items[next] as T, next++);
    // Awaited in turn below; this only keeps a failure ahead of the reader from going unhandled.
    p.catch(() => undefined);
    pending.push(p);
  };
  while (next < items.length && pending.length < ahead) launch();
  while (pending.length > 0) {
    const result = await (pending.shift() as Promise<R>);
    if (next < items.length) launch();
    yield result;
  }
}
