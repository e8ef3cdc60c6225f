// Scenario files → a `CompiledScenario`: validated, cross-referenced, macros (`advance`) expanded,
// corrections (`retract`, `supersede`) applied as flags, the log sorted by date (ties in file
// order). Every problem becomes a positioned diagnostic; nothing here throws on bad input.
//
// Pure: files are read through the `readFile` callback and the theatre through `outsideKm`, so the
// same compiler serves the CLI, the Vite plugin and a browser worker.

import { booleanPointInPolygon, kinks, lineString, point, pointToLineDistance, polygon } from "@turf/turf";
import type { z } from "zod";
import { dayOf } from "./dates.js";
import { didYouMean, hasErrors, sortDiagnostics, type Diagnostic, type Severity } from "./diagnostics.js";
import { appendEvents, emptyLog, type EventLog, type LoggedEvent } from "./event-log.js";
import { replay, STATUS_HELD } from "./fold.js";
import { parseYamlFile, type ParsedFile, type Path } from "./parse.js";
import {
  areaSchema,
  eventSchema,
  eventTypes,
  factionSchema,
  includeFileSchema,
  initialSchema,
  placeSchema,
  scenarioHeadSchema,
  theatreSchema,
  viewSchema,
  type EventInput,
} from "./schema.js";
import type {
  AreaDef,
  CompiledEvent,
  CompiledScenario,
  CompiledUnit,
  ControlOp,
  EventDef,
  FactionDef,
  LonLat,
  PlaceDef,
  Ring,
  ReplacementEvent,
  TheatreDef,
  ViewDef,
} from "./types.js";

export interface CompileInput {
  /** Path of the main file as it should appear in diagnostics (e.g. `scenarios/raqqa-2017.yaml`). */
  readonly file: string;
  readonly text: string;
  /** Reads an included file by its path (already joined with the main file's folder); `undefined` if missing. */
  readonly readFile?: (path: string) => string | undefined;
  /** How far outside the theatre a position lies, in km (0 inside); omit to skip the check. */
  readonly outsideKm?: (theatre: TheatreDef, at: LonLat) => number;
  /** Pairs of faction colours (by id) a reader could confuse, with why; omit to skip the check. */
  readonly colourClashes?: (
    colours: Readonly<Record<string, string>>,
  ) => readonly { readonly a: string; readonly b: string; readonly why: string }[];
}

export interface CompileResult {
  /** Present when there are no errors (warnings allowed). */
  readonly scenario?: CompiledScenario;
  readonly diagnostics: readonly Diagnostic[];
  /** The validated definition (present when the file could be read), for tools that need it. */
  readonly files: readonly string[];
}

const EXPECTED = "a scenario (id, title, start, end, theatre, factions, places, initial, events)";
const INCLUDE_EXPECTED = "an included file (events, and optionally places, areas, initial)";
const MAX_FACTIONS = 31;

