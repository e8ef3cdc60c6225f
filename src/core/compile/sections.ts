// Pass 1, the sections: factions, places and areas (one id space, from the main file and its
// includes), theatre and view. Each list item is validated on its own so one bad item does not
// hide the problems of the others.

import type { z } from "zod";
// The codes alone (the package's Node entry also loads every language's country names).
import countries from "i18n-iso-countries/index.js";
import { didYouMean, type Diagnostic } from "../diagnostics.js";
import { withDefaults, type Limits } from "../limits.js";
import type { ParsedFile, Path } from "../parse.js";
import { areaSchema, factionSchema, placeSchema, theatreSchema, viewSchema } from "../schema.js";
import type { AreaDef, CompiledUnit, FactionDef, LonLat, PlaceDef, TheatreDef, ViewDef } from "../types.js";
import type { ScenarioFile } from "./files.js";
import { eachItem, reportIssues } from "./issues.js";
import { normaliseRings, ringProblem } from "./polygons.js";

/** The bitmask of faction codes is a 32-bit integer and code 0 means "unknown". */
const MAX_FACTIONS = 31;

export interface Sections {
  readonly factions: readonly FactionDef[];
  /** Faction id → code (`index + 1`). */
  readonly factionIndex: ReadonlyMap<string, number>;
  readonly places: readonly PlaceDef[];
  readonly areas: readonly AreaDef[];
  /** Places first, then areas. */
  readonly units: readonly CompiledUnit[];
  readonly unitIndex: ReadonlyMap<string, number>;
  /** Where each unit is defined. */
  readonly unitPath: ReadonlyMap<string, Written>;
  readonly theatre: TheatreDef | undefined;
  readonly view: ViewDef;
}

/** Where something is written: a file and the path inside it. */
export interface Written {
  readonly file: ParsedFile;
  readonly path: Path;
}

export interface SectionOptions {
  readonly limits?: Partial<Limits> | undefined;
  readonly colourClashes?:
    | ((
        colours: Readonly<Record<string, string>>,
      ) => readonly { readonly a: string; readonly b: string; readonly why: string }[])
    | undefined;
}

export function compileSections(
  files: readonly ScenarioFile[],
  options: SectionOptions,
  diags: Diagnostic[],
): Sections {
  const [{ file: main, data: raw }] = files as readonly [ScenarioFile];
  const { factions, factionIndex } = compileFactions(main, raw.factions, options, diags);
  const maxVertices = withDefaults(options.limits).vertices;
  const { places, areas, unitPath } = compileUnits(files, maxVertices, diags);
  const units: CompiledUnit[] = [
    ...places.map((p): CompiledUnit => ({
      id: p.id,
      name: p.name,
      aliases: p.aliases,
      kind: "place",
      at: p.at,
      placeKind: p.kind,
      ...(p.reach_km !== undefined ? { reachKm: p.reach_km } : {}),
    })),
    ...areas.map((a): CompiledUnit => ({
      id: a.id,
      name: a.name,
      aliases: a.aliases,
      kind: "area",
      polygon: a.polygon,
      boundary: a.boundary,
    })),
  ];
  const unitIndex = new Map(units.map((u, i) => [u.id, i]));
  const theatre = compileTheatre(main, raw.theatre, maxVertices, diags);
  let view: ViewDef = {};
  if (raw.view !== undefined) {
    const r = viewSchema.safeParse(raw.view);
    if (!r.success) reportIssues(main, ["view"], r.error.issues, diags);
    else view = r.data;
  }
  return { factions, factionIndex, places, areas, units, unitIndex, unitPath, theatre, view };
}

function compileFactions(
  main: ParsedFile,
  list: unknown,
  options: SectionOptions,
  diags: Diagnostic[],
): { factions: FactionDef[]; factionIndex: Map<string, number> } {
  const factions: FactionDef[] = [];
  const factionIndex = new Map<string, number>();
  eachItem(list, (item, i) => {
    const r = factionSchema.safeParse(item);
    if (!r.success) return reportIssues(main, ["factions", i], r.error.issues, diags);
    if (factionIndex.has(r.data.id)) {
      diags.push(main.report("error", ["factions", i, "id"], `duplicate faction id "${r.data.id}"`));
      return;
    }
    factionIndex.set(r.data.id, factions.length + 1);
    factions.push(r.data);
  });
  if (options.colourClashes && factions.length > 1) {
    const reported = new Set<string>();
    for (const clash of options.colourClashes(Object.fromEntries(factions.map((f) => [f.id, f.color])))) {
      if (reported.has(clash.b)) continue;
      reported.add(clash.b);
      const i = factions.findIndex((f) => f.id === clash.b);
      diags.push(
        main.report(
          "warning",
          ["factions", i, "color"],
          `"${clash.b}" and "${clash.a}" are hard to tell apart on the map: ${clash.why}`,
        ),
      );
    }
  }
  if (factions.length > MAX_FACTIONS)
    diags.push(
      main.report(
        "error",
        ["factions"],
        `at most ${MAX_FACTIONS} factions are supported, found ${factions.length}`,
      ),
    );
  return { factions, factionIndex };
}

