// Scenario files → a `CompiledScenario`: validated, cross-referenced, macros (`advance`) expanded,
// corrections (`retract`, `supersede`) applied as flags, the log sorted by date (ties in file
// order). Every problem becomes a positioned diagnostic; nothing here throws on bad input.
//
// The work is done in passes, one file each under `compile/`, in this order:
//   files (the main file and its includes) → sections (factions, places, areas, theatre, view) →
//   initial control → events → references → corrections → ordering (and lowering each event) →
//   the `from` lint.
//
// Pure: files are read through the `readFile` callback and the theatre through `outsideKm`, so the
// same compiler serves the CLI, the Vite plugin and a browser worker.

import { dayOf } from "./dates.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics.js";
import type { Limits } from "./limits.js";
import { parseYamlFile } from "./parse.js";
import { scenarioHeadSchema } from "./schema.js";
import type { CompiledScenario, LonLat, TheatreDef } from "./types.js";
import { resolveCorrections } from "./compile/corrections.js";
import { collectEvents } from "./compile/events.js";
import { readFiles } from "./compile/files.js";
import { lintFrom } from "./compile/from-lint.js";
import { compileInitial } from "./compile/initial.js";
import { reportIssues } from "./compile/issues.js";
import { orderLog } from "./compile/ordering.js";
import { checkReferences } from "./compile/references.js";
import { checkContainment, compileSections, refsOf } from "./compile/sections.js";

export { joinPath } from "./compile/files.js";

export interface CompileInput {
  /** Path of the main file as it should appear in diagnostics (e.g. `scenarios/raqqa-2017.yaml`). */
  readonly file: string;
  readonly text: string;
  /** Reads an included file by its path (already joined with the main file's folder); `undefined` if missing. */
  readonly readFile?: (path: string) => string | undefined;
  /** How far outside the theatre a position lies, in km (0 inside); omit to skip the check. */
  readonly outsideKm?: (theatre: TheatreDef, at: LonLat) => number;
  /** Budgets (file size, aliases, depth, vertices, events); the defaults when omitted. */
  readonly limits?: Partial<Limits>;
  /** Pairs of faction colours (by id) a reader could confuse, with why; omit to skip the check. */
  readonly colourClashes?: (
    colours: Readonly<Record<string, string>>,
  ) => readonly { readonly a: string; readonly b: string; readonly why: string }[];
  /** Called once the main file is parsed, before its content is checked (a progress report). */
  readonly onParsed?: () => void;
}

export interface CompileResult {
  /** Present when there are no errors (warnings allowed). */
  readonly scenario?: CompiledScenario;
  readonly diagnostics: readonly Diagnostic[];
  /** Every file read: the main file, then its includes. */
  readonly files: readonly string[];
}

const EXPECTED = "a scenario (id, title, start, end, theatre, factions, places, initial, events)";

/** Diagnostics (sorted) without one that repeats another at the same place: the same message, or
 * the start of a longer one (a date reported by two checks, a missing section by two passes). */
function withoutRepeats(sorted: readonly Diagnostic[]): Diagnostic[] {
  return sorted.filter(
    (d, i) =>
      !sorted.some(
        (o, j) =>
          j !== i &&
          o.file === d.file &&
          o.line === d.line &&
          o.col === d.col &&
          o.severity === d.severity &&
          o.message.startsWith(d.message) &&
          (o.message.length > d.message.length || j < i),
      ),
  );
}

/** Compiles one scenario (and its includes). */
export function compileScenario(input: CompileInput): CompileResult {
  const diags: Diagnostic[] = [];
  const main = parseYamlFile(input.file, input.text, EXPECTED, input.limits);
  diags.push(...main.diagnostics);
  input.onParsed?.();
  let files: readonly string[] = [input.file];
  const done = (scenario?: CompiledScenario): CompileResult => {
    const diagnostics = withoutRepeats(sortDiagnostics(diags));
    return hasErrors(diagnostics) || !scenario ? { diagnostics, files } : { scenario, diagnostics, files };
  };
  if (!main.data) return done();

  const headResult = scenarioHeadSchema.safeParse(main.data);
  if (!headResult.success) reportIssues(main, [], headResult.error.issues, diags);
  const raw = main.data;
  const head = headResult.success ? headResult.data : undefined;

  const includes =
    head?.include ??
    (Array.isArray(raw.include) ? raw.include.filter((x): x is string => typeof x === "string") : []);
  const read = readFiles(main, raw, includes, input, diags);
  files = read.names;

  const sections = compileSections(read.files, input, diags);
  const refs = refsOf(sections, diags);
  const initial = compileInitial(read.files, sections, refs, diags);
  const events = collectEvents(read.files, diags, input.limits);

  if (head && dayOf(head.end) < dayOf(head.start))
    diags.push(main.report("error", ["end"], `end ${head.end} is before start ${head.start}`));
  checkReferences(events.entries, head, refs, diags);
  const correctedBy = resolveCorrections(events.entries, events.byId, diags);
  if (input.outsideKm) checkContainment(sections, input.outsideKm, diags);
  const view = sections.view;
  if (head && view.date && (view.date < head.start || view.date > head.end))
    diags.push(
      main.report(
        "warning",
        ["view", "date"],
        `view date ${view.date} is outside the scenario's ${head.start} … ${head.end}; the map cannot open on it`,
      ),
    );
  if (input.outsideKm && sections.theatre && view.bbox) {
    const [w, s, e, n] = view.bbox;
    const km = input.outsideKm(sections.theatre, [(w + e) / 2, (s + n) / 2]);
    if (km > sections.theatre.tolerance_km)
      diags.push(
        main.report(
          "warning",
          ["view", "bbox"],
          `the view's box is centred ${km.toFixed(1)} km outside the theatre; the map would open on empty ground`,
        ),
      );
  }

  const theatre = sections.theatre;
  if (hasErrors(diags) || !head || !theatre) return done();

  const log = orderLog(events.log, events.byId, correctedBy, sections, diags);
  const scenario: CompiledScenario = {
    id: head.id,
    title: head.title,
    description: head.description,
    start: head.start,
    end: head.end,
    view: sections.view,
    theatre,
    factions: sections.factions,
    units: sections.units,
    placeCount: sections.places.length,
    initial,
    log,
  };
  lintFrom(scenario, events.byId, sections.factionIndex, diags);
  return done(scenario);
}
