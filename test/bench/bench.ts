// `npm run bench` (a table) / `npm run bench -- --json` (JSON only): what a scenario costs, on a
// seeded synthetic scenario (5,000 places, 100,000 events, Syria's outline) and on the shipped
// scenarios. Every figure is a median over repeated runs in this one process, so the ratios
// against the peers (a full fold for seeking, turf.union for dissolving) are fair.
//
// Targets: seek ≤ 50 µs, frame ≤ 4 ms, dissolve ≥ 20× faster than turf.union, seek ≥ 100×
// faster than a full fold, compile ≤ 3 s. This is a measurement, not a test: nothing fails here.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { featureCollection, feature as turfFeature, union } from "@turf/turf";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import { dateOf, dayOf } from "../../src/core/dates.js";
import { countThrough, createHistory, foldInPlace, naiveStateAtIndex } from "../../src/core/fold.js";
import type { History } from "../../src/core/fold.js";
import type { CompiledScenario, TheatreDef } from "../../src/core/types.js";
import { faceGeometry, faceOwners, factionPolygons } from "../../src/geo/control.js";
import { compilePartition, type Partition } from "../../src/geo/partition.js";
import { resolveTheatre, type ResolvedTheatre } from "../../src/geo/theatre.js";
import { atlasFor } from "../../src/node/atlas.js";
import { mapFrame, type MapFrame } from "../../src/map/frame.js";
import { projectBundle } from "../../src/map/project.js";
import { rng, syntheticScenario } from "./synthetic.js";
import { scenarioYaml } from "./synthetic-yaml.js";
import type { compileScenario } from "../../src/core/compile.js";

const json = process.argv.includes("--json");
const quick = process.argv.includes("--quick");
/** `--only cli,big-file`: just those parts (the CLI's and the big file's figures), for a quick look. */
const onlyArg = process.argv.indexOf("--only");
const only = onlyArg >= 0 ? new Set((process.argv[onlyArg + 1] ?? "").split(",")) : undefined;

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 ? (s[n >> 1] as number) : ((s[n / 2 - 1] as number) + (s[n / 2] as number)) / 2;
}

