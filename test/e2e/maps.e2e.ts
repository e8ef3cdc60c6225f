// Every shipped scenario at three telling dates, at desktop size, one page navigated by URL: a
// screenshot per date in output/maps/<scenario>/<date>.png (to set beside the maps of the time),
// and simple truths at each — the place the caption names is held by the expected faction (as
// the place panel tells it), the key lists that faction, the named rivers are drawn and labelled,
// and the neighbouring countries are named where the frame shows them.
import { mkdirSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, OUTPUT, sliderDate, waitForMap } from "./browser.js";

interface MapCase {
  readonly date: string;
  /** What the date shows, for a reader of the screenshots. */
  readonly caption: string;
  /** A place the caption names, and who held it then (the public record, as in test/facts). */
  readonly place: string;
  readonly faction: string;
  /** `held`, or the status word the panel shows ("Contested", "Besieged"). */
  readonly status?: string;
  /** The front runs along the river here: the river must be drawn along it, above it. */
  readonly riverFront?: boolean;
}

interface ScenarioMaps {
  readonly scenario: string;
  /** Rivers the map labels. */
  readonly rivers: readonly string[];
  /** Neighbouring countries named on the frame the scenario opens on. */
  readonly neighbours: readonly string[];
  readonly cases: readonly [MapCase, MapCase, MapCase];
}

const IS = "Islamic State";
const SDF = "Syrian Democratic Forces";
const REGIME = "Syrian government";
const TURKEY = "Turkey and Turkish-backed forces";
const IRAQ = "Iraqi government forces";

