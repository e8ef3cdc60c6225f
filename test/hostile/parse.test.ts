// Hostile and careless input to the parser and the loader: each test is named after the defect it
// guards, and its input is kept in test/hostile/fixtures with a first line saying what used to fail.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dateOf, dayOf, longDate } from "../../src/core/dates.js";
import { formatDiagnostic } from "../../src/core/diagnostics.js";
import { DEFAULT_LIMITS, limitsFromEnv } from "../../src/core/limits.js";
import { parseYamlFile } from "../../src/core/parse.js";
import { loadScenario } from "../../src/node/load.js";
import { theatreDistance } from "../../src/node/theatre-check.js";
import { hasNestedQuantifier, regexesIn, sourceFiles } from "./regex-audit.js";

const FIXTURES = "test/hostile/fixtures";

function load(name: string): { errors: string[]; warnings: string[]; ok: boolean } {
  const r = loadScenario(`${FIXTURES}/${name}`, { outsideKm: theatreDistance });
  return {
    errors: r.diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic),
    warnings: r.diagnostics.filter((d) => d.severity === "warning").map(formatDiagnostic),
    ok: r.scenario !== undefined,
  };
}

describe("defect 1: a hang on leading comment lines", () => {
  it("compiles a file with a 31-line comment header at once", () => {
    const r = load("comment-header.yaml");
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it("still calls a file of only comments empty, however long", () => {
    const text = "# a note\n".repeat(5000) + "   \n# end";
    const got = parseYamlFile("c.yaml", text, "x").diagnostics.map(formatDiagnostic);
    expect(got).toEqual(["c.yaml:1:1 error the file is empty; expected YAML with x"]);
  });

  it("no source regular expression nests unbounded quantifiers", () => {
    const found = sourceFiles("src").flatMap(regexesIn);
    expect(found.length).toBeGreaterThan(20);
    expect(
      found.filter((r) => hasNestedQuantifier(r.source)).map((r) => `${r.file}:${r.line} /${r.source}/`),
    ).toEqual([]);
    // The audit recognises the shape that hung (the old comment-only check).
    expect(hasNestedQuantifier(String.raw`^(\s*#[^\n]*\n?)*\s*$`)).toBe(true);
    expect(hasNestedQuantifier("(a+)+b")).toBe(true);
    expect(hasNestedQuantifier(String.raw`^(\d{4})-(\d{2})-(\d{2})$`)).toBe(false);
  });

  it("every parser-side regular expression finishes on adversarial text", () => {
    const parserSide = ["src/core", "src/node", "src/cli"].flatMap(sourceFiles).flatMap(regexesIn);
    const attacks = ["#\n", " ", "\r", "a", "1", "-", "[", "\t#", "# x\n ", ", ", "\\", '"', "0-"].map(
      (unit) => unit.repeat(20_000 / unit.length) + "\u0000!",
    );
    for (const r of parserSide) {
      let re: RegExp;
      try {
        re = new RegExp(r.source, r.flags.replace("g", ""));
      } catch {
        continue;
      }
      for (const a of attacks) re.test(a);
    }
    expect(parserSide.length).toBeGreaterThan(10);
  });
});

describe("defect 2: YAML aliases throw", () => {
  it("an undefined alias is an error at its position with a hint to quote it", () => {
    const r = load("alias-undefined.yaml");
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      `${FIXTURES}/alias-undefined.yaml:3:8 error YAML alias *unconfirmed names no anchor (&unconfirmed) defined before it; to write text that starts with "*", put it in quotes ("*unconfirmed")`,
    ]);
  });

  it("an alias bomb is an error naming the alias limit and how to raise it", () => {
    const r = load("alias-bomb.yaml");
    expect(r.ok).toBe(false);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain(
      "the limit is 1000 (aliases: raise it with the environment variable FRONTFOLD_MAX_ALIASES=",
    );
  });
});

