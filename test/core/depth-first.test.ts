// Over-deep nesting is found from the text before the positioned parser runs, so the error is
// the same, at the same place, whatever stack the parser would have had.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { dump } from "js-yaml";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/core/diagnostics.js";
import { parseYamlFile, tooDeepAt } from "../../src/core/parse.js";
import { compileScenario } from "../../src/core/compile.js";
import { HEAD } from "./head.js";

/** Nesting depth of lists and mappings, counted as the parser's depth check counts it. */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  const kids = Array.isArray(value) ? value : Object.values(value);
  return 1 + kids.reduce((m: number, v) => Math.max(m, depthOf(v)), 0);
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => join(dir, f));
}

const NEVER = Number.MAX_SAFE_INTEGER;
const LIMIT =
  "lists and mappings nest too deep here; the limit is 64 (depth: raise it with the environment variable FRONTFOLD_MAX_DEPTH=";

describe("the depth check comes before the positioned parser", () => {
  it("never trips on a file within its depth: every shipped and test file", () => {
    let checked = 0;
    for (const file of [...yamlFiles("scenarios"), ...yamlFiles("test")]) {
      const text = readFileSync(file, "utf8");
      const r = parseYamlFile(file, text, "x");
      if (!r.data) continue;
      expect(tooDeepAt(text, depthOf(r.data)), file).toBe(-1);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("finds the depth of generated data in block and flow styles, and never more", () => {
    const leaf = fc.oneof(
      fc.constantFrom("x", "a: b", "multi\nline", "[not a list]", "'q'", '"dq"', "#"),
      fc.integer(),
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        leaf,
        fc.array(tie("node"), { minLength: 1, maxLength: 3 }),
        fc.dictionary(fc.constantFrom("k", "key two", "x-y"), tie("node"), { minKeys: 1, maxKeys: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom("a", "b"), tree, { minKeys: 1 }),
        fc.integer({ min: -1, max: 4 }),
        (data, flowLevel) => {
          const text = dump(data, { flowLevel });
          const depth = depthOf(data);
          expect(tooDeepAt(text, depth)).toBe(-1);
          if (depth > 1) expect(tooDeepAt(text, depth - 1)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it("skips a block scalar's lines by the indentation of the key that owns it, not of its line", () => {
    // Found by the property above: `- k: |-` owns lines indented past `k`, so `x-y:` four spaces in
    // is the next key of the same mapping, and its list is a fourth level.
    const text = "a:\n  - k: |-\n      multi\n      line\n    x-y:\n      - 0\n";
    expect(tooDeepAt(text, 4)).toBe(-1);
    expect(tooDeepAt(text, 3)).toBe(text.indexOf("- 0"));
  });

  it("reports 100,000 nested brackets at the bracket past the limit, read fast or positioned", () => {
    const n = 100_000;
    const text = `a: ${"[".repeat(n)}${"]".repeat(n)}\n`;
    for (const fastFrom of [0, NEVER]) {
      const got = parseYamlFile("deep.yaml", text, "x", {}, { fastFrom }).diagnostics.map(formatDiagnostic);
      expect(got).toEqual([`deep.yaml:1:67 error ${LIMIT}128)`]);
    }
  });

  it("reports deep block nesting at the key past the limit", () => {
    const text = `${Array.from({ length: 3000 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n")} end\n`;
    for (const fastFrom of [0, NEVER]) {
      const got = parseYamlFile("deep.yaml", text, "x", {}, { fastFrom }).diagnostics.map(formatDiagnostic);
      expect(got).toEqual([`deep.yaml:65:65 error ${LIMIT}128)`]);
    }
  });
});

describe("compile passes its limits to the parser", () => {
  it("of the main file and of each include", () => {
    const deep = "[[[[[1]]]]]";
    const main = compileScenario({
      file: "s.yaml",
      text: `${HEAD}include: [more.yaml]\nevents: []\n`,
      readFile: (p) => (p === "more.yaml" ? `events: []\nplaces: ${deep}\n` : undefined),
      limits: { depth: 4 },
    });
    expect(main.diagnostics.map(formatDiagnostic)).toContain(
      "more.yaml:2:12 error lists and mappings nest too deep here; the limit is 4 (depth: raise it with the environment variable FRONTFOLD_MAX_DEPTH=8)",
    );
    const top = compileScenario({ file: "s.yaml", text: `x: ${deep}\n`, limits: { depth: 4 } });
    expect(top.diagnostics.map(formatDiagnostic)).toEqual([
      "s.yaml:1:7 error lists and mappings nest too deep here; the limit is 4 (depth: raise it with the environment variable FRONTFOLD_MAX_DEPTH=8)",
    ]);
    // The same files within the default limits: no depth error.
    const roomy = compileScenario({ file: "s.yaml", text: `x: ${deep}\n` });
    expect(roomy.diagnostics.map(formatDiagnostic).join("\n")).not.toContain("nest too deep");
  });
});
