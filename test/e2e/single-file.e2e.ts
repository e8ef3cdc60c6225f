// The single-file build (`npm run build:single`) opened the way a teacher opens it from a USB
// stick: by file://, in Chromium, with the network off. One HTML file, no other request; the
// default scenario draws, shipped scenarios switch, opened files compile on the page, presenter
// mode and its notes window work.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dateOf } from "../../src/core/dates.js";
import { loadScenario } from "../../src/node/load.js";
import { launch, OUTPUT, waitForMap } from "./browser.js";
import { storyStops } from "../../src/core/story.js";

const ROOT = resolve(import.meta.dirname, "../..");
const DIR = join(ROOT, "dist-single");
const FILE = join(DIR, "index.html");
const FIXTURES = resolve(import.meta.dirname, "fixtures");

let browser: Browser;

beforeAll(async () => {
  if (!(process.env.E2E_SKIP_BUILD === "1" && existsSync(FILE))) {
    await build({ root: ROOT, configFile: join(ROOT, "vite.config.ts"), mode: "single", logLevel: "warn" });
  }
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: string[];
  /** Every request that left the file (there should be none). */
  readonly network: string[];
}

function watch(page: Page, problems: string[], network: string[]): void {
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page: ${e.message}`));
  page.on("request", (r) => {
    const url = r.url();
    if (!/^(file|data|blob|about):/.test(url)) network.push(url);
  });
}

async function openFile(search = "", viewport = { width: 1400, height: 900 }): Promise<Opened> {
  const context = await browser.newContext({ offline: true, viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  const network: string[] = [];
  watch(page, problems, network);
  context.on("page", (p) => {
    if (p !== page) watch(p, problems, network);
  });
  await page.goto(`${pathToFileURL(FILE).href}${search}`);
  await waitForMap(page);
  return { context, page, problems, network };
}

describe("the single-file build", () => {
  it("is one self-contained HTML file, without the world atlas", () => {
    expect(readdirSync(DIR)).toEqual(["index.html"]);
    const html = readFileSync(FILE, "utf8");
    const bytes = statSync(FILE).size;
    console.log(`single file: ${(bytes / 1e6).toFixed(2)} MB`);
    expect(bytes).toBeLessThan(3_000_000);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+rel="stylesheet"/);
    expect(html).not.toContain("new Worker");
    // Every shipped scenario is inside.
    for (const f of readdirSync(join(ROOT, "scenarios")).filter((x) => /^[^.]+\.yaml$/.test(x))) {
      const title = loadScenario(join("scenarios", f)).scenario?.title;
      expect(title && html.includes(JSON.stringify(title).slice(1, -1))).toBeTruthy();
    }
  });

  it("opens by file:// with no network and draws the default scenario", async () => {
    const { context, page, problems, network } = await openFile();
    const syria = loadScenario("scenarios/syria-2014-2019.yaml").scenario;
    expect(await page.textContent("#scenario-title")).toBe(syria?.title);
    expect(await page.locator("#scenario-picker option").count()).toBe(
      readdirSync(join(ROOT, "scenarios")).filter((x) => /^[^.]+\.yaml$/.test(x)).length,
    );
    expect(await page.locator(".map-faces path").count()).toBeGreaterThan(100);
    expect(await page.locator(".legend-list li").count()).toBeGreaterThan(3);
    await page.screenshot({ path: join(OUTPUT, "single-file-default.png") });
    // Another shipped scenario, from the picker.
    const raqqa = loadScenario("scenarios/raqqa-2017.yaml").scenario;
    await page.selectOption("#scenario-picker", "raqqa-2017");
    await page.waitForFunction(
      (t) => document.querySelector("#scenario-title")?.textContent === t,
      raqqa?.title,
    );
    await waitForMap(page);
    const resources = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
    expect(resources.filter((u) => !/^(file|data|blob):/.test(u))).toEqual([]);
    expect(network).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("compiles opened files on the page; a theatre of countries reuses a shipped outline or asks for the online version", async () => {
    const { context, page, problems, network } = await openFile("?scenario=raqqa-2017");
    await page.setInputFiles("#file-input", join(FIXTURES, "tiny.yaml"));
    await page.waitForFunction(() =>
      document.querySelector("#scenario-title")?.textContent?.startsWith("A tiny scenario"),
    );
    await waitForMap(page);
    // A box theatre borrows the basemap of a shipped box theatre that covers it.
    expect(await page.locator(".map-basemap path").count()).toBeGreaterThan(0);
    await page.setInputFiles("#file-input", join(FIXTURES, "tiny-syria.yaml"));
    await page.waitForFunction(
      () => document.querySelector("#scenario-title")?.textContent === "Two Syrian cities",
    );
    await waitForMap(page);
    await page.screenshot({ path: join(OUTPUT, "single-file-opened-countries.png") });
    await page.setInputFiles("#file-input", join(FIXTURES, "tiny-iraq.yaml"));
    await page.locator("#errors:not([hidden]) .diagnostic").first().waitFor();
    expect(await page.textContent("#errors")).toContain("needs the online version");
    expect(await page.textContent("#scenario-title")).toBe("Two Syrian cities");
    expect(network).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("presents from the file, with the notes window following over the channel", async () => {
    const raqqa = loadScenario("scenarios/raqqa-2017.yaml").scenario;
    if (!raqqa) throw new Error("raqqa-2017 does not compile");
    const [from, to] = storyStops(raqqa.log).map((s) => dateOf(s.day));
    const { context, page, problems, network } = await openFile(`?scenario=raqqa-2017&date=${from}`, {
      width: 1280,
      height: 720,
    });
    const [notes] = await Promise.all([page.waitForEvent("popup"), page.click("#open-notes")]);
    await page.waitForFunction(() => document.body.classList.contains("presenting"));
    const first = await page.textContent("#presenter-title");
    await notes.waitForFunction(
      (t) => document.querySelector(".notes-current .notes-title")?.textContent === t,
      first,
    );
    await page.keyboard.press("PageDown");
    await page.waitForFunction((t) => document.querySelector("#presenter-title")?.textContent !== t, first);
    const second = await page.textContent("#presenter-title");
    await notes.waitForFunction(
      (t) => document.querySelector(".notes-current .notes-title")?.textContent === t,
      second,
    );
    await page.waitForFunction((d) => document.querySelector("#map-date")?.textContent === d, to);
    await page.screenshot({ path: join(OUTPUT, "single-file-presenter-720p.png") });
    expect(network).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