function timeMs(f: () => void): number {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function log(text: string): void {
  if (!json) process.stderr.write(`${text}\n`);
}

interface Result {
  name: string;
  places: number;
  areas: number;
  events: number;
  faces: number;
  arcs: number;
  theatre_ms: number;
  compile_ms: number;
  seek_us_median: number;
  naive_seek_us_median: number;
  mutable_replay_us_median: number;
  checkpoint_mb: number;
  checkpoint_build_ms: number;
  frame_ms_median: number;
  frame_ms_p95: number;
  dissolve_ms_median: number;
  turf_union_ms_median: number;
}

function measure(
  name: string,
  scenario: CompiledScenario,
  opts: { compileRuns: number; naiveRuns: number; unionRuns: number },
): Result {
  const random = rng(7);
  const theatreTimes: number[] = [];
  let theatre: ResolvedTheatre | undefined;
  for (let i = 0; i < 2; i++)
    theatreTimes.push(timeMs(() => (theatre = resolveTheatre(scenario.theatre, atlasFor(scenario.theatre)))));
  const t = theatre as ResolvedTheatre;
  let partition: Partition | undefined;
  const compileTimes: number[] = [];
  for (let i = 0; i < opts.compileRuns; i++)
    compileTimes.push(timeMs(() => (partition = compilePartition(scenario, t))));
  const p = partition as Partition;
  log(`${name}: compiled ${p.faces.place.length} faces in ${median(compileTimes).toFixed(0)} ms`);

  // Seek: a checkpointed history, random dates.
  const buildTimes: number[] = [];
  let built: History | undefined;
  for (let i = 0; i < 3; i++) buildTimes.push(timeMs(() => (built = createHistory(scenario))));
  const history = built as History;
  const first = dayOf(scenario.start);
  const last = dayOf(scenario.end);
  const span = last - first + 1;
  const out = history.blank();
  const seek: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    const day = first + Math.floor(random() * span);
    const t0 = process.hrtime.bigint();
    history.stateAt(day, out);
    seek.push(Number(process.hrtime.bigint() - t0) / 1e3);
  }
  const naive: number[] = [];
  for (let i = 0; i < opts.naiveRuns; i++) {
    const day = first + Math.floor(random() * span);
    const count = countThrough(scenario.log, day);
    naive.push(timeMs(() => naiveStateAtIndex(scenario, count)) * 1e3);
  }
  const mutable: number[] = [];
  for (let i = 0; i < 101; i++) {
    const day = first + Math.floor(random() * span);
    const count = countThrough(scenario.log, day);
    mutable.push(timeMs(() => foldInPlace(scenario, count)) * 1e3);
  }
  log(
    `${name}: seek ${median(seek).toFixed(2)} µs, in-place replay ${median(mutable).toFixed(0)} µs, ` +
      `copying fold ${median(naive).toFixed(0)} µs; checkpoints ${(history.checkpointBytes / 2 ** 20).toFixed(2)} MB`,
  );

  // Frames: scrub day by day as the app does: state, then the map model's frame (owners,
  // deciders, statuses, km², front line and overlay paths) on the bundle projected once.
  const projected = projectBundle({ scenario, theatre: t, partition: p });
  let frame: MapFrame | undefined;
  const frames: number[] = [];
  let joinedChars = 0;
  for (let round = 0; round < 2; round++)
    for (let day = first; day <= last; day++) {
      const t0 = process.hrtime.bigint();
      history.stateAt(day, out);
      frame = mapFrame(projected, out, frame);
      // The paths are joined when read; the SVG map reads them all.
      joinedChars += frame.frontPath.length + frame.contestedPath.length + frame.besiegedPath.length;
      frames.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  if (!frame || joinedChars === 0) throw new Error("no frame drawn");
  const sortedFrames = frames.slice().sort((a, b) => a - b);
  log(`${name}: frame ${median(frames).toFixed(3)} ms`);

  // Dissolve vs turf.union on the same dates.
  const dates = Array.from({ length: 9 }, () => first + Math.floor(random() * span));
  const dissolve: number[] = [];
  factionPolygons(p, faceOwners(p, history.stateAt(first)), scenario.factions); // warm-up
  for (const day of dates) {
    const o = faceOwners(p, history.stateAt(day));
    dissolve.push(timeMs(() => factionPolygons(p, o, scenario.factions)));
  }
  const faces: Feature<Polygon | MultiPolygon>[] = p.faces.place.map((_, i) =>
    turfFeature(faceGeometry(p, i)),
  );
  const unionTimes: number[] = [];
  for (const day of dates.slice(0, opts.unionRuns)) {
    const o = faceOwners(p, history.stateAt(day));
    unionTimes.push(
      timeMs(() => {
        for (let code = 0; code <= scenario.factions.length; code++) {
          const mine = faces.filter((_, i) => o[i] === code);
          if (mine.length >= 2) union(featureCollection(mine));
        }
      }),
    );
  }
  log(`${name}: dissolve ${median(dissolve).toFixed(2)} ms, turf.union ${median(unionTimes).toFixed(0)} ms`);
  return {
    name,
    places: scenario.placeCount,
    areas: scenario.units.length - scenario.placeCount,
    events: scenario.log.length,
    faces: p.faces.place.length,
    arcs: p.topology.arcs.length,
    theatre_ms: round(median(theatreTimes)),
    compile_ms: round(median(compileTimes)),
    seek_us_median: round(median(seek)),
    naive_seek_us_median: round(median(naive)),
    mutable_replay_us_median: round(median(mutable)),
    checkpoint_mb: round(history.checkpointBytes / 2 ** 20),
    checkpoint_build_ms: round(median(buildTimes)),
    frame_ms_median: round(median(frames), 4),
    frame_ms_p95: round(sortedFrames[Math.floor(sortedFrames.length * 0.95)] ?? NaN, 4),
    dissolve_ms_median: round(median(dissolve)),
    turf_union_ms_median: round(median(unionTimes)),
  };
}

function round(v: number, digits = 3): number {
  const k = 10 ** digits;
  return Math.round(v * k) / k;
}

async function shippedScenarios(): Promise<{ name: string; scenario: CompiledScenario }[]> {
  const dir = "scenarios";
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".yaml") && !f.includes(".events."));
  } catch {
    return [];
  }
  try {
    const { loadScenario } = await import("../../src/node/load.js");
    const out: { name: string; scenario: CompiledScenario }[] = [];
    for (const f of files.sort()) {
      const r = loadScenario(join(dir, f));
      if (r.scenario) out.push({ name: f.replace(/\.yaml$/, ""), scenario: r.scenario });
      else log(`${f}: does not compile, skipped`);
    }
    return out;
  } catch (e) {
    log(`shipped scenarios skipped: ${(e as Error).message}`);
    return [];
  }
}

