// Presenter mode in real Chromium: clicker keys move chapter by chapter with the date animating,
// the changed ground highlighted, blank and un-blank, predict mode hiding the next change until
// it is revealed, autoplay, the notes window following (and driving) the projector, and type
// sized for the back of a room, measured on the screenshots' pages.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { CompiledScenario } from "../../src/core/types.js";
import { loadScenario } from "../../src/node/load.js";
import type { PresenterStop } from "../../src/playback/presenter-machine.js";
import { launch, openApp, OUTPUT, shot, waitForMap } from "./browser.js";
import { changesBetween, storyStops } from "../../src/core/story.js";

const RAQQA = "raqqa-2017";
const FULL_HD = { width: 1920, height: 1080 };

let browser: Browser;
let raqqa: CompiledScenario;
let stops: PresenterStop[];

function compiled(id: string): CompiledScenario {
  const result = loadScenario(`scenarios/${id}.yaml`);
  if (!result.scenario) throw new Error(`${id} does not compile`);
  return result.scenario;
}

function chapter(i: number): { id: string; date: string; title: string; narration: string } {
  const stop = stops[i];
  const e = raqqa.log.find((x) => x.id === stop?.id);
  if (!stop || !e || e.type !== "chapter") throw new Error(`no chapter ${i}`);
  return { id: e.id, date: e.date, title: e.title, narration: e.narration };
}

beforeAll(async () => {
  browser = await launch();
  raqqa = compiled(RAQQA);
  stops = storyStops(raqqa.log);
  expect(stops.length).toBeGreaterThanOrEqual(3);
});

afterAll(async () => {
  await browser?.close();
});

async function present(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.body.classList.contains("presenting") &&
      !!document.querySelector("#presenter-title")?.textContent,
  );
}

const panelTitle = (page: Page) => page.textContent("#presenter-title");
const mapDate = (page: Page) => page.textContent("#map-date");

/** Starts recording every date the map shows. */
async function recordDates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __dates: string[] };
    w.__dates = [];
    const el = document.querySelector("#map-date");
    if (!el) return;
    new MutationObserver(() => {
      const t = el.textContent ?? "";
      if (w.__dates[w.__dates.length - 1] !== t) w.__dates.push(t);
    }).observe(el, { childList: true, characterData: true, subtree: true });
  });
}

const recordedDates = (page: Page) =>
  page.evaluate(() => (window as unknown as { __dates: string[] }).__dates);

