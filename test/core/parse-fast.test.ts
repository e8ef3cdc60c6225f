import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseYamlFile, type Path } from "../../src/core/parse.js";

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => join(dir, f));
}

/** Every path into `value`, parents first. */
function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

const NEVER = Number.MAX_SAFE_INTEGER;

function agree(file: string, text: string): void {
  const slow = parseYamlFile(file, text, "x", {}, { fastFrom: NEVER });
  const fast = parseYamlFile(file, text, "x", {}, { fastFrom: 0 });
  if (slow.diagnostics.some((d) => d.severity === "error")) {
    // Left to the positioned parser, which reports it (over-deep nesting is caught either by its
    // stack or by the depth check, depending on the call, so only "an error" is compared).
    expect(fast.data).toBeUndefined();
    expect(fast.diagnostics.some((d) => d.severity === "error")).toBe(true);
    return;
  }
  expect(fast.data).toEqual(slow.data);
  expect(fast.diagnostics).toEqual(slow.diagnostics);
  for (const p of [...paths(slow.data), ["no-such-key"], ["events", 10_000]]) {
    expect(fast.at(p), `${file} ${JSON.stringify(p)}`).toEqual(slow.at(p));
    expect(fast.at(p, { key: true }), `${file} ${JSON.stringify(p)} key`).toEqual(slow.at(p, { key: true }));
  }
}

describe("the fast read of big files", () => {
  it("gives the data, diagnostics and every position the positioned parser gives, on every shipped and test file", () => {
    const files = [...yamlFiles("scenarios"), ...yamlFiles("test")];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) agree(file, readFileSync(file, "utf8"));
  });

  it("agrees on generated mappings: quoted, block and empty values, flow and block lists", () => {
    const scalar = fc.oneof(
      fc.constantFrom(
        "plain",
        "'single q'",
        '"double q"',
        "|\n    literal\n    text",
        ">-\n    folded",
        "",
        "12",
        "2017-07-03",
        "~",
      ),
    );
    const entry = fc.tuple(
      fc.constantFrom("a", "b", "c", "d"),
      fc.oneof(
        scalar,
        fc.constant("[x, 'y', 3]"),
        fc.constant("\n  - one\n  - 'two'\n  - { k: v }"),
        // Empty list items: the event stream has no offset for them, the positioned document does.
        fc.constant("\n  -\n  - two\n  - \n  -  # c"),
      ),
    );
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e[0], minLength: 1 }), (entries) => {
        const text = `${entries.map(([k, v]) => `${k}: ${v}`).join("\n")}\n`;
        agree("gen.yaml", text);
      }),
    );
  });

  it("leaves files with anchors, aliases, tags or syntax errors to the positioned parser", () => {
    for (const text of ["a: &x 1\nb: *x\n", "a: !!str 1\n", "a: [1, 2\n", "a: 1\na: 2\n"]) {
      const slow = parseYamlFile("f.yaml", text, "x", {}, { fastFrom: NEVER });
      const fast = parseYamlFile("f.yaml", text, "x", {}, { fastFrom: 0 });
      expect([fast.data, fast.diagnostics]).toEqual([slow.data, slow.diagnostics]);
    }
  });
});
