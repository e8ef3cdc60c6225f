// Animated GIFs of rasterised map frames, for slides. Node only (gifenc through `require`, it ships
// no types).
//
// One global palette for the whole animation: the faction, basemap and text colours exactly,
// and the rest quantised once from a few sample frames (anti-aliased edges, hatching). Every frame
// maps its pixels to that palette through one shared cache, so a colour never flickers between
// frames and a faction keeps its exact colour.

import { createRequire } from "node:module";
import { parseHex } from "../map/style.js";
import type { Raster } from "./raster.js";

type Rgb = [number, number, number];

interface GifEncoder {
  writeFrame(
    index: Uint8Array,
    width: number,
    height: number,
    opts: {
      palette?: Rgb[];
      delay?: number;
      repeat?: number;
      transparent?: boolean;
      transparentIndex?: number;
      dispose?: number;
    },
  ): void;
  finish(): void;
  bytes(): Uint8Array;
}

interface Gifenc {
  GIFEncoder(): GifEncoder;
  quantize(rgba: Uint8Array, maxColors: number, options?: { format?: "rgb565" | "rgb444" }): Rgb[];
}

const gifenc = createRequire(import.meta.url)("gifenc") as Gifenc;

function distance2(a: Rgb, r: number, g: number, b: number): number {
  const dr = a[0] - r;
  const dg = a[1] - g;
  const db = a[2] - b;
  return dr * dr + dg * dg + db * db;
}

/** Every `step`-th pixel of each sample, in one RGBA buffer (quantising all of them is slow). */
function sampleOf(samples: readonly Raster[], budget: number): Uint8Array {
  const total = samples.reduce((n, s) => n + s.width * s.height, 0);
  const step = Math.max(1, Math.floor(total / budget));
  const out = new Uint8Array(Math.ceil(total / step) * 4 + 4);
  let o = 0;
  for (const s of samples) {
    for (let p = 0; p < s.width * s.height; p += step) {
      out[o++] = s.pixels[p * 4] as number;
      out[o++] = s.pixels[p * 4 + 1] as number;
      out[o++] = s.pixels[p * 4 + 2] as number;
      out[o++] = 255;
    }
  }
  return out.subarray(0, o);
}

/**
 * A palette of at most `size` colours (default 255, what `createGifWriter` takes): `fixed`
 * colours first and exactly (CSS hex; others are ignored), then colours quantised from the
 * sample frames, skipping near-duplicates of those.
 */
export function gifPalette(fixed: readonly string[], samples: readonly Raster[], size = 255): Rgb[] {
  const palette: Rgb[] = [];
  const near = (c: Rgb, limit: number) => palette.some((p) => distance2(p, c[0], c[1], c[2]) <= limit);
  for (const color of fixed) {
    const rgb = parseHex(color);
    if (rgb && !near(rgb, 0) && palette.length < size) palette.push(rgb);
  }
  if (samples.length > 0 && palette.length < size) {
    const quantised = gifenc.quantize(sampleOf(samples, 400_000), size);
    for (const c of quantised) {
      if (palette.length >= size) break;
      if (!near(c, 12)) palette.push([c[0], c[1], c[2]]);
    }
  }
  if (palette.length === 0) palette.push([255, 255, 255]);
  // GIF colour tables hold a power of two entries; gifenc pads, but two entries at least.
  if (palette.length === 1) palette.push([0, 0, 0]);
  return palette;
}

/** Maps RGB pixels to the nearest palette entry, remembering every colour it has seen. */
export function paletteMapper(palette: readonly Rgb[]): (raster: Raster) => Uint8Array {
  const cache = new Map<number, number>();
  const nearest = (r: number, g: number, b: number): number => {
    let best = 0;
    let bestD = Infinity;
    for (let i = 0; i < palette.length; i++) {
      const d = distance2(palette[i] as Rgb, r, g, b);
      if (d < bestD) {
        bestD = d;
        best = i;
        if (d === 0) break;
      }
    }
    return best;
  };
  return (raster) => {
    const px = raster.pixels;
    const out = new Uint8Array(raster.width * raster.height);
    let lastKey = -1;
    let lastIndex = 0;
    for (let p = 0, i = 0; p < out.length; p++, i += 4) {
      // Frames normally have an opaque background; anything see-through is blended over white.
      const a = px[i + 3] as number;
      let r = px[i] as number;
      let g = px[i + 1] as number;
      let b = px[i + 2] as number;
      if (a < 255) {
        r = Math.round((r * a + 255 * (255 - a)) / 255);
        g = Math.round((g * a + 255 * (255 - a)) / 255);
        b = Math.round((b * a + 255 * (255 - a)) / 255);
      }
      const key = (r << 16) | (g << 8) | b;
      if (key !== lastKey) {
        let index = cache.get(key);
        if (index === undefined) {
          index = nearest(r, g, b);
          cache.set(key, index);
        }
        lastKey = key;
        lastIndex = index;
      }
      out[p] = lastIndex;
    }
    return out;
  };
}