const SYRIA: TheatreDef = { kind: "countries", countries: ["SY"], resolution: "10m", tolerance_km: 10 };
const syriaOutline = resolveTheatre(SYRIA, atlasFor(SYRIA)).outline;
if (only) {
  const parts = {
    ...(only.has("cli") ? measureCli() : {}),
    ...(only.has("big-file") ? await measureBigFile() : {}),
  };
  if (json) process.stdout.write(`${JSON.stringify(parts, null, 2)}\n`);
  process.exit(0);
}
const synthetic = syntheticScenario(SYRIA, syriaOutline, {
  places: quick ? 1000 : 5000,
  events: quick ? 20_000 : 100_000,
  areas: 20,
  seed: 1,
});
const main = measure("synthetic", synthetic, {
  compileRuns: 3,
  naiveRuns: quick ? 3 : 5,
  unionRuns: quick ? 1 : 3,
});
// Checkpoints at scale: 50,000 units (49,980 places, 20 areas) and 1,000,000 events.
interface Scale {
  units: number;
  events: number;
  interval: number;
  checkpoint_mb: number;
  checkpoint_build_ms: number;
  seek_us_median: number;
  mutable_replay_us_median: number;
}
function measureScale(): Scale {
  const big = syntheticScenario(SYRIA, syriaOutline, {
    places: quick ? 9_980 : 49_980,
    events: quick ? 100_000 : 1_000_000,
    areas: 20,
    seed: 2,
  });
  const builds: number[] = [];
  let h: History | undefined;
  for (let i = 0; i < 3; i++) {
    h = undefined;
    builds.push(timeMs(() => (h = createHistory(big))));
  }
  const history = h as History;
  const random = rng(11);
  const first = dayOf(big.start);
  const span = dayOf(big.end) - first + 1;
  const out = history.blank();
  const seek: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const day = first + Math.floor(random() * span);
    const t0 = process.hrtime.bigint();
    history.stateAt(day, out);
    seek.push(Number(process.hrtime.bigint() - t0) / 1e3);
  }
  const mutable: number[] = [];
  for (let i = 0; i < 9; i++) {
    const count = countThrough(big.log, first + Math.floor(random() * span));
    mutable.push(timeMs(() => foldInPlace(big, count)) * 1e3);
  }
  const r: Scale = {
    units: big.units.length,
    events: big.log.length,
    interval: history.interval,
    checkpoint_mb: round(history.checkpointBytes / 2 ** 20),
    checkpoint_build_ms: round(median(builds)),
    seek_us_median: round(median(seek)),
    mutable_replay_us_median: round(median(mutable)),
  };
  log(
    `checkpoints at ${r.units} units × ${r.events} events: ${r.checkpoint_mb} MB, built in ${r.checkpoint_build_ms} ms; ` +
      `seek ${r.seek_us_median} µs, in-place replay ${r.mutable_replay_us_median} µs`,
  );
  return r;
}
const scale = measureScale();

