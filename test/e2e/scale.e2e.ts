// Big maps in real Chromium: a generated 2,500-place, 30,000-event scenario file opened with
// *Open file…* (compiled in the worker, its stages shown as it goes), drawn as a face-id raster,
// and a click on the raster answered with the face under the pointer. Opening can be cancelled
// (the scenario on screen stays), the page answers the slider while a file compiles, and a big
// file with errors lists each with its file, line and column.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TheatreDef } from "../../src/core/types.js";
import { dimmedFill, fillTable, parseHex } from "../../src/map/style.js";
import { RASTER_FROM_FACES } from "../../src/ui/raster-layer.js";
import { boxOutline, syntheticScenario } from "../bench/synthetic.js";
import { scenarioYaml } from "../bench/synthetic-yaml.js";
import { launch, openApp, shot, sliderDate } from "./browser.js";

const BOX: TheatreDef = { kind: "bbox", bbox: [38, 35, 40, 37], tolerance_km: 10 };
const square = boxOutline([38, 35, 40, 37]);
const PLACES = 2500;
const scenario = syntheticScenario(BOX, square, {
  places: PLACES,
  areas: 0,
  events: 30_000,
  seed: 21,
  unmentioned: 0,
});
const dir = mkdtempSync(join(tmpdir(), "frontfold-e2e-big-"));
const file = join(dir, "big.yaml");
const broken = join(dir, "big-broken.yaml");
/** Where the broken copy's two impossible dates are (1-based line, column of the value). */
const brokenAt: { line: number; col: number }[] = [];

/** The big file with two event dates made impossible (30 February). */
function brokenCopy(text: string): string {
  const lines = text.split("\n");
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!line.startsWith('    date: "')) continue;
    seen++;
    if (seen !== 1000 && seen !== 20_000) continue;
    lines[i] = '    date: "2015-02-30"';
    brokenAt.push({ line: i + 1, col: line.indexOf('"') + 1 });
  }
  return lines.join("\n");
}

let browser: Browser;

