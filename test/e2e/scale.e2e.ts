// Big maps in real Chromium: a generated 2,500-place, 30,000-event scenario file opened with
// *Open file…* (compiled in the worker), drawn as a face-id raster, and a click on the raster
// answered with the face under the pointer.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TheatreDef } from "../../src/core/types.js";
import { RASTER_FROM_FACES } from "../../src/ui/raster-layer.js";
import { boxOutline, syntheticScenario } from "../bench/synthetic.js";
import { scenarioYaml } from "../bench/synthetic-yaml.js";
import { launch, openApp, shot } from "./browser.js";

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

let browser: Browser;

beforeAll(async () => {
  writeFileSync(file, scenarioYaml(scenario));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function openBig(): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await openApp(browser, "?scenario=raqqa-2017");
  await page.setInputFiles("#file-input", file);
  await page.waitForFunction(
    (title) =>
      document.querySelector("#scenario-title")?.textContent === title &&
      ((document.querySelector("canvas.map-raster") as HTMLCanvasElement | null)?.width ?? 0) > 0 &&
      document.title.includes(" — "),
    scenario.title,
    { timeout: 240_000 },
  );
  return { page, problems };
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

  it("answers a click on the raster with the place whose ground is under the pointer", async () => {
    const { page, problems } = await openBig();
    // The place farthest from its nearest neighbour on screen: a point a third of that distance
    // away from its dot is in its Voronoi face, and off the dot itself.
    const target = await page.evaluate(() => {
      const marks = [...document.querySelectorAll<SVGGElement>(".map-places [data-unit]")].map((g) => {
        const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(g.getAttribute("transform") ?? "");
        return { unit: Number(g.getAttribute("data-unit")), x: Number(m?.[1]), y: Number(m?.[2]) };
      });
      const box = document.querySelector(".map-svg")?.getBoundingClientRect();
      let best = { unit: -1, x: 0, y: 0, d: 0 };
      for (const a of marks) {
        if (!box || a.x < 60 || a.y < 60 || a.x > box.width - 60 || a.y > box.height - 60) continue;
        let d = Infinity;
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
    expect(problems).toEqual([]);
    await page.close();
  });
});
