// Clicking a place explains that place: every dot of the Raqqa and the Syria scenarios is clicked
// at its centre and the why panel must name exactly that place. A dot the pointer cannot reach at
// the opening zoom (under an overlay, or on top of another dot) is clicked again from a view
// zoomed in on it; none is skipped. A tap near a dot, a tap on a label and a click on open ground
// are checked too.
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompiledScenario } from "../../src/core/types.js";
import { loadScenario } from "../../src/node/load.js";
import { launch, openApp, shot, waitForMap } from "./browser.js";
import { inject } from "vitest";

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

function compiled(id: string): CompiledScenario {
  const result = loadScenario(resolve(import.meta.dirname, `../../scenarios/${id}.yaml`));
  if (!result.scenario) throw new Error(`${id} does not compile`);
  return result.scenario;
}

interface Dot {
  readonly unit: number;
  readonly name: string;
  readonly kind: string;
  /** Page coordinates of the dot's centre. */
  readonly x: number;
  readonly y: number;
  /** Whether a click at its centre reaches it (in view, not under an overlay or another dot). */
  readonly reachable: boolean;
}

/** Every place dot on the map, where it is on the page and whether a click can reach it. */
function dots(page: Page): Promise<Dot[]> {
  return page.evaluate(() => {
    const svg = document.querySelector("svg.map-svg");
    const box = svg?.getBoundingClientRect();
    const marks = [...document.querySelectorAll<SVGGElement>(".map-places .place")].map((g) => {
      const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(g.getAttribute("transform") ?? "");
      return {
        unit: Number(g.getAttribute("data-unit")),
        name: g.querySelector(".place-label")?.textContent ?? "",
        kind: /place-(\w+)/.exec(g.getAttribute("class") ?? "")?.[1] ?? "",
        x: (box?.left ?? 0) + Number(m?.[1]),
        y: (box?.top ?? 0) + Number(m?.[2]),
        offscreen: g.classList.contains("offscreen"),
      };
    });
    return marks.map((d) => {
      const hit = document.elementFromPoint(d.x, d.y);
      const clear = marks.every((o) => o === d || Math.hypot(o.x - d.x, o.y - d.y) > 0.5);
      const inMap =
        box !== undefined && d.x > box.left && d.x < box.right && d.y > box.top && d.y < box.bottom;
      return {
        unit: d.unit,
        name: d.name,
        kind: d.kind,
        x: d.x,
        y: d.y,
        reachable: !d.offscreen && inMap && clear && hit?.closest("svg.map-svg") === svg,
      };
    });
  });
}

/** Clicks at `(x, y)` and returns the why panel's heading once it names `expected` (or after 3 s). */
async function explainAt(page: Page, x: number, y: number, expected: string): Promise<string> {
  await page.mouse.click(x, y);
  await page
    .waitForFunction((t) => document.querySelector(".why-unit")?.textContent === t, expected, {
      timeout: 3000,
    })
    .catch(() => undefined);
  return (await page.textContent(".why-unit")) ?? "(no panel)";
}

async function clickEveryDot(
  id: string,
  date: string,
): Promise<{ total: number; atOpening: number; zoomed: number; wrong: string[] }> {
  const scenario = compiled(id);
  const search = `?scenario=${id}&date=${date}`;
  const { page, problems } = await openApp(browser, search);
  const all = await dots(page);
  expect(all.length).toBe(scenario.units.filter((u) => u.at).length);
  const wrong: string[] = [];
  const later: Dot[] = [];
  let atOpening = 0;
  for (const d of all) {
    if (!d.reachable) {
      later.push(d);
      continue;
    }
    const expected = `${d.name} (${d.kind})`;
    const got = await explainAt(page, d.x, d.y, expected);
    atOpening++;
    if (got !== expected) wrong.push(`${expected} → ${got}`);
  }
  await shot(page, `pick-${id}-last-dot`);
  // Dots the opening view cannot reach: a view zoomed in on each, then its centre clicked.
  let zoomed = 0;
  for (const d of later) {
    const at = scenario.units[d.unit]?.at;
    if (!at) throw new Error(`${d.name} has no position`);
    let reached: Dot | undefined;
    for (const zoom of [8, 32]) {
      await page.goto(`${inject("baseUrl")}${search}&view=${at[0]},${at[1]},${zoom}`);
      await waitForMap(page);
      reached = (await dots(page)).find((o) => o.unit === d.unit && o.reachable);
      if (reached) break;
    }
    if (!reached) {
      wrong.push(`${d.name}: not reachable even at zoom 32`);
      continue;
    }
    const expected = `${d.name} (${d.kind})`;
    const got = await explainAt(page, reached.x, reached.y, expected);
    zoomed++;
    if (got !== expected) wrong.push(`${expected} (zoomed in) → ${got}`);
  }
  expect(problems).toEqual([]);
  await page.close();
  return { total: all.length, atOpening, zoomed, wrong };
}

