// Writes never touch inputs, and every writing command creates missing output folders the same way.

import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "frontfold-out-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const scenario = join(dir, "small.yaml");
const events = join(dir, "small.events.yaml");
copyFileSync("test/core/fixtures/small.yaml", scenario);
copyFileSync("test/core/fixtures/small.events.yaml", events);
const before = { scenario: readFileSync(scenario, "utf8"), events: readFileSync(events, "utf8") };

function untouched(): void {
  expect(readFileSync(scenario, "utf8")).toBe(before.scenario);
  expect(readFileSync(events, "utf8")).toBe(before.events);
}

describe("defect 4: overwritten scenarios", () => {
  // Used to overwrite the scenario without a word: `at SCENARIO --out SCENARIO`, `stats SCENARIO --out INCLUDED`.
  const attempts: string[][] = [
    ["at", scenario, "--date", "2017-06-01", "--format", "json", "--out", scenario],
    ["at", scenario, "--date", "2017-06-01", "--format", "geojson", "--out", events],
    ["stats", scenario, "--out", scenario],
    ["stats", scenario, "--format", "json", "--out", events],
  ];
  it.each(attempts)("%s refuses an --out that is one of its inputs", async (...argv) => {
    const r = await runCli(...argv);
    expect(r.code).toBe(1);
    expect(r.err.join("\n")).toMatch(
      /will not write .*: it is one of this command's inputs .* choose another --out/,
    );
    untouched();
  });

  it("refuses the same file under another name (a link)", async () => {
    const link = join(dir, "link.yaml");
    symlinkSync(scenario, link);
    const r = await runCli("stats", scenario, "--out", link);
    expect(r.code).toBe(1);
    expect(r.err.join("\n")).toMatch(/will not write/);
    untouched();
  });

  it("frames into the scenario's own folder never replace an input, and still write the frames", async () => {
    const r = await runCli(
      "frames",
      scenario,
      "--out",
      dir,
      "--format",
      "svg",
      "--every",
      "30d",
      "--from",
      "2017-06-01",
      "--to",
      "2017-07-01",
    );
    expect(r.code).toBe(0);
    untouched();
    expect(readdirSync(dir).filter((f) => f.endsWith(".svg")).length).toBeGreaterThan(0);
  });
});

describe("defect 11: missing output folders", () => {
  // Used to fail: `schema --out-dir missing/` printed a stack trace; `at`/`stats` into a missing folder gave a bare ENOENT.
  it("schema --out-dir creates the folder", async () => {
    const out = join(dir, "missing", "schemas");
    const r = await runCli("schema", "--out-dir", out);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, "scenario.schema.json"))).toBe(true);
    expect(existsSync(join(out, "events.schema.json"))).toBe(true);
  });

  it("schema --out-dir onto a file fails with the reason, no stack trace", async () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "x");
    const r = await runCli("schema", "--out-dir", file);
    expect(r.code).toBe(1);
    expect(r.err.join("\n")).toMatch(/^frontfold schema: cannot create the folder .*a-file: /);
    expect(r.err.join("\n")).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it.each([
    ["at", "--date", "2017-06-01", "--format", "json", "--out"],
    ["stats", "--out"],
  ])("%s creates a missing folder like the other exports", async (command, ...rest) => {
    const out = join(dir, `new-${command}`, "deeper", "out.txt");
    const r = await runCli(command, scenario, ...rest, out);
    expect(r.err).toEqual([`wrote ${out}`]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, "utf8").length).toBeGreaterThan(10);
  });
});

describe("options are validated once", () => {
  it("stats --every takes the shared step syntax, in days or weeks", async () => {
    const weeks = await runCli("stats", scenario, "--every", "2w", "--format", "json");
    expect(weeks.code).toBe(0);
    const months = await runCli("stats", scenario, "--every", "1m");
    expect(months.code).toBe(2);
    expect(months.err.join("\n")).toMatch(/--every: expected a step in days or weeks/);
  });

  it("at --width has the shared check and message", async () => {
    const r = await runCli("at", scenario, "--format", "svg", "--width", "12");
    expect(r.code).toBe(2);
    expect(r.err.join("\n")).toMatch(/--width: expected whole pixels between 320 and 8000, got "12"/);
  });

  it("no command module imports another command", () => {
    const commands = readFileSync("src/cli/main.ts", "utf8")
      .split("\n")
      .flatMap((l) => /import\("\.\/([a-z-]+)\.js"\)/.exec(l)?.[1] ?? []);
    expect(commands.length).toBeGreaterThan(8);
    for (const c of commands) {
      const text = readFileSync(`src/cli/${c}.ts`, "utf8");
      const imported = [...text.matchAll(/from "\.\/([a-z-]+)\.js"/g)].map((m) => m[1]);
      expect(
        imported.filter((i) => i !== undefined && commands.includes(i)),
        c,
      ).toEqual([]);
    }
  });
});
