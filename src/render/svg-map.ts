// A standalone SVG map of one date, as a newspaper would print it: the neighbouring countries in
// pale grey with their names, each faction's ground in its colour (contested ground hatched,
// besieged ground outlined), front lines, the theatre's edge, places with labels that do not
// collide, a key with km² per faction, title, date, scale bar and a sources line. A thin writer of
// the map model (`src/map`): the projection, the frame, the colours, label ranks and the scale
// bar's rule are the app's. Pure: it takes a bundle and a control state and returns SVG text.

import { countThrough, type ControlState } from "../core/fold.js";
import { dayOf, longDate } from "../core/dates.js";
import type { CompiledEvent, CompiledScenario, IsoDate } from "../core/types.js";
import { pointInPolygon } from "../geo/rings.js";
import type { ScenarioBundle } from "../map/bundle.js";
import { countryLabels } from "../map/country-labels.js";
import { controlFrame, fillPaths, mapFrame, type MapFrame } from "../map/frame.js";
import { labelBox, labelOffset, placeLabels, type Box, type LabelInput } from "../map/labels.js";
import { placeWaterLabels } from "../map/water-labels.js";
import { legendEntries } from "../map/legend.js";
import { projectBundle, regionAspect, type ProjectedMap, type Region } from "../map/project.js";
import {
  BESIEGED,
  dotRadius,
  dotRing,
  fillTable,
  FRONT,
  FRONT_CASING,
  HATCH,
  INK,
  LAND,
  LAND_BORDER,
  LAND_LABEL,
  labelSize,
  MAP_LAYERS,
  type MapLayer,
  mapColors,
  MUTED_INK,
  openDot,
  PAPER,
  COUNTRY_LABEL_SPACING,
  MUST_LABEL_RANK,
  placeRank,
  RECENT_DAYS,
  scaleBarFor,
  SEA,
  WATER,
  WATER_LABEL,
  WATER_LINE,
  STROKES,
  THEATRE_BORDER,
  THEATRE_BOX_BORDER,
} from "../map/style.js";
import { legendSvg } from "./legend.js";
import { hatchPattern, xmlEscape } from "./svg-markup.js";
import { scaleBarSize, scaleBarSvg } from "./scale-bar.js";
import { actsOnUnits, isLive } from "../core/event.js";

export const MAP_FONT = "'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

export interface SvgMapInput extends ScenarioBundle {
  /** The map shows control at the end of this day. */
  readonly date: IsoDate;
  /** Control on `date` (the caller folds the log: `createHistory(scenario).stateAt(date)`). */
  readonly state: ControlState;
}

export interface SvgMapOptions {
  /** Pixels (default 1200); the height follows the frame's shape. */
  readonly width?: number;
  readonly height?: number;
  /** What to frame: a `[west, south, east, north]` box, or the whole theatre (default: the
   *  scenario's `view.bbox`, else the theatre). */
  readonly frame?: Region;
  readonly title?: string;
  /** Slides: a smaller header and no sources line. */
  readonly compact?: boolean;
  readonly fontFamily?: string;
}

/** Colours the map uses (for palettes that must hold them exactly, e.g. GIF). */
export function svgMapColors(scenario: CompiledScenario): string[] {
  return mapColors(scenario.factions);
}

/**
 * Writes maps of one bundle date after date, projecting it once per map box (frames of one export
 * share their box unless the key wraps differently).
 *
 * @example
 * const write = svgMapWriter(bundle);
 * const svg = write("2017-07-03", history.stateAt("2017-07-03"), { width: 1200 });
 */