/** Places and areas share one id space: events name either. */
/** An ISO 3166 alpha-2 or alpha-3 code (any case). */
function isCountryCode(code: string): boolean {
  return /^[A-Za-z]{2,3}$/.test(code) && countries.isValid(code.toUpperCase());
}

/** ISO 3166 countries (alpha-2) with no outline in world-atlas's Natural Earth countries, by
 * resolution (checked against the atlas by a test). */
export const NO_OUTLINE: Readonly<Record<"10m" | "50m" | "110m", readonly string[]>> = {
  "10m": "BV CX CC GF GP MQ YT RE SJ TK BQ XK".split(" "),
  "50m": "BV CX CC GF GI GP MQ YT RE SJ TK TV UM BQ XK".split(" "),
  "110m": (
    "AS AD AI AG AW BH BB BM BV IO CV KY CX CC KM CK DM FO GF PF GI GD GP GU HM VA HK KI LI MO MV MT MH " +
    "MQ MU YT FM MC MS NR NU NF MP PW PN RE SH KN LC PM VC WS SM ST SC SG GS SJ TK TO TC TV UM VG VI WF " +
    "AX BQ CW GG IM JE BL MF SX XK"
  ).split(" "),
};

function alpha2Of(code: string): string {
  const upper = code.toUpperCase();
  return upper.length === 3 ? (countries.alpha3ToAlpha2(upper) ?? upper) : upper;
}

function compileUnits(
  files: readonly ScenarioFile[],
  maxVertices: number,
  diags: Diagnostic[],
): { places: PlaceDef[]; areas: AreaDef[]; unitPath: Map<string, Written> } {
  const places: PlaceDef[] = [];
  const areas: AreaDef[] = [];
  const unitPath = new Map<string, Written>();
  const claimUnit = (file: ParsedFile, id: string, path: Path): boolean => {
    const first = unitPath.get(id);
    if (first) {
      const at = first.file.at([...first.path, "id"]);
      const where = first.file === file ? `line ${at.line}` : `${first.file.file}:${at.line}`;
      diags.push(
        file.report("error", [...path, "id"], `duplicate unit id "${id}" (first defined at ${where})`),
      );
      return false;
    }
    unitPath.set(id, { file, path });
    return true;
  };
  for (const { file, data } of files)
    eachItem(data.places, (item, i) => {
      const r = placeSchema.safeParse(item);
      if (!r.success) return reportIssues(file, ["places", i], r.error.issues, diags);
      if (!claimUnit(file, r.data.id, ["places", i])) return;
      if (r.data.coords !== "geonames" && !r.data.note)
        diags.push(
          file.report(
            "warning",
            ["places", i, "coords"],
            `coordinates marked "${r.data.coords}" need a note saying how they were derived`,
          ),
        );
      places.push(r.data);
    });
  for (const { file, data } of files)
    eachItem(data.areas, (item, i) => {
      const r = areaSchema.safeParse(item);
      if (!r.success) return reportIssues(file, ["areas", i], r.error.issues, diags);
      if (!claimUnit(file, r.data.id, ["areas", i])) return;
      const rings = normaliseRings(r.data.polygon);
      const problem = ringProblem(rings, maxVertices);
      if (problem) {
        diags.push(file.report("error", ["areas", i, "polygon"], `area "${r.data.id}": ${problem}`));
        return;
      }
      areas.push({ ...r.data, polygon: rings });
    });
  return { places, areas, unitPath };
}

function compileTheatre(
  main: ParsedFile,
  raw: unknown,
  maxVertices: number,
  diags: Diagnostic[],
): TheatreDef | undefined {
  if (raw === undefined) {
    diags.push(main.report("error", [], 'missing "theatre" (countries, bbox or polygon)'));
    return undefined;
  }
  const r = theatreSchema.safeParse(raw);
  if (r.success) {
    const theatre = toTheatre(r.data);
    const before = diags.length;
    if (theatre.kind === "countries")
      theatre.countries.forEach((code, i) => {
        if (!isCountryCode(code))
          diags.push(
            main.report(
              "error",
              ["theatre", "countries", i],
              `unknown country code "${code}": expected an ISO 3166 alpha-2 or alpha-3 code such as SY, IQ, SYR or IRQ`,
            ),
          );
        else if (NO_OUTLINE[theatre.resolution].includes(alpha2Of(code)))
          diags.push(
            main.report(
              "error",
              ["theatre", "countries", i],
              `country "${code}" has no outline in the ${theatre.resolution} Natural Earth countries; ${theatre.resolution === "10m" ? "draw the theatre as a polygon" : "try resolution: 10m, or draw the theatre as a polygon"}`,
            ),
          );
      });
    if (theatre.kind === "polygon") {
      const problem = ringProblem(theatre.polygon, maxVertices);
      if (problem) diags.push(main.report("error", ["theatre", "polygon"], `theatre: ${problem}`));
    }
    return diags.length === before ? theatre : undefined;
  }
  const t = raw as Record<string, unknown>;
  const variant =
    t && typeof t === "object" ? ("countries" in t ? 0 : "bbox" in t ? 1 : "polygon" in t ? 2 : -1) : -1;
  if (variant === -1)
    diags.push(main.report("error", ["theatre"], "theatre needs one of: countries, bbox, polygon"));
  else {
    const inner = theatreSchema.options[variant]?.safeParse(raw);
    reportIssues(main, ["theatre"], inner && !inner.success ? inner.error.issues : r.error.issues, diags);
  }
  return undefined;
}

