// `frontfold animate SCENARIO [--from D --to D --every 7d | --chapters] --out FILE.gif [--delay-ms 600]`:
// an animated GIF of the map for slides, or with `--chapters --out DIR` one PNG per chapter.
// The GIF has one palette for every frame (faction colours exact), loops, and holds its last
// frame a little longer so the end can be read before it starts over.

import { join } from "node:path";
import { parseArgs } from "node:util";
import type { IsoDate } from "../core/types.js";
import { createGifWriter, gifPalette } from "../node/gif.js";
import { inOrder, svgToPixelsAsync, svgToPngAsync, type Raster } from "../node/raster.js";
import { loadInputs } from "./common.js";
import { checkFonts, ExportError, loadMapRenderer, makeDir, prepareOutFile, writeOut } from "./export.js";
import { UsageError, type Command } from "./io.js";
import { dateOption, dateRange, delayOption, parseStep, stepDates, widthOption } from "./options.js";
import { progressFor } from "./progress.js";
import { chapters as storyChapters } from "../core/story.js";

export const run: Command = async (args, io) => {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      from: { type: "string" },
      to: { type: "string" },
      every: { type: "string" },
      chapters: { type: "boolean" },
      out: { type: "string" },
      width: { type: "string" },
      "delay-ms": { type: "string" },
    },
  });
  const [file, extra] = positionals;
  if (!file) throw new UsageError("animate needs a scenario file");
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  const out = values.out;
  if (!out) throw new UsageError("animate needs --out FILE.gif (or --chapters --out DIR)");
  const gif = /\.gif$/i.test(out);
  if (values.chapters && (values.from || values.to || values.every))
    throw new UsageError("--chapters takes the chapters' dates: leave out --from, --to and --every");
  if (!values.chapters && !gif) throw new UsageError(`--out: expected a .gif file, got "${out}"`);
  const width = widthOption(values.width, 960);
  const delayMs = delayOption(values["delay-ms"], values.chapters ? 2500 : 600);
  const step = values.chapters ? undefined : parseStep(values.every, "7d");
  dateOption("from", values.from);
  dateOption("to", values.to);

  const loaded = loadInputs(file, io);
  if (!loaded) return 1;
  const { scenario, inputs } = loaded;

  let frames: { date: IsoDate; name: string; title?: string }[];
  if (values.chapters) {
    const chapters = storyChapters(scenario.log);
    if (chapters.length === 0) {
      io.err(`${scenario.id} has no chapters; use --from, --to and --every instead`);
      return 1;
    }
    frames = chapters.map((c, i) => ({
      date: c.date,
      name: `${scenario.id}-ch${String(i + 1).padStart(2, "0")}-${c.date}.png`,
      // A slide says which chapter it is; the scenario's title too when both fit on one line.
      title: `${scenario.title} — ${c.title}`.length <= 64 ? `${scenario.title} — ${c.title}` : c.title,
    }));
  } else {
    const { from, to } = dateRange(scenario, values, io);
    frames = stepDates(from, to, step ?? parseStep(undefined, "7d")).map((date) => ({ date, name: date }));
  }

  try {
    checkFonts(io);
    const t0 = performance.now();
    const maps = loadMapRenderer(scenario);
    const progress = progressFor(io, frames.length, values.chapters && !gif ? "chapters" : "gif");
    if (!gif) {
      makeDir(out);
      const pngs = inOrder(frames, async (f) => {
        const svg = maps.svg(f.date, { width, ...(f.title ? { title: f.title } : {}) });
        return (await svgToPngAsync(svg, { width, background: "#ffffff" })).png;
      });
      let k = 0;
      for await (const png of pngs) {
        const f = frames[k++] as (typeof frames)[number];
        writeOut(join(out, f.name), png, inputs);
        progress.tick(f.date);
      }
      progress.done();
      io.out(
        `wrote ${frames.length} chapter ${frames.length === 1 ? "PNG" : "PNGs"} to ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      return 0;
    }

    // The palette is fixed once, from the scenario's colours and the first, middle and last frames.
    prepareOutFile(out, inputs);
    // Frames render on resvg's worker threads, a few ahead of the one being encoded.
    const svgOf = (f: { date: IsoDate; title?: string }) =>
      maps.svg(f.date, { width, ...(f.title ? { title: f.title } : {}) });
    const rasterAsync = (f: { date: IsoDate; title?: string }) =>
      svgToPixelsAsync(svgOf(f), { width, background: "#ffffff" });
    // The palette is fixed once, from the scenario's colours and the first, middle and last frames.
    const sampleIndices = [...new Set([0, Math.floor((frames.length - 1) / 2), frames.length - 1])];
    const samples = await Promise.all(
      sampleIndices.map((i) => rasterAsync(frames[i] as (typeof frames)[number])),
    );
    const palette = gifPalette([...scenario.factions.map((f) => f.color), ...maps.colors], samples);
    const first = samples[0] as Raster;
    const size = { width: first.width, height: first.height };
    const writer = createGifWriter(palette);
    let i = 0;
    for await (const raster of inOrder(frames, (f, k) =>
      k === 0 ? Promise.resolve(first) : rasterAsync(f),
    )) {
      const f = frames[i] as (typeof frames)[number];
      const last = i === frames.length - 1;
      writer.add(raster, last && frames.length > 1 ? Math.max(2000, delayMs * 3) : delayMs);
      progress.tick(f.date);
      i++;
    }
    const bytes = writer.finish();
    writeOut(out, bytes, inputs);
    progress.done();
    const kb = Math.round(bytes.length / 1024);
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    io.out(
      `wrote ${out}: ${frames.length} ${frames.length === 1 ? "frame" : "frames"} of ${size.width}×${size.height}, ${kb} KB, in ${seconds} s`,
    );
    return 0;
  } catch (e) {
    if (e instanceof ExportError) {
      io.err(`frontfold animate: ${e.message}`);
      return 1;
    }
    throw e;
  }
};