export function svgMapWriter(
  bundle: ScenarioBundle,
): (date: IsoDate, state: ControlState, options?: SvgMapOptions) => string {
  const cache = new Map<string, ProjectedMap>();
  let previous: MapFrame | undefined;
  return (date, state, options = {}) => {
    const svg = writeSvgMap(bundle, date, state, options, (region, extent) => {
      const key = JSON.stringify([region, extent]);
      let map = cache.get(key);
      if (!map) {
        if (cache.size > 8) cache.clear();
        map = projectBundle(bundle, { region, extent });
        cache.set(key, map);
        previous = undefined;
      }
      const frame = mapFrame(map, state, previous);
      previous = frame;
      return { map, frame };
    });
    return svg;
  };
}

/**
 * The map of `input.date` as a standalone SVG document.
 *
 * @example
 * const svg = renderSvgMap({ scenario, theatre, partition, date: "2017-07-03", state });
 */
export function renderSvgMap(input: SvgMapInput, options: SvgMapOptions = {}): string {
  const { date, state } = input;
  return writeSvgMap(input, date, state, options, (region, extent) => {
    const map = projectBundle(input, { region, extent });
    return { map, frame: mapFrame(map, state) };
  });
}

type Extent = [[number, number], [number, number]];

function writeSvgMap(
  bundle: ScenarioBundle,
  date: IsoDate,
  state: ControlState,
  options: SvgMapOptions,
  frameFor: (region: Region, extent: Extent) => { map: ProjectedMap; frame: MapFrame },
): string {
  const { scenario, theatre } = bundle;
  const font = options.fontFamily ?? MAP_FONT;
  const compact = options.compact ?? false;
  const W = Math.round(options.width ?? 1200);
  const k = W / 1200; // type and symbol scale
  const pad = Math.round(16 * k);
  const footerH = Math.round((compact ? 12 : 40) * k);

  // The key depends only on who holds what; the header's height on the key.
  const region: Region = options.frame ?? scenario.view.bbox ?? "theatre";
  const control = controlFrame(bundle, state);
  const legend = legendSvg(
    legendEntries(
      scenario.factions,
      { frame: control, totalKm2: bundle.partition.theatreKm2 },
      bundle.partition.faces.open.some((o) => o === 1),
    ),
    W - 2 * pad,
    font,
    r(12 * k),
    "legend-hatch",
  );
  const keyY = Math.round((compact ? 56 : 74) * k);
  const headerH = keyY + legend.height + Math.round(8 * k);

  // The map box, and the region fitted into it.
  const mapW = W - 2 * pad;
  const naturalH = regionAspect(theatre, region) * mapW + 24 * k;
  const mapH = Math.round(
    options.height ? options.height - headerH - footerH : Math.max(0.45 * W, Math.min(1.1 * W, naturalH)),
  );
  const H = headerH + mapH + footerH;
  const box: Box = { x0: pad, y0: headerH, x1: W - pad, y1: headerH + mapH };
  const inset = Math.max(12 * k, 0.035 * W);
  const { map, frame } = frameFor(region, [
    [r(box.x0 + inset), r(box.y0 + inset)],
    [r(box.x1 - inset), r(box.y1 - inset)],
  ]);

  const defs: string[] = [
    hatchPattern("map-hatch", HATCH.color, HATCH.spacing * k, HATCH.width * k, HATCH.angle),
    hatchPattern("legend-hatch", HATCH.color, HATCH.spacing * k, HATCH.width * k, HATCH.angle),
    `<clipPath id="map-clip"><rect x="${box.x0}" y="${box.y0}" width="${mapW}" height="${mapH}"/></clipPath>`,
  ];
  // Each layer's markup, joined in the map's one drawing order (`MAP_LAYERS`).
  const layer: Partial<Record<MapLayer, string>> = {};
  layer.sea = `<rect x="${box.x0}" y="${box.y0}" width="${mapW}" height="${mapH}" fill="${SEA}"/>`;
  layer.basemap = `<path class="land" d="${map.basemap.map((b) => b.path).join("")}" fill="${LAND}" stroke="${LAND_BORDER}" stroke-width="${r(STROKES.land * k)}" stroke-linejoin="round"/>`;
  // Ground: one path per faction code; faces of one holder never show seams between them.
  const fills = fillTable(scenario.factions);
  const n = scenario.factions.length;
  const ground = fillPaths(map, frame.owners, scenario.factions.length)
    .map((d, code) =>
      d
        ? `<path class="ground${code > n ? " open" : ""}" data-faction="${xmlEscape(code % (n + 1) === 0 ? "unknown" : (scenario.factions[(code % (n + 1)) - 1]?.id ?? ""))}" d="${d}" fill="${fills[code]}" fill-rule="evenodd"/>`
        : "",
    )
    .join("");
  layer.ground = `<g class="control">${ground}</g>`;
  const w = map.water;
  if (w.lakes || w.majorRivers || w.minorRivers)
    layer.water =
      `<g class="rivers">` +
      (w.lakes
        ? `<path class="lakes" d="${w.lakes}" fill="${WATER}" stroke="${WATER_LINE}" stroke-width="${r(STROKES.lake * k)}"/>`
        : "") +
      (w.minorRivers
        ? `<path d="${w.minorRivers}" fill="none" stroke="${WATER_LINE}" stroke-opacity="0.7" stroke-width="${r(STROKES.minorRiver * k)}" stroke-linejoin="round"/>`
        : "") +
      (w.majorRivers
        ? `<path d="${w.majorRivers}" fill="none" stroke="${WATER_LINE}" stroke-width="${r(STROKES.river * k)}" stroke-linejoin="round" stroke-linecap="round"/>`
        : "") +
      `</g>`;
  if (frame.contestedPath)
    layer.contested = `<path class="contested" d="${frame.contestedPath}" fill="url(#map-hatch)" fill-opacity="${HATCH.opacity}" fill-rule="evenodd"/>`;
  // Front lines: between held grounds (edges of unknown ground are left to the fills); where one
  // runs along a river, wider, with the river along its middle.
  if (frame.frontPath) {
    const line = (stroke: string, width: number, extra = ""): string =>
      `fill="none" stroke="${stroke}"${extra} stroke-width="${r(width * k)}" stroke-linejoin="round" stroke-linecap="round"`;
    layer.fronts =
      `<path class="front-casing" d="${frame.frontPath}" ${line(FRONT_CASING, STROKES.frontCasing, ` stroke-opacity="0.7"`)}/>` +
      `<path class="front" d="${frame.frontPath}" ${line(FRONT, STROKES.front)}/>` +
      (frame.riverFrontPath
        ? `<path class="river-front" d="${frame.riverFrontPath}" ${line(FRONT, STROKES.riverFront)}/>` +
          `<path class="river-front-water" d="${frame.riverFrontPath}" ${line(WATER_LINE, STROKES.river)}/>`
        : "");
  }
  const dash = (a: readonly number[]): string => a.map((v) => r(v * k)).join(" ");
  layer.theatre = map.countriesTheatre
    ? `<path class="theatre" d="${map.outlinePath}" fill="none" stroke="${THEATRE_BORDER}" stroke-width="${r(STROKES.theatre * k)}" stroke-linejoin="round"/>`
    : `<path class="theatre" d="${map.outlinePath}" fill="none" stroke="${THEATRE_BOX_BORDER}" stroke-width="${r(STROKES.theatreBox * k)}" stroke-dasharray="${dash(STROKES.theatreBoxDash)}" stroke-linejoin="round"/>`;
  // Besieged ground after the fronts, so its outline shows along fronts and the theatre's edge too.
  if (frame.besiegedPath)
    layer.besieged = `<path class="besieged" d="${frame.besiegedPath}" fill="none" stroke="${BESIEGED}" stroke-width="${r(STROKES.besieged * k)}" stroke-dasharray="${dash(STROKES.besiegedDash)}" stroke-linejoin="round"/>`;

  // Scale bar: in the bottom corner that hides the least of the theatre.
  const bar = scaleBarFor(map.kmPerPx, Math.min(180 * k, mapW / 4));
  const barSize = scaleBarSize(bar, k);
  const barAt = cornerSlots(box, barSize.width, barSize.height, 8 * k)
    .slice(0, 2)
    .sort((a, b) => coverage(a, map.outlineRings) - coverage(b, map.outlineRings))[0] as Box;

  // Labels: countries first (fixed), then places by importance.
  const countries = countryLabels(map, box, { fontSize: 12 * k, obstacles: [barAt] });
  const countryText = countries.map(
    (c) =>
      `<text x="${r(c.x)}" y="${r(c.y + 12 * k * 0.35)}"${c.angle ? ` transform="rotate(${c.angle} ${r(c.x)} ${r(c.y)})"` : ""} text-anchor="middle" font-size="${r(12 * k)}" letter-spacing="${r(COUNTRY_LABEL_SPACING * 12 * k)}" fill="${LAND_LABEL}">${xmlEscape(c.text)}</text>`,
  );
  const recent = dayOf(date) - RECENT_DAYS;
  const candidates: (LabelInput & {
    unit: number;
    kind: string;
    dot: number;
    ring: ReturnType<typeof dotRing>;
  })[] = [];
  for (const p of map.places) {
    if (p.x < box.x0 || p.x > box.x1 || p.y < box.y0 || p.y > box.y1) continue;
    const cause = state.cause[p.unit] as number;
    const fresh = cause >= 0 && (scenario.log[cause]?.day ?? 0) >= recent;
    const ring = dotRing(state.status[p.unit]);
    candidates.push({
      x: p.x,
      y: p.y,
      text: p.name,
      rank: placeRank(p.kind, fresh),
      fontSize: labelSize(p.kind) * k,
      // A ringed dot keeps its label clear of the ring.
      radius: (dotRadius(p.kind) + (ring ? ring.gap + ring.width : 0)) * k,
      dot: dotRadius(p.kind) * k,
      ring,
      unit: p.unit,
      kind: p.kind,
    });
  }
  const labelOptions = {
    zooms: [1],
    charWidth: 0.58,
    obstacles: [barAt, ...countries.flatMap((c) => c.boxes)],
    bounds: box,
    mustRank: MUST_LABEL_RANK,
  };
  // Names of rivers and lakes next, as in the app: clear of the cities' names (placed first, as
  // they will be again below), of every dot, the country names and the scale bar; the other place
  // names then keep clear of them. Placed after the place names, a lake's name found no room.
  const cities = candidates.filter((c) => c.rank <= MUST_LABEL_RANK);
  const cityBoxes = placeLabels(cities, labelOptions).flatMap((pl, i) =>
    pl.minZoom === 1 ? [labelBox(cities[i] as LabelInput, pl.anchor, 1, labelOptions)] : [],
  );
  const dotBoxes = candidates.map((c) => {
    const d = c.radius ?? 3;
    return { x0: c.x - d, y0: c.y - d, x1: c.x + d, y1: c.y + d };
  });
  const water = layer.water
    ? placeWaterLabels(w.labels, {
        fontSize: 11 * k,
        lift: 4 * k,
        bounds: box,
        obstacles: [barAt, ...countries.flatMap((c) => c.boxes), ...cityBoxes, ...dotBoxes],
      })
    : [];
  const placed = placeLabels(candidates, {
    ...labelOptions,
    obstacles: [...labelOptions.obstacles, ...water.map((l) => l.box)],
  });
  const dots: string[] = [];
  const labels: string[] = [];
  // Only labelled places get a dot: an unnamed dot tells a reader nothing.
  candidates.forEach((c, i) => {
    const pl = placed[i];
    if (!pl || pl.minZoom !== 1) return;
    dots.push(
      openDot(c.kind)
        ? `<circle cx="${r(c.x)}" cy="${r(c.y)}" r="${r(c.dot)}" fill="${PAPER}" stroke="${INK}" stroke-width="${r(1.2 * k)}"/>`
        : `<circle cx="${r(c.x)}" cy="${r(c.y)}" r="${r(c.dot)}" fill="${INK}" stroke="${PAPER}" stroke-width="${r(1 * k)}"/>`,
    );
    const ring = c.ring;
    if (ring)
      dots.push(
        `<circle class="ring" cx="${r(c.x)}" cy="${r(c.y)}" r="${r(c.dot + ring.gap * k)}" fill="none" stroke="${ring.color}" stroke-width="${r(ring.width * k)}" stroke-dasharray="${ring.dash.map((v) => r(v * k)).join(" ")}"/>`,
      );
    const o = labelOffset(c, pl.anchor, labelOptions);
    const weight = c.kind === "city" ? ` font-weight="bold"` : openDot(c.kind) ? ` font-style="italic"` : "";
    labels.push(
      `<text x="${r(c.x + o.dx)}" y="${r(c.y + o.dy)}" text-anchor="${o.textAnchor}" font-size="${r(c.fontSize ?? 12)}"${weight}>${xmlEscape(c.text)}</text>`,
    );
  });
  // The names of rivers and lakes are drawn in the rivers group, under the fronts.
  if (layer.water) {
    layer.water = layer.water.replace(
      /<\/g>$/,
      water
        .map(
          (l) =>
            `<text x="${r(l.x)}" y="${r(l.y)}" font-size="${r(11 * k)}" font-style="italic" fill="${WATER_LABEL}" stroke="${PAPER}" stroke-width="${r(2.5 * k)}" paint-order="stroke" text-anchor="middle">${xmlEscape(l.name)}</text>`,
        )
        .join("") + "</g>",
    );
  }
  layer.labels =
    `<g class="country-labels" font-weight="bold">${countryText.join("")}</g>` +
    `<g class="places">${dots.join("")}</g>` +
    `<g class="place-labels" fill="${INK}" stroke="${PAPER}" stroke-width="${r(3 * k)}" stroke-linejoin="round" paint-order="stroke">${labels.join("")}</g>`;
  const layers = MAP_LAYERS.map((l) => layer[l] ?? "");

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
  const barG = scaleBarSvg(bar, barAt, font, k);
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
    `<rect x="${box.x0}" y="${box.y0}" width="${mapW}" height="${mapH}" fill="none" stroke="#bdbdbd" stroke-width="${r(0.8 * k)}"/>` +
    legendG +
    barG +
    footer.join("") +
    `</svg>`
  );
}

function r(v: number): number {
  return Math.round(v * 100) / 100;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

function lastEvent(log: readonly CompiledEvent[], count: number): CompiledEvent | undefined {
  for (let i = count - 1; i >= 0; i--) {
    const e = log[i] as CompiledEvent;
    if (isLive(e) && actsOnUnits(e)) return e;
  }
  return undefined;
}

/** Publications cited by the events so far, most cited first (at most six). */
function publications(log: readonly CompiledEvent[], count: number): string[] {
  const counts = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const e = log[i] as CompiledEvent;
    if (!isLive(e)) continue;
    for (const s of e.def.sources ?? []) counts.set(s.publication, (counts.get(s.publication) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 6)
    .map(([p]) => p);
}

function cornerSlots(m: Box, w: number, h: number, gap: number): Box[] {
  return [
    { x0: m.x0 + gap, y0: m.y1 - gap - h, x1: m.x0 + gap + w, y1: m.y1 - gap },
    { x0: m.x1 - gap - w, y0: m.y1 - gap - h, x1: m.x1 - gap, y1: m.y1 - gap },
  ];
}

/** Share of a rectangle (sampled on a grid) inside the projected theatre. */
function coverage(rect: Box, rings: readonly (readonly [number, number][])[]): number {
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