function toTheatre(t: z.output<typeof theatreSchema>): TheatreDef {
  const barriers = {
    ...(t.barriers ? { barriers: t.barriers } : {}),
    ...(t.reach_km ? { reach_km: t.reach_km } : {}),
  };
  if ("countries" in t)
    return {
      kind: "countries",
      countries: t.countries.map((c) => c.toUpperCase()),
      resolution: t.resolution,
      ...(t.bbox ? { bbox: t.bbox } : {}),
      tolerance_km: t.tolerance_km,
      ...barriers,
    };
  if ("bbox" in t) return { kind: "bbox", bbox: t.bbox, tolerance_km: t.tolerance_km, ...barriers };
  const rings = normaliseRings(t.polygon);
  return { kind: "polygon", polygon: rings, tolerance_km: t.tolerance_km, ...barriers };
}

/** Places lying farther outside the theatre than its tolerance (the geometry is the caller's). */
export function checkContainment(
  sections: Sections,
  outsideKm: (theatre: TheatreDef, at: LonLat) => number,
  diags: Diagnostic[],
): void {
  const theatre = sections.theatre;
  if (!theatre) return;
  for (const p of sections.places) {
    const km = outsideKm(theatre, p.at);
    const where = sections.unitPath.get(p.id);
    if (km > theatre.tolerance_km && where) {
      // Written as [lat, lon]? Then the two numbers swapped land inside.
      const swapped: LonLat = [p.at[1], p.at[0]];
      const hint =
        Math.abs(swapped[1]) <= 90 && outsideKm(theatre, swapped) <= theatre.tolerance_km
          ? `; swapped, [${swapped[0]}, ${swapped[1]}] lies inside it: positions are [longitude, latitude]`
          : "";
      diags.push(
        where.file.report(
          "warning",
          [...where.path, "at"],
          `"${p.id}" lies ${km.toFixed(1)} km outside the theatre (tolerance ${theatre.tolerance_km} km); it gets no ground${hint}`,
        ),
      );
    }
  }
  for (const a of sections.areas) {
    const where = sections.unitPath.get(a.id);
    // Up to 64 of the outer ring's vertices: enough to tell an area that lies wholly outside.
    const ring = a.polygon[0]?.filter((_, i, all) => i % Math.ceil(all.length / 64) === 0);
    if (!where || !ring || ring.length === 0) continue;
    const km = Math.min(...ring.map((v) => outsideKm(theatre, v)));
    if (km > theatre.tolerance_km)
      diags.push(
        where.file.report(
          "warning",
          [...where.path, "polygon"],
          `area "${a.id}" lies ${km.toFixed(1)} km outside the theatre (tolerance ${theatre.tolerance_km} km); it gets no ground`,
        ),
      );
  }
}

/** Resolves ids named in a file to faction codes and unit indices, reporting the ones that fail. */
export interface Refs {
  faction(file: ParsedFile, path: Path, id: string): number | undefined;
  unit(file: ParsedFile, path: Path, id: string): number | undefined;
  /** True when `faction` (or `unit`) would accept `id` without a word: a quick test that needs
   * no path, for the common case. */
  knowsFaction(id: string): boolean;
  knowsUnit(id: string): boolean;
}

export function refsOf(sections: Sections, diags: Diagnostic[]): Refs {
  const { factionIndex, unitIndex, units } = sections;
  return {
    knowsFaction: (id) => factionIndex.has(id),
    knowsUnit(id) {
      const u = unitIndex.get(id);
      return u !== undefined && units[u]?.boundary !== true;
    },
    faction(file, path, id) {
      const code = factionIndex.get(id);
      if (code === undefined)
        diags.push(
          file.report("error", path, `unknown faction "${id}"${didYouMean(id, factionIndex.keys())}`),
        );
      return code;
    },
    unit(file, path, id) {
      const u = unitIndex.get(id);
      if (u !== undefined && units[u]?.boundary) {
        diags.push(
          file.report(
            "error",
            path,
            `"${id}" is a boundary area: it holds no ground of its own, so nothing can hold it`,
          ),
        );
        return undefined;
      }
      if (u === undefined)
        diags.push(
          file.report("error", path, `unknown place or area "${id}"${didYouMean(id, unitIndex.keys())}`),
        );
      return u;
    },
  };
}
