import { describe, expect, it } from "vitest";
import { parseHex } from "../../src/map/style.js";
import { createGifWriter, gifInfo, gifPalette, paletteMapper } from "../../src/node/gif.js";
import { findFonts, fontReport, pngSize, svgToPixels, svgToPng, textRenders } from "../../src/node/raster.js";

// A map-like frame: two faction fills, a legend with text, a date.
function frame(date: string, split: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300">
<rect width="400" height="300" fill="#f4f1ea"/>
<rect x="20" y="20" width="${split}" height="200" fill="#3d3d3d"/>
<rect x="${20 + split}" y="20" width="${360 - split}" height="200" fill="#f0e442"/>
<g class="legend"><rect x="20" y="240" width="12" height="12" fill="#3d3d3d"/>
<text x="38" y="251" font-size="12" font-family="sans-serif">Islamic State</text></g>
<text x="380" y="290" font-size="14" text-anchor="end" font-family="sans-serif">${date}</text>
</svg>`;
}

/** A minimal GIF decoder for the checks: every frame composited (transparency, "leave in place"). */
function decodeGif(bytes: Uint8Array): { width: number; height: number; frames: Uint8Array[] } {
  const u16 = (i: number) => bytes[i]! | (bytes[i + 1]! << 8);
  const width = u16(6);
  const height = u16(8);
  const flags = bytes[10]!;
  const globalSize = flags & 0x80 ? 2 << (flags & 7) : 0;
  const table = bytes.subarray(13, 13 + globalSize * 3);
  let i = 13 + globalSize * 3;
  const canvas = new Uint8Array(width * height * 3);
  const frames: Uint8Array[] = [];
  let transparent = -1;
  const subBlocks = (): Uint8Array => {
    const parts: number[] = [];
    for (let n = bytes[i++]!; n !== 0; n = bytes[i++]!) {
      parts.push(...bytes.subarray(i, i + n));
      i += n;
    }
    return new Uint8Array(parts);
  };
  while (bytes[i] !== 0x3b) {
    if (bytes[i] === 0x21) {
      const label = bytes[i + 1]!;
      if (label === 0xf9) transparent = bytes[i + 3]! & 1 ? bytes[i + 6]! : -1;
      i += 2;
      subBlocks();
    } else if (bytes[i] === 0x2c) {
      i += 10;
      const min = bytes[i++]!;
      const indices = lzw(min, subBlocks(), width * height);
      for (let p = 0; p < width * height; p++) {
        const k = indices[p]!;
        if (k === transparent) continue;
        canvas.set(table.subarray(k * 3, k * 3 + 3), p * 3);
      }
      frames.push(canvas.slice());
    } else throw new Error(`bad block ${bytes[i]} at ${i}`);
  }
  return { width, height, frames };
}

function lzw(min: number, data: Uint8Array, count: number): Uint8Array {
  const out = new Uint8Array(count);
  const clear = 1 << min;
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  const stack = new Uint8Array(4097);
  for (let c = 0; c < clear; c++) suffix[c] = c;
  let size = min + 1;
  let next = clear + 2;
  let old = -1;
  let first = 0;
  let op = 0;
  let datum = 0;
  let bits = 0;
  for (const byte of data) {
    datum |= byte << bits;
    bits += 8;
    while (bits >= size) {
      let code = datum & ((1 << size) - 1);
      datum >>>= size;
      bits -= size;
      if (code === clear) {
        size = min + 1;
        next = clear + 2;
        old = -1;
        continue;
      }
      if (code === clear + 1) return out;
      if (old === -1) {
        out[op++] = suffix[code]!;
        old = code;
        first = code;
        continue;
      }
      const incoming = code;
      let sp = 0;
      if (code >= next) {
        stack[sp++] = first;
        code = old;
      }
      while (code >= clear) {
        stack[sp++] = suffix[code]!;
        code = prefix[code]!;
      }
      first = suffix[code]!;
      stack[sp++] = first;
      if (next < 4096) {
        prefix[next] = old;
        suffix[next] = first;
        next++;
        if (next === 1 << size && size < 12) size++;
      }
      old = incoming;
      while (sp > 0 && op < count) out[op++] = stack[--sp]!;
    }
  }
  return out;
}

function colorAt(r: { width: number; pixels: Uint8Array }, x: number, y: number): number[] {
  const i = (y * r.width + x) * 4;
  return [...r.pixels.subarray(i, i + 3)];
}

describe("svg → png", () => {
  it("renders at the asked width, keeping the aspect ratio, as a PNG with a valid header", () => {
    const { png, width, height } = svgToPng(frame("2017-06-01", 100), { width: 800 });
    expect([width, height]).toEqual([800, 600]);
    expect(pngSize(png)).toEqual({ width: 800, height: 600 });
    // The PNG decodes: resvg reads it back as an <image>.
    const b64 = Buffer.from(png).toString("base64");
    const again = svgToPixels(
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="800" height="600"><image width="800" height="600" xlink:href="data:image/png;base64,${b64}"/></svg>`,
    );
    expect(colorAt(again, 100, 100)).toEqual([0x3d, 0x3d, 0x3d]);
  });

  it("fills keep their exact colours", () => {
    const r = svgToPixels(frame("2017-06-01", 100));
    expect(colorAt(r, 50, 100)).toEqual([0x3d, 0x3d, 0x3d]);
    expect(colorAt(r, 300, 100)).toEqual([0xf0, 0xe4, 0x42]);
  });

  it("finds a font, and text comes out as pixels", () => {
    const fonts = findFonts();
    const report = fontReport(fonts);
    expect(report.ok, report.message).toBe(true);
    expect(textRenders(fonts)).toBe(true);
    // Ink in the legend's label area.
    const r = svgToPixels(frame("2017-06-01", 100));
    let dark = 0;
    for (let y = 240; y < 255; y++)
      for (let x = 38; x < 130; x++) if ((colorAt(r, x, y)[0] as number) < 100) dark++;
    expect(dark).toBeGreaterThan(50);
  });

  it("pngSize rejects what is not a PNG", () => {
    expect(pngSize(new Uint8Array([1, 2, 3]))).toBeUndefined();
    expect(pngSize(new TextEncoder().encode("GIF89a............................"))).toBeUndefined();
  });
});