// The CLI: wall clock of one fresh `frontfold control` process, as installed (the bundle that
// `npm ci` builds, rebuilt here so the figure is the shipped code), and of one `--batch` call
// with 100 look-ups; `npx` adds its own start-up, reported apart.
interface Cli {
  /** Phases of the same call: a bare `node` start, and the launcher with the bundle's entry
   * (`frontfold --help`); the rest of cli_control_ms is the command: compile and query. */
  cli_node_start_ms: number;
  cli_launcher_ms: number;
  cli_control_ms: number;
  cli_control_npx_ms: number;
  cli_control_batch_100_ms: number;
  cli_control_from_source_ms: number;
}
function measureCli(): Cli {
  spawnSync(process.execPath, ["src/cli/bundle.mjs", "--quiet"], { stdio: "inherit" });
  const scenarioFile = "scenarios/syria-2014-2019.yaml";
  const ask = ["control", scenarioFile, "--date", "2017-10-20", "--place", "Raqqa"];
  const wall = (
    cmd: string,
    args: string[],
    env: NodeJS.ProcessEnv = process.env,
    input?: string,
  ): number => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { encoding: "utf8", env, ...(input === undefined ? {} : { input }) });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")}: exit ${r.status}\n${r.stderr}`);
    return ms;
  };
  const runs = quick ? 3 : 5;
  const times = (f: () => number): number => median(Array.from({ length: runs }, f));
  const bin = "src/cli/frontfold.mjs";
  const random = rng(5);
  const names = [
    "Raqqa",
    "Tabqa",
    "Manbij",
    "Kobani",
    "Palmyra",
    "Deir ez-Zor",
    "al-Bab",
    "Hajin",
    "Jarabulus",
    "Afrin",
  ];
  const first = dayOf("2014-03-01");
  const lines = Array.from(
    { length: 100 },
    (_, i) => `${dateOf(first + Math.floor(random() * 2000))}\t${names[i % names.length] as string}`,
  ).join("\n");
  const dir = mkdtempSync(join(tmpdir(), "frontfold-bench-"));
  const batchFile = join(dir, "ask.tsv");
  writeFileSync(batchFile, `${lines}\n`);
  const r: Cli = {
    cli_node_start_ms: round(times(() => wall(process.execPath, ["-e", "0"]))),
    cli_launcher_ms: round(times(() => wall(process.execPath, [bin, "--help"]))),
    cli_control_ms: round(times(() => wall(process.execPath, [bin, ...ask]))),
    cli_control_npx_ms: round(times(() => wall("npx", ["frontfold", ...ask]))),
    cli_control_batch_100_ms: round(
      times(() => wall(process.execPath, [bin, "control", scenarioFile, "--batch", batchFile])),
    ),
    cli_control_from_source_ms: round(
      times(() => wall(process.execPath, [bin, ...ask], { ...process.env, FRONTFOLD_FROM_SOURCE: "1" })),
    ),
  };
  rmSync(dir, { recursive: true, force: true });
  log(
    `cli: node ${r.cli_node_start_ms} ms, launcher and bundle entry ${r.cli_launcher_ms} ms, ` +
      `control ${r.cli_control_ms} ms (npx ${r.cli_control_npx_ms} ms, from source ${r.cli_control_from_source_ms} ms), ` +
      `100 look-ups in one --batch ${r.cli_control_batch_100_ms} ms`,
  );
  return r;
}
const cli = measureCli();

// Big files: the seeded 5,000-place, 100,000-event scenario written as a scenario file in the
// README's format (~20 MB), compiled from its text as `frontfold` and the app's worker do (the
// compiler bundled by esbuild as the CLI bundle and the app build bundle it, not the sources as
// tsx runs them, which wraps every closure it makes), and checked by `frontfold check` in a
// fresh process.
interface BigFile {
  yaml_mb: number;
  compile_yaml_ms: number;
  /** CPU time of the same compiles (every thread of the process: parsing and garbage collection),
   * which a shared machine's load disturbs less than the wall clock. */
  compile_yaml_cpu_ms: number;
  generated_check_exit: number | null;
}
async function shippedCompiler(dir: string): Promise<typeof compileScenario> {
  const { build } = await import("esbuild");
  const outfile = join(dir, "compile.mjs");
  await build({
    entryPoints: ["src/core/compile.ts"],
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    mainFields: ["module", "main"],
    banner: {
      js: 'import { createRequire as __frontfoldRequire } from "node:module"; const require = __frontfoldRequire(import.meta.url);',
    },
    logLevel: "warning",
  });
  return ((await import(pathToFileURL(outfile).href)) as { compileScenario: typeof compileScenario })
    .compileScenario;
}
async function measureBigFile(): Promise<BigFile> {
  const scenario = syntheticScenario(SYRIA, syriaOutline, {
    places: quick ? 1000 : 5000,
    events: quick ? 20_000 : 100_000,
    areas: 20,
    seed: 1,
    unmentioned: 0,
  });
  const text = scenarioYaml(scenario);
  const dir = mkdtempSync(join(tmpdir(), "frontfold-bench-"));
  const compile = await shippedCompiler(dir);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 3; i++) {
    const before = process.cpuUsage();
    times.push(
      timeMs(() => {
        const r = compile({ file: "synthetic.yaml", text });
        if (!r.scenario) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
      }),
    );
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  const file = join(dir, "synthetic-100k.yaml");
  writeFileSync(file, text);
  const check = spawnSync(process.execPath, ["src/cli/frontfold.mjs", "check", "--quiet", file], {
    encoding: "utf8",
  });
  if (check.status !== 0) log(check.stderr.slice(0, 2000));
  rmSync(dir, { recursive: true, force: true });
  const r: BigFile = {
    yaml_mb: round(text.length / 2 ** 20, 1),
    compile_yaml_ms: round(median(times)),
    compile_yaml_cpu_ms: round(median(cpu)),
    generated_check_exit: check.status,
  };
  log(
    `big file: ${r.yaml_mb} MB of YAML compiled in ${r.compile_yaml_ms} ms (CPU ${r.compile_yaml_cpu_ms} ms); frontfold check exit ${r.generated_check_exit}`,
  );
  return r;
}
const bigFile = await measureBigFile();

