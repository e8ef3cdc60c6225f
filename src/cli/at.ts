// `frontfold at SCENARIO --date D --format geojson|svg|json [--out FILE] [--width 1200]`: control on
// one date as GeoJSON polygons (faction ground, contested and besieged units, front lines; opens
// in QGIS and geojson.io), as a standalone SVG map, or as the state of every unit.

import { parseArgs } from "node:util";
import { createHistory } from "../core/fold.js";
import { describeUnit } from "../core/query.js";
import type { CompiledScenario, IsoDate } from "../core/types.js";
import type { Partition } from "../geo/partition.js";
import type { ResolvedTheatre } from "../geo/theatre.js";
import { loadGeometry } from "../node/partition-cache.js";
import { controlGeoJson } from "../render/geojson.js";
import { renderSvgMap } from "../render/svg-map.js";
import { loadInputs } from "./common.js";
import { writeOutput } from "./export.js";
import { dateOption, widthOption } from "./options.js";
import { UsageError, type CliIo } from "./io.js";

const FORMATS = ["geojson", "svg", "json"] as const;
type Format = (typeof FORMATS)[number];

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      date: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      width: { type: "string" },
    },
  });
  const [file] = positionals;
  if (!file) throw new UsageError("at needs a scenario file");
  const format = (values.format ?? "geojson") as Format;
  if (!FORMATS.includes(format))
    throw new UsageError(`--format: expected geojson, svg or json, got "${values.format}"`);
  const width = widthOption(values.width, 1200, 320);
  const requested = dateOption("date", values.date);
  const loaded = loadInputs(file, io);
  if (!loaded) return 1;
  const { scenario, inputs } = loaded;
  const date = requested ?? scenario.view.date ?? scenario.start;
  if (date < scenario.start || date > scenario.end)
    io.err(`note: ${date} is outside ${scenario.id}'s timeline (${scenario.start} … ${scenario.end})`);
  const text = controlAt(scenario, date, format, {
    width,
    geometry: format === "json" ? undefined : loadGeometry(scenario),
  });
  return writeOutput(io, values.out, text, inputs);
}

/** The output of `at` as text (the command without its file system). */
export function controlAt(
  scenario: CompiledScenario,
  date: IsoDate,
  format: Format,
  options: { width?: number; geometry?: { theatre: ResolvedTheatre; partition: Partition } | undefined } = {},
): string {
  const state = createHistory(scenario).stateAt(date);
  if (format === "json") {
    return JSON.stringify(
      {
        scenario: scenario.id,
        date,
        units: scenario.units.map((_, i) => describeUnit(scenario, state, i)),
      },
      null,
      2,
    );
  }
  const geometry = options.geometry ?? loadGeometry(scenario);
  const { theatre, partition } = geometry;
  if (format === "svg")
    return renderSvgMap({ scenario, theatre, partition, date, state }, { width: options.width ?? 1200 });
  return controlGeoJson({ scenario, theatre, partition }, date, state);
}
