// The km²-per-faction chart as data: a stacked area (d3-shape) over the scenario's days, a step
// per change, with a cursor at the current date. Pure: returns path strings and positions.

import {
  area,
  curveStepAfter,
  scaleLinear,
  stack,
  stackOrderNone,
  stackOffsetNone,
  type SeriesPoint,
} from "d3";
import { dayScale, xOfDay, type DayScale } from "./timeline.js";

/** km² held by each faction code (index 0 = unknown ground) from `day` on. */
export interface AreaSample {
  readonly day: number;
  readonly km2: readonly number[];
  /** The part of `km2` in open country, per code (none given: all of it is settled). */
  readonly open?: readonly number[] | undefined;
}

export interface ChartLayer {
  /** Faction code (0 = unknown). */
  readonly code: number;
  /** Open country (drawn paler, on the same faction's settled ground) rather than settled. */
  readonly open: boolean;
  readonly path: string;
}

export interface StackedChart {
  readonly scale: DayScale;
  readonly layers: readonly ChartLayer[];
  /** km² at the top of the stack (the whole theatre, normally). */
  readonly total: number;
  /** y of gridlines with their labels ("50,000 km²"). */
  readonly grid: readonly { readonly y: number; readonly label: string }[];
}

/**
 * The colours of the note's two samples under a chart with open country: for "settled" the fill of
 * each faction drawn with open country (in stack order), for "open" the paler shade of the same,
 * so each sample shows what it describes. `fills` is the map's fill table (`fillTable`).
 *
 * @example
 * noteSamples(chart.layers, fillTable(factions), factions.length); // { settled: [...], open: [...] }
 */
export function noteSamples(
  layers: readonly ChartLayer[],
  fills: readonly string[],
  factionCount: number,
): { readonly settled: readonly string[]; readonly open: readonly string[] } {
  const codes = [...new Set(layers.filter((l) => l.open && l.code !== 0).map((l) => l.code))];
  return {
    settled: codes.map((c) => fills[c] ?? ""),
    open: codes.map((c) => fills[c + factionCount + 1] ?? ""),
  };
}

/** A CSS background showing `colours` side by side in equal bands (one colour: that colour). */
export function bandsBackground(colours: readonly string[]): string {
  if (colours.length <= 1) return colours[0] ?? "transparent";
  const step = 100 / colours.length;
  const stops = colours.map((c, i) => `${c} ${(i * step).toFixed(2)}% ${((i + 1) * step).toFixed(2)}%`);
  return `linear-gradient(to right, ${stops.join(", ")})`;
}

export interface ChartBox {
  readonly width: number;
  readonly height: number;
  readonly left?: number | undefined;
  readonly top?: number | undefined;
}

/**
 * Stacked areas for `samples` (sorted by day) between `startDay` and `endDay`. Faction codes are
 * stacked in `order` (default: 1, 2, …, then unknown on top, so the known factions sit on the
 * baseline and read like a bar); where samples count open country, each faction's open country
 * sits on its settled ground as a layer of its own. Each sample holds until the next; the last
 * until `endDay`.
 */
export function stackedAreaChart(
  samples: readonly AreaSample[],
  startDay: number,
  endDay: number,
  box: ChartBox,
  order?: readonly number[],
): StackedChart {
  const left = box.left ?? 0;
  const top = box.top ?? 0;
  const scale = dayScale(startDay, endDay, left, left + box.width);
  const codes = order ?? defaultOrder(samples);
  let total = 0;
  for (const s of samples)
    total = Math.max(
      total,
      s.km2.reduce((a, b) => a + b, 0),
    );
  const y = scaleLinear()
    .domain([0, total || 1])
    .range([top + box.height, top]);
  if (samples.length === 0) return { scale, layers: [], total: 0, grid: [] };
  // A closing sample at the end so the last step spans to the right edge.
  const last = samples[samples.length - 1] as AreaSample;
  const rows = last.day < endDay ? [...samples, { ...last, day: endDay }] : [...samples];
  const hasOpen = (code: number): boolean => samples.some((s) => (s.open?.[code] ?? 0) > 0);
  const keys = codes.flatMap((code) => [
    { code, open: false },
    ...(hasOpen(code) ? [{ code, open: true }] : []),
  ]);
  const series = stack<AreaSample, number>()
    .keys(keys.map((_, i) => i))
    .value((d, i) => {
      const key = keys[i];
      if (!key) return 0;
      const open = d.open?.[key.code] ?? 0;
      return key.open ? open : Math.max(0, (d.km2[key.code] ?? 0) - open);
    })
    .order(stackOrderNone)
    .offset(stackOffsetNone)(rows);
  const shape = area<SeriesPoint<AreaSample>>()
    .x((d) => xOfDay(scale, d.data.day))
    .y0((d) => y(d[0]))
    .y1((d) => y(d[1]))
    .curve(curveStepAfter)
    .digits(2);
  const layers = series.map((s) => ({
    code: keys[s.key]?.code ?? 0,
    open: keys[s.key]?.open ?? false,
    path: shape(s) ?? "",
  }));
  const grid = y.ticks(3).map((v) => ({ y: y(v), label: `${formatKm2(v)} km²` }));
  return { scale, layers, total, grid };
}

function defaultOrder(samples: readonly AreaSample[]): number[] {
  let n = 0;
  for (const s of samples) n = Math.max(n, s.km2.length);
  const codes: number[] = [];
  for (let c = 1; c < n; c++) codes.push(c);
  if (n > 0) codes.push(0);
  return codes;
}

/** `185,180` — thousands separated, no decimals. */
export function formatKm2(km2: number): string {
  return Math.round(km2).toLocaleString("en-GB");
}

/** x of the cursor at `day`. */
export function cursorX(chart: StackedChart, day: number): number {
  return xOfDay(chart.scale, day);
}
