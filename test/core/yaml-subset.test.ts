import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { constructFromEvents, CORE_SCHEMA, parseEvents } from "js-yaml";
import { describe, expect, it } from "vitest";
import { readYamlSubset } from "../../src/core/yaml-subset.js";
import type { TheatreDef } from "../../src/core/types.js";
import { boxOutline, syntheticScenario } from "../bench/synthetic.js";
import { scenarioYaml } from "../bench/synthetic-yaml.js";

const DEPTH = 64;

/** js-yaml's reading, as the fast read of `parse.ts` makes it (core schema), or "error". */
function jsYaml(text: string): { value: unknown } | "error" {
  try {
    const docs = constructFromEvents(parseEvents(text, { maxDepth: DEPTH }), {
      source: text,
      schema: CORE_SCHEMA,
    });
    return docs.length === 1 ? { value: docs[0] } : "error";
  } catch {
    return "error";
  }
}

/** Whatever the subset reader accepts, js-yaml reads to the same data (values, types, key order). */
function agrees(text: string): boolean {
  const mine = readYamlSubset(text, DEPTH);
  if (mine === undefined) return true;
  const theirs = jsYaml(text);
  expect(theirs, text).not.toBe("error");
  if (theirs === "error") return false;
  expect(mine.value, text).toStrictEqual(theirs.value);
  expect(JSON.stringify(mine.value), text).toBe(JSON.stringify(theirs.value));
  return isDeepStrictEqual(mine.value, theirs.value);
}

/** Scalars as an author might write them, and the edge cases of YAML's core schema. */
const TRICKY = [
  "plain",
  "Place 0",
  "null",
  "Null",
  "NULL",
  "nULL",
  "true",
  "True",
  "TRUE",
  "tRUE",
  "false",
  "FALSE",
  "yes",
  "no",
  "on",
  "off",
  "~",
  "",
  "0",
  "-0",
  "+1",
  "12",
  "007",
  "0.5",
  "-12.25",
  "1.",
  ".5",
  "1e3",
  "1E-3",
  "1_000",
  "0x1f",
  "0o17",
  "0b101",
  ".inf",
  "-.Inf",
  ".NaN",
  "2017-06-01",
  "2017-06-01T10:00:00Z",
  "10m",
  "1:20",
  "12e",
  "1-2",
  "3e-2x",
  "123456789012345678901234",
  "0.1234567890123456789",
  "a: b",
  "a #b",
  "a#b",
  "http://x.org/a?b=1&c=2",
  "it's",
  'say "hi"',
  "back\\slash",
  "- item",
  "-x",
  "? q",
  "&anchor",
  "*alias",
  "!tag",
  "|",
  ">-",
  "%d",
  "@at",
  "`tick`",
  "a, b",
  "[x]",
  "{x}",
  "x]",
  "x}",
  "__proto__",
  "الرقة",
  "Deir ez-Zor",
  "<<",
  "=",
];

const scalarText = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.stringMatching(/^[a-zA-Z0-9 .:#'"\\,[\]{}&*!~_+-]{0,8}$/),
  fc.string({ maxLength: 6 }),
);

/** A scalar written plainly, in single quotes or in double quotes (with escapes). */
const scalar = fc.oneof(
  scalarText,
  scalarText.map((s) => `'${s.replaceAll("'", "''")}'`),
  scalarText.map((s) => JSON.stringify(s)),
  scalarText.map((s) => `"${s}"`),
  scalarText.map((s) => `'${s}'`),
);
const key = fc.oneof(
  fc.constantFrom("id", "date", "units", "a", "b", "Null", "1", "x y"),
  scalarText,
  scalar,
);
const comment = fc.constantFrom("", "", "", " # note", " #", "# x", "  # a: b");

type Doc = { kind: "map" | "list"; entries: [string, Node][] };
type Node = string | Doc | { kind: "flow"; text: string };

const flow: fc.Arbitrary<string> = fc.letrec<{ flow: string }>((tie) => ({
  flow: fc.oneof(
    { depthSize: "small" },
    fc.array(fc.oneof(scalar, tie("flow")), { maxLength: 4 }).map((xs) => `[${xs.join(", ")}]`),
    fc
      .array(fc.tuple(key, fc.oneof(scalar, tie("flow"))), { maxLength: 4 })
      .map((kv) => `{ ${kv.map(([k, v]) => `${k}: ${v}`).join(", ")} }`),
    fc.array(scalar, { maxLength: 3 }).map((xs) => `[${xs.join(",")}]`),
  ),
})).flow;

const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node; doc: Doc }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    scalar,
    flow.map((text) => ({ kind: "flow" as const, text })),
    tie("doc"),
  ),
  doc: fc.record({
    kind: fc.constantFrom("map" as const, "list" as const),
    entries: fc.array(fc.tuple(key, tie("node")), { minLength: 1, maxLength: 4 }),
  }),
})).node;

