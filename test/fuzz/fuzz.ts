// A seeded mutation fuzzer over the shipped scenarios: each case takes one scenario (with its
// included files), applies a few random edits to its text (lines deleted, duplicated, swapped or
// re-indented; numbers, dates and ids changed; control characters, quotes, brackets and aliases
// inserted; the file cut short) and compiles it. The compiler must never throw, whatever the
// input; whatever it accepts must fold, partition and export without throwing.
//
// `npm run fuzz` runs 10,000 cases (`--cases N`, `--seed S`); `npm test` runs a short pass.
// The partition is the slow step, so it is computed once per distinct geometry (theatre, places,
// areas) up to a budget per run; the fold and the SVG export run for every accepted case whose
// geometry is known.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compileScenario } from "../../src/core/compile.js";
import { addDays } from "../../src/core/dates.js";
import { createHistory } from "../../src/core/fold.js";
import type { CompiledScenario } from "../../src/core/types.js";
import { compilePartition, partitionKey, type Partition } from "../../src/geo/partition.js";
import { resolveTheatre, type ResolvedTheatre } from "../../src/geo/theatre.js";
import { atlasFor } from "../../src/node/atlas.js";
import { theatreDistance } from "../../src/node/theatre-check.js";
import { renderSvgMap } from "../../src/render/svg-map.js";
import { rng } from "../bench/synthetic.js";

interface Source {
  readonly main: string;
  readonly files: ReadonlyMap<string, string>;
}

/** The shipped scenarios and their included files, by the paths the compiler asks for. */
export function shippedSources(dir = "scenarios"): Source[] {
  // Every file under the folder, by the path the compiler asks for (a scenario may include files
  // from another scenario's folder).
  const all = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile() && entry.name.endsWith(".yaml")) {
      const path = join(entry.parentPath, entry.name);
      all.set(path, readFileSync(path, "utf8"));
    }
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((name) => ({ main: `${dir}/${name}`, files: all }));
}

const INSERTS = [
  "\u000c",
  "\u000b",
  "\u0000",
  "\u0085",
  "\ufffd",
  "\r",
  "*x ",
  "&a ",
  "<script>",
  "]]>",
  '"',
  "'",
  "[",
  "{",
  "}",
  ": ",
  "- ",
  "#",
  "\t",
  "\u202e",
  "\ud800",
  "😀",
  "&amp;",
  "-1e308",
  "NaN",
  "0000-01-01",
  "9999-12-31",
];

/** One random edit of `text`. */
function mutate(text: string, next: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const lines = text.split("\n");
  const i = Math.floor(next() * lines.length);
  const j = Math.floor(next() * lines.length);
  switch (Math.floor(next() * 10)) {
    case 0:
      lines.splice(i, 1);
      return lines.join("\n");
    case 1:
      lines.splice(i, 0, lines[j] ?? "");
      return lines.join("\n");
    case 2: {
      const a = lines[i] ?? "";
      lines[i] = lines[j] ?? "";
      lines[j] = a;
      return lines.join("\n");
    }
    case 3:
      lines[i] = (next() < 0.5 ? "  " : "") + (lines[i] ?? "").replace(/^ {1,2}/, "");
      return lines.join("\n");
    case 4: {
      // A number changed: small nudges, signs, huge values.
      const line = lines[i] ?? "";
      const nums = [...line.matchAll(/-?\d+(\.\d+)?/g)];
      const m = nums.length > 0 ? pick(nums) : undefined;
      if (!m || m.index === undefined) return text;
      const v = Number(m[0]);
      const nv = pick([v + 1, v - 1, -v, v * 10, v / 10, 0, 181, -91, 1e9, v + 0.0001]);
      lines[i] = line.slice(0, m.index) + String(nv) + line.slice(m.index + m[0].length);
      return lines.join("\n");
    }
    case 5: {
      // A date moved or broken.
      const line = lines[i] ?? "";
      const m = /\d{4}-\d{2}-\d{2}/.exec(line);
      if (!m) return text;
      const moved = pick([
        () => addDays(m[0], Math.floor(next() * 4000) - 2000),
        () => m[0].replace(/-\d{2}$/, "-31"),
        () => m[0].replace(/^\d{4}/, "0050"),
        () => `${m[0]}T12:00:00Z`,
      ])();
      lines[i] = line.replace(m[0], moved);
      return lines.join("\n");
    }
    case 6: {
      // An id swapped for another id of the file (references, duplicates, cycles).
      const ids = [...text.matchAll(/\bid: ([a-z0-9-]+)/g)].map((m) => m[1] as string);
      if (ids.length < 2) return text;
      const a = pick(ids);
      const b = pick(ids);
      let done = false;
      return text.replace(new RegExp(`\\b${a}\\b`, "g"), (s) => {
        if (done || next() < 0.5) return s;
        done = true;
        return b;
      });
    }
    case 7: {
      const line = lines[i] ?? "";
      const at = Math.floor(next() * (line.length + 1));
      lines[i] = line.slice(0, at) + pick(INSERTS) + line.slice(at);
      return lines.join("\n");
    }
    case 8:
      return text.slice(0, Math.floor(next() * text.length));
    default: {
      // A value replaced by another kind of YAML value.
      const line = lines[i] ?? "";
      const colon = line.indexOf(": ");
      if (colon < 0) return text;
      lines[i] =
        line.slice(0, colon + 2) +
        pick(["[]", "{}", "null", "~", "-5", "''", "[[1, 2]]", "*z", "!!binary AA=="]);
      return lines.join("\n");
    }
  }
}

