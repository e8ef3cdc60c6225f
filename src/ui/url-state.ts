// What the address bar says about the app: which scenario, which date, the comparison date, the
// chapter, the map view and presenter mode. Pure parse and format, so a link restores exactly
// what was shared; the UI pushes and pops these with the History API.

import { isIsoDate } from "../core/dates.js";
import type { IsoDate } from "../core/types.js";

/** The map's centre and zoom factor (1 = the theatre fitted to the window). */
export interface MapView {
  readonly lon: number;
  readonly lat: number;
  readonly zoom: number;
}

export interface UrlState {
  readonly scenario?: string | undefined;
  readonly date?: IsoDate | undefined;
  /** A second date: the map shows ground gained and lost between the two. */
  readonly compare?: IsoDate | undefined;
  /** A chapter event id. */
  readonly chapter?: string | undefined;
  readonly view?: MapView | undefined;
  readonly present?: boolean | undefined;
}

/** The parameters this module owns, in the order they are written. */
export const URL_KEYS = ["scenario", "date", "compare", "chapter", "view", "present"] as const;

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

export interface ParsedUrlState {
  readonly state: UrlState;
  /** Values that were present but unusable (ignored), for a console note. */
  readonly problems: readonly string[];
}

/** Reads `?scenario=…&date=…` (with or without the leading `?`). Bad values are dropped, not fatal. */
export function parseUrlState(search: string): ParsedUrlState {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const state: { -readonly [K in keyof UrlState]: UrlState[K] } = {};

  const scenario = params.get("scenario");
  if (scenario !== null && scenario !== "") {
    if (ID.test(scenario)) state.scenario = scenario;
    else problems.push(`scenario: "${scenario}" is not a scenario id`);
  }
  for (const key of ["date", "compare"] as const) {
    const value = params.get(key);
    if (value === null || value === "") continue;
    if (isIsoDate(value)) state[key] = value;
    else problems.push(`${key}: "${value}" is not a date as YYYY-MM-DD`);
  }
  const chapter = params.get("chapter");
  if (chapter !== null && chapter !== "") {
    if (ID.test(chapter)) state.chapter = chapter;
    else problems.push(`chapter: "${chapter}" is not an event id`);
  }
  const view = params.get("view");
  if (view !== null && view !== "") {
    const parsed = parseView(view);
    if (parsed) state.view = parsed;
    else problems.push(`view: "${view}" is not lon,lat,zoom`);
  }
  const present = params.get("present");
  if (present !== null) {
    if (present === "1" || present === "true" || present === "") state.present = true;
    else if (present === "0" || present === "false") state.present = false;
    else problems.push(`present: "${present}" is not 1 or 0`);
  }
  return { state, problems };
}

function parseView(text: string): MapView | undefined {
  const parts = text.split(",");
  if (parts.length !== 3) return undefined;
  const [lon, lat, zoom] = parts.map((p) => (p.trim() === "" ? NaN : Number(p)));
  if (lon === undefined || lat === undefined || zoom === undefined) return undefined;
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || !Number.isFinite(zoom)) return undefined;
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90 || zoom <= 0) return undefined;
  return { lon, lat, zoom };
}

/** Rounds a view so that links stay short and a tiny pan does not make a new history entry. */
export function roundView(view: MapView): MapView {
  const zoom = Math.round(view.zoom * 100) / 100;
  // ~1 km at the equator is 0.01°; finer when zoomed in.
  const digits = zoom >= 8 ? 4 : zoom >= 2 ? 3 : 2;
  const f = 10 ** digits;
  return { lon: Math.round(view.lon * f) / f, lat: Math.round(view.lat * f) / f, zoom };
}

function formatView(view: MapView): string {
  const v = roundView(view);
  return `${v.lon},${v.lat},${v.zoom}`;
}

/**
 * `?scenario=…&date=…` for `state`; empty string when there is nothing to say. Parameters of
 * `keep` (a current search string) that this module does not own are carried over after ours.
 */
export function formatUrlState(state: UrlState, keep = ""): string {
  const out = new URLSearchParams();
  if (state.scenario) out.set("scenario", state.scenario);
  if (state.date) out.set("date", state.date);
  if (state.compare) out.set("compare", state.compare);
  if (state.chapter) out.set("chapter", state.chapter);
  if (state.view) out.set("view", formatView(state.view));
  if (state.present) out.set("present", "1");
  const owned = new Set<string>(URL_KEYS);
  for (const [key, value] of new URLSearchParams(keep)) if (!owned.has(key)) out.append(key, value);
  // URLSearchParams escapes commas; a view reads better unescaped and is still a valid query.
  const text = out.toString().replace(/%2C/g, ",");
  return text === "" ? "" : `?${text}`;
}

/** Whether two states would make the same link (for skipping redundant history entries). */
export function sameUrlState(a: UrlState, b: UrlState): boolean {
  return formatUrlState(a) === formatUrlState(b);
}