const MAPS: readonly ScenarioMaps[] = [
  {
    scenario: "syria-2014-2019",
    rivers: ["Euphrates"],
    neighbours: ["TURKEY", "IRAQ", "JORDAN", "LEBANON"],
    cases: [
      {
        date: "2015-01-27",
        caption: "Kobani the day after IS was driven out",
        place: "Kobani",
        faction: SDF,
      },
      {
        date: "2015-08-15",
        caption: "IS at its height: Palmyra taken in May",
        place: "Palmyra",
        faction: IS,
      },
      { date: "2017-10-20", caption: "Raqqa three days after its fall", place: "Raqqa", faction: SDF },
    ],
  },
  {
    scenario: "iraq-syria-2014-2019",
    rivers: ["Euphrates", "Tigris"],
    neighbours: ["TURKEY", "IRAN", "SAUDI ARABIA", "JORDAN"],
    cases: [
      { date: "2014-08-15", caption: "After the fall of Mosul and Sinjar", place: "Sinjar", faction: IS },
      { date: "2016-07-01", caption: "Fallujah retaken in June 2016", place: "Fallujah", faction: IRAQ },
      {
        date: "2017-11-20",
        caption: "al-Qaim and Rawa retaken in November 2017",
        place: "al-Qaim",
        faction: IRAQ,
      },
    ],
  },
  {
    scenario: "raqqa-2017",
    rivers: ["Euphrates"],
    neighbours: [],
    cases: [
      {
        date: "2017-06-10",
        caption: "The SDF in al-Mashlab, the east of the city",
        place: "al-Mashlab",
        faction: SDF,
      },
      {
        date: "2017-07-05",
        caption: "The Old City wall breached",
        place: "Raqqa Old City",
        faction: IS,
        status: "Contested",
      },
      { date: "2017-10-20", caption: "Raqqa taken", place: "Raqqa", faction: SDF },
    ],
  },
  {
    scenario: "deir-ez-zor-2017",
    rivers: ["Euphrates"],
    neighbours: [],
    cases: [
      {
        date: "2017-03-01",
        caption: "The government enclave besieged by IS",
        place: "Deir ez-Zor",
        faction: REGIME,
        status: "Besieged",
      },
      {
        date: "2017-09-10",
        caption: "The siege broken on 5 September; the battle for the IS half of the city",
        place: "Deir ez-Zor",
        faction: REGIME,
        status: "Contested",
      },
      {
        date: "2017-11-05",
        caption: "The city and al-Mayadin retaken",
        place: "al-Mayadin",
        faction: REGIME,
      },
    ],
  },
  {
    scenario: "hajin-2018",
    rivers: ["Euphrates"],
    neighbours: [],
    cases: [
      {
        date: "2018-10-01",
        caption: "The Hajin pocket three weeks into the SDF offensive",
        place: "Hajin",
        faction: IS,
        status: "Contested",
      },
      { date: "2018-12-20", caption: "Hajin taken on 14 December", place: "Hajin", faction: SDF },
      {
        date: "2019-03-25",
        caption: "al-Baghuz, the last IS ground, taken",
        place: "al-Baghuz",
        faction: SDF,
      },
    ],
  },
  {
    scenario: "northern-aleppo-2016",
    rivers: ["Euphrates"],
    neighbours: ["TURKEY"],
    cases: [
      {
        date: "2016-06-15",
        caption: "Manbij encircled by the SDF",
        place: "Manbij",
        faction: IS,
        status: "Besieged",
      },
      {
        date: "2016-09-01",
        caption: "Jarabulus to Turkey, Manbij to the SDF",
        place: "Jarabulus",
        faction: TURKEY,
      },
      { date: "2017-03-01", caption: "al-Bab taken by Euphrates Shield", place: "al-Bab", faction: TURKEY },
    ],
  },
  {
    scenario: "peace-spring-2019",
    rivers: ["Euphrates"],
    neighbours: ["TURKEY"],
    cases: [
      { date: "2019-10-08", caption: "The eve of the Turkish offensive", place: "Tal Abyad", faction: SDF },
      {
        date: "2019-10-20",
        caption: "Ras al-Ain given up under the ceasefire",
        place: "Ras al-Ain",
        faction: TURKEY,
      },
      { date: "2019-11-30", caption: "After the Sochi agreement", place: "Tal Abyad", faction: TURKEY },
    ],
  },
  {
    scenario: "mosul-2016-2017",
    rivers: ["Tigris"],
    neighbours: [],
    cases: [
      { date: "2016-11-15", caption: "The approach: Qaraqosh retaken", place: "Qaraqosh", faction: IRAQ },
      {
        date: "2017-01-25",
        caption: "East Mosul retaken on 24 January",
        place: "University of Mosul",
        faction: IRAQ,
        riverFront: true,
      },
      {
        date: "2017-07-15",
        caption: "The Old City and al-Nuri retaken",
        place: "Great Mosque of al-Nuri",
        faction: IRAQ,
      },
    ],
  },
];

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
});

/** The key's entries, as text. */
async function keyNames(p: Page): Promise<string[]> {
  return p.$$eval("#legend .legend-list li", (lis) => lis.map((li) => li.textContent ?? ""));
}