const real: Result[] = [];
for (const { name, scenario } of await shippedScenarios())
  real.push(measure(name, scenario, { compileRuns: 3, naiveRuns: 9, unionRuns: 3 }));

const targets = {
  seek_us: main.seek_us_median <= 50,
  frame_ms: main.frame_ms_median <= 4,
  dissolve_vs_union: main.turf_union_ms_median / main.dissolve_ms_median >= 20,
  seek_vs_naive: main.naive_seek_us_median / main.seek_us_median >= 100,
  seek_vs_mutable: main.mutable_replay_us_median / main.seek_us_median >= 100,
  checkpoint_mb: scale.checkpoint_mb <= 64,
  checkpoint_build_ms: scale.checkpoint_build_ms <= 3000,
  cli_control_ms: cli.cli_control_ms <= 1000,
  generated_check: bigFile.generated_check_exit === 0,
  compile_ms: main.compile_ms <= 3000,
};
const report = {
  ...main,
  dissolve_speedup: round(main.turf_union_ms_median / main.dissolve_ms_median, 1),
  seek_speedup: round(main.naive_seek_us_median / main.seek_us_median, 1),
  seek_vs_mutable_speedup: round(main.mutable_replay_us_median / main.seek_us_median, 1),
  checkpoint_mb: scale.checkpoint_mb,
  checkpoint_build_ms: scale.checkpoint_build_ms,
  checkpoint_scale: scale,
  ...cli,
  ...bigFile,
  targets_met: targets,
  node: process.version,
  scenarios: real,
};

if (json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const rows = [main, ...real];
  const cols: [string, (r: Result) => string][] = [
    ["scenario", (r) => r.name],
    ["places", (r) => String(r.places)],
    ["events", (r) => String(r.events)],
    ["faces", (r) => String(r.faces)],
    ["compile ms", (r) => r.compile_ms.toFixed(0)],
    ["seek µs", (r) => r.seek_us_median.toFixed(2)],
    ["full fold µs", (r) => r.naive_seek_us_median.toFixed(0)],
    ["frame ms", (r) => r.frame_ms_median.toFixed(3)],
    ["dissolve ms", (r) => r.dissolve_ms_median.toFixed(2)],
    ["turf.union ms", (r) => r.turf_union_ms_median.toFixed(1)],
  ];
  const table = [cols.map((c) => c[0]), ...rows.map((r) => cols.map((c) => c[1](r)))];
  const widths = cols.map((_, i) => Math.max(...table.map((row) => (row[i] as string).length)));
  const line = (row: string[]): string =>
    row.map((v, i) => (i === 0 ? v.padEnd(widths[i] as number) : v.padStart(widths[i] as number))).join("  ");
  console.log(line(table[0] as string[]));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of table.slice(1)) console.log(line(row));
  console.log("");
  console.log(
    `targets (synthetic): seek ≤ 50 µs ${mark(targets.seek_us)}, frame ≤ 4 ms ${mark(targets.frame_ms)}, ` +
      `dissolve ${report.dissolve_speedup}× turf.union (≥ 20×) ${mark(targets.dissolve_vs_union)}, ` +
      `seek ${report.seek_speedup}× full fold (≥ 100×) ${mark(targets.seek_vs_naive)}, compile ≤ 3 s ${mark(targets.compile_ms)}, ` +
      `seek ${report.seek_vs_mutable_speedup}× in-place replay (≥ 100×) ${mark(targets.seek_vs_mutable)}, ` +
      `checkpoints ${scale.checkpoint_mb} MB (≤ 64) ${mark(targets.checkpoint_mb)} built in ${scale.checkpoint_build_ms} ms (≤ 3,000) ${mark(targets.checkpoint_build_ms)}, ` +
      `cli control ${cli.cli_control_ms} ms (≤ 1,000) ${mark(targets.cli_control_ms)}`,
  );
}

function mark(ok: boolean): string {
  return ok ? "ok" : "MISSED";
}