/** `a/b/c.yaml` + `d.yaml` → `a/b/d.yaml`, with `..` resolved; pure string work. */
export function joinPath(mainFile: string, relative: string): string {
  if (relative.startsWith("/")) return relative;
  const parts = mainFile.split("/").slice(0, -1);
  for (const seg of relative.split("/")) {
    if (seg === "..") {
      if (parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
      else parts.push("..");
    } else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

type Issue = z.core.$ZodIssue;

/** Turns zod issues for the value at `base` into diagnostics positioned in `file`. */
function reportIssues(file: ParsedFile, base: Path, issues: readonly Issue[], out: Diagnostic[]): void {
  for (const issue of issues) {
    const path = [...base, ...(issue.path as (string | number)[])];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        out.push(file.report("error", [...path, key], unknownKeyMessage(key, path), { key: true }));
      continue;
    }
    out.push(file.report("error", path, issueMessage(issue, path, isMissing(file.data, path))));
  }
}

const knownKeys: Record<string, readonly string[]> = {
  top: [
    "id",
    "title",
    "description",
    "start",
    "end",
    "view",
    "theatre",
    "factions",
    "places",
    "areas",
    "initial",
    "include",
    "events",
  ],
  event: [
    "id",
    "date",
    "date_precision",
    "title",
    "sources",
    "confidence",
    "note",
    "type",
    "units",
    "faction",
    "from",
    "by",
    "path",
    "width_km",
    "polygon",
    "kind",
    "at",
    "window_days",
    "text",
    "narration",
    "seconds",
    "target",
    "reason",
    "with",
  ],
  place: ["id", "name", "aliases", "at", "kind", "coords", "note"],
  area: ["id", "name", "aliases", "polygon", "note"],
  faction: ["id", "name", "color", "covers"],
  source: ["publication", "date", "title", "url"],
  theatre: ["countries", "resolution", "tolerance_km", "bbox", "polygon"],
};

function unknownKeyMessage(key: string, path: Path): string {
  const parent = path.length === 0 ? "top" : path.includes("sources") ? "source" : String(path[0]);
  const table =
    parent === "top"
      ? knownKeys.top
      : parent === "source"
        ? knownKeys.source
        : (knownKeys[singular(parent)] ?? []);
  return `unknown key "${key}"${didYouMean(key, table ?? [])}`;
}

function singular(section: string): string {
  return section === "events"
    ? "event"
    : section === "places"
      ? "place"
      : section === "areas"
        ? "area"
        : section === "factions"
          ? "faction"
          : section;
}

/** True when the last key of `path` is absent from its (present) parent object. */
function isMissing(root: unknown, path: Path): boolean {
  let node: unknown = root;
  for (let i = 0; i < path.length - 1; i++) {
    if (node === null || typeof node !== "object") return false;
    node = (node as Record<string | number, unknown>)[path[i] as string | number];
  }
  const last = path[path.length - 1];
  return last !== undefined && node !== null && typeof node === "object" && !(String(last) in node);
}

function issueMessage(issue: Issue, path: Path, missing: boolean): string {
  const named = [...path].reverse().find((seg) => typeof seg === "string");
  const where = named !== undefined ? `${named}: ` : "";
  if (issue.code === "invalid_union" && "note" in issue && issue.note === "No matching discriminator") {
    return `unknown event type; expected one of ${eventTypes.join(", ")}`;
  }
  if (issue.code === "invalid_value" && path[path.length - 1] === "type") {
    return `unknown event type; expected one of ${eventTypes.join(", ")}`;
  }
  if (issue.code === "invalid_type" && missing) {
    return `missing "${String(path[path.length - 1])}" (expected ${issue.expected})`;
  }
  return `${where}${issue.message}`;
}

interface EventEntry {
  readonly def: EventInput;
  readonly file: ParsedFile;
  readonly path: Path;
  readonly order: number;
}

/** Compiles one scenario (and its includes). */
export function compileScenario(input: CompileInput): CompileResult {
  const diags: Diagnostic[] = [];
  const main = parseYamlFile(input.file, input.text, EXPECTED);
  diags.push(...main.diagnostics);
  const files = [input.file];
  const done = (scenario?: CompiledScenario): CompileResult => {
    const diagnostics = sortDiagnostics(diags);
    return hasErrors(diagnostics) || !scenario ? { diagnostics, files } : { scenario, diagnostics, files };
  };
  if (!main.data) return done();

  const headResult = scenarioHeadSchema.safeParse(main.data);
  if (!headResult.success) reportIssues(main, [], headResult.error.issues, diags);
  const raw = main.data;
  const head = headResult.success ? headResult.data : undefined;

  // Included files, read first: they may add places, areas and initial control as well as events,
  // so that scenarios can share one definition of the ground they have in common.
  const sections: { readonly file: ParsedFile; readonly data: Record<string, unknown> }[] = [
    { file: main, data: raw },
  ];
  const includes =
    head?.include ??
    (Array.isArray(raw.include) ? raw.include.filter((x): x is string => typeof x === "string") : []);
  includes.forEach((rel, i) => {
    const path = joinPath(input.file, rel);
    const text = input.readFile?.(path);
    if (text === undefined) {
      diags.push(
        main.report("error", ["include", i], `cannot read included file "${rel}" (looked for ${path})`),
      );
      return;
    }
    if (files.includes(path)) {
      diags.push(main.report("error", ["include", i], `"${rel}" is included twice`));
      return;
    }
    files.push(path);
    const inc = parseYamlFile(path, text, INCLUDE_EXPECTED);
    diags.push(...inc.diagnostics);
    if (!inc.data) return;
    const r = includeFileSchema.safeParse(inc.data);
    if (!r.success) reportIssues(inc, [], r.error.issues, diags);
    sections.push({ file: inc, data: inc.data });
  });

  // Factions.
  const factions: FactionDef[] = [];
  const factionIndex = new Map<string, number>();
  eachItem(raw.factions, (item, i) => {
    const r = factionSchema.safeParse(item);
    if (!r.success) return reportIssues(main, ["factions", i], r.error.issues, diags);
    if (factionIndex.has(r.data.id)) {
      diags.push(main.report("error", ["factions", i, "id"], `duplicate faction id "${r.data.id}"`));
      return;
    }
    factionIndex.set(r.data.id, factions.length + 1);
    factions.push(r.data);
  });
  if (input.colourClashes && factions.length > 1) {
    const reported = new Set<string>();
    for (const clash of input.colourClashes(Object.fromEntries(factions.map((f) => [f.id, f.color])))) {
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

  // Places and areas share one id space: events name either.
  const places: PlaceDef[] = [];
  const areas: AreaDef[] = [];
  const unitPath = new Map<string, { readonly file: ParsedFile; readonly path: Path }>();
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
  for (const { file, data } of sections)
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
  for (const { file, data } of sections)
    eachItem(data.areas, (item, i) => {
      const r = areaSchema.safeParse(item);
      if (!r.success) return reportIssues(file, ["areas", i], r.error.issues, diags);
      if (!claimUnit(file, r.data.id, ["areas", i])) return;
      const rings = normaliseRings(r.data.polygon);
      const problem = ringProblem(rings);
      if (problem) {
        diags.push(file.report("error", ["areas", i, "polygon"], `area "${r.data.id}": ${problem}`));
        return;
      }
      areas.push({ ...r.data, polygon: rings });
    });

  const units: CompiledUnit[] = [
    ...places.map((p): CompiledUnit => ({
      id: p.id,
      name: p.name,
      aliases: p.aliases,
      kind: "place",
      at: p.at,
      placeKind: p.kind,
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

  // Theatre and view.
  let theatre: TheatreDef | undefined;
  if (raw.theatre === undefined)
    diags.push(main.report("error", [], 'missing "theatre" (countries, bbox or polygon)'));
  else {
    const r = theatreSchema.safeParse(raw.theatre);
    if (!r.success) {
      const t = raw.theatre as Record<string, unknown>;
      const variant =
        t && typeof t === "object" ? ("countries" in t ? 0 : "bbox" in t ? 1 : "polygon" in t ? 2 : -1) : -1;
      if (variant === -1)
        diags.push(main.report("error", ["theatre"], "theatre needs one of: countries, bbox, polygon"));
      else {
        const inner = theatreSchema.options[variant]?.safeParse(raw.theatre);
        reportIssues(main, ["theatre"], inner && !inner.success ? inner.error.issues : r.error.issues, diags);
      }
    } else theatre = toTheatre(r.data);
  }
  let view: ViewDef = {};
  if (raw.view !== undefined) {
    const r = viewSchema.safeParse(raw.view);
    if (!r.success) reportIssues(main, ["view"], r.error.issues, diags);
    else view = r.data;
  }

  const factionRef = (file: ParsedFile, path: Path, id: string): number | undefined => {
    const code = factionIndex.get(id);
    if (code === undefined)
      diags.push(file.report("error", path, `unknown faction "${id}"${didYouMean(id, factionIndex.keys())}`));
    return code;
  };
  const unitRef = (file: ParsedFile, path: Path, id: string): number | undefined => {
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
  };

  // Initial control.
  const initial: { unit: number; faction: number; status: "held" | "contested" | "besieged"; by: number }[] =
    [];
  const initialSeen = new Set<number>();
  for (const { file, data } of sections) {
    if (data.initial === undefined) continue;
    const r = initialSchema.safeParse(data.initial);
    if (!r.success) {
      reportIssues(file, ["initial"], r.error.issues, diags);
      continue;
    }
    for (const [factionId, items] of Object.entries(r.data)) {
      const faction = factionRef(file, ["initial", factionId], factionId);
      items.forEach((item, i) => {
        const entry = typeof item === "string" ? { unit: item, status: "held" as const, by: [] } : item;
        const path: Path =
          typeof item === "string" ? ["initial", factionId, i] : ["initial", factionId, i, "unit"];
        const u = unitRef(file, path, entry.unit);
        if (u === undefined || faction === undefined) return;
        if (initialSeen.has(u)) {
          diags.push(file.report("error", path, `"${entry.unit}" is given initial control twice`));
          return;
        }
        initialSeen.add(u);
        let by = 0;
        entry.by.forEach((f, j) => {
          const code = factionRef(file, ["initial", factionId, i, "by", j], f);
          if (code !== undefined) by |= 1 << code;
        });
        if (entry.status !== "held" && by === 0)
          diags.push(
            file.report(
              "error",
              path,
              `a ${entry.status} unit needs "by" (the factions contesting or besieging it)`,
            ),
          );
        initial.push({ unit: u, faction, status: entry.status, by });
      });
    }
  }
  units.forEach((u, i) => {
    const where = unitPath.get(u.id);
    if (!initialSeen.has(i) && !u.boundary && where)
      diags.push(
        where.file.report(
          "warning",
          [...where.path, "id"],
          `"${u.id}" has no initial control; it is unknown until an event names it`,
        ),
      );
  });

  // Events, from the main file and its includes, appended to the log in file order.
  let log: EventLog = emptyLog();
  const entries: EventEntry[] = [];
  const eventPath = new Map<string, EventEntry>();
  const addEvents = (file: ParsedFile, list: unknown, base: Path): void => {
    const accepted: LoggedEvent[] = [];
    eachItem(list, (item, i) => {
      const path = [...base, i];
      const r = eventSchema.safeParse(item);
      if (!r.success) return reportIssues(file, path, r.error.issues, diags);
      const first = eventPath.get(r.data.id);
      if (first) {
        const p = first.file.at([...first.path, "id"]);
        diags.push(
          file.report(
            "error",
            [...path, "id"],
            `duplicate event id "${r.data.id}" (first at ${first.file.file}:${p.line})`,
          ),
        );
        return;
      }
      const entry: EventEntry = { def: r.data, file, path, order: entries.length };
      entries.push(entry);
      eventPath.set(r.data.id, entry);
      const pos = file.at(path);
      accepted.push({ def: r.data as EventDef, pos: { file: file.file, line: pos.line, col: pos.col } });
    });
    log = appendEvents(log, accepted);
  };
  for (const { file, data } of sections) addEvents(file, data.events, ["events"]);

  // Cross-references inside events.
  const start = head?.start;
  const end = head?.end;
  if (start && end && dayOf(end) < dayOf(start))
    diags.push(main.report("error", ["end"], `end ${end} is before start ${start}`));
  const retractedBy = new Map<string, string>();
  for (const entry of entries) {
    const { def, file, path } = entry;
    const check = (
      d: EventInput | NonNullable<Extract<EventInput, { type: "supersede" }>["with"]>,
      p: Path,
    ): void => {
      if (start && end && (def.type !== "retract" || d !== def)) {
        if (d.date < start || d.date > end)
          diags.push(
            file.report(
              "warning",
              [...p, "date"],
              `${d.date} is outside the scenario's ${start} … ${end}; the timeline will not reach it`,
            ),
          );
      }
      switch (d.type) {
        case "control":
          d.units.forEach((u, j) => unitRef(file, [...p, "units", j], u));
          factionRef(file, [...p, "faction"], d.faction);
          if (d.from !== undefined) factionRef(file, [...p, "from"], d.from);
          break;
        case "contest":
        case "siege":
          d.units.forEach((u, j) => unitRef(file, [...p, "units", j], u));
          d.by.forEach((f, j) => factionRef(file, [...p, "by", j], f));
          break;
        case "lift-siege":
          d.units.forEach((u, j) => unitRef(file, [...p, "units", j], u));
          break;
        case "advance":
          factionRef(file, [...p, "faction"], d.faction);
          d.from?.forEach((f, j) => factionRef(file, [...p, "from", j], f));
          if (d.polygon) {
            const problem = ringProblem(normaliseRings(d.polygon));
            if (problem) diags.push(file.report("error", [...p, "polygon"], problem));
          }
          break;
        case "incident":
          if (typeof d.at === "string") unitRef(file, [...p, "at"], d.at);
          break;
        default:
          break;
      }
    };
    check(def, path);
    if (def.type === "retract" || def.type === "supersede") {
      const target = eventPath.get(def.target);
      if (!target) {
        diags.push(
          file.report(
            "error",
            [...path, "target"],
            `${def.type} of an event that does not exist: "${def.target}"${didYouMean(def.target, eventPath.keys())}`,
          ),
        );
      } else if (target === entry) {
        diags.push(file.report("error", [...path, "target"], `an event cannot ${def.type} itself`));
      } else if (retractedBy.has(def.target)) {
        diags.push(
          file.report(
            "error",
            [...path, "target"],
            `"${def.target}" is already corrected by "${retractedBy.get(def.target)}"`,
          ),
        );
      } else retractedBy.set(def.target, def.id);
      if (def.type === "supersede") check(def.with, [...path, "with"]);
    }
  }

  // Theatre containment (needs geometry the caller provides).
  if (input.outsideKm && theatre) {
    const outsideKm = input.outsideKm;
    places.forEach((p) => {
      const km = outsideKm(theatre as TheatreDef, p.at);
      const where = unitPath.get(p.id);
      if (km > (theatre as TheatreDef).tolerance_km && where)
        diags.push(
          where.file.report(
            "warning",
            [...where.path, "at"],
            `"${p.id}" lies ${km.toFixed(1)} km outside the theatre (tolerance ${(theatre as TheatreDef).tolerance_km} km); it gets no ground`,
          ),
        );
    });
  }

  if (hasErrors(diags) || !head || !theatre) return done();

  // The log, sorted by date with ties in file order.
  const ordered = [...log.events].map((e, order) => ({ e, order }));
  const effective = (
    d: EventDef,
  ): EventDef | NonNullable<Extract<EventDef, { type: "supersede" }>["with"]> =>
    d.type === "supersede" ? d.with : d;
  ordered.sort(
    (a, b) => dayOf(effective(a.e.def).date) - dayOf(effective(b.e.def).date) || a.order - b.order,
  );
  const compiled: CompiledEvent[] = ordered.map(({ e }, index) => {
    const def = e.def;
    const body = effective(def);
    const entry = eventPath.get(def.id) as EventEntry;
    return compileEvent(def, body, index, {
      unitIndex,
      factionIndex,
      units,
      placeCount: places.length,
      retractedBy: retractedBy.get(def.id),
      pos: e.pos,
      warn: (severity, p, message) => diags.push(entry.file.report(severity, [...entry.path, ...p], message)),
    });
  });

  const scenario: CompiledScenario = {
    id: head.id,
    title: head.title,
    description: head.description,
    start: head.start,
    end: head.end,
    view,
    theatre,
    factions,
    units,
    placeCount: places.length,
    initial: initial.map((x) => ({ ...x })),
    log: compiled,
  };

  // `from` says who the author believes held the units: check it against the fold.
  replay(scenario, (state, e) => {
    if (e.retractedBy !== undefined) return;
    const body = effective(e.def);
    if (body.type !== "control" || body.from === undefined) return;
    const expected = factionIndex.get(body.from);
    const entry = eventPath.get(e.id) as EventEntry;
    const base = e.def.type === "supersede" ? [...entry.path, "with"] : entry.path;
    e.units.forEach((u, j) => {
      const held = state.faction[u] as number;
      if (held !== expected) {
        const who = held === 0 ? "nobody (unknown)" : `"${factions[held - 1]?.id}"`;
        diags.push(
          entry.file.report(
            "warning",
            [...base, "from"],
            `"${units[u]?.id}" was held by ${who} on ${body.date}, not "${body.from}"${j > 0 ? "" : ""}`,
          ),
        );
      } else if (state.status[u] !== STATUS_HELD && state.status[u] !== undefined) {
        // contested or besieged ground changing hands is normal; nothing to say
      }
    });
  });

  return done(scenario);
}

interface EventContext {
  readonly unitIndex: ReadonlyMap<string, number>;
  readonly factionIndex: ReadonlyMap<string, number>;
  readonly units: readonly CompiledUnit[];
  readonly placeCount: number;
  readonly retractedBy: string | undefined;
  readonly pos: CompiledEvent["pos"];
  readonly warn: (severity: Severity, path: Path, message: string) => void;
}

function compileEvent(
  def: EventDef,
  body: EventDef | NonNullable<Extract<EventDef, { type: "supersede" }>["with"]>,
  index: number,
  ctx: EventContext,
): CompiledEvent {
  const unitsOf = (ids: readonly string[]): number[] => ids.map((id) => ctx.unitIndex.get(id) as number);
  const mask = (ids: readonly string[]): number =>
    ids.reduce((m, id) => m | (1 << (ctx.factionIndex.get(id) as number)), 0);
  let op: ControlOp = "none";
  let units: number[] = [];
  let faction = 0;
  let by = 0;
  let onlyFrom = 0;
  let at: LonLat | undefined;
  switch (body.type) {
    case "control":
      op = "control";
      units = unitsOf(body.units);
      faction = ctx.factionIndex.get(body.faction) as number;
      break;
    case "contest":
      op = "contest";
      units = unitsOf(body.units);
      by = mask(body.by);
      break;
    case "siege":
      op = "siege";
      units = unitsOf(body.units);
      by = mask(body.by);
      break;
    case "lift-siege":
      op = "lift";
      units = unitsOf(body.units);
      break;
    case "advance": {
      op = "control";
      faction = ctx.factionIndex.get(body.faction) as number;
      onlyFrom = body.from ? mask(body.from) : ~(1 << faction) >>> 0;
      units = resolveAdvance(body, ctx);
      if (units.length === 0)
        ctx.warn(
          "warning",
          def.type === "supersede" ? ["with"] : [],
          `advance "${def.id}" takes in no place; widen width_km or check the path`,
        );
      break;
    }
    case "incident":
      if (typeof body.at === "string") {
        const u = ctx.units[ctx.unitIndex.get(body.at) as number];
        at = u?.at ?? (u?.polygon ? ringCentroid(u.polygon[0] as Ring) : undefined);
      } else at = body.at;
      break;
    default:
      break;
  }
  return {
    index,
    id: def.id,
    type: body.type,
    date: body.date,
    day: dayOf(body.date),
    title: body.title,
    op,
    units,
    faction,
    by,
    onlyFrom,
    def,
    retractedBy: ctx.retractedBy,
    supersedes: def.type === "supersede" ? def.target : undefined,
    at,
    pos: ctx.pos,
  };
}

/** Places an advance takes in: within `width_km` of its path, or inside its polygon. */
function resolveAdvance(
  body: Extract<EventDef | ReplacementEvent, { type: "advance" }>,
  ctx: EventContext,
): number[] {
  const out: number[] = [];
  if (body.path && body.width_km !== undefined) {
    const line = lineString(body.path.map((p) => [p[0], p[1]]));
    for (let i = 0; i < ctx.placeCount; i++) {
      const at = ctx.units[i]?.at as LonLat;
      if (pointToLineDistance(point([at[0], at[1]]), line, { units: "kilometers" }) <= body.width_km)
        out.push(i);
    }
  } else if (body.polygon) {
    const poly = polygon(normaliseRings(body.polygon).map((r) => r.map((p) => [p[0], p[1]])));
    for (let i = 0; i < ctx.placeCount; i++) {
      const at = ctx.units[i]?.at as LonLat;
      if (booleanPointInPolygon(point([at[0], at[1]]), poly)) out.push(i);
    }
  }
  return out;
}

function ringCentroid(ring: Ring): LonLat {
  const pts = ring.slice(0, -1);
  const n = Math.max(1, pts.length);
  return [pts.reduce((s, p) => s + p[0], 0) / n, pts.reduce((s, p) => s + p[1], 0) / n];
}

/** A single ring or a list of rings → a list of rings. */
export function normaliseRings(polygon: readonly LonLat[] | readonly (readonly LonLat[])[]): Ring[] {
  const first = polygon[0];
  if (first !== undefined && typeof first[0] === "number") return [polygon as readonly LonLat[]];
  return polygon as Ring[];
}

/** Why these rings are not a valid polygon (not closed, self-intersecting), if they are not. */
export function ringProblem(rings: readonly Ring[]): string | undefined {
  for (const [i, ring] of rings.entries()) {
    const a = ring[0];
    const b = ring[ring.length - 1];
    if (!a || !b || a[0] !== b[0] || a[1] !== b[1])
      return `ring ${i + 1} is not closed: its last position must repeat its first`;
  }
  const k = kinks(polygon(rings.map((r) => r.map((p) => [p[0], p[1]]))));
  if (k.features.length > 0) {
    const c = k.features[0]?.geometry.coordinates ?? [0, 0];
    return `the polygon intersects itself near [${c.map((v) => Number(v).toFixed(5)).join(", ")}]`;
  }
  return undefined;
}

function toTheatre(t: z.output<typeof theatreSchema>): TheatreDef {
  if ("countries" in t)
    return {
      kind: "countries",
      countries: t.countries.map((c) => c.toUpperCase()),
      resolution: t.resolution,
      tolerance_km: t.tolerance_km,
    };
  if ("bbox" in t) return { kind: "bbox", bbox: t.bbox, tolerance_km: t.tolerance_km };
  const rings = normaliseRings(t.polygon);
  return { kind: "polygon", polygon: rings, tolerance_km: t.tolerance_km };
}

function eachItem(list: unknown, visit: (item: unknown, index: number) => void): void {
  if (Array.isArray(list)) list.forEach((item, i) => visit(item, i));
}
