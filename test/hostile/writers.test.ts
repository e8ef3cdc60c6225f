// Text is text everywhere: random Unicode (controls, lone surrogates, noncharacters, markup) put
// into every piece of scenario text a writer shows must come out as a well-formed document — the
// SVG map read by a conforming XML parser, the handout by the HTML parser browsers follow — with
// the text intact (characters no writer may write become U+FFFD), and must rasterise to PNG.

import fc from "fast-check";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import type { CompiledScenario } from "../../src/core/types.js";
import { createHistory } from "../../src/core/fold.js";
import { compilePartition } from "../../src/geo/partition.js";
import { resolveTheatre } from "../../src/geo/theatre.js";
import { loadScenario } from "../../src/node/load.js";
import { renderHandout } from "../../src/render/handout.js";
import { writableText } from "../../src/render/svg-markup.js";
import { svgToPngAsync } from "../../src/node/raster.js";
import { renderSvgMap } from "../../src/render/svg-map.js";

const loaded = loadScenario("test/core/fixtures/small.yaml").scenario as CompiledScenario;
const theatre = resolveTheatre(loaded.theatre);
const partition = compilePartition(loaded, theatre);

/** Any string of code units: markup, controls, lone surrogates, astral characters. */
const anyText = fc.string({ unit: "binary", maxLength: 24 });
const hostile = fc.oneof(
  anyText,
  fc.constantFrom(
    "<script>alert(1)</script>",
    "]]>",
    "\u000c",
    "\u0000",
    "\ud800",
    "\ufffe",
    "&amp;",
    "\u0085",
    "'\"",
  ),
);

function withText(scenario: CompiledScenario, title: string, names: readonly string[]): CompiledScenario {
  return {
    ...scenario,
    title,
    factions: scenario.factions.map((f, i) => ({ ...f, name: names[i % names.length] ?? f.name })),
    units: scenario.units.map((u, i) => ({ ...u, name: names[(i + 1) % names.length] ?? u.name })),
  };
}

function xmlTexts(xml: string): { errors: string[]; texts: string[] } {
  const errors: string[] = [];
  const texts: string[] = [];
  const parser = new SaxesParser();
  parser.on("error", (e) => errors.push(e.message));
  parser.on("text", (t) => texts.push(t));
  parser.write(xml).close();
  return { errors, texts };
}

/** What a parser gives back for written text: the text a writer may write, line ends normalised. */
const asRead = (s: string): string => writableText(s).replace(/\r\n?/g, "\n");

describe("defect 5: every writer escapes what it writes", () => {
  it("the SVG map is well-formed XML whatever the scenario's text, and keeps the title", () => {
    const state = createHistory(loaded).stateAt(loaded.end);
    fc.assert(
      fc.property(hostile, fc.array(hostile, { minLength: 1, maxLength: 4 }), (title, names) => {
        const scenario = withText(loaded, title, names);
        const svg = renderSvgMap({ scenario, theatre, partition, date: loaded.end, state }, { width: 480 });
        const { errors, texts } = xmlTexts(svg);
        expect(errors).toEqual([]);
        if (asRead(title).trim() !== "") expect(texts).toContain(asRead(title));
      }),
      { numRuns: 60 },
    );
  });

  it("the handout is HTML without a parse error whatever the text, and keeps the title", () => {
    fc.assert(
      fc.property(
        hostile,
        hostile,
        hostile,
        fc.array(hostile, { maxLength: 3 }),
        (title, description, chapter, names) => {
          const html = renderHandout({
            title,
            description,
            start: "2017-01-01",
            end: "2017-12-31",
            factions: names.map((name) => ({ name, color: "#4d4d4d", covers: name })),
            chapters: [
              {
                title: chapter,
                date: "2017-06-01",
                narration: `${chapter}\n\n${description}`,
                svg: `<svg xmlns="http://www.w3.org/2000/svg"><text>x</text></svg>`,
                changes: names.map((n) => ({ date: "2017-06-01", title: n })),
                sources: [{ publication: chapter, date: "2017-06-01", title: description }],
              },
            ],
          });
          const errors: string[] = [];
          const doc = parse(html, { onParseError: (e) => errors.push(`${e.code} at ${e.startOffset}`) });
          expect(errors).toEqual([]);
          const h1 = find(doc, "h1");
          expect(h1 ? textOf(h1) : undefined).toBe(asRead(title));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("PNG text: a map with hostile text rasterises", async () => {
    const state = createHistory(loaded).stateAt(loaded.end);
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (title, name) => {
        const scenario = withText(loaded, title, [name]);
        const svg = renderSvgMap({ scenario, theatre, partition, date: loaded.end, state }, { width: 320 });
        const { png } = await svgToPngAsync(svg, { width: 320, background: "#ffffff" });
        expect(png.length).toBeGreaterThan(100);
      }),
      { numRuns: 6 },
    );
  });

  it("writableText replaces only what may not be written", () => {
    expect(writableText("Raqqa\u000c 2017")).toBe("Raqqa\ufffd 2017");
    expect(writableText("a\ud800b\udc00c")).toBe("a\ufffdb\ufffdc");
    expect(writableText("tab\tline\ncr\r 😀 é ي")).toBe("tab\tline\ncr\r 😀 é ي");
    expect(writableText("\u0085\ufdd0\uffff\ud83f\udffe")).toBe("\ufffd\ufffd\ufffd\ufffd");
  });
});

type Node = DefaultTreeAdapterMap["node"];

function find(node: Node, tag: string): Node | undefined {
  if ("tagName" in node && node.tagName === tag) return node;
  if ("childNodes" in node)
    for (const child of node.childNodes) {
      const hit = find(child, tag);
      if (hit) return hit;
    }
  if ("content" in node && node.content) return find(node.content as Node, tag);
  return undefined;
}

function textOf(node: Node): string {
  if (node.nodeName === "#text" && "value" in node) return node.value;
  return "childNodes" in node ? node.childNodes.map(textOf).join("") : "";
}
