// The page's layout in Chromium at a desktop, a 4:3 and a phone screen: the theatre fits in the
// part of the map that the title, the key and the buttons leave uncovered, and the key folds.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, openApp, shot } from "./browser.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const SIZES = [
  ["1440x900", { width: 1440, height: 900 }],
  ["1024x768", { width: 1024, height: 768 }],
  ["390x844", { width: 390, height: 844 }],
] as const;

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Screen boxes: the theatre's outline, the visible part of the map, and what floats over it. */
function boxes(page: Page): Promise<{ theatre: Box; map: Box; overlays: Box[] }> {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
    };
    const svg = box(document.querySelector(".map-svg") as Element);
    const map = {
      x0: Math.max(0, svg.x0),
      y0: Math.max(0, svg.y0),
      x1: Math.min(window.innerWidth, svg.x1),
      y1: Math.min(window.innerHeight, svg.y1),
    };
    const overlays = [".map-heading", "#legend", ".zoom-buttons", ".map-scalebar"]
      .map((q) => document.querySelector(q))
      .filter((el): el is Element => el !== null)
      .map(box);
    return { theatre: box(document.querySelector(".map-outline") as Element), map, overlays };
  });
}

const overlaps = (a: Box, b: Box) =>
  a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5;

async function expectTheatreClear(page: Page): Promise<void> {
  const { theatre, map, overlays } = await boxes(page);
  expect(theatre.x0).toBeGreaterThanOrEqual(map.x0);
  expect(theatre.y0).toBeGreaterThanOrEqual(map.y0);
  expect(theatre.x1).toBeLessThanOrEqual(map.x1);
  expect(theatre.y1).toBeLessThanOrEqual(map.y1);
  for (const o of overlays) expect(overlaps(theatre, o), JSON.stringify({ theatre, o })).toBe(false);
  // Not shrunk to a stamp either: the theatre spans most of the free width or height.
  expect(
    Math.max((theatre.x1 - theatre.x0) / (map.x1 - map.x0), (theatre.y1 - theatre.y0) / (map.y1 - map.y0)),
  ).toBeGreaterThan(0.5);
}

describe("the theatre fits the uncovered map", () => {
  for (const [name, viewport] of SIZES) {
    it(`at ${name}, with the key open and folded`, async () => {
      const { page, problems } = await openApp(browser, "?date=2016-09-01", viewport);
      const toggle = page.locator(".legend-toggle");
      // On a phone the key starts folded; elsewhere open.
      const phone = viewport.width < 600;
      expect(await toggle.getAttribute("aria-expanded")).toBe(phone ? "false" : "true");
      expect(await page.locator(".legend-list").isVisible()).toBe(!phone);
      await expectTheatreClear(page);
      await shot(page, `layout-${name}`);
      // Keyboard: focus the key's button and press Enter.
      await toggle.focus();
      await page.keyboard.press("Enter");
      expect(await toggle.getAttribute("aria-expanded")).toBe(phone ? "true" : "false");
      await page.waitForTimeout(300);
      await expectTheatreClear(page);
      await shot(page, `layout-${name}-key-${phone ? "open" : "folded"}`);
      // Remembered: a new visit opens the key as it was left.
      await page.reload();
      await page.waitForFunction(() => document.title.includes(" — "));
      expect(await page.locator(".legend-toggle").getAttribute("aria-expanded")).toBe(
        phone ? "true" : "false",
      );
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});