/** YAML text of a generated node under `indent` spaces (blocks indented by `step`). */
function write(d: Doc, indent: number, step: number, comments: string[], out: string[]): void {
  const pad = " ".repeat(indent);
  let c = 0;
  const note = (): string => comments[c++ % comments.length] ?? "";
  for (const [k, v] of d.entries) {
    const head = d.kind === "map" ? `${pad}${k}:` : `${pad}-`;
    if (typeof v === "string") out.push(`${head} ${v}${note()}`);
    else if (v.kind === "flow") out.push(`${head} ${v.text}${note()}`);
    else if (d.kind === "list" && v.kind === "map") {
      // A compact mapping: its first key on the item's line.
      const inner: string[] = [];
      write(v, indent + 2, step, comments, inner);
      out.push(`${head} ${(inner[0] ?? "").slice(indent + 2)}`, ...inner.slice(1));
    } else {
      out.push(`${head}${note()}`);
      write(v, indent + step, step, comments, out);
    }
  }
}

const document = fc
  .record({
    entries: fc.array(fc.tuple(key, node), { minLength: 1, maxLength: 5 }),
    step: fc.constantFrom(1, 2, 4),
    comments: fc.array(comment, { minLength: 1, maxLength: 4 }),
    crlf: fc.boolean(),
    blankLines: fc.boolean(),
  })
  .map(({ entries, step, comments, crlf, blankLines }) => {
    const out: string[] = [];
    write({ kind: "map", entries }, 0, step, comments, out);
    const lines = blankLines ? out.flatMap((l, i) => (i % 3 === 1 ? ["", l] : [l])) : out;
    return `${lines.join(crlf ? "\r\n" : "\n")}\n`;
  });

/** Characters to insert: structure, quotes, escapes, blanks, controls. */
const noise = fc.constantFrom(
  " ",
  "  ",
  "-",
  "- ",
  ":",
  ": ",
  "#",
  " #",
  "'",
  '"',
  "\\",
  "\t",
  "\n",
  "\n  ",
  "[",
  "]",
  "{",
  "}",
  ",",
  "&",
  "*",
  "!",
  "|",
  ">",
  "?",
  "\r",
  "\u0007",
  "\ufeff",
  "---\n",
  "...\n",
  "e",
  "0",
  ".",
);

describe("the subset reader", () => {
  it("reads generated documents as js-yaml does, whenever it accepts them", () => {
    let accepted = 0;
    fc.assert(
      fc.property(document, (text) => {
        if (readYamlSubset(text, DEPTH)) accepted++;
        return agrees(text);
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(100); // it does accept a good share of them
  });

  it("agrees on the same documents with characters inserted, deleted or indentation changed", () => {
    const mutated = fc
      .tuple(document, fc.array(fc.tuple(fc.nat(), fc.nat(3), noise), { minLength: 1, maxLength: 3 }))
      .map(([text, edits]) => {
        let t = text;
        for (const [at, op, what] of edits) {
          const i = at % (t.length + 1);
          t =
            op === 0
              ? t.slice(0, i) + t.slice(i + 1)
              : op === 1
                ? t.slice(0, i) + what + t.slice(i)
                : t.slice(0, i) + what + t.slice(i + 1);
        }
        return t;
      });
    fc.assert(fc.property(mutated, agrees), { numRuns: 3000 });
  });

  it("reads plain scalars as the core schema resolves them, or leaves them to js-yaml", () => {
    for (const s of TRICKY) {
      for (const text of [
        `a: ${s}\n`,
        `a: [${s}]\n`,
        `a: {k: ${s}}\n`,
        `- ${s}\n`,
        `${s}: 1\n`,
        `a:\n  ${s}: 1\n`,
      ])
        agrees(text);
    }
    // What a big file is made of is read, not left over.
    for (const text of [
      "a: 10m\n",
      "a: 2017-06-01\n",
      "a: -36.25\n",
      "a: Place 0\n",
      'a: "2017-06-01"\n',
      "a: [1, b]\n",
    ])
      expect(readYamlSubset(text, DEPTH), text).toBeDefined();
  });

  it("agrees on every shipped and test file it accepts, and accepts the benchmarks' generated file", () => {
    const files = [
      ...readdirSync("scenarios", { recursive: true }).map((f) => join("scenarios", String(f))),
      ...readdirSync("test", { recursive: true }).map((f) => join("test", String(f))),
    ].filter((f) => f.endsWith(".yaml"));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) agrees(readFileSync(f, "utf8"));
    const box: TheatreDef = { kind: "bbox", bbox: [38, 35, 40, 37], tolerance_km: 10 };
    const text = scenarioYaml(
      syntheticScenario(box, boxOutline([38, 35, 40, 37]), {
        places: 200,
        events: 500,
        areas: 3,
        seed: 4,
        unmentioned: 0,
      }),
    );
    expect(readYamlSubset(text, DEPTH)).toBeDefined();
    expect(agrees(text)).toBe(true);
  });

  it("leaves what it does not read to js-yaml: node properties, block scalars, duplicate keys, deep nesting", () => {
    for (const text of [
      "a: &x 1\nb: *x\n",
      "a: !!str 1\n",
      "a: |\n  text\n",
      "a: >-\n  text\n",
      "a: 1\na: 2\n",
      "a: b\n  c\n",
      "a: 'b\n  c'\n",
      "%YAML 1.2\n---\na: 1\n",
      "a:\n\t- 1\n",
      "- a\n",
      "a: [1, 2\n",
      "\ufeffa: 1\n",
    ])
      expect(readYamlSubset(text, DEPTH), text).toBeUndefined();
    expect(readYamlSubset("a:\n  b:\n    c: 1\n", 3)).toBeDefined();
    expect(readYamlSubset("a:\n  b:\n    c: 1\n", 2)).toBeUndefined();
  });
});
