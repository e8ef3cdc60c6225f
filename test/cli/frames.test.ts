import { runCli } from "./run-cli.js";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseStep, stepDates } from "../../src/cli/options.js";
import { createProgress } from "../../src/cli/progress.js";
import { gifInfo } from "../../src/node/gif.js";
import { pngSize } from "../../src/node/raster.js";

const run = runCli;

const SMALL = "test/core/fixtures/small.yaml";
const dir = mkdtempSync(join(tmpdir(), "frontfold-frames-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("steps", () => {
  it("parses days, weeks and months", () => {
    expect(parseStep("7d", "1d")).toEqual({ count: 7, unit: "d" });
    expect(parseStep(undefined, "2w")).toEqual({ count: 2, unit: "w" });
    expect(parseStep("1m", "1d")).toEqual({ count: 1, unit: "m" });
    expect(() => parseStep("7", "1d")).toThrow(/--every/);
    expect(() => parseStep("0d", "1d")).toThrow(/--every/);
  });

  it("runs from the first date by the step and always ends on the last", () => {
    expect(stepDates("2017-01-01", "2017-01-20", { count: 7, unit: "d" })).toEqual([
      "2017-01-01",
      "2017-01-08",
      "2017-01-15",
      "2017-01-20",
    ]);
    expect(stepDates("2017-01-31", "2017-04-30", { count: 1, unit: "m" })).toEqual([
      "2017-01-31",
      "2017-02-28",
      "2017-03-31",
      "2017-04-30",
    ]);
    expect(stepDates("2017-01-01", "2017-01-01", { count: 1, unit: "w" })).toEqual(["2017-01-01"]);
    expect(() => stepDates("2000-01-01", "2017-01-01", { count: 1, unit: "d" })).toThrow(/larger --every/);
  });
});