export interface FuzzReport {
  cases: number;
  accepted: number;
  geometries: number;
  exported: number;
  maxCompileMs: number;
  maxCaseMs: number;
  /** Cases whose compile took over a second, timed again alone (best of three): the machine's
   * load is not the compiler's cost. */
  slow: { case: number; scenario: string; firstMs: number; retimedMs: number }[];
  failures: { seed: number; case: number; scenario: string; stage: string; error: string; input: string }[];
}

export function runFuzz(options: { cases: number; seed: number; geometryBudget: number }): FuzzReport {
  const sources = shippedSources();
  const next = rng(options.seed);
  const geometry = new Map<string, { theatre: ResolvedTheatre; partition: Partition } | "failed">();
  const report: FuzzReport = {
    cases: 0,
    accepted: 0,
    geometries: 0,
    exported: 0,
    maxCompileMs: 0,
    maxCaseMs: 0,
    slow: [],
    failures: [],
  };
  const slowInputs: {
    case: number;
    scenario: string;
    firstMs: number;
    main: string;
    files: Map<string, string>;
  }[] = [];
  // Warm up (the atlas, the compiler's code paths) on the unmodified scenarios, which must compile.
  for (const source of sources) {
    const r = compileScenario({
      file: source.main,
      text: source.files.get(source.main) ?? "",
      readFile: (p) => source.files.get(p),
      outsideKm: theatreDistance,
    });
    if (!r.scenario) throw new Error(`${source.main} does not compile: ${r.diagnostics[0]?.message ?? ""}`);
  }
  for (let c = 0; c < options.cases; c++) {
    const source = sources[Math.floor(next() * sources.length)] as Source;
    // Most edits go to the main file; some to an included file.
    const names = [...source.files.keys()];
    const target = next() < 0.75 ? source.main : (names[Math.floor(next() * names.length)] as string);
    let text = source.files.get(target) ?? "";
    const edits = 1 + Math.floor(next() * 3);
    for (let e = 0; e < edits; e++) text = mutate(text, next);
    const files = new Map(source.files);
    files.set(target, text);
    let stage = "compile";
    const t0 = performance.now();
    try {
      const result = compileScenario({
        file: source.main,
        text: files.get(source.main) ?? "",
        readFile: (p) => files.get(p),
        outsideKm: theatreDistance,
      });
      const compileMs = performance.now() - t0;
      report.maxCompileMs = Math.max(report.maxCompileMs, compileMs);
      if (compileMs > 1000)
        slowInputs.push({ case: c, scenario: target, firstMs: compileMs, main: source.main, files });
      const scenario = result.scenario;
      if (scenario) {
        report.accepted++;
        stage = "fold";
        const history = createHistory(scenario);
        for (const d of [
          scenario.start,
          scenario.end,
          addDays(scenario.start, Math.floor((next() * 1000) % 400)),
        ])
          history.stateAt(d);
        stage = "geometry";
        const geo = geometryOf(scenario);
        if (geo) {
          stage = "export";
          renderSvgMap(
            { ...geo, scenario, date: scenario.end, state: history.stateAt(scenario.end) },
            { width: 640 },
          );
          report.exported++;
        }
      }
    } catch (e) {
      report.failures.push({
        seed: options.seed,
        case: c,
        scenario: target,
        stage,
        error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
        input: text,
      });
    }
    report.cases++;
    report.maxCaseMs = Math.max(report.maxCaseMs, performance.now() - t0);
  }
  for (const slow of slowInputs) {
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      compileScenario({
        file: slow.main,
        text: slow.files.get(slow.main) ?? "",
        readFile: (p) => slow.files.get(p),
        outsideKm: theatreDistance,
      });
      best = Math.min(best, performance.now() - t);
    }
    report.slow.push({
      case: slow.case,
      scenario: slow.scenario,
      firstMs: Math.round(slow.firstMs),
      retimedMs: Math.round(best),
    });
  }
  return report;

  function geometryOf(
    scenario: CompiledScenario,
  ): { theatre: ResolvedTheatre; partition: Partition } | undefined {
    const key = partitionKey(scenario, scenario.theatre);
    const known = geometry.get(key);
    if (known === "failed") return undefined;
    if (known) return known;
    if (report.geometries >= options.geometryBudget) return undefined;
    report.geometries++;
    geometry.set(key, "failed");
    const theatre = resolveTheatre(
      scenario.theatre,
      scenario.theatre.kind === "countries" ? atlasFor(scenario.theatre) : undefined,
    );
    const partition = compilePartition(scenario, theatre);
    const done = { theatre, partition };
    geometry.set(key, done);
    return done;
  }
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}

if (process.argv[1]?.endsWith("fuzz.ts")) {
  const cases = arg("cases", 10_000);
  const seed = arg("seed", 1);
  const geometryBudget = arg("geometries", 60);
  const t0 = performance.now();
  const r = runFuzz({ cases, seed, geometryBudget });
  const summary = {
    cases: r.cases,
    seed,
    accepted: r.accepted,
    geometries: r.geometries,
    exported: r.exported,
    maxCompileMs: Math.round(r.maxCompileMs),
    maxCaseMs: Math.round(r.maxCaseMs),
    slowCases: r.slow,
    maxRetimedMs: Math.max(0, ...r.slow.map((x) => x.retimedMs)),
    seconds: Math.round((performance.now() - t0) / 1000),
    failures: r.failures.length,
  };
  console.log(JSON.stringify(summary, null, 2));
  for (const f of r.failures.slice(0, 5))
    console.error(`case ${f.case} (${f.scenario}, ${f.stage}): ${f.error}`);
  process.exitCode = r.failures.length > 0 || r.slow.some((x) => x.retimedMs > 1000) ? 1 : 0;
}