export interface GifWriter {
  /** Adds a frame (it must have the size of the first); `delayMs` is how long it shows. */
  add(raster: Raster, delayMs: number): void;
  /** The finished file's bytes. */
  finish(): Uint8Array;
  readonly frames: number;
}

/**
 * A looping GIF with one global palette (at most 255 colours: one more index is kept for
 * "unchanged"). After the first frame, pixels that did not change are written as that
 * transparent index over the previous frame, left in place: from one date to the next most of a
 * map stays the same, so frames compress to a fraction and encode faster.
 */
export function createGifWriter(palette: readonly Rgb[], options: { repeat?: number } = {}): GifWriter {
  if (palette.length > 255)
    throw new RangeError(`a GIF palette here holds at most 255 colours, got ${palette.length}`);
  const encoder = gifenc.GIFEncoder();
  const toIndex = paletteMapper(palette);
  const unchanged = palette.length;
  // The global table: the palette, then the "unchanged" slot (its colour never shows).
  const table: Rgb[] = [...palette.map((c) => [c[0], c[1], c[2]] as Rgb), [255, 0, 255]];
  let size: { width: number; height: number } | undefined;
  let previous: Uint8Array | undefined;
  let frames = 0;
  return {
    add(raster, delayMs) {
      size ??= { width: raster.width, height: raster.height };
      if (raster.width !== size.width || raster.height !== size.height)
        throw new RangeError(
          `frame ${frames + 1} is ${raster.width}×${raster.height}, the first was ${size.width}×${size.height}`,
        );
      const index = toIndex(raster);
      const delay = Math.max(20, Math.round(delayMs));
      if (!previous) {
        encoder.writeFrame(index, raster.width, raster.height, {
          palette: table,
          repeat: options.repeat ?? 0,
          delay,
        });
      } else {
        const delta = new Uint8Array(index.length);
        for (let i = 0; i < index.length; i++)
          delta[i] = index[i] === previous[i] ? unchanged : (index[i] as number);
        encoder.writeFrame(delta, raster.width, raster.height, {
          delay,
          transparent: true,
          transparentIndex: unchanged,
          dispose: 1,
        });
      }
      previous = index;
      frames++;
    },
    finish() {
      encoder.finish();
      return encoder.bytes();
    },
    get frames() {
      return frames;
    },
  };
}

export interface GifInfo {
  readonly width: number;
  readonly height: number;
  readonly frames: number;
  /** Per frame, in milliseconds (from the graphic control extensions). */
  readonly delaysMs: readonly number[];
  readonly globalColors: number;
  /** A NETSCAPE2.0 loop extension is present. */
  readonly loops: boolean;
}

/** Reads a GIF's structure (size, frame count, delays), or `undefined` when it is not a valid GIF. */
export function gifInfo(bytes: Uint8Array): GifInfo | undefined {
  const text = (a: number, b: number) => String.fromCharCode(...bytes.subarray(a, b));
  if (bytes.length < 13 || !/^GIF8[79]a$/.test(text(0, 6))) return undefined;
  const u16 = (i: number) => (bytes[i] as number) | ((bytes[i + 1] as number) << 8);
  const width = u16(6);
  const height = u16(8);
  const flags = bytes[10] as number;
  const globalColors = flags & 0x80 ? 2 << (flags & 7) : 0;
  let i = 13 + globalColors * 3;
  const skipSubBlocks = () => {
    while (i < bytes.length) {
      const n = bytes[i] as number;
      i += 1;
      if (n === 0) return true;
      i += n;
    }
    return false;
  };
  let frames = 0;
  let loops = false;
  const delaysMs: number[] = [];
  let pendingDelay = 0;
  while (i < bytes.length) {
    const block = bytes[i] as number;
    if (block === 0x3b) return { width, height, frames, delaysMs, globalColors, loops };
    if (block === 0x21) {
      const label = bytes[i + 1] as number;
      if (label === 0xf9) pendingDelay = u16(i + 4) * 10;
      if (label === 0xff && text(i + 3, i + 14) === "NETSCAPE2.0") loops = true;
      i += 2;
      if (!skipSubBlocks()) return undefined;
    } else if (block === 0x2c) {
      const local = bytes[i + 9] as number;
      i += 10 + (local & 0x80 ? (2 << (local & 7)) * 3 : 0);
      i += 1; // LZW minimum code size
      if (!skipSubBlocks()) return undefined;
      frames++;
      delaysMs.push(pendingDelay);
      pendingDelay = 0;
    } else {
      return undefined;
    }
  }
  return undefined;
}