describe("progress", () => {
  function sink(isTTY: boolean) {
    const written: string[] = [];
    let t = 0;
    return {
      written,
      advance: (ms: number) => (t += ms),
      options: {
        label: "frames",
        sink: { write: (s: string) => written.push(s), isTTY, columns: 80 },
        now: () => t,
      },
    };
  }

  it("says nothing for work done within a second", () => {
    const s = sink(true);
    const p = createProgress(5, s.options);
    for (let i = 0; i < 5; i++) {
      s.advance(100);
      p.tick();
    }
    p.done();
    expect(s.written).toEqual([]);
  });

  it("on a terminal redraws one line in place, and ends it", () => {
    const s = sink(true);
    const p = createProgress(10, s.options);
    for (let i = 0; i < 10; i++) {
      s.advance(400);
      p.tick(`2017-01-0${i}`);
    }
    p.done();
    expect(s.written.length).toBeGreaterThan(3);
    expect(s.written.every((w) => w.startsWith("\r"))).toBe(true);
    expect(s.written.at(-1)).toMatch(/^\rframes \[#+\] 10\/10 100%.* in 4\.0 s\s*\n$/);
    expect(s.written[0]).toMatch(/eta/);
  });

  it("elsewhere prints a plain line at most once a second", () => {
    const s = sink(false);
    const p = createProgress(20, s.options);
    for (let i = 0; i < 20; i++) {
      s.advance(300);
      p.tick();
    }
    p.done();
    expect(s.written.every((w) => !w.includes("\r") && w.endsWith("\n"))).toBe(true);
    expect(s.written.length).toBeGreaterThanOrEqual(4);
    expect(s.written.length).toBeLessThanOrEqual(8);
    expect(s.written.at(-1)).toBe("frames: 20/20 in 6.0 s\n");
  });
});

describe("frontfold frames / animate / handout: bad arguments", () => {
  it.each([
    [["frames"], /needs a scenario file/],
    [["frames", SMALL], /needs --out DIR/],
    [["frames", SMALL, "--out", dir, "--format", "jpg"], /--format: expected svg or png, got "jpg"/],
    [["frames", SMALL, "--out", dir, "--every", "weekly"], /--every: expected a step like/],
    [["frames", SMALL, "--out", dir, "--from", "2017-02-30"], /--from: day 30 does not exist/],
    [["frames", SMALL, "--out", dir, "--width", "wide"], /--width/],
    [["frames", SMALL, "--out", dir, "--from", "2017-05-01", "--to", "2017-04-01"], /is after --to/],
    [["frames", SMALL, "--out", dir, "--frobnicate"], /Unknown option/],
    [["animate", SMALL, "--out", "x.mp4"], /expected a \.gif file/],
    [
      ["animate", SMALL, "--chapters", "--every", "7d", "--out", "x.gif"],
      /leave out --from, --to and --every/,
    ],
    [["animate", SMALL, "--out", "x.gif", "--delay-ms", "fast"], /--delay-ms/],
    [["handout", SMALL], /needs --out FILE\.html/],
    [["handout", SMALL, "--out", "x.pdf"], /expected an \.html file/],
  ])("%j is a usage error (exit 2) with a clear message", async (argv, message) => {
    const r = await run(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.err.join("\n")).toMatch(message);
    expect(r.err.join("\n")).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("an output that cannot be written fails at once with the reason (exit 1)", async () => {
    const folder = join(dir, "exists.gif");
    mkdirSync(folder, { recursive: true });
    const r = await run("animate", SMALL, "--out", folder);
    expect(r.code).toBe(1);
    expect(r.err.join("\n")).toMatch(/cannot write .*: that is a folder/);
  });

  it("a scenario with errors exits 1 with its diagnostics", async () => {
    const r = await run("frames", "test/core/fixtures/broken.yaml", "--out", dir);
    expect(r.code).toBe(1);
    expect(r.err.join("\n")).toMatch(/broken\.yaml:\d+:\d+ error/);
  });
});

describe("frontfold frames (golden checks)", () => {
  it("writes one SVG per step with title, date, legend and scale bar", async () => {
    const out = join(dir, "svg");
    const r = await run("frames", SMALL, "--from", "2017-05-01", "--to", "2017-05-22", "--every", "7d");
    expect(r.code).toBe(2);
    const ok = await run(
      "frames",
      SMALL,
      "--from",
      "2017-05-01",
      "--to",
      "2017-05-22",
      "--every",
      "7d",
      "--out",
      out,
      "--format",
      "svg",
    );
    expect(ok.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual([
      "small-2017-05-01.svg",
      "small-2017-05-08.svg",
      "small-2017-05-15.svg",
      "small-2017-05-22.svg",
    ]);
    const svg = readFileSync(join(out, "small-2017-05-15.svg"), "utf8");
    expect(svg).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/);
    expect(svg).toContain("A small test scenario");
    expect(svg).toContain("15 May 2017");
    expect(svg).toMatch(/legend/i);
    for (const name of ["Islamic State", "Syrian Democratic Forces", "Syrian government"])
      expect(svg).toContain(name);
    expect(svg).toMatch(/\d+\s*km/);
    // The frame before and after Tabqa falls differ.
    const ground = (f: string) =>
      readFileSync(join(out, f), "utf8").match(/<g class="control">.*?<\/g>/)?.[0];
    expect(ground("small-2017-05-08.svg")).toBeDefined();
    expect(ground("small-2017-05-08.svg")).not.toBe(ground("small-2017-05-15.svg"));
  });

  it("writes decodable PNGs of the asked width", async () => {
    const out = join(dir, "png");
    const r = await run(
      "frames",
      SMALL,
      "--from",
      "2017-05-01",
      "--to",
      "2017-05-15",
      "--every",
      "1w",
      "--out",
      out,
      "--width",
      "640",
    );
    expect(r.code).toBe(0);
    expect(r.out.at(-1)).toMatch(/^wrote 3 PNG frames \(2017-05-01 … 2017-05-15\) to /);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(3);
    for (const f of files) {
      const size = pngSize(new Uint8Array(readFileSync(join(out, f))));
      expect(size?.width).toBe(640);
      expect(size?.height).toBeGreaterThan(100);
    }
  });

  it("animate writes a looping GIF with a frame per step", async () => {
    const out = join(dir, "anim", "small.gif");
    const r = await run(
      "animate",
      SMALL,
      "--from",
      "2017-05-01",
      "--to",
      "2017-06-26",
      "--every",
      "2w",
      "--out",
      out,
      "--width",
      "480",
      "--delay-ms",
      "500",
    );
    expect(r.code).toBe(0);
    const info = gifInfo(new Uint8Array(readFileSync(out)));
    expect(info).toMatchObject({ width: 480, frames: 5, loops: true });
    expect(info?.delaysMs.slice(0, 4)).toEqual([500, 500, 500, 500]);
    expect(info?.delaysMs.at(-1)).toBe(2000);
  });

  it("animate --chapters writes one PNG per chapter", async () => {
    const out = join(dir, "chapters");
    const r = await run("animate", SMALL, "--chapters", "--out", out, "--width", "320");
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(["small-ch01-2017-01-01.png"]);
    expect(pngSize(new Uint8Array(readFileSync(join(out, "small-ch01-2017-01-01.png"))))?.width).toBe(320);
  });

  it("handout writes a page with a map per chapter", async () => {
    const out = join(dir, "handout.html");
    const r = await run("handout", SMALL, "--out", out);
    expect(r.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html.match(/<section class="chapter">/g)).toHaveLength(1);
    expect(html).toContain("Before the battle");
    expect(html).toContain("Islamic State holds the city.");
    expect(html).toMatch(/<svg class="map"|<img class="map"/);
  });
});
