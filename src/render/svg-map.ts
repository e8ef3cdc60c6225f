// A standalone SVG map of one date, as a newspaper would print it: the neighbouring countries in
// pale grey with their names, each faction's ground in its colour (contested ground hatched,
// besieged ground outlined), front lines, the theatre's edge, places with labels that do not
// collide, a key with km² per faction, title, date, scale bar and a sources line. Pure: it takes
// the compiled scenario, theatre and partition and returns SVG text.

import { longDate } from "../core/dates.js";
import { geoPath, type GeoPermissibleObjects, type GeoProjection } from "d3";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import {
  countThrough,
  createHistory,
  STATUS_BESIEGED,
  STATUS_CONTESTED,
  type ControlState,
} from "../core/fold.js";
import { dayOf } from "../core/dates.js";
import type { CompiledEvent, CompiledScenario, IsoDate } from "../core/types.js";
import { cutToBox } from "../geo/clip.js";
import { faceOwners, factionPolygons, frontLines, km2ByFaction } from "../geo/control.js";
import type { Partition } from "../geo/partition.js";
import { pointInPolygon } from "../geo/rings.js";
import { bboxPolygon, forD3, type Bbox, type ResolvedTheatre } from "../geo/theatre.js";
import { legendSvg, type LegendItem } from "./legend.js";
import {
  factionFill,
  FRONT,
  hatchPattern,
  INK,
  LAND,
  LAND_BORDER,
  LAND_LABEL,
  MUTED_INK,
  PAPER,
  SEA,
  THEATRE_BORDER,
  UNKNOWN_FILL,
  xmlEscape,
} from "./palette.js";
import { placeLabels, type LabelCandidate, type Rect } from "./place-labels.js";
import { fitProjection } from "./projection.js";
import { scaleBarFor, scaleBarSvg } from "./scale-bar.js";

export const MAP_FONT = "'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

export interface SvgMapInput {
  readonly scenario: CompiledScenario;
  readonly theatre: ResolvedTheatre;
  readonly partition: Partition;
  /** The map shows control at the end of this day. */
  readonly date: IsoDate;
  /** Control on `date` (computed from the scenario when absent). */
  readonly state?: ControlState;
}

export interface SvgMapOptions {
  /** Pixels (default 1200); the height follows the frame's shape. */
  readonly width?: number;
  readonly height?: number;
  /** What to frame: a `[west, south, east, north]` box, or the whole theatre (default: the
   *  scenario's `view.bbox`, else the theatre). */
  readonly frame?: Bbox | "theatre";
  readonly title?: string;
  /** Slides: a smaller header and no sources line. */
  readonly compact?: boolean;
  readonly fontFamily?: string;
}

const KIND_RANK: Readonly<Record<string, number>> = {
  city: 0,
  town: 1,
  base: 2,
  village: 3,
  landmark: 4,
  neighbourhood: 4,
};

/** Colours the map uses (for palettes that must hold them exactly, e.g. GIF). */
export function svgMapColors(scenario: CompiledScenario): string[] {
  return [
    SEA,
    LAND,
    LAND_BORDER,
    LAND_LABEL,
    THEATRE_BORDER,
    UNKNOWN_FILL,
    FRONT,
    INK,
    MUTED_INK,
    PAPER,
    ...scenario.factions.map((f) => factionFill(f.color)),
    ...scenario.factions.map((f) => f.color),
  ];
}

/**
 * The map of `input.date` as a standalone SVG document.
 *
 * @example
 * const svg = renderSvgMap({ scenario, theatre, partition, date: "2017-07-03" });
 */
