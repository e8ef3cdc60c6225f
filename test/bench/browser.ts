// `npm run bench:browser` (a summary) / `npm run bench:browser -- --json` (JSON only): the app in
// Debian's Chromium (headless, no GPU), built and served as it ships. A page hook advances the
// date one day per animation frame (no driver round trips) on the default scenario and on
// generated 5,000- and 50,000-place scenarios opened with *Open file…*; redraws per second count
// the app's own frame measures between animation frames while the date changes every frame.
// Also: opening the 5,000-place file to its first map, and a 100,000-event file to its first map,
// each with the time of every stage (from the marks the page sets as it opens a file) and the
// longest task on the page's main thread while it opened (the page must stay responsive: ≤ 200
// ms). The generated files are written in the README's format and checked with `frontfold check`.
//
// Targets: ≥ 55 redraws/s at 5,000 places, ≥ 30 at 50,000, a 100k-event file to first map ≤ 3 s.
// This is a measurement, not a test: nothing fails here.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import type { TheatreDef } from "../../src/core/types.js";
import { resolveTheatre } from "../../src/geo/theatre.js";
import { atlasFor } from "../../src/node/atlas.js";
import { launch } from "../e2e/chromium.js";
import { buildAndServe } from "../e2e/serve.js";
import { syntheticScenario } from "./synthetic.js";
import { scenarioYaml } from "./synthetic-yaml.js";

const json = process.argv.includes("--json");
const quick = process.argv.includes("--quick");
/** `--profile`: records a Chromium trace of each redraw run and a CPU profile of the page while
 * each file opens, and reports where the time went. */
const profile = process.argv.includes("--profile");
/** `--redraws`: the redraw figures only (no 100,000-event file). */
const redrawsOnly = process.argv.includes("--redraws");
/** `--opens`: the open-file figures only (no redraw runs). */
const opensOnly = process.argv.includes("--opens");

function log(text: string): void {
  if (!json) process.stderr.write(`${text}\n`);
}

const SYRIA: TheatreDef = { kind: "countries", countries: ["SY"], resolution: "10m", tolerance_km: 10 };
const outline = resolveTheatre(SYRIA, atlasFor(SYRIA)).outline;
const dir = mkdtempSync(join(tmpdir(), "frontfold-bench-browser-"));

/** Writes a generated scenario file and checks it as a user would; its path and title. */
function generated(
  name: string,
  places: number,
  events: number,
  seed: number,
): { file: string; title: string; check: number | null } {
  const scenario = syntheticScenario(SYRIA, outline, { places, events, areas: 20, seed, unmentioned: 0 });
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, scenarioYaml(scenario));
  const check = spawnSync(process.execPath, ["src/cli/frontfold.mjs", "check", "--quiet", file], {
    encoding: "utf8",
  });
  if (check.status !== 0)
    log(`${name}: frontfold check exit ${check.status}\n${check.stderr.slice(0, 1000)}`);
  return { file, title: scenario.title, check: check.status };
}

async function mapDrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.title.includes(" — ") && performance.getEntriesByName("frontfold:frame").length > 0,
    undefined,
    { timeout: 600_000 },
  );
}

/** What opening a file cost: to its first map, per stage, and the longest main-thread task. */
interface OpenFigures {
  readonly ms: number;
  readonly stages: Record<string, number>;
  readonly longestTaskMs: number;
}

/** Records the page's long tasks (> 50 ms on the main thread) as they happen. */
const LONG_TASKS = `window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration });
}).observe({ type: "longtask" });`;

/** Opens `file` with *Open file…* and waits for its first map. */
async function openFile(page: Page, file: string, id: string): Promise<OpenFigures> {
  if (!profile) return openFileOnce(page, file, id);
  await page.evaluate("window.__longTasks.length = 0");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
  await cdp.send("Profiler.start");
  const figures = await openFileOnce(page, file, id);
  const { profile: cpu } = await cdp.send("Profiler.stop");
  await cdp.detach();
  const tasks: { start: number; ms: number }[] = await page.evaluate("window.__longTasks");
  profiles[`open ${id}`] = {
    "main thread JS, self ms": jsBreakdown(cpu, 1),
    "long tasks, ms": Object.fromEntries(
      [...tasks]
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 8)
        .map((t) => [`at ${Math.round(t.start)}`, Math.round(t.ms)]),
    ),
  };
  return figures;
}