beforeAll(async () => {
  const text = scenarioYaml(scenario);
  writeFileSync(file, text);
  writeFileSync(broken, brokenCopy(text));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Records what the progress view announces and shows while a file opens. */
const WATCH_PROGRESS = `(() => {
  const host = document.querySelector("#open-progress");
  window.__progress = { announced: [], values: [], texts: [] };
  new MutationObserver(() => {
    if (host.hidden) return;
    const live = host.querySelector("[aria-live]")?.textContent ?? "";
    const bar = host.querySelector('[role="progressbar"]');
    const p = window.__progress;
    if (live && p.announced[p.announced.length - 1] !== live) p.announced.push(live);
    p.values.push(Number(bar?.getAttribute("aria-valuenow")));
    p.texts.push(bar?.getAttribute("aria-valuetext") ?? "");
  }).observe(host, { subtree: true, childList: true, characterData: true, attributes: true });
})()`;

interface Watched {
  announced: string[];
  values: number[];
  texts: string[];
}

async function openBig(): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await openApp(browser, "?scenario=raqqa-2017");
  await page.setInputFiles("#file-input", file);
  await mapOf(page);
  return { page, problems };
}

/** Waits for the big scenario's map, its place names included (they follow the ground). */
async function mapOf(page: Page): Promise<void> {
  await page.waitForFunction(
    (title) =>
      document.querySelector("#scenario-title")?.textContent === title &&
      ((document.querySelector("canvas.map-raster") as HTMLCanvasElement | null)?.width ?? 0) > 0 &&
      document.querySelector(".map-places .place-label:not(.hidden)") !== null &&
      document.title.includes(" — "),
    scenario.title,
    { timeout: 240_000 },
  );
}

/** Waits until the progress view announces `stage` (e.g. "Checking"). */
async function stageShown(page: Page, stage: string): Promise<void> {
  await page.waitForFunction(
    (s) => document.querySelector("#open-progress [aria-live]")?.textContent?.startsWith(s) === true,
    stage,
    { timeout: 120_000, polling: 20 },
  );
}

describe("a big scenario file", () => {
  it("opens (compiled in the worker) and draws its ground as a raster under the overlays", async () => {
    expect(PLACES).toBeGreaterThanOrEqual(RASTER_FROM_FACES);
    const { page, problems } = await openBig();
    expect(await page.locator(".map-faces path").count()).toBe(0);
    expect(await page.getAttribute('[role="slider"]', "aria-valuetext")).toBe(scenario.start);
    // The raster holds more than the sea: faces in their owners' colours.
    const colours = await page.$eval("canvas.map-raster", (c) => {
      const canvas = c as HTMLCanvasElement;
      const data = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set<number>();
      if (data)
        for (let i = 0; i < data.length; i += 4 * 97)
          seen.add((data[i] ?? 0) * 65536 + (data[i + 1] ?? 0) * 256 + (data[i + 2] ?? 0));
      return seen.size;
    });
    expect(colours).toBeGreaterThanOrEqual(scenario.factions.length);
    await page.locator('[role="slider"]').focus();
    await page.keyboard.press("End");
    expect(await page.getAttribute('[role="slider"]', "aria-valuetext")).toBe(scenario.end);
    await shot(page, "big-file-raster");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("names places on the first map, no two names overlapping, none on the key or the title", async () => {
    const { page, problems } = await openBig();
    const shown = await page.evaluate(() => {
      const rect = (e: Element | null) => {
        const r = e?.getBoundingClientRect();
        return r ? { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom } : undefined;
      };
      const labels = [...document.querySelectorAll(".map-places .place-label:not(.hidden)")];
      return {
        names: labels.map((l) => l.textContent ?? ""),
        boxes: labels.map((l) => rect(l)),
        key: rect(document.querySelector("#legend")),
        title: rect(document.querySelector(".map-heading")),
      };
    });
    const units = new Set(scenario.units.map((u) => u.name));
    expect(shown.names.length).toBeGreaterThan(5);
    expect(shown.names.every((n) => units.has(n))).toBe(true);
    type R = { x0: number; y0: number; x1: number; y1: number } | undefined;
    // Rendered text may run a pixel past the box the placer reckons with.
    const meet = (a: R, b: R, slack = 2) =>
      !!a && !!b && a.x0 + slack < b.x1 && b.x0 + slack < a.x1 && a.y0 + slack < b.y1 && b.y0 + slack < a.y1;
    for (let i = 0; i < shown.boxes.length; i++) {
      expect(meet(shown.boxes[i], shown.key)).toBe(false);
      expect(meet(shown.boxes[i], shown.title)).toBe(false);
      for (let j = i + 1; j < shown.boxes.length; j++)
        expect(meet(shown.boxes[i], shown.boxes[j])).toBe(false);
    }
    await shot(page, "big-file-labels");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("patches the lines day by day to the picture drawn afresh", async () => {
    const { page, problems } = await openBig();
    const size = page.viewportSize() ?? { width: 1280, height: 800 };
    /** A new size and back: the same view, every line drawn afresh. */
    const drawAfresh = async () => {
      await page.setViewportSize({ width: size.width + 40, height: size.height });
      await page.waitForTimeout(300);
      await page.setViewportSize(size);
      await page.waitForTimeout(300);
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
    };
    const keep = (slot: string) =>
      page.$eval(
        "canvas.map-raster-lines",
        (c, slot) => {
          const canvas = c as HTMLCanvasElement;
          const data = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data;
          (window as unknown as Record<string, unknown>)[slot] = data;
        },
        slot,
      );
    const slider = page.locator('[role="slider"]');
    await slider.focus();
    await page.keyboard.press("End");
    await drawAfresh();
    // Day by day: each step redraws only around the faces that changed.
    for (let i = 0; i < 40; i++) await page.keyboard.press("ArrowLeft");
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    await keep("__patched");
    await drawAfresh();
    await keep("__fresh");
    const diff = await page.evaluate(() => {
      const w = window as unknown as Record<string, Uint8ClampedArray | undefined>;
      const [a, b] = [w.__patched, w.__fresh];
      if (!a || !b || a.length !== b.length) return { length: -1, differing: -1, inked: 0 };
      let differing = 0;
      let inked = 0;
      for (let i = 0; i < a.length; i++) {
        if (Math.abs((a[i] as number) - (b[i] as number)) > 2) differing++;
        if ((b[i] as number) > 0) inked++;
      }
      return { length: a.length, differing, inked };
    });
    expect(diff.length).toBeGreaterThan(0);
    expect(diff.inked).toBeGreaterThan(1000);
    expect(diff.differing).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("dims, in compare mode, the ground that did not change hands, as the SVG map does", async () => {
    const { page, problems } = await openBig();
    await page.locator('[role="slider"]').focus();
    await page.keyboard.press("End");
    const sample = () =>
      page.$eval("canvas.map-raster", (c) => {
        const canvas = c as HTMLCanvasElement;
        const data = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data;
        const out: number[] = [];
        if (data)
          for (let i = 0; i < data.length; i += 4 * 53)
            out.push((data[i] ?? 0) * 65536 + (data[i + 1] ?? 0) * 256 + (data[i + 2] ?? 0));
        return out;
      });
    const before = await sample();
    // Pinning the date shown compares it with itself: no ground changed hands, all of it dims.
    await page.click("#compare-pin");
    await page.locator("svg.map-svg.comparing").waitFor();
    await page.waitForFunction(() => location.search.includes("compare="));
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const after = await sample();
    const rgb = (hex: string): number => {
      const [r, g, b] = parseHex(hex) ?? [0, 0, 0];
      return r * 65536 + g * 256 + b;
    };
    const dimmed = new Map(fillTable(scenario.factions).map((c) => [rgb(c), rgb(dimmedFill(c))]));
    let faces = 0;
    before.forEach((colour, i) => {
      const want = dimmed.get(colour);
      if (want === undefined) return;
      faces++;
      expect(after[i], `sample ${i}`).toBe(want);
    });
    expect(faces).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("answers a click on the raster with the place whose ground is under the pointer", async () => {
    const { page, problems } = await openBig();
    // Zoomed in, every place in view is labelled (the labels are the places in the document; the
    // dots are pixels), and the raster is drawn afresh for the zoom.
    const box = await page.locator(".map-svg").boundingBox();
    await page.mouse.move((box?.x ?? 0) + 500, (box?.y ?? 0) + 400);
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -400);
    await page.waitForTimeout(600);
    // The place farthest from its nearest neighbour on screen (or from the edge of the view, past
    // which places are not in the document): a point a third of that distance away from its dot
    // is in its Voronoi face, and off the dot itself.
    const target = await page.evaluate(() => {
      const marks = [...document.querySelectorAll<SVGGElement>(".map-places [data-unit]")].map((g) => {
        const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(g.getAttribute("transform") ?? "");
        return { unit: Number(g.getAttribute("data-unit")), x: Number(m?.[1]), y: Number(m?.[2]) };
      });
      const box = document.querySelector(".map-svg")?.getBoundingClientRect();
      let best = { unit: -1, x: 0, y: 0, d: 0 };
      for (const a of marks) {
        if (!box) continue;
        let d = Math.min(a.x, a.y, box.width - a.x, box.height - a.y);
        for (const b of marks) if (b !== a) d = Math.min(d, Math.hypot(a.x - b.x, a.y - b.y));
        if (d > best.d) best = { ...a, d };
      }
      return { ...best, left: box?.left ?? 0, top: box?.top ?? 0 };
    });
    expect(target.d).toBeGreaterThan(12);
    const name = scenario.units[target.unit]?.name ?? "";
    await page.mouse.click(target.left + target.x + target.d / 3, target.top + target.y);
    await page.locator(".why-unit").waitFor();
    expect(await page.textContent(".why-unit")).toContain(name);
    // A click on a dot, or right beside it, explains that place on the raster as on SVG maps
    // (each time a place other than the one the panel shows); zoomed out a little, for more dots
    // in the middle of the view.
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(600);
    const shown = [target.unit];
    for (const [dx, dy] of [
      [0, 0],
      [5, -4],
    ] as const) {
      const near = await page.evaluate(
        ([dx, dy, exclude]) => {
          const box = document.querySelector(".map-svg")?.getBoundingClientRect();
          const ds = [...document.querySelectorAll<SVGGElement>(".map-places .place:not(.offscreen)")].map(
            (g) => {
              const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(g.getAttribute("transform") ?? "");
              return { unit: Number(g.getAttribute("data-unit")), x: Number(m?.[1]), y: Number(m?.[2]) };
            },
          );
          // The most isolated dot in the middle of the map, so no other dot is nearer the click.
          let best = { unit: -1, x: 0, y: 0, gap: 0 };
          for (const d of ds) {
            if (exclude.includes(d.unit)) continue;
            if (!box || d.x < 100 || d.y < 100 || d.x > box.width - 100 || d.y > box.height - 100) continue;
            const gap = Math.min(...ds.filter((o) => o !== d).map((o) => Math.hypot(o.x - d.x, o.y - d.y)));
            if (gap > best.gap) best = { ...d, gap };
          }
          return { ...best, x: (box?.left ?? 0) + best.x + dx, y: (box?.top ?? 0) + best.y + dy };
        },
        [dx, dy, shown] as const,
      );
      shown.push(near.unit);
      expect(near.gap).toBeGreaterThan(16);
      const placeName = scenario.units[near.unit]?.name ?? "";
      await page.mouse.click(near.x, near.y);
      await page.waitForFunction(
        (n) => document.querySelector(".why-unit")?.textContent?.startsWith(`${n} (`),
        placeName,
      );
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows each stage of opening with a progress bar a screen reader can follow, and ends on the map", async () => {
    const { page, problems } = await openApp(browser, "?scenario=raqqa-2017");
    await page.evaluate(WATCH_PROGRESS);
    await page.setInputFiles("#file-input", file);
    await stageShown(page, "Checking");
    expect(await page.getAttribute('#open-progress [role="progressbar"]', "aria-valuemax")).toBe("100");
    expect(await page.textContent("#open-progress li[aria-current='step']")).toBe("Checking");
    await shot(page, "big-file-progress");
    await mapOf(page);
    await page.waitForFunction(() => (document.querySelector("#open-progress") as HTMLElement).hidden);
    const seen = (await page.evaluate("window.__progress")) as Watched;
    expect(seen.announced).toEqual([
      "Reading (step 1 of 5)",
      "Parsing (step 2 of 5)",
      "Checking (step 3 of 5)",
      "Building the map (step 4 of 5)",
      "Drawing (step 5 of 5)",
    ]);
    // The bar only moves forward, and counts what it can: the events crossing to the page.
    expect(seen.values.every((v, i) => i === 0 || v >= (seen.values[i - 1] ?? 0))).toBe(true);
    expect(seen.texts.some((t) => /Building the map: [\d,]+ of 30,000 events received/.test(t))).toBe(true);
    // Stage by stage in the page's performance timeline, in order.
    const marks = await page.evaluate(() =>
      performance
        .getEntriesByType("mark")
        .filter((m) => m.name.startsWith("frontfold:open:"))
        .sort((a, b) => a.startTime - b.startTime)
        .map((m) => m.name.slice("frontfold:open:".length)),
    );
    expect(marks).toEqual(["reading", "parsing", "checking", "building", "reply", "drawing", "done"]);
    await shot(page, "big-file-opened");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("answers the slider while a big file compiles, and Cancel stops it, keeping the scenario on screen", async () => {
    const { page, problems } = await openApp(browser, "?scenario=raqqa-2017&date=2017-07-01");
    const title = await page.textContent("#scenario-title");
    await page.setInputFiles("#file-input", file);
    await stageShown(page, "Parsing");
    await page.locator('[role="slider"]').focus();
    await page.keyboard.press("ArrowRight");
    expect(await sliderDate(page)).toBe("2017-07-02");
    expect(await page.isVisible("#open-progress")).toBe(true);
    await page.click("#open-progress .open-cancel");
    expect(await page.isHidden("#open-progress")).toBe(true);
    expect(await page.textContent("#status")).toContain("cancelled");
    // Nothing of the cancelled file arrives later.
    await page.waitForTimeout(4000);
    expect(await page.textContent("#scenario-title")).toBe(title);
    expect(await sliderDate(page)).toBe("2017-07-02");
    expect(await page.evaluate(() => performance.getEntriesByName("frontfold:open:drawing").length)).toBe(0);
    // The next file opens (in a new worker).
    await page.setInputFiles("#file-input", file);
    await mapOf(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("lists the errors of a big file with their file, line and column, keeping the scenario on screen", async () => {
    const { page, problems } = await openApp(browser, "?scenario=raqqa-2017&date=2017-07-01");
    const title = await page.textContent("#scenario-title");
    await page.setInputFiles("#file-input", broken);
    await page.locator("#errors:not([hidden]) .diagnostic").first().waitFor({ timeout: 120_000 });
    const where = await page.$$eval("#errors .diagnostic-where", (els) => els.map((e) => e.textContent));
    expect(brokenAt).toHaveLength(2);
    expect(where).toEqual(brokenAt.map((at) => `big-broken.yaml:${at.line}:${at.col}`));
    const items = await page.$$eval("#errors .diagnostic", (lis) => lis.map((li) => li.textContent ?? ""));
    for (const item of items) expect(item).toContain("2015-02-30");
    expect(await page.textContent("#scenario-title")).toBe(title);
    expect(await sliderDate(page)).toBe("2017-07-01");
    expect(await page.isHidden("#open-progress")).toBe(true);
    await shot(page, "big-file-errors");
    expect(problems).toEqual([]);
    await page.close();
  });
});