export function renderSvgMap(input: SvgMapInput, options: SvgMapOptions = {}): string {
  const { scenario, theatre, partition, date } = input;
  const font = options.fontFamily ?? MAP_FONT;
  const compact = options.compact ?? false;
  const W = Math.round(options.width ?? 1200);
  const k = W / 1200; // type and symbol scale
  const pad = Math.round(16 * k);
  const footerH = Math.round((compact ? 12 : 40) * k);
  const state = input.state ?? createHistory(scenario).stateAt(date);

  // Control.
  const owners = faceOwners(partition, state);
  const polygons = factionPolygons(partition, owners, scenario.factions, { state, units: scenario.units });
  const km2 = km2ByFaction(partition, owners, scenario.factions.length);
  const fronts = frontLines(partition, owners, scenario.factions);
  const frontFeatures = fronts.features.filter((f) => !f.properties.factions.includes("unknown"));
  const contested = polygons.features.some((f) => f.properties.kind === "contested");
  const besieged = polygons.features.some((f) => f.properties.kind === "besieged");

  // Key, under the title.
  const defs: string[] = [];
  const hatchIds = new Map<string, string>();
  const hatchFor = (color: string): string => {
    let id = hatchIds.get(color);
    if (!id) {
      id = `hatch-${hatchIds.size + 1}`;
      hatchIds.set(color, id);
      defs.push(hatchPattern(id, color, 6 * k, 2.2 * k));
    }
    return id;
  };
  const theatreKm2 = partition.theatreKm2 || 1;
  const items: LegendItem[] = [];
  const held = scenario.factions
    .map((f, i) => ({ f, km2: km2[i + 1] ?? 0 }))
    .filter((x) => x.km2 > 0)
    .sort((a, b) => b.km2 - a.km2);
  for (const { f, km2: a } of held)
    items.push({ kind: "fill", fill: factionFill(f.color), label: f.name, detail: areaLabel(a, theatreKm2) });
  if ((km2[0] ?? 0) > 0)
    items.push({
      kind: "fill",
      fill: UNKNOWN_FILL,
      label: "No information",
      detail: areaLabel(km2[0] ?? 0, theatreKm2),
    });
  if (contested) items.push({ kind: "pattern", fill: `url(#${hatchFor(INK)})`, label: "Contested" });
  if (besieged) items.push({ kind: "outline", stroke: INK, label: "Besieged" });
  if (frontFeatures.length > 0) items.push({ kind: "line", stroke: FRONT, label: "Front line" });
  const legend = legendSvg(items, W - 2 * pad, font, r(12 * k));
  const keyY = Math.round((compact ? 56 : 74) * k);
  const headerH = keyY + legend.height + Math.round(8 * k);

  // Frame and projection.
  const frameBox = options.frame === "theatre" ? undefined : (options.frame ?? scenario.view.bbox);
  const frame: Feature<Polygon | MultiPolygon> = frameBox
    ? { type: "Feature", properties: {}, geometry: bboxPolygon(frameBox, 8) }
    : theatre.outline;
  const mapW = W - 2 * pad;
  const probe = fitProjection(frame, [
    [0, 0],
    [mapW, 100 * mapW],
  ]);
  const [[, py0], [, py1]] = geoPath(probe).bounds(asD3(frame));
  const naturalH = py1 - py0 + 24 * k;
  const mapH = Math.round(
    options.height ? options.height - headerH - footerH : Math.max(0.45 * W, Math.min(1.1 * W, naturalH)),
  );
  const H = headerH + mapH + footerH;
  const mapRect: Rect = { x0: pad, y0: headerH, x1: W - pad, y1: headerH + mapH };
  const inset = Math.max(12 * k, 0.035 * W);
  const projection = fitProjection(frame, [
    [mapRect.x0 + inset, mapRect.y0 + inset],
    [mapRect.x1 - inset, mapRect.y1 - inset],
  ]).clipExtent([
    [mapRect.x0, mapRect.y0],
    [mapRect.x1, mapRect.y1],
  ]);
  const path = geoPath(projection).digits(2);
  const d = (g: GeoPermissibleObjects): string => path(g) ?? "";

  defs.push(
    `<clipPath id="map-clip"><rect x="${mapRect.x0}" y="${mapRect.y0}" width="${mapW}" height="${mapH}"/></clipPath>`,
  );
  const colorOf = (factionId: string): string =>
    scenario.factions.find((f) => f.id === factionId)?.color ?? "#777777";

  const layers: string[] = [];
  layers.push(`<rect x="${mapRect.x0}" y="${mapRect.y0}" width="${mapW}" height="${mapH}" fill="${SEA}"/>`);
  // Basemap.
  const land = theatre.neighbours.features.map((f) => d(asD3(f))).join("");
  layers.push(
    `<path class="land" d="${land}" fill="${LAND}" stroke="${LAND_BORDER}" stroke-width="${r(0.8 * k)}" stroke-linejoin="round"/>`,
  );
  // Ground.
  const ground: string[] = [];
  const hatches: string[] = [];
  const outlines: string[] = [];
  for (const f of polygons.features) {
    const p = f.properties;
    const dd = d(asD3(f));
    if (!dd) continue;
    if (p.kind === "control") {
      const fill = p.faction === "unknown" ? UNKNOWN_FILL : factionFill(p.color);
      ground.push(`<path class="ground" data-faction="${xmlEscape(p.faction)}" d="${dd}" fill="${fill}"/>`);
    } else if (p.kind === "contested") {
      const by = p.by?.[0];
      const id = hatchFor(by ? colorOf(by) : INK);
      hatches.push(
        `<path class="contested" data-unit="${xmlEscape(p.unit ?? "")}" d="${dd}" fill="url(#${id})" fill-opacity="0.8"/>`,
      );
    } else {
      const by = p.by?.[0];
      outlines.push(
        `<path class="besieged" data-unit="${xmlEscape(p.unit ?? "")}" d="${dd}" fill="none" stroke="${by ? colorOf(by) : INK}" ` +
          `stroke-width="${r(2.4 * k)}" stroke-dasharray="${r(6 * k)} ${r(3 * k)}" stroke-linejoin="round"/>`,
      );
    }
  }
  layers.push(`<g class="control">${ground.join("")}</g>`, `<g class="contested">${hatches.join("")}</g>`);
  // Front lines: between held grounds (edges of unknown ground are left to the fills).
  const frontD = frontFeatures.map((f) => d(f)).join("");
  if (frontD) {
    layers.push(
      `<path class="front-casing" d="${frontD}" fill="none" stroke="#ffffff" stroke-opacity="0.7" stroke-width="${r(3.6 * k)}" stroke-linejoin="round" stroke-linecap="round"/>`,
      `<path class="front" d="${frontD}" fill="none" stroke="${FRONT}" stroke-width="${r(1.5 * k)}" stroke-linejoin="round" stroke-linecap="round"/>`,
    );
  }
  const countries = theatre.outline.properties.name !== "Theatre";
  layers.push(
    `<path class="theatre" d="${d(asD3(theatre.outline))}" fill="none" stroke="${countries ? THEATRE_BORDER : "#8a8a8a"}" ` +
      `stroke-width="${r((countries ? 1.3 : 0.9) * k)}"${countries ? "" : ` stroke-dasharray="${r(4 * k)} ${r(3 * k)}"`} stroke-linejoin="round"/>`,
  );
  // Besieged ground last, so its outline shows along fronts and the theatre's edge too.
  layers.push(`<g class="besieged">${outlines.join("")}</g>`);

  // Scale bar: in the bottom corner that hides the least of the theatre.
  const outlineRings = projectedRings(theatre.outline, projection);
  const bar = scaleBarFor(
    projection,
    [(mapRect.x0 + mapRect.x1) / 2, (mapRect.y0 + mapRect.y1) / 2],
    Math.min(180 * k, mapW / 4),
  );
  const barAt = cornerSlots(mapRect, bar.px + 20 * k, 30 * k, 8 * k)
    .slice(0, 2)
    .sort((a, b) => coverage(a, outlineRings) - coverage(b, outlineRings))[0] as Rect;

  // Labels: countries first (fixed), then places by importance.
  const obstacles: Rect[] = [barAt];
  const countryLabels: string[] = [];
  const labelled = new Set<string>();
  for (const f of theatre.neighbours.features) {
    const text = f.properties.name.toUpperCase();
    if (labelled.has(text)) continue;
    const size = 12 * k;
    const w = text.length * size * 0.74 + 4 * k;
    const m = 6 * k;
    const visible = cutToBox(projectedRings(f, projection), [
      mapRect.x0 + m,
      mapRect.y0 + m,
      mapRect.x1 - m,
      mapRect.y1 - m,
    ]);
    const spot = labelSpot(visible, outlineRings, w, size * 1.4, obstacles);
    if (!spot) continue;
    labelled.add(text);
    obstacles.push({
      x0: spot[0] - w / 2,
      y0: spot[1] - size * 0.7,
      x1: spot[0] + w / 2,
      y1: spot[1] + size * 0.7,
    });
    countryLabels.push(
      `<text x="${r(spot[0])}" y="${r(spot[1] + size * 0.35)}" text-anchor="middle" font-size="${r(size)}" letter-spacing="${r(2 * k)}" fill="${LAND_LABEL}">${xmlEscape(text)}</text>`,
    );
  }
  const recent = dayOf(date) - 21;
  const candidates: (LabelCandidate & { unit: number; kind: string; rank: number })[] = [];
  for (let u = 0; u < scenario.placeCount; u++) {
    const unit = scenario.units[u];
    if (!unit?.at) continue;
    const xy = projection(unit.at as [number, number]);
    if (!xy || xy[0] < mapRect.x0 || xy[0] > mapRect.x1 || xy[1] < mapRect.y0 || xy[1] > mapRect.y1) continue;
    const kind = unit.placeKind ?? "village";
    const cause = state.cause[u] as number;
    const fresh = cause >= 0 && (scenario.log[cause]?.day ?? 0) >= recent;
    const rank = (KIND_RANK[kind] ?? 5) - (fresh ? 1.5 : 0);
    const fontSize = (kind === "city" ? 14.5 : kind === "town" ? 12.5 : 11.5) * k;
    const radius = (kind === "city" ? 4 : kind === "town" ? 3 : 2.3) * k;
    candidates.push({ x: xy[0], y: xy[1], text: unit.name, fontSize, radius, unit: u, kind, rank });
  }
  candidates.sort((a, b) => a.rank - b.rank || a.text.localeCompare(b.text));
  const placed = placeLabels(candidates.slice(0, 400), obstacles, mapRect, 0.58);
  const dots: string[] = [];
  const labels: string[] = [];
  for (const pl of placed) {
    const c = candidates[pl.index] as (typeof candidates)[number];
    const status = state.status[c.unit];
    const ring =
      status === STATUS_BESIEGED || status === STATUS_CONTESTED
        ? ` stroke-dasharray="${r(1.5 * k)} ${r(1 * k)}"`
        : "";
    dots.push(
      c.kind === "neighbourhood" || c.kind === "landmark"
        ? `<circle cx="${r(c.x)}" cy="${r(c.y)}" r="${r(c.radius)}" fill="#ffffff" stroke="${INK}" stroke-width="${r(1.2 * k)}"${ring}/>`
        : `<circle cx="${r(c.x)}" cy="${r(c.y)}" r="${r(c.radius)}" fill="${INK}" stroke="#ffffff" stroke-width="${r(1 * k)}"${ring}/>`,
    );
    const weight = c.kind === "city" ? ` font-weight="bold"` : "";
    labels.push(
      `<text x="${r(pl.x)}" y="${r(pl.y)}" text-anchor="${pl.anchor}" font-size="${r(c.fontSize)}"${weight}>${xmlEscape(c.text)}</text>`,
    );
  }
  layers.push(`<g class="country-labels" font-weight="bold">${countryLabels.join("")}</g>`);
  layers.push(`<g class="places">${dots.join("")}</g>`);
  layers.push(
    `<g class="place-labels" fill="${INK}" stroke="#ffffff" stroke-width="${r(3 * k)}" stroke-linejoin="round" paint-order="stroke">${labels.join("")}</g>`,
  );

  // Header, key, scale, sources.
  const title = options.title ?? scenario.title;
  const count = countThrough(scenario.log, dayOf(date));
  const latest = lastEvent(scenario.log, count);
  const header: string[] = [
    `<text x="${pad}" y="${r((compact ? 28 : 34) * k)}" font-size="${r((compact ? 22 : 26) * k)}" font-weight="bold" fill="${INK}">${xmlEscape(title)}</text>`,
    `<text x="${pad}" y="${r((compact ? 46 : 58) * k)}" font-size="${r((compact ? 13 : 15) * k)}" fill="${MUTED_INK}">Territorial control on ${xmlEscape(longDate(date))}</text>`,
  ];
  if (latest && !compact) {
    const maxChars = Math.floor((W * 0.45) / (12 * k * 0.56));
    const text = clip(`Latest: ${latest.title} (${longDate(latest.date, { short: true })})`, maxChars);
    header.push(
      `<text x="${W - pad}" y="${r(58 * k)}" text-anchor="end" font-size="${r(12 * k)}" fill="${MUTED_INK}">${xmlEscape(text)}</text>`,
    );
  }
  const legendG = `<g transform="translate(${pad},${keyY})">${legend.svg}</g>`;
  const barG =
    `<rect x="${r(barAt.x0)}" y="${r(barAt.y0)}" width="${r(barAt.x1 - barAt.x0)}" height="${r(barAt.y1 - barAt.y0)}" fill="#ffffff" fill-opacity="0.75"/>` +
    scaleBarSvg(bar, barAt.x0 + 10 * k, barAt.y1 - 8 * k, font);
  const footer: string[] = [];
  if (!compact) {
    const pubs = publications(scenario.log, count);
    const maxChars = Math.floor((W - 2 * pad) / (10.5 * k * 0.55));
    const line = clip(
      `${pubs.length > 0 ? `Sources: ${pubs.join(", ")}. ` : ""}Borders: Natural Earth. Places: GeoNames and scenario notes. Map: frontfold.`,
      maxChars,
    );
    footer.push(
      `<text x="${pad}" y="${r(headerH + mapH + 24 * k)}" font-size="${r(10.5 * k)}" fill="${MUTED_INK}">${xmlEscape(line)}</text>`,
    );
  }

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${xmlEscape(font)}">` +
    `<title>${xmlEscape(`${title}: ${longDate(date)}`)}</title>` +
    `<defs>${defs.join("")}</defs>` +
    `<rect width="${W}" height="${H}" fill="${PAPER}"/>` +
    header.join("") +
    `<g clip-path="url(#map-clip)">${layers.join("")}</g>` +
    `<rect x="${mapRect.x0}" y="${mapRect.y0}" width="${mapW}" height="${mapH}" fill="none" stroke="#bdbdbd" stroke-width="${r(0.8 * k)}"/>` +
    legendG +
    barG +
    footer.join("") +
    `</svg>`
  );
}