async function openFileOnce(page: Page, file: string, id: string): Promise<OpenFigures> {
  await page.evaluate(() => performance.clearMeasures("frontfold:frame"));
  const from = await page.evaluate(() => performance.now());
  const t0 = Date.now();
  await page.setInputFiles("#file-input", file);
  await page.waitForFunction(
    (want) =>
      (
        document.querySelector("#scenario-picker") as HTMLSelectElement | null
      )?.selectedOptions[0]?.textContent?.includes(want) === true &&
      performance.getEntriesByName("frontfold:frame").length > 0,
    `${id}.yaml`,
    { timeout: 600_000, polling: 50 },
  );
  const ms = Date.now() - t0;
  await page.waitForFunction(() => performance.getEntriesByName("frontfold:open:done").length > 0);
  // Stage by stage, from the page's marks: each lasts until the next one.
  const figures: { marks: { name: string; at: number }[]; longest: number } = await page.evaluate(
    `(() => {
      const marks = performance.getEntriesByType("mark").filter((m) => m.name.startsWith("frontfold:open:"))
        .map((m) => ({ name: m.name.slice("frontfold:open:".length), at: m.startTime }))
        .sort((a, b) => a.at - b.at);
      const longest = Math.max(0, ...window.__longTasks.filter((t) => t.start >= ${from}).map((t) => t.ms));
      return { marks, longest };
    })()`,
  );
  const stages: Record<string, number> = {};
  figures.marks.forEach((m, i) => {
    const next = figures.marks[i + 1];
    // "reply" splits building the map: the worker's part, then the log crossing to the page.
    if (next) stages[m.name === "reply" ? "receiving" : m.name] = Math.round(next.at - m.at);
  });
  return { ms, stages, longestTaskMs: Math.round(figures.longest) };
}

function reportOpen(key: string, figures: OpenFigures): void {
  report[key] = figures.ms;
  report[`${key}_longest_task_ms`] = figures.longestTaskMs;
  report[`${key}_stages`] = figures.stages;
  log(
    `${key}: ${figures.ms} ms (${Object.entries(figures.stages)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}); longest main-thread task ${figures.longestTaskMs} ms`,
  );
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string };
}

/**
 * Where a trace's time went: self time (ms) per event name on each thread of the page's renderer
 * (main thread, compositor, raster workers), largest first.
 */
function traceBreakdown(
  events: readonly TraceEvent[],
  redraws: number,
): Record<string, Record<string, number>> {
  const threadName = new Map<string, string>();
  for (const e of events)
    if (e.ph === "M" && e.name === "thread_name" && e.args?.name)
      threadName.set(`${e.pid}:${e.tid}`, e.args.name);
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== "X" || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    const name = threadName.get(key) ?? "";
    if (!/CrRendererMain|Compositor|Raster|VizCompositor|CrGpuMain/.test(name)) continue;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  const out: Record<string, Record<string, number>> = {};
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const self = new Map<string, number>();
    const stack: { end: number; name: string }[] = [];
    for (const e of list) {
      const end = e.ts + (e.dur ?? 0);
      while (stack.length > 0 && (stack[stack.length - 1] as { end: number }).end <= e.ts) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - (e.dur ?? 0));
      self.set(e.name, (self.get(e.name) ?? 0) + (e.dur ?? 0));
      stack.push({ end, name: e.name });
    }
    const thread = (threadName.get(key) ?? key).replace(/\d+$/, "");
    const sum = (out[thread] ??= {});
    for (const [name, us] of self) sum[name] = (sum[name] ?? 0) + us / 1000 / Math.max(1, redraws);
  }
  for (const [thread, sums] of Object.entries(out))
    out[thread] = Object.fromEntries(
      Object.entries(sums)
        .filter(([, ms]) => ms >= 0.05)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 14)
        .map(([n, ms]) => [n, Math.round(ms * 100) / 100]),
    );
  return out;
}

/** What the page's CPU profile says: self time (ms per redraw) of each function, largest first. */
function jsBreakdown(
  cpu: {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
    samples?: number[];
    timeDeltas?: number[];
  },
  redraws: number,
): Record<string, number> {
  const name = new Map<number, string>();
  for (const n of cpu.nodes) {
    const f = n.callFrame;
    const file = f.url.slice(f.url.lastIndexOf("/") + 1);
    name.set(n.id, `${f.functionName || "(anonymous)"} ${file}:${f.lineNumber + 1}`);
  }
  const self = new Map<string, number>();
  const samples = cpu.samples ?? [];
  const deltas = cpu.timeDeltas ?? [];
  // A sample's time is the gap to the next one.
  for (let i = 0; i < samples.length; i++) {
    const key = name.get(samples[i] as number) ?? "?";
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? 0));
  }
  return Object.fromEntries(
    [...self]
      .filter(([n]) => !n.startsWith("(idle)") && !n.startsWith("(program)"))
      .map(([n, us]) => [n, us / 1000 / Math.max(1, redraws)] as const)
      .filter(([, ms]) => ms >= 0.05)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 30)
      .map(([n, ms]) => [n, Math.round(ms * 100) / 100]),
  );
}

/** Per-redraw profiles (ms of self time per event name and thread, and per JS function) of the runs measured. */
const profiles: Record<string, Record<string, Record<string, number>>> = {};