describe("defect 8: unbounded reads", () => {
  it("deep nesting is an error naming the depth limit, not a stack overflow", () => {
    for (const name of ["deep-nesting.yaml", "deep-nesting-100.yaml"]) {
      const r = load(name);
      expect(r.ok).toBe(false);
      expect(r.errors.join("\n")).toContain("nest too deep here; the limit is 64 (depth: raise it with");
      expect(r.errors.join("\n")).not.toContain("call stack");
    }
  });

  it("a file over the size budget is refused before it is parsed", () => {
    const text = `id: t\ndescription: "${"x".repeat(200)}"\n`;
    const got = parseYamlFile("big.yaml", text, "x", { fileChars: 100 }).diagnostics.map(formatDiagnostic);
    expect(got).toEqual([
      `big.yaml:1:1 error the file has ${text.length} characters; the limit is 100 (fileChars: raise it with the environment variable FRONTFOLD_MAX_FILE_CHARS=200)`,
    ]);
    const big = loadScenario("scenarios/syria-2014-2019.yaml", { limits: { fileChars: 1000 } });
    expect(big.scenario).toBeUndefined();
    expect(big.diagnostics.map((d) => d.message).join("\n")).toContain("the limit is 1000 (fileChars");
  });

  it("reads regular files only: a folder or a device is refused, not read forever", () => {
    const folder = loadScenario("test/hostile/fixtures");
    expect(folder.diagnostics.map((d) => d.message)).toEqual([
      "this is not a regular file (a folder, device or pipe); expected a YAML file",
    ]);
    const device = loadScenario("/dev/zero");
    expect(device.diagnostics.map((d) => d.message)).toEqual([
      "this is not a regular file (a folder, device or pipe); expected a YAML file",
    ]);
  });

  it("limits come from FRONTFOLD_MAX_… variables; a bad value is named", () => {
    expect(limitsFromEnv({ FRONTFOLD_MAX_DEPTH: "128", FRONTFOLD_MAX_EVENTS: "lots" })).toEqual({
      limits: { depth: 128 },
      problems: ['FRONTFOLD_MAX_EVENTS: expected a positive whole number, got "lots"'],
    });
    expect(DEFAULT_LIMITS.depth).toBe(64);
  });
});

describe("defect 9: years 0000–0099 became 1900–1999", () => {
  // Used to give 1950-06-01: Date.UTC reads two-digit years as 19xx.
  const YEAR_50 = "0050-06-01";
  it("keeps the year as written", () => {
    expect(dateOf(dayOf(YEAR_50))).toBe(YEAR_50);
    expect(dateOf(dayOf("0000-02-29"))).toBe("0000-02-29");
    expect(dayOf("0099-12-31") + 1).toBe(dayOf("0100-01-01"));
    expect(longDate(YEAR_50)).toBe("1 June 0050");
  });
});

describe("defect 12: messages (encodings and line endings)", () => {
  it("CR-only line endings are read as line breaks", () => {
    const r = load("cr-only.yaml");
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it("Latin-1 is an error with its position, not silent U+FFFD", () => {
    const r = load("latin1.yaml");
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      `${FIXTURES}/latin1.yaml:11:40 error bytes that are not UTF-8 (shown as U+FFFD); save the file as UTF-8 (it looks like Latin-1 or another legacy encoding)`,
    ]);
  });

  it("UTF-16 with a byte-order mark opens, as in the page; a UTF-8 mark is dropped", () => {
    for (const name of ["utf16le-bom.yaml", "utf16be-bom.yaml", "utf8-bom.yaml"]) {
      const r = load(name);
      expect(r.errors).toEqual([]);
      expect(r.ok).toBe(true);
    }
  });
});

describe("defect 5: control characters", () => {
  it("a raw form feed is an error at its position", () => {
    const r = load("form-feed.yaml");
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      `${FIXTURES}/form-feed.yaml:3:13 error control character U+000C (form feed) is not text; delete it (it often comes from pasting out of a PDF)`,
    ]);
  });

  it("an escaped control character in quoted text is an error at that text", () => {
    const r = load("escaped-vtab.yaml");
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      `${FIXTURES}/escaped-vtab.yaml:3:8 error control character U+000B (vertical tab) is not text; delete it (it often comes from pasting out of a PDF) (written as an escape in this text)`,
    ]);
  });

  it("the same holds in included events files", () => {
    const dir = mkdtempSync(join(tmpdir(), "ff-"));
    try {
      const main = `${dir}/m.yaml`;
      writeFileSync(
        main,
        'id: t\ntitle: T\nstart: "2017-01-01"\nend: "2017-12-31"\ntheatre: { bbox: [38, 35, 40, 37] }\nfactions: [{ id: a, name: A, color: "#4d4d4d" }]\nplaces: [{ id: p, name: P, at: [39, 36] }]\ninitial: { a: [p] }\ninclude: [e.events.yaml]\n',
      );
      writeFileSync(
        `${dir}/e.events.yaml`,
        'events:\n  - { id: e1, date: 2017-02-01, type: note, text: "bad\\x1b" }\n',
      );
      const got = loadScenario(main).diagnostics.filter((d) => d.severity === "error");
      expect(got.map((d) => `${d.line}:${d.col} ${d.message.slice(0, 40)}`)).toEqual([
        "2:51 control character U+001B (escape) is not",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
