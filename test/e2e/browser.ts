// Launching Debian's Chromium through playwright-core, and opening the app with its console
// watched: any console error or uncaught exception fails the test that caused it.
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { inject } from "vitest";

export const OUTPUT = resolve(import.meta.dirname, "output");

export { launch } from "./chromium.js";

export interface AppPage {
  readonly page: Page;
  /** Console errors and page errors seen so far. */
  readonly problems: string[];
}

/** Opens the app at `search` (e.g. `?scenario=raqqa-2017`) and waits until the map is drawn. */
export async function openApp(
  browser: Browser,
  search = "",
  viewport = { width: 1400, height: 900 },
): Promise<AppPage> {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page: ${e.message}`));
  await page.goto(`${inject("baseUrl")}${search}`);
  await waitForMap(page);
  return { page, problems };
}

export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelectorAll(".map-faces path").length > 0 && document.title.includes(" — "),
  );
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(OUTPUT, `${name}.png`) });
}

/** The date the slider announces. */
export function sliderDate(page: Page): Promise<string | null> {
  return page.getAttribute('[role="slider"]', "aria-valuetext");
}