function asD3(f: Feature<Polygon | MultiPolygon>): Feature<Polygon | MultiPolygon> {
  return { ...f, geometry: forD3(f.geometry) };
}

function r(v: number): number {
  return Math.round(v * 100) / 100;
}

function areaLabel(km2: number, total: number): string {
  const share = (100 * km2) / total;
  const km = km2 >= 100 ? Math.round(km2).toLocaleString("en-GB") : km2.toFixed(km2 >= 10 ? 0 : 1);
  return `${km} km² · ${share >= 1 ? Math.round(share) : share.toFixed(1)}%`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

function lastEvent(log: readonly CompiledEvent[], count: number): CompiledEvent | undefined {
  for (let i = count - 1; i >= 0; i--) {
    const e = log[i] as CompiledEvent;
    if (e.retractedBy === undefined && e.op !== "none") return e;
  }
  return undefined;
}

/** Publications cited by the events so far, most cited first (at most six). */
function publications(log: readonly CompiledEvent[], count: number): string[] {
  const counts = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const e = log[i] as CompiledEvent;
    if (e.retractedBy !== undefined) continue;
    for (const s of e.def.sources ?? []) counts.set(s.publication, (counts.get(s.publication) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 6)
    .map(([p]) => p);
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function cornerSlots(m: Rect, w: number, h: number, gap: number): Rect[] {
  return [
    { x0: m.x0 + gap, y0: m.y1 - gap - h, x1: m.x0 + gap + w, y1: m.y1 - gap },
    { x0: m.x1 - gap - w, y0: m.y1 - gap - h, x1: m.x1 - gap, y1: m.y1 - gap },
    { x0: m.x0 + gap, y0: m.y0 + gap, x1: m.x0 + gap + w, y1: m.y0 + gap + h },
    { x0: m.x1 - gap - w, y0: m.y0 + gap, x1: m.x1 - gap, y1: m.y0 + gap + h },
  ];
}

function projectedRings(f: Feature<Polygon | MultiPolygon>, projection: GeoProjection): [number, number][][] {
  const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  const out: [number, number][][] = [];
  for (const poly of polys)
    for (const ring of poly) {
      const pts: [number, number][] = [];
      for (const p of ring) {
        const xy = projection([p[0] as number, p[1] as number]);
        if (xy) pts.push([xy[0], xy[1]]);
      }
      out.push(pts);
    }
  return out;
}

/** Share of a rectangle (sampled on a grid) inside the projected theatre. */
function coverage(rect: Rect, rings: readonly [number, number][][]): number {
  let inside = 0;
  const n = 8;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const x = rect.x0 + ((i + 0.5) / n) * (rect.x1 - rect.x0);
      const y = rect.y0 + ((j + 0.5) / n) * (rect.y1 - rect.y0);
      if (pointInPolygon([x, y], rings)) inside++;
    }
  return inside / (n * n);
}

function distanceToRings(x: number, y: number, rings: readonly (readonly [number, number][])[]): number {
  let best = Infinity;
  for (const ring of rings)
    for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
      const p = ring[a] as [number, number];
      const q = ring[b] as [number, number];
      const dx = q[0] - p[0];
      const dy = q[1] - p[1];
      const l2 = dx * dx + dy * dy;
      const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - p[0]) * dx + (y - p[1]) * dy) / l2));
      best = Math.min(best, Math.hypot(x - p[0] - t * dx, y - p[1] - t * dy));
    }
  return best;
}

