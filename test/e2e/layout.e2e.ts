// The page's layout in Chromium at a desktop, a 4:3 and a phone screen: the theatre fits in the
// part of the map that the title, the key and the buttons leave uncovered, and the key folds.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, openApp, OUTPUT, shot } from "./browser.js";

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

/** The zoom factor the address bar reports (`view=lon,lat,zoom`). */
async function urlZoom(page: Page): Promise<number> {
  const view = await page.evaluate(() => new URLSearchParams(location.search).get("view") ?? "");
  return Number(view.split(",")[2]);
}

describe("zoom", () => {
  it("steps smoothly with buttons and keys, and zooms out past the theatre", async () => {
    const { page, problems } = await openApp(browser, "?date=2016-09-01", { width: 1440, height: 900 });
    const before = await boxes(page);
    // A button press animates through several scales, not one jump.
    const scales = page.evaluate(
      () =>
        new Promise<number[]>((done) => {
          const seen: number[] = [];
          const g = document.querySelector(".map-zoomed") as Element;
          const t0 = performance.now();
          const tick = () => {
            const m = /scale\(([\d.]+)\)/.exec(g.getAttribute("transform") ?? "");
            if (m && seen[seen.length - 1] !== Number(m[1])) seen.push(Number(m[1]));
            if (performance.now() - t0 < 800) requestAnimationFrame(tick);
            else done(seen);
          };
          requestAnimationFrame(tick);
        }),
    );
    await page.click("#zoom-out");
    const seen = await scales;
    // A jump shows at most the scale before and the one after; an animation shows some between,
    // even on a loaded machine that paints few frames.
    expect(seen.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < seen.length; i++)
      expect(seen[i] as number).toBeLessThanOrEqual(seen[i - 1] as number);
    await page.waitForFunction(() => /,0\.67$/.test(new URLSearchParams(location.search).get("view") ?? ""));
    // The keyboard: "-" zooms out further, to the limit and no further.
    await page.locator("body").focus();
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("-");
      await page.waitForTimeout(400);
    }
    await page.waitForFunction(() => /,0\.6$/.test(new URLSearchParams(location.search).get("view") ?? ""));
    expect(await urlZoom(page)).toBe(0.6);
    const out = await boxes(page);
    // 0.6 of the fitted size, with neighbouring land drawn all around it.
    expect(out.theatre.x1 - out.theatre.x0).toBeCloseTo((before.theatre.x1 - before.theatre.x0) * 0.6, -1);
    const land = await page.evaluate(() => {
      const r = (document.querySelector(".map-basemap") as Element).getBoundingClientRect();
      return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
    });
    // Neighbouring land reaches a third of the theatre's size beyond it on every side.
    const tw = (out.theatre.x1 - out.theatre.x0) / 3;
    const th = (out.theatre.y1 - out.theatre.y0) / 3;
    expect(land.x0).toBeLessThanOrEqual(Math.max(out.map.x0, out.theatre.x0 - tw));
    expect(land.y0).toBeLessThanOrEqual(Math.max(out.map.y0, out.theatre.y0 - th));
    expect(land.x1).toBeGreaterThanOrEqual(Math.min(out.map.x1, out.theatre.x1 + tw));
    expect(land.y1).toBeGreaterThanOrEqual(Math.min(out.map.y1, out.theatre.y1 + th));
    // Where the basemap ends on screen, the map ends in a neat frame with paper beyond it, not in
    // the sea's colour: the frame's box holds all the land drawn, and the paper is the map's.
    const frame = await page.evaluate(() => {
      const m = document.querySelector(".map-margin") as SVGPathElement;
      const d = m.getAttribute("d") ?? "";
      const inner = document.createElementNS("http://www.w3.org/2000/svg", "path");
      inner.setAttribute("d", d.slice(d.indexOf("Z") + 1));
      m.parentNode?.appendChild(inner);
      const r = inner.getBoundingClientRect();
      inner.remove();
      return {
        box: { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom },
        fill: getComputedStyle(m).fill,
        shown: getComputedStyle(m).display !== "none",
      };
    });
    expect(frame.shown).toBe(true);
    expect(frame.fill).toBe("rgb(255, 255, 255)");
    expect(land.x0).toBeGreaterThanOrEqual(frame.box.x0 - 1);
    expect(land.y0).toBeGreaterThanOrEqual(frame.box.y0 - 1);
    expect(land.x1).toBeLessThanOrEqual(frame.box.x1 + 1);
    expect(land.y1).toBeLessThanOrEqual(frame.box.y1 + 1);
    await shot(page, "layout-zoomed-out");
    // "+" steps back in; "0" returns to the fitted theatre.
    await page.keyboard.press("+");
    await page.waitForFunction(() => /,0\.9$/.test(new URLSearchParams(location.search).get("view") ?? ""));
    await page.keyboard.press("0");
    await page.waitForFunction(() => /,1$/.test(new URLSearchParams(location.search).get("view") ?? ""));
    const back = await boxes(page);
    expect(back.theatre.x0).toBeCloseTo(before.theatre.x0, 0);
    expect(back.theatre.x1).toBeCloseTo(before.theatre.x1, 0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("keeps a link's zoom within range", async () => {
    const { page, problems } = await openApp(browser, "?date=2016-09-01&view=38.98,34.85,0.05");
    await page.waitForTimeout(300);
    const k = await page.evaluate(() => {
      const m = /scale\(([\d.]+)\)/.exec(
        document.querySelector(".map-zoomed")?.getAttribute("transform") ?? "",
      );
      return Number(m?.[1]);
    });
    // The zoomed group's scale is the fit's times the zoom: at the limit, 0.6 of the fitted one.
    await page.keyboard.press("0");
    await page.waitForFunction(() => /,1$/.test(new URLSearchParams(location.search).get("view") ?? ""));
    const fitted = await page.evaluate(() => {
      const m = /scale\(([\d.]+)\)/.exec(
        document.querySelector(".map-zoomed")?.getAttribute("transform") ?? "",
      );
      return Number(m?.[1]);
    });
    expect(k / fitted).toBeCloseTo(0.6, 2);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("settled ground and open country in the chart and the compare table", () => {
  it("shows both figures, with what they mean, where the theatre has open country", async () => {
    const { page, problems } = await openApp(browser, "?date=2016-09-01&compare=2015-06-01");
    await page.waitForSelector(".chart-layers path.open");
    expect(await page.locator(".chart-layers path.settled").count()).toBeGreaterThan(0);
    const note = page.locator(".chart-note");
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(
      /Settled \(solid\): .*Open country \(paler\): ground beyond the reach/,
    );
    // The paler layer of a faction is the map's paler shade of it.
    const fills = await page.$$eval(".chart-layers path.open", (ps) => ps.map((p) => p.getAttribute("fill")));
    expect(new Set(fills).size).toBe(fills.length);
    // The note's samples show those colours, not a grey: the open one the paler layers' fills,
    // the settled one the same factions' solid fills.
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;
    const openBg = await page.$eval(
      ".chart-key-open",
      (e) => getComputedStyle(e).backgroundImage + getComputedStyle(e).backgroundColor,
    );
    for (const f of fills) expect(openBg).toContain(rgb(f ?? ""));
    const settledFills = await page.$$eval(".chart-layers path.settled", (ps) =>
      ps.map((p) => p.getAttribute("fill") ?? ""),
    );
    const settledBg = await page.$eval(
      ".chart-key-settled",
      (e) => getComputedStyle(e).backgroundImage + getComputedStyle(e).backgroundColor,
    );
    expect(settledFills.some((f) => settledBg.includes(rgb(f)))).toBe(true);
    await page.waitForSelector(".compare-table");
    const heads = await page.$$eval(".compare-table th", (ths) =>
      ths.map((th) => [th.textContent, th.getAttribute("title") ?? ""]),
    );
    expect(heads.map((x) => x[0])).toEqual(["From", "To", "Settled km²", "Open km²"]);
    expect(heads[2]?.[1]).toMatch(/within the reach/);
    expect(heads[3]?.[1]).toMatch(/beyond the reach/);
    const rows = await page.$$eval(".compare-table tbody tr", (trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll("td.num")].map((td) => Number((td.textContent ?? "").replace(/,/g, ""))),
      ),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toHaveLength(2);
    // Some ground that changed hands between mid-2015 and September 2016 was open desert.
    expect(rows.some((r) => (r[1] ?? 0) > 0)).toBe(true);
    expect(await page.locator(".compare-note").textContent()).toMatch(/^Settled: .*Open: /);
    await page
      .locator("#chart")
      .locator("..")
      .screenshot({ path: `${OUTPUT}/chart-settled-open.png` });
    await page
      .locator("#compare")
      .locator("..")
      .screenshot({ path: `${OUTPUT}/compare-settled-open.png` });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("keeps one km² column where the theatre has no open country", async () => {
    const { page, problems } = await openApp(
      browser,
      "?scenario=raqqa-2017&date=2017-10-01&compare=2017-06-10",
    );
    await page.waitForSelector(".compare-table");
    const heads = await page.$$eval(".compare-table th", (ths) => ths.map((th) => th.textContent));
    expect(heads).toEqual(["From", "To", "km²"]);
    await page.waitForSelector(".chart-layers path");
    expect(await page.locator(".chart-layers path.open").count()).toBe(0);
    expect(await page.locator(".chart-note").isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("the neighbouring countries named at every size", () => {
  // The neighbours the opening frame must name at each size. A country too narrow for its name
  // across it (Lebanon) is named along its length, or off its coast when even that is too long.
  // Not required, and why: Israel (only the Golan and Galilee corner is in view, too small for
  // its name at some sizes); Kuwait below 1440 px (its corner of the frame is under the scale
  // bar or off the screen); Lebanon on the caliphate at phone width (the theatre fills the width,
  // so Lebanon lies at the screen's edge with no room on screen for a name beside it); Cyprus and
  // Egypt are off the frame.
  const common: Record<string, readonly string[]> = {
    "syria-2014-2019": ["TURKEY", "IRAQ", "JORDAN", "LEBANON"],
    "iraq-syria-2014-2019": ["TURKEY", "IRAN", "SAUDI ARABIA", "JORDAN"],
  };
  const more: Record<string, Record<string, readonly string[]>> = {
    "1440x900": { "iraq-syria-2014-2019": ["LEBANON", "KUWAIT"] },
    "1024x768": { "iraq-syria-2014-2019": ["LEBANON"] },
  };
  for (const [name, viewport] of SIZES)
    for (const scenario of Object.keys(common))
      it(`${scenario} at ${name}`, async () => {
        const { page, problems } = await openApp(browser, `?scenario=${scenario}&date=2016-09-01`, viewport);
        await page.evaluate(() => document.fonts.ready);
        const names = await page.$$eval(".map-country-labels text", (ts) =>
          ts.map((t) => {
            const r = t.getBoundingClientRect();
            return { text: t.textContent ?? "", x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
          }),
        );
        await shot(page, `countries-${scenario}-${name}`);
        console.log(`${scenario} at ${name}: ${names.map((c) => c.text).join(", ")}`);
        const expected = [...(common[scenario] ?? []), ...(more[name]?.[scenario] ?? [])];
        for (const n of expected) expect(names.map((c) => c.text).join(" | "), `${n} named`).toContain(n);
        // Each name is on the screen.
        for (const c of names) {
          expect(c.x0, c.text).toBeGreaterThanOrEqual(0);
          expect(c.x1, c.text).toBeLessThanOrEqual(viewport.width);
        }
        expect(problems).toEqual([]);
        await page.close();
      });
});
