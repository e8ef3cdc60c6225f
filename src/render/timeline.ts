// The timeline under the map as data: a UTC time scale over the scenario's days, axis ticks with
// labels, one tick per event day (taller where events cluster), chapter marks, and the
// conversions between a day and an x position. No DOM: a thin join draws these.

import { scaleUtc, utcFormat, utcMonth, utcYear, type ScaleTime } from "d3";

const DAY_MS = 86_400_000;

export type DayScale = ScaleTime<number, number>;

/** A UTC time scale mapping `[startDay, endDay]` onto `[x0, x1]` pixels. */
export function dayScale(startDay: number, endDay: number, x0: number, x1: number): DayScale {
  return scaleUtc()
    .domain([new Date(startDay * DAY_MS), new Date(Math.max(endDay, startDay + 1) * DAY_MS)])
    .range([x0, x1]);
}

/** Pixel x of the start of `day`. */
export function xOfDay(scale: DayScale, day: number): number {
  return scale(new Date(day * DAY_MS));
}

/** The day under pixel `x`, rounded to the nearest day and clamped to the scale's domain. */
export function dayAtX(scale: DayScale, x: number): number {
  const [d0, d1] = scale.domain() as [Date, Date];
  const day = Math.round(scale.invert(x).getTime() / DAY_MS);
  return Math.max(Math.round(d0.getTime() / DAY_MS), Math.min(Math.round(d1.getTime() / DAY_MS), day));
}

export interface AxisTick {
  readonly x: number;
  readonly day: number;
  readonly label: string;
  /** Year boundaries are major ticks (drawn taller, labelled in bold). */
  readonly major: boolean;
}

const yearFormat = utcFormat("%Y");
const monthFormat = utcFormat("%b");
const dayFormat = utcFormat("%-d %b");

/**
 * Axis ticks for a timeline `width` pixels wide: about one per 80 px, labelled by year at year
 * boundaries, otherwise by month (or day when zoomed to weeks).
 */
export function axisTicks(scale: DayScale): AxisTick[] {
  const [x0, x1] = scale.range() as [number, number];
  const count = Math.max(2, Math.floor(Math.abs(x1 - x0) / 80));
  return scale.ticks(count).map((date) => {
    const major = utcYear.floor(date).getTime() === date.getTime();
    const label = major
      ? yearFormat(date)
      : utcMonth.floor(date).getTime() === date.getTime()
        ? monthFormat(date)
        : dayFormat(date);
    return { x: scale(date), day: Math.round(date.getTime() / DAY_MS), label, major };
  });
}

export interface DensityBin {
  /** Left edge of the bin, px. */
  readonly x: number;
  readonly count: number;
}

/**
 * Event days binned into columns `binPx` wide, for ticks that grow where events cluster.
 * `days` need not be sorted; days outside the scale are ignored.
 */
export function eventDensity(scale: DayScale, days: Iterable<number>, binPx = 2): DensityBin[] {
  const [x0, x1] = scale.range() as [number, number];
  const lo = Math.min(x0, x1);
  const hi = Math.max(x0, x1);
  const counts = new Map<number, number>();
  for (const day of days) {
    const x = xOfDay(scale, day);
    if (x < lo - 1e-9 || x > hi + 1e-9) continue;
    const bin = Math.min(Math.floor((x - lo) / binPx), Math.floor((hi - lo) / binPx));
    counts.set(bin, (counts.get(bin) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([bin, count]) => ({ x: lo + bin * binPx, count }));
}

/**
 * One path of vertical strokes, a stroke per bin, rising from `baseline` by a height that grows
 * with the square root of its count (so one event stays visible next to a cluster of fifty).
 */
export function densityPath(
  bins: readonly DensityBin[],
  baseline: number,
  minHeight: number,
  maxHeight: number,
  binPx = 2,
): string {
  let max = 0;
  for (const b of bins) max = Math.max(max, b.count);
  if (max === 0) return "";
  const parts: string[] = [];
  for (const b of bins) {
    const h = minHeight + (maxHeight - minHeight) * Math.sqrt((b.count - 1) / Math.max(1, max - 1));
    const x = round(b.x + binPx / 2);
    parts.push(`M${x},${round(baseline)}V${round(baseline - h)}`);
  }
  return parts.join("");
}

export interface ChapterInput {
  readonly id: string;
  readonly day: number;
  readonly title: string;
}

export interface ChapterMark extends ChapterInput {
  readonly x: number;
  /** Whether the title fits without overlapping the previous labelled mark. */
  readonly labelled: boolean;
}

/**
 * Chapter marks at their x, labelling those that leave room (`labelWidth` px per label, an
 * estimate of the title's width is passed in so this stays free of text measurement).
 */
export function chapterMarks(
  scale: DayScale,
  chapters: readonly ChapterInput[],
  labelWidth: (title: string) => number = (t) => Math.min(t.length, 24) * 6.5,
): ChapterMark[] {
  let freeFrom = -Infinity;
  return [...chapters]
    .sort((a, b) => a.day - b.day)
    .map((c) => {
      const x = xOfDay(scale, c.day);
      const labelled = x >= freeFrom;
      if (labelled) freeFrom = x + labelWidth(c.title) + 8;
      return { ...c, x, labelled };
    });
}

/** The index of the chapter in force on `day` (the last one at or before it), or -1. */
export function chapterAt(chapterDays: readonly number[], day: number): number {
  let lo = 0;
  let hi = chapterDays.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((chapterDays[mid] as number) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