describe("clicking a place's dot explains that place", () => {
  it("every dot of the battle of Raqqa", async () => {
    const r = await clickEveryDot("raqqa-2017", "2017-07-15");
    console.log(
      `raqqa-2017: ${r.total} dots, ${r.atOpening} clicked at the opening view, ${r.zoomed} zoomed in`,
    );
    expect(r.wrong).toEqual([]);
    expect(r.atOpening + r.zoomed).toBe(r.total);
  });

  it("every dot of the Syria overview", async () => {
    const r = await clickEveryDot("syria-2014-2019", "2016-09-01");
    console.log(
      `syria-2014-2019: ${r.total} dots, ${r.atOpening} clicked at the opening view, ${r.zoomed} zoomed in`,
    );
    expect(r.wrong).toEqual([]);
    expect(r.atOpening + r.zoomed).toBe(r.total);
  });
});

describe("places and ground as touch and click targets", () => {
  it("a tap beside a dot, on a phone, explains that place", async () => {
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${inject("baseUrl")}?scenario=raqqa-2017&date=2017-07-15`);
    await waitForMap(page);
    // The dot farthest from its neighbours, tapped 10 px to its side: inside a 22 px target.
    const all = (await dots(page)).filter((d) => d.reachable);
    let best: { d: Dot; gap: number } | undefined;
    for (const d of all) {
      const gap = Math.min(...all.filter((o) => o !== d).map((o) => Math.hypot(o.x - d.x, o.y - d.y)));
      if (!best || gap > best.gap) best = { d, gap };
    }
    if (!best) throw new Error("no dot in view");
    expect(best.gap).toBeGreaterThan(24);
    const target = best.d;
    const dx = target.x + 10 < 390 ? 10 : -10;
    await page.touchscreen.tap(target.x + dx, target.y);
    const expected = `${target.name} (${target.kind})`;
    await page.waitForFunction((t) => document.querySelector(".why-unit")?.textContent === t, expected);
    await shot(page, "pick-phone-tap-beside-a-dot");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("a click on a label explains its place, a click on open ground the ground there", async () => {
    const { page, problems } = await openApp(browser, "?scenario=syria-2014-2019&date=2016-09-01");
    // A shown label, clicked at its far end: well off its own dot.
    const label = await page.evaluate(() => {
      for (const g of document.querySelectorAll<SVGGElement>(".map-places .place:not(.offscreen)")) {
        const text = g.querySelector<SVGTextElement>(".place-label:not(.hidden)");
        if (!text || (text.textContent ?? "").length < 7) continue;
        const b = text.getBoundingClientRect();
        const end = text.getAttribute("text-anchor") === "end" ? b.left + 3 : b.right - 3;
        const hit = document.elementFromPoint(end, b.top + b.height / 2);
        if (hit !== text) continue;
        return {
          name: text.textContent ?? "",
          kind: /place-(\w+)/.exec(g.getAttribute("class") ?? "")?.[1],
          x: end,
          y: b.top + b.height / 2,
        };
      }
      return undefined;
    });
    if (!label) throw new Error("no label to click");
    const expected = `${label.name} (${label.kind})`;
    expect(await explainAt(page, label.x, label.y, expected)).toBe(expected);
    // Open ground: the point of the map farthest from every dot.
    const ground = await page.evaluate(() => {
      const svg = document.querySelector("svg.map-svg") as SVGSVGElement;
      const box = svg.getBoundingClientRect();
      const centres = [
        ...document.querySelectorAll<SVGGElement>(".map-places .place:not(.offscreen) circle"),
      ].map((c) => {
        const r = c.getBoundingClientRect();
        return [r.left + r.width / 2, r.top + r.height / 2] as const;
      });
      let best = { x: 0, y: 0, d: 0 };
      for (let x = box.left + 20; x < box.right - 20; x += 10)
        for (let y = box.top + 20; y < box.bottom - 20; y += 10) {
          const hit = document.elementFromPoint(x, y);
          if (!hit?.closest(".map-faces")) continue;
          const d = Math.min(...centres.map(([cx, cy]) => Math.hypot(cx - x, cy - y)));
          if (d > best.d) best = { x, y, d };
        }
      return best;
    });
    expect(ground.d).toBeGreaterThan(20);
    await page.mouse.click(ground.x, ground.y);
    await page.locator(".why-unit").waitFor();
    // The unit explained is one whose ground was clicked: its outline (the selection) holds the point.
    const inside = await page.evaluate(
      ([x, y]) => {
        const path = document.querySelector<SVGPathElement>(".map-selection");
        const m = path?.getScreenCTM()?.inverse();
        if (!path || !m) return false;
        const p = new DOMPoint(x, y).matrixTransform(m);
        return path.isPointInFill(p);
      },
      [ground.x, ground.y] as const,
    );
    expect(inside).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("labels of the national map in the app", () => {
  for (const viewport of [
    { width: 1400, height: 900 },
    { width: 1024, height: 768 },
    { width: 390, height: 844 },
  ]) {
    it(`names Aleppo, Damascus and the neighbours without overlaps at ${viewport.width}×${viewport.height}`, async () => {
      const { page, problems } = await openApp(
        browser,
        "?scenario=syria-2014-2019&date=2016-09-01",
        viewport,
      );
      const shown = await page.evaluate(() => {
        const svg = document.querySelector("svg.map-svg")?.getBoundingClientRect();
        const visible = (r: DOMRect): boolean =>
          svg !== undefined &&
          r.width > 0 &&
          r.right > svg.left &&
          r.left < svg.right &&
          r.bottom > svg.top &&
          r.top < svg.bottom;
        const boxes = (selector: string) =>
          [...document.querySelectorAll<SVGTextElement>(selector)]
            .map((t) => ({ text: t.textContent ?? "", r: t.getBoundingClientRect() }))
            .filter(({ r }) => visible(r))
            .map(({ text, r }) => ({ text, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom }));
        const overlays = [".map-heading", "#legend", ".zoom-buttons"]
          .map((q) => document.querySelector(q)?.getBoundingClientRect())
          .filter((r): r is DOMRect => r !== undefined && r.width > 0)
          .map((r) => ({ text: "(overlay)", x0: r.left, y0: r.top, x1: r.right, y1: r.bottom }));
        return {
          overlays,
          places: boxes(".map-places .place:not(.offscreen) .place-label:not(.hidden)"),
          countries: boxes(".map-country-labels text"),
          water: boxes(".map-water-labels text"),
        };
      });
      const names = shown.places.map((p) => p.text);
      expect(names).toContain("Aleppo");
      expect(names).toContain("Damascus");
      for (const c of ["TURKEY", "IRAQ", "JORDAN"]) expect(shown.countries.map((l) => l.text)).toContain(c);
      // No name under the title, the key or the buttons floating over the map.
      const under = shown.places.filter((p) =>
        shown.overlays.some((o) => p.x0 < o.x1 - 2 && o.x0 < p.x1 - 2 && p.y0 < o.y1 - 2 && o.y0 < p.y1 - 2),
      );
      expect(under.map((p) => p.text)).toEqual([]);
      const all = [...shown.places, ...shown.countries, ...shown.water];
      const overlaps: string[] = [];
      // Glyph boxes as drawn; two pixels of slack for the halo around each name.
      for (let i = 0; i < all.length; i++)
        for (let j = i + 1; j < all.length; j++) {
          const a = all[i];
          const b = all[j];
          if (a && b && a.x0 < b.x1 - 2 && b.x0 < a.x1 - 2 && a.y0 < b.y1 - 2 && b.y0 < a.y1 - 2)
            overlaps.push(`${a.text} / ${b.text}`);
        }
      console.log(
        `${viewport.width}×${viewport.height}: ${names.length} place names, countries ${shown.countries.map((c) => c.text).join(", ")}`,
      );
      await shot(page, `labels-syria-${viewport.width}x${viewport.height}`);
      expect(overlaps).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});