/** Advances one day per animation frame for `frames` frames; redraws per second. */
async function redrawsPerSecond(
  page: Page,
  frames: number,
  label: string,
): Promise<{ perSecond: number; redraws: number; seconds: number }> {
  if (opensOnly) return { perSecond: NaN, redraws: 0, seconds: 0 };
  await page.locator('[role="slider"]').focus();
  await page.keyboard.press("Home");
  await page.evaluate(() => new Promise(requestAnimationFrame));
  if (!profile) return advance(page, frames);
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (m) => {
    events.push(...(m.value as unknown as TraceEvent[]));
  });
  const complete = new Promise<void>((done) => cdp.once("Tracing.tracingComplete", () => done()));
  await cdp.send("Tracing.start", {
    traceConfig: {
      includedCategories: [
        "devtools.timeline",
        "disabled-by-default-devtools.timeline",
        "v8",
        "blink",
        "cc",
        "gpu",
        "viz",
      ],
    },
    transferMode: "ReportEvents",
  });
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  const r = await advance(page, frames);
  const { profile: cpu } = await cdp.send("Profiler.stop");
  await cdp.send("Tracing.end");
  await complete;
  await cdp.detach();
  const js = await page.evaluate(() =>
    performance
      .getEntriesByName("frontfold:frame")
      .map((e) => e.duration)
      .sort((a, b) => a - b),
  );
  profiles[label] = {
    ...traceBreakdown(events, r.redraws),
    "JS self time per redraw, by function": jsBreakdown(cpu, r.redraws),
    "app JS per redraw (frontfold:frame)": { median: round(js[js.length >> 1] ?? 0) },
  };
  return r;
}

async function advance(
  page: Page,
  frames: number,
): Promise<{ perSecond: number; redraws: number; seconds: number }> {
  // Page code as text: the TypeScript runner would otherwise wrap its functions in helpers the
  // page does not have.
  return page.evaluate(`new Promise((done) => {
    const slider = document.querySelector('[role="slider"]');
    performance.clearMeasures("frontfold:frame");
    let count = 0;
    let first = 0;
    const tick = (now) => {
      if (count === 0) first = now;
      if (count === ${frames}) {
        const redraws = performance.getEntriesByName("frontfold:frame").filter((e) => e.startTime >= first && e.startTime < now).length;
        const seconds = (now - first) / 1000;
        done({ perSecond: redraws / seconds, redraws, seconds });
        return;
      }
      count++;
      slider.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })`);
}

// A profiled build keeps its functions' names (the figures are then of unminified code).
const served = await buildAndServe(join(dir, "dist"), false, !profile);
const five = generated("synthetic-5k", 5000, 10_000, 3);
const hundredK = redrawsOnly
  ? undefined
  : generated("synthetic-5k-100k-events", 5000, quick ? 20_000 : 100_000, 1);
const fifty = quick ? undefined : generated("synthetic-50k", 50_000, 20_000, 4);

const browser: Browser = await launch();
const frames = quick ? 60 : 240;
const report: Record<string, number | null | string | Record<string, number>> = {};
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.addInitScript(LONG_TASKS);
  await page.goto(served.baseUrl);
  await mapDrawn(page);
  const d = await redrawsPerSecond(page, frames, "default");
  report.redraws_per_s_default = round(d.perSecond);
  log(`default scenario: ${d.redraws} redraws in ${d.seconds.toFixed(2)} s = ${d.perSecond.toFixed(1)}/s`);

  reportOpen("first_map_ms_5k", await openFile(page, five.file, "synthetic-5k"));
  const r5 = await redrawsPerSecond(page, frames, "5k");
  report.redraws_per_s_5k = round(r5.perSecond);
  log(`5,000 places: ${r5.redraws} redraws in ${r5.seconds.toFixed(2)} s = ${r5.perSecond.toFixed(1)}/s`);

  if (hundredK)
    reportOpen("open_file_ms_100k_events", await openFile(page, hundredK.file, "synthetic-5k-100k-events"));

  if (fifty) {
    reportOpen("first_map_ms_50k", await openFile(page, fifty.file, "synthetic-50k"));
    const r50 = await redrawsPerSecond(page, frames, "50k");
    report.redraws_per_s_50k = round(r50.perSecond);
    log(
      `50,000 places: ${r50.redraws} redraws in ${r50.seconds.toFixed(2)} s = ${r50.perSecond.toFixed(1)}/s`,
    );
  } else report.redraws_per_s_50k = null;
  if (problems.length > 0) report.page_errors = problems.join("; ");
} finally {
  await browser.close();
  await served.close();
}
report.generated_check_exit = Math.max(five.check ?? 1, hundredK?.check ?? 0, fifty?.check ?? 0);
rmSync(dir, { recursive: true, force: true });

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

if (profile) log(JSON.stringify(profiles, null, 2));
if (json) process.stdout.write(`${JSON.stringify(profile ? { ...report, profiles } : report, null, 2)}\n`);
else {
  const n = (k: string) => report[k] ?? "n/a";
  console.log(
    `redraws/s: default ${n("redraws_per_s_default")}, 5k ${n("redraws_per_s_5k")} (≥ 55), 50k ${n("redraws_per_s_50k")} (≥ 30); ` +
      `first map 5k ${n("first_map_ms_5k")} ms; 100k-event file to first map ${n("open_file_ms_100k_events")} ms (≤ 3,000)`,
  );
}
