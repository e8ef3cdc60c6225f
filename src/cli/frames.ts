// `frontfold frames SCENARIO --from D --to D --every 7d --out DIR --format svg|png [--width 1600]`:
// one image of the map per step, each with title, date, legend and scale bar, for slides.
// PNGs are rendered by resvg, without a browser.

import { join } from "node:path";
import { parseArgs } from "node:util";
import type { IsoDate } from "../core/types.js";
import { inOrder, svgToPngAsync } from "../node/raster.js";
import { loadInputs } from "./common.js";
import { checkFonts, ExportError, loadMapRenderer, makeDir, writeOut } from "./export.js";
import { UsageError, type Command } from "./io.js";
import { dateOption, dateRange, parseStep, stepDates, widthOption } from "./options.js";
import { progressFor } from "./progress.js";

export const run: Command = async (args, io) => {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      from: { type: "string" },
      to: { type: "string" },
      every: { type: "string" },
      out: { type: "string" },
      format: { type: "string" },
      width: { type: "string" },
    },
  });
  const [file, extra] = positionals;
  if (!file) throw new UsageError("frames needs a scenario file");
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  if (!values.out) throw new UsageError("frames needs --out DIR");
  const format = values.format ?? "png";
  if (format !== "svg" && format !== "png")
    throw new UsageError(`--format: expected svg or png, got "${format}"`);
  const step = parseStep(values.every, "7d");
  const width = widthOption(values.width, 1600);
  // Arguments are checked before the (slow) scenario load, so a typo fails at once.
  dateOption("from", values.from);
  dateOption("to", values.to);

  const loaded = loadInputs(file, io);
  if (!loaded) return 1;
  const { scenario, inputs } = loaded;
  const { from, to } = dateRange(scenario, values, io);
  const dates = stepDates(from, to, step);
  try {
    if (format === "png") checkFonts(io);
    const t0 = performance.now();
    const maps = loadMapRenderer(scenario);
    makeDir(values.out);
    const progress = progressFor(io, dates.length, "frames");
    // PNGs render on resvg's worker threads, a few frames ahead of the one being written.
    const images = inOrder(dates, async (date) => {
      const svg = maps.svg(date, { width });
      return format === "svg" ? svg : (await svgToPngAsync(svg, { width, background: "#ffffff" })).png;
    });
    let i = 0;
    for await (const image of images) {
      const date = dates[i++] as IsoDate;
      writeOut(join(values.out, `${scenario.id}-${date}.${format}`), image, inputs);
      progress.tick(date);
    }
    progress.done();
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    io.out(
      `wrote ${dates.length} ${format.toUpperCase()} ${dates.length === 1 ? "frame" : "frames"} (${dates[0]} … ${dates.at(-1)}) to ${values.out} in ${seconds} s`,
    );
    return 0;
  } catch (e) {
    if (e instanceof ExportError) {
      io.err(`frontfold frames: ${e.message}`);
      return 1;
    }
    throw e;
  }
};