describe("every shipped scenario at three dates", () => {
  it("covers every scenario file that ships", () => {
    const shipped = readdirSync(resolve(import.meta.dirname, "../../scenarios"))
      .filter((f) => f.endsWith(".yaml") && !f.includes(".events."))
      .map((f) => f.replace(/\.yaml$/, ""))
      .sort();
    expect(MAPS.map((m) => m.scenario).sort()).toEqual(shipped);
  });

  for (const m of MAPS) {
    it(`${m.scenario}: three dates drawn with key, rivers, neighbours and the captioned place`, async () => {
      const dir = join(OUTPUT, "maps", m.scenario);
      mkdirSync(dir, { recursive: true });
      const problems: string[] = [];
      const onConsole = (msg: { type(): string; text(): string }) => {
        if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
      };
      const onError = (e: Error) => problems.push(`page: ${e.message}`);
      page.on("console", onConsole);
      page.on("pageerror", onError);
      for (const c of m.cases) {
        await page.goto(`${inject("baseUrl")}?scenario=${m.scenario}&date=${c.date}`);
        await waitForMap(page);
        await page.waitForFunction((d) => document.title.startsWith(`${d} — `), c.date);
        expect(await sliderDate(page), c.caption).toBe(c.date);
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: join(dir, `${c.date}.png`) });

        // The key: at least two factions, every entry with a swatch.
        const key = await keyNames(page);
        expect(key.length, `${m.scenario} ${c.date}: key entries`).toBeGreaterThanOrEqual(3);
        // Rivers drawn and labelled.
        expect(await page.getAttribute(".map-water .map-river-major", "d"), "major rivers").toMatch(/^M/);
        const water = await page.$$eval(".map-water-labels text", (ts) => ts.map((t) => t.textContent ?? ""));
        for (const river of m.rivers)
          expect(water.join(" | "), `${m.scenario}: ${river} labelled`).toContain(river);
        // One drawing order, as in the exports: rivers over the ground and under the fronts, a
        // front along a river drawn with the river's blue above it.
        const order = await page.$$eval(".map-zoomed > *", (els) =>
          els.map((e) => e.getAttribute("class") ?? ""),
        );
        const at = (cls: string) => order.indexOf(cls);
        expect(at("map-faces")).toBeLessThan(at("map-water"));
        expect(at("map-water")).toBeLessThan(at("map-front"));
        expect(at("map-front")).toBeLessThan(at("map-river-front"));
        expect(at("map-river-front")).toBeLessThan(at("map-river-front-water"));
        expect(at("map-river-front-water")).toBeLessThan(at("map-outline"));
        if (c.riverFront)
          expect(await page.getAttribute(".map-river-front-water", "d"), "the river along the front").toMatch(
            /^M/,
          );
        // Neighbouring countries named.
        const countries = await page.$$eval(".map-country-labels text", (ts) =>
          ts.map((t) => t.textContent ?? ""),
        );
        for (const n of m.neighbours)
          expect(countries.join(" | ").toUpperCase(), `${m.scenario}: ${n} named`).toContain(n);

        // The captioned place, as the panel explains it.
        await page.locator("#why-find").fill(c.place);
        await page.locator("#why-find").press("Enter");
        await page.locator(".why-unit").waitFor();
        expect(await page.textContent(".why-unit")).toContain(c.place);
        const faction = (await page.textContent(".why-faction")) ?? "";
        expect(faction, `${m.scenario} ${c.date}: ${c.place}`).toContain(c.faction);
        expect(key.join(" | "), "the holder is in the key").toContain(c.faction);
        if (c.status) expect(faction).toContain(c.status);
        else expect(faction).toContain("Held");
        // A place's dot is ringed when it is contested (ink) or besieged (red), as in the exports.
        const ring = await page.$$eval(
          ".place",
          (els, name) =>
            els
              .filter((e) => e.querySelector(".place-label")?.textContent === name)
              .map((e) => {
                const r = e.querySelector(".place-ring");
                return r && getComputedStyle(r).display !== "none" ? getComputedStyle(r).stroke : "none";
              }),
          // The place's own name, as the panel heads it ("Name (kind)").
          ((await page.textContent(".why-unit")) ?? "").replace(/ \([^)]*\)$/, ""),
        );
        const ringColour = { Besieged: "rgb(176, 0, 32)", Contested: "rgb(31, 31, 31)" } as const;
        const isArea = ((await page.textContent(".why-kind")) ?? "").includes("area");
        expect(ring.length, `${m.scenario} ${c.date}: ${c.place}'s dot`).toBe(isArea ? 0 : 1);
        if (ring.length > 0)
          expect(ring[0], `${m.scenario} ${c.date}: ${c.place}'s ring`).toBe(
            c.status === "Besieged" || c.status === "Contested" ? ringColour[c.status] : "none",
          );
      }
      page.off("console", onConsole);
      page.off("pageerror", onError);
      expect(problems).toEqual([]);
    });
  }
});