describe("presenter mode", () => {
  it("opens from the address with the chrome gone, and PageDown animates to the next chapter", async () => {
    const first = chapter(0);
    const second = chapter(1);
    const { page, problems } = await openApp(
      browser,
      `?scenario=${RAQQA}&date=${first.date}&present=1`,
      FULL_HD,
    );
    await present(page);
    expect(await panelTitle(page)).toBe(first.title);
    for (const chrome of [".topbar", ".timeline-bar", ".panels", ".zoom-buttons"])
      expect(await page.locator(chrome).isVisible()).toBe(false);
    await shot(page, "presenter-title-1080p");

    await recordDates(page);
    const t0 = Date.now();
    await page.keyboard.press("PageDown");
    await page.waitForFunction(
      (t) => document.querySelector("#presenter-title")?.textContent === t,
      second.title,
    );
    expect(await page.textContent("#presenter-narration")).toBe(second.narration);
    await page.waitForFunction((d) => document.querySelector("#map-date")?.textContent === d, second.date);
    const ms = Date.now() - t0;
    const dates = await recordedDates(page);
    // An animation through the days in between, not a jump.
    expect(dates.length).toBeGreaterThan(5);
    expect([...dates].sort()).toEqual(dates);
    expect(dates[dates.length - 1]).toBe(second.date);
    console.log(`presenter: ${first.date} → ${second.date} in ${ms} ms through ${dates.length} dates`);
    expect(ms).toBeGreaterThan(500);
    expect(ms).toBeLessThan(6000);

    // The ground that changed hands is outlined, and the heading says so.
    expect(changesBetween(raqqa, stops[0]?.day ?? 0, stops[1]?.day ?? 0).length).toBeGreaterThan(0);
    await page.waitForFunction(
      () => (document.querySelector(".map-highlight-edge")?.getAttribute("d") ?? "") !== "",
    );
    expect(await page.locator("#change-note").isVisible()).toBe(true);
    await page.waitForTimeout(900);
    await shot(page, "presenter-chapter-highlight-1080p");
    await page.waitForFunction((c) => location.search.includes(`chapter=${c}`), second.id);
    expect(new URL(page.url()).searchParams.get("present")).toBe("1");

    // The highlight is brief.
    await page.waitForFunction(
      () => document.querySelector(".map-highlight-edge")?.getAttribute("d") === "",
      null,
      {
        timeout: 6000,
      },
    );

    // ← goes back.
    await page.keyboard.press("ArrowLeft");
    await page.waitForFunction((d) => document.querySelector("#map-date")?.textContent === d, first.date);
    expect(await panelTitle(page)).toBe(first.title);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("is readable from the back of a room: type sized to the screen, and every chapter's text fits", async () => {
    const report: Record<string, unknown> = {};
    for (const [name, viewport] of [
      ["1920x1080", FULL_HD],
      ["1280x720", { width: 1280, height: 720 }],
      ["1024x768", { width: 1024, height: 768 }],
    ] as const) {
      const page = await browser.newPage({ viewport, reducedMotion: "reduce" });
      const problems: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(e.message));
      await page.goto(`${inject("baseUrl")}?scenario=syria-2014-2019&present=1`);
      await waitForMap(page);
      await present(page);
      const sizes = await page.evaluate(() => {
        const px = (sel: string) => {
          const el = document.querySelector(sel);
          return el ? parseFloat(getComputedStyle(el).fontSize) : 0;
        };
        return {
          height: window.innerHeight,
          date: px(".map-date"),
          title: px("#presenter-title"),
          narration: px("#presenter-narration"),
          key: px(".legend-list li"),
          placeLabel: px(".place-label:not(.hidden)"),
          labelsShown: document.querySelectorAll(".place:not(.offscreen) .place-label:not(.hidden)").length,
        };
      });
      const share = (v: number) => Math.round((1000 * v) / sizes.height) / 10;
      const percent = {
        date: share(sizes.date),
        title: share(sizes.title),
        narration: share(sizes.narration),
        key: share(sizes.key),
        placeLabel: share(sizes.placeLabel),
      };
      // Every chapter's narration fits in its panel without scrolling.
      let overflowing = 0;
      let chapters = 0;
      for (;;) {
        const fits = await page.$eval("#presenter-panel", (p) => p.scrollHeight <= p.clientHeight + 1);
        if (!fits) overflowing++;
        chapters++;
        const before = await page.textContent("#presenter-title");
        await page.keyboard.press("PageDown");
        await page.waitForTimeout(60);
        if ((await page.textContent("#presenter-title")) === before) break;
      }
      report[name] = { px: sizes, percentOfHeight: percent, chapters, overflowing };
      if (name !== "1024x768") await shot(page, `presenter-last-chapter-${name}`);
      else await shot(page, "presenter-last-chapter-4x3");
      expect(percent.date).toBeGreaterThanOrEqual(5);
      expect(percent.title).toBeGreaterThanOrEqual(4);
      expect(percent.narration).toBeGreaterThanOrEqual(3);
      expect(percent.key).toBeGreaterThanOrEqual(2.2);
      expect(percent.placeLabel).toBeGreaterThanOrEqual(2);
      expect(sizes.labelsShown).toBeGreaterThan(10);
      expect(overflowing).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    }
    writeFileSync(join(OUTPUT, "presenter-type.json"), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`presenter type ${JSON.stringify(report)}`);
  });

  it("blanks the screen with b and brings it back, without moving", async () => {
    const first = chapter(0);
    const { page, problems } = await openApp(
      browser,
      `?scenario=${RAQQA}&date=${first.date}&present=1`,
      FULL_HD,
    );
    await present(page);
    await page.keyboard.press("b");
    await page.locator("#presenter-blank").waitFor({ state: "visible" });
    await shot(page, "presenter-blank");
    await page.keyboard.press("b");
    await page.locator("#presenter-blank").waitFor({ state: "hidden" });
    // A clicker's "next" on a blank screen only brings the map back.
    await page.keyboard.press("b");
    await page.locator("#presenter-blank").waitFor({ state: "visible" });
    await page.keyboard.press("PageDown");
    await page.locator("#presenter-blank").waitFor({ state: "hidden" });
    expect(await panelTitle(page)).toBe(first.title);
    expect(await mapDate(page)).toBe(first.date);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("predict mode stops before the next chapter with its change hidden, then reveals it", async () => {
    // A pair of chapters where the later one has a change on its own day.
    const k = stops.findIndex(
      (s, i) =>
        i > 0 && changesBetween(raqqa, s.day - 1, s.day).length > 0 && (stops[i - 1]?.day ?? 0) < s.day - 1,
    );
    expect(k).toBeGreaterThan(0);
    const from = chapter(k - 1);
    const to = chapter(k);
    const hiddenChange = changesBetween(raqqa, (stops[k]?.day ?? 0) - 1, stops[k]?.day ?? 0)[0];
    if (!hiddenChange) throw new Error("no change to hide");
    const dayBefore = new Date(Date.parse(`${to.date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

    const { page, problems } = await openApp(
      browser,
      `?scenario=${RAQQA}&date=${from.date}&present=1`,
      FULL_HD,
    );
    await present(page);
    await page.keyboard.press("p");
    await page.keyboard.press("PageDown");
    await page.waitForFunction((d) => document.querySelector("#map-date")?.textContent === d, dayBefore);
    await page.waitForFunction(() => document.querySelector("#presenter-kicker")?.textContent === "Predict");
    const guessing = (await page.textContent("#presenter-panel")) ?? "";
    expect(await panelTitle(page)).toBe("What happens next?");
    expect(guessing).not.toContain(to.title);
    expect(guessing).not.toContain(hiddenChange.title);
    expect(await page.locator(`#presenter-changes li[data-date="${to.date}"]`).count()).toBe(0);
    const fillsBefore = await page.$$eval(".map-faces path", (ps) =>
      ps.map((p) => p.getAttribute("fill")).join(),
    );
    await shot(page, "presenter-predict-guess");

    await page.keyboard.press("PageDown");
    await page.waitForFunction(
      (t) => document.querySelector("#presenter-title")?.textContent === t,
      to.title,
    );
    await page.waitForFunction((d) => document.querySelector("#map-date")?.textContent === d, to.date);
    expect(await page.textContent("#presenter-panel")).toContain(hiddenChange.title);
    expect(await page.locator(`#presenter-changes li[data-date="${to.date}"]`).count()).toBeGreaterThan(0);
    const fillsAfter = await page.$$eval(".map-faces path", (ps) =>
      ps.map((p) => p.getAttribute("fill")).join(),
    );
    expect(fillsAfter).not.toBe(fillsBefore);
    await shot(page, "presenter-predict-revealed");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("jumps instead of animating when the system asks for reduced motion", async () => {
    const first = chapter(0);
    const second = chapter(1);
    const page = await browser.newPage({ viewport: FULL_HD, reducedMotion: "reduce" });
    await page.goto(`${inject("baseUrl")}?scenario=${RAQQA}&date=${first.date}&present=1`);
    await waitForMap(page);
    await present(page);
    await recordDates(page);
    await page.keyboard.press("PageDown");
    await page.waitForFunction((d) => document.querySelector("#map-date")?.textContent === d, second.date);
    expect(await recordedDates(page)).toEqual([second.date]);
    // The changed ground is outlined without flashing.
    expect(await page.locator(".map-highlight-fill.still").count()).toBe(1);
    await page.close();
  });

  it("autoplay advances on its own (kiosk), and a stops it", async () => {
    const first = chapter(0);
    const second = chapter(1);
    const { page, problems } = await openApp(
      browser,
      `?scenario=${RAQQA}&date=${first.date}&present=1&autoplay=1&seconds=1`,
      FULL_HD,
    );
    await present(page);
    await page.waitForFunction(
      (t) => document.querySelector("#presenter-title")?.textContent === t,
      second.title,
      {
        timeout: 10_000,
      },
    );
    await page.keyboard.press("a");
    await page.waitForFunction(
      () => document.querySelector("#presenter-toast")?.textContent === "Autoplay off",
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows the keys with ?, survives f, and Escape leaves for the normal page", async () => {
    const { page, problems } = await openApp(browser, `?scenario=${RAQQA}`, FULL_HD);
    await page.getByRole("button", { name: "Present", exact: true }).click();
    await present(page);
    await page.keyboard.press("?");
    await page.locator("#presenter-help").waitFor({ state: "visible" });
    expect(await page.textContent("#presenter-help")).toContain("PageDown");
    await shot(page, "presenter-keys");
    await page.keyboard.press("Escape");
    await page.locator("#presenter-help").waitFor({ state: "hidden" });
    expect(await page.evaluate(() => document.body.classList.contains("presenting"))).toBe(true);
    // Full screen: granted or refused, quietly.
    await page.keyboard.press("f");
    await page.waitForTimeout(300);
    await page.evaluate(() => document.fullscreenElement && document.exitFullscreen());
    // h hides the text panel.
    await page.keyboard.press("h");
    expect(await page.locator("#presenter-panel").isVisible()).toBe(false);
    await page.keyboard.press("h");
    expect(await page.locator("#presenter-panel").isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => !document.body.classList.contains("presenting"));
    expect(await page.locator(".topbar").isVisible()).toBe(true);
    await page.waitForFunction(() => !location.search.includes("present="));
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("the presenter's notes window", () => {
  it("opens from the page, shows the current and next chapter, and follows and drives the projector", async () => {
    const first = chapter(0);
    const second = chapter(1);
    const third = chapter(2);
    const { page, problems } = await openApp(browser, `?scenario=${RAQQA}&date=${first.date}`, {
      width: 1280,
      height: 720,
    });
    const [notes] = await Promise.all([page.waitForEvent("popup"), page.click("#open-notes")]);
    notes.on("console", (m) => {
      if (m.type() === "error") problems.push(`notes console: ${m.text()}`);
    });
    notes.on("pageerror", (e) => problems.push(`notes page: ${e.message}`));
    await notes.setViewportSize({ width: 1100, height: 800 });
    await present(page);
    expect(new URL(notes.url()).searchParams.get("notes")).toBe("1");
    const current = () => notes.textContent(".notes-current .notes-title");
    await notes.waitForFunction(
      (t) => document.querySelector(".notes-current .notes-title")?.textContent === t,
      first.title,
    );
    expect(await notes.textContent(".notes-next .notes-title")).toBe(second.title);
    expect(await notes.textContent(".notes-next .notes-narration")).toBe(second.narration);
    expect(await notes.locator(".notes-current .notes-sources li").count()).toBeGreaterThan(0);

    // The projector moves: the notes follow.
    await page.keyboard.press("PageDown");
    await notes.waitForFunction(
      (t) => document.querySelector(".notes-current .notes-title")?.textContent === t,
      second.title,
    );
    expect(await notes.textContent(".notes-next .notes-title")).toBe(third.title);
    await notes.screenshot({ path: join(OUTPUT, "presenter-notes.png") });

    // The notes window drives the projector, by button and by the clicker's keys.
    await notes.click('[data-command="next"]');
    await page.waitForFunction(
      (t) => document.querySelector("#presenter-title")?.textContent === t,
      third.title,
    );
    await notes.locator("body").focus();
    await notes.keyboard.press("PageUp");
    await page.waitForFunction(
      (t) => document.querySelector("#presenter-title")?.textContent === t,
      second.title,
    );
    await notes.waitForFunction(
      (t) => document.querySelector(".notes-current .notes-title")?.textContent === t,
      second.title,
    );
    expect(await current()).toBe(second.title);
    // Blank from the notes window.
    await notes.click('[data-command="blank"]');
    await page.locator("#presenter-blank").waitFor({ state: "visible" });
    await notes.waitForFunction(
      () => document.querySelector('[data-command="blank"]')?.getAttribute("aria-pressed") === "true",
    );
    await notes.click('[data-command="blank"]');
    await page.locator("#presenter-blank").waitFor({ state: "hidden" });
    expect(problems).toEqual([]);
    await notes.close();
    await page.close();
  });
});