describe("gif", () => {
  it("parses hex colours", () => {
    expect(parseHex("#f0e442")).toEqual([240, 228, 66]);
    expect(parseHex("#fff")).toEqual([255, 255, 255]);
    expect(parseHex("red")).toBeUndefined();
  });

  it("the palette holds the fixed colours exactly, first, without duplicates", () => {
    const sample = svgToPixels(frame("2017-06-01", 100));
    const palette = gifPalette(["#3d3d3d", "#f0e442", "#3d3d3d", "not-a-colour"], [sample]);
    expect(palette.slice(0, 2)).toEqual([
      [0x3d, 0x3d, 0x3d],
      [0xf0, 0xe4, 0x42],
    ]);
    expect(palette.length).toBeLessThanOrEqual(256);
    expect(palette.length).toBeGreaterThan(2);
  });

  it("maps faction fills to their own palette entry in every frame", () => {
    const a = svgToPixels(frame("2017-06-01", 100));
    const b = svgToPixels(frame("2017-07-01", 250));
    const palette = gifPalette(["#3d3d3d", "#f0e442"], [a]);
    const map = paletteMapper(palette);
    const ia = map(a);
    const ib = map(b);
    expect(ia[100 * 400 + 50]).toBe(0);
    expect(ib[100 * 400 + 50]).toBe(0);
    expect(ia[100 * 400 + 300]).toBe(1);
    expect(ib[100 * 400 + 300]).toBe(1);
  });

  it("writes a looping GIF with one frame per image and the asked delays", () => {
    const rasters = ["2017-06-01", "2017-06-08", "2017-06-15"].map((d, i) =>
      svgToPixels(frame(d, 80 + 100 * i)),
    );
    const writer = createGifWriter(gifPalette(["#3d3d3d", "#f0e442"], [rasters[0]!]));
    rasters.forEach((r, i) => writer.add(r, i === 2 ? 2000 : 600));
    const bytes = writer.finish();
    expect(new TextDecoder().decode(bytes.subarray(0, 6))).toBe("GIF89a");
    expect(gifInfo(bytes)).toMatchObject({
      width: 400,
      height: 300,
      frames: 3,
      delaysMs: [600, 600, 2000],
      loops: true,
    });
    expect(gifInfo(bytes)?.globalColors).toBeGreaterThan(2);
  });

  it("decodes back to every frame's colours, unchanged pixels carried over from the frame before", () => {
    const rasters = [100, 250, 250, 60].map((split, i) => svgToPixels(frame(`2017-06-0${i + 1}`, split)));
    const writer = createGifWriter(gifPalette(["#3d3d3d", "#f0e442", "#f4f1ea"], [rasters[0]!, rasters[3]!]));
    for (const r of rasters) writer.add(r, 500);
    const gif = decodeGif(writer.finish());
    expect(gif.frames).toHaveLength(4);
    const at = (f: Uint8Array, x: number, y: number) => [
      ...f.subarray((y * 400 + x) * 3, (y * 400 + x) * 3 + 3),
    ];
    const dark = [0x3d, 0x3d, 0x3d];
    const yellow = [0xf0, 0xe4, 0x42];
    const paper = [0xf4, 0xf1, 0xea];
    expect([at(gif.frames[0]!, 50, 100), at(gif.frames[0]!, 200, 100), at(gif.frames[0]!, 5, 5)]).toEqual([
      dark,
      yellow,
      paper,
    ]);
    expect([at(gif.frames[1]!, 50, 100), at(gif.frames[1]!, 200, 100), at(gif.frames[1]!, 5, 5)]).toEqual([
      dark,
      dark,
      paper,
    ]);
    expect([at(gif.frames[2]!, 200, 100), at(gif.frames[2]!, 300, 100)]).toEqual([dark, yellow]);
    expect([at(gif.frames[3]!, 50, 100), at(gif.frames[3]!, 200, 100)]).toEqual([dark, yellow]);
    // Every pixel of every frame is within a small distance of the rendered one.
    gif.frames.forEach((f, k) => {
      let worst = 0;
      const px = rasters[k]!.pixels;
      for (let p = 0; p < 400 * 300; p++) {
        const d =
          Math.abs(f[p * 3]! - px[p * 4]!) +
          Math.abs(f[p * 3 + 1]! - px[p * 4 + 1]!) +
          Math.abs(f[p * 3 + 2]! - px[p * 4 + 2]!);
        worst = Math.max(worst, d);
      }
      expect(worst).toBeLessThan(90);
    });
  });

  it("refuses a frame of another size, and gifInfo rejects what is not a GIF", () => {
    const writer = createGifWriter([
      [0, 0, 0],
      [255, 255, 255],
    ]);
    writer.add({ width: 2, height: 2, pixels: new Uint8Array(16) }, 100);
    expect(() => writer.add({ width: 3, height: 2, pixels: new Uint8Array(24) }, 100)).toThrow(/3×2/);
    expect(gifInfo(new Uint8Array([0x89, 0x50]))).toBeUndefined();
  });
});