/** Where a country's name fits: inside its visible part, off the theatre and the obstacles,
 *  as far from their edges as a coarse grid search finds. */
function labelSpot(
  visible: readonly [number, number][][],
  theatre: readonly [number, number][][],
  w: number,
  h: number,
  obstacles: readonly Rect[],
): [number, number] | undefined {
  if (visible.length === 0) return undefined;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const ring of visible)
    for (const p of ring) {
      x0 = Math.min(x0, p[0]);
      y0 = Math.min(y0, p[1]);
      x1 = Math.max(x1, p[0]);
      y1 = Math.max(y1, p[1]);
    }
  if (x1 - x0 < w || y1 - y0 < h) return undefined;
  const n = 16;
  let best: [number, number] | undefined;
  let bestScore = 0;
  for (let i = 0; i <= n; i++)
    for (let j = 0; j <= n; j++) {
      const x = x0 + w / 2 + ((x1 - x0 - w) * i) / n;
      const y = y0 + h / 2 + ((y1 - y0 - h) * j) / n;
      const corners: [number, number][] = [
        [x - w / 2, y - h / 2],
        [x + w / 2, y - h / 2],
        [x - w / 2, y + h / 2],
        [x + w / 2, y + h / 2],
        [x, y],
      ];
      if (
        !corners.every(([cx, cy]) => pointInPolygon([cx, cy], visible) && !pointInPolygon([cx, cy], theatre))
      )
        continue;
      const box: Rect = { x0: x - w / 2, y0: y - h / 2, x1: x + w / 2, y1: y + h / 2 };
      if (obstacles.some((o) => overlaps(o, box))) continue;
      const score = Math.min(distanceToRings(x, y, visible), distanceToRings(x, y, theatre));
      if (score > bestScore) {
        bestScore = score;
        best = [x, y];
      }
    }
  return best;
}
