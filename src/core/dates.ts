// ISO calendar days (UTC) and their day numbers. Pure arithmetic: no Date parsing of local time,
// no clock.

import type { IsoDate } from "./types.js";

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in `month` (1–12) of `year`, Gregorian. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why `text` is not a valid ISO day, or `undefined` if it is one. */
export function isoDateProblem(text: string): string | undefined {
  const m = ISO_DAY.exec(text);
  if (!m) return `expected a date as YYYY-MM-DD, got "${text}"`;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return `month ${m[2]} does not exist in "${text}"`;
  const max = daysInMonth(year, month);
  if (day < 1 || day > max) return `day ${m[3]} does not exist in "${text}" (that month has ${max} days)`;
  return undefined;
}

export function isIsoDate(text: string): boolean {
  return isoDateProblem(text) === undefined;
}

/** Days since 1970-01-01 for a valid ISO day. */
export function dayOf(date: IsoDate): number {
  const m = ISO_DAY.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear takes the year as written.
  const t = new Date(0);
  t.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round(t.getTime() / DAY_MS);
}

/** The ISO day of a day number. */
export function dateOf(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `date` moved by `days` (may be negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return dateOf(dayOf(date) + days);
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** "2017-10-17" → "17 October 2017" (`short`: "17 Oct 2017"), as a room reads it aloud; other text unchanged. */
export function longDate(iso: IsoDate, options: { short?: boolean } = {}): string {
  const m = ISO_DAY.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1] ?? m[2] ?? "";
  return `${Number(m[3])} ${options.short ? month.slice(0, 3) : month} ${m[1]}`;
}
