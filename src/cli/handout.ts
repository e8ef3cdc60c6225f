// `frontfold handout SCENARIO --out FILE.html [--width 640]`: a printable page of small multiples,
// one map per chapter with its narration, the control changes it shows and their sources.
// Maps are inline SVG, so the page is one self-contained file that prints on A4.

import { parseArgs } from "node:util";
import { dayOf } from "../core/dates.js";
import { sourcesOf } from "../core/query.js";
import type { CompiledScenario, Source } from "../core/types.js";
import { renderHandout, type HandoutChapter } from "../render/handout.js";
import { loadInputs } from "./common.js";
import { ExportError, loadMapRenderer, prepareOutFile, writeOut, type MapRenderer } from "./export.js";
import { UsageError, type Command } from "./io.js";
import { widthOption } from "./options.js";
import { progressFor, type Progress } from "./progress.js";
import { chapters as storyChapters, changesBetween } from "../core/story.js";

/** The handout's chapters: one per chapter, or the start and the end when there are none. */
export function handoutChapters(
  scenario: CompiledScenario,
  maps: MapRenderer,
  width: number,
  progress?: Progress,
): { chapters: HandoutChapter[]; note?: string } {
  const chapters = storyChapters(scenario.log);
  const stops =
    chapters.length > 0
      ? chapters.map((c) => ({
          title: c.title,
          date: c.date,
          day: c.day,
          precision: c.date_precision,
          narration: c.type === "chapter" ? c.narration : "",
          sources: sourcesOf(c),
        }))
      : [scenario.start, scenario.end].map((date, i) => ({
          title: i === 0 ? "At the start" : "At the end",
          date,
          day: dayOf(date),
          precision: "day" as const,
          narration: "",
          sources: [] as readonly Source[],
        }));
  let previousDay = -Infinity;
  const out = stops.map((s) => {
    const changes = changesBetween(scenario, previousDay, s.day);
    previousDay = s.day;
    const chapter: HandoutChapter = {
      title: s.title,
      date: s.date,
      datePrecision: s.precision,
      narration: s.narration,
      svg: maps.svg(s.date, { width, compact: true }),
      changes: changes.map((e) => ({ date: e.date, title: e.title })),
      sources: [...s.sources, ...changes.flatMap((e) => sourcesOf(e))],
    };
    progress?.tick(s.date);
    return chapter;
  });
  return chapters.length > 0
    ? { chapters: out }
    : { chapters: out, note: "This scenario has no chapters: the maps show its first and last day." };
}

export const run: Command = async (args, io) => {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: "string" }, width: { type: "string" } },
  });
  const [file, extra] = positionals;
  if (!file) throw new UsageError("handout needs a scenario file");
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  const out = values.out;
  if (!out) throw new UsageError("handout needs --out FILE.html");
  if (!/\.html?$/i.test(out)) throw new UsageError(`--out: expected an .html file, got "${out}"`);
  const width = widthOption(values.width, 640);

  const loaded = loadInputs(file, io);
  if (!loaded) return 1;
  const { scenario, inputs } = loaded;
  try {
    const t0 = performance.now();
    prepareOutFile(out, inputs);
    const maps = loadMapRenderer(scenario);
    const count = Math.max(2, storyChapters(scenario.log).length);
    const progress = progressFor(io, count, "handout");
    const { chapters, note } = handoutChapters(scenario, maps, width, progress);
    const html = renderHandout({
      title: scenario.title,
      description: scenario.description,
      start: scenario.start,
      end: scenario.end,
      factions: scenario.factions,
      chapters,
      note,
    });
    writeOut(out, html, inputs);
    progress.done();
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    io.out(
      `wrote ${out}: ${chapters.length} ${chapters.length === 1 ? "map" : "maps"}, ${Math.round(html.length / 1024)} KB, in ${seconds} s`,
    );
    return 0;
  } catch (e) {
    if (e instanceof ExportError) {
      io.err(`frontfold handout: ${e.message}`);
      return 1;
    }
    throw e;
  }
};
