import { describe, expect, it } from "vitest";
import { escapeHtml, inlineMap, renderHandout, type HandoutInput } from "../../src/render/handout.js";

const map = (label: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="100" height="80" viewBox="0 0 100 80">
<defs><pattern id="hatch-sdf" width="4" height="4"><path d="M0 4L4 0" stroke="#000"/></pattern></defs>
<rect width="100" height="80" fill="url(#hatch-sdf)"/><use href="#hatch-sdf"/><g class="legend" data-id="x"><text>${label}</text></g>
</svg>`;

const input: HandoutInput = {
  title: "The battle of <script>alert(1)</script> Raqqa",
  description: 'A "test" & more',
  start: "2017-06-01",
  end: "2017-10-31",
  factions: [
    { name: "SDF <b>", color: "#f0e442", covers: "Kurdish-led" },
    { name: "Bad colour", color: "red;background:url(javascript:alert(1))" },
  ],
  chapters: [
    {
      title: "Into the city <img src=x onerror=alert(1)>",
      date: "2017-06-06",
      narration: "First paragraph.\n\nSecond <i>paragraph</i>.",
      svg: map("Raqqa"),
      changes: [{ date: "2017-06-06", title: "SDF enter <Raqqa>" }],
      sources: [
        { publication: "Reuters", date: "2017-06-06", url: "https://example.org/a?b=1&c=2" },
        { publication: "Evil", date: "2017-06-06", url: "javascript:alert(1)" },
        { publication: "Reuters", date: "2017-06-06", url: "https://example.org/a?b=1&c=2" },
      ],
    },
    {
      title: "The Old City",
      date: "2017-07-01",
      datePrecision: "month",
      narration: "",
      svg: map("Old City"),
      changes: Array.from({ length: 12 }, (_, i) => ({
        date: "2017-07-0" + ((i % 9) + 1),
        title: `change ${i}`,
      })),
      sources: [],
    },
  ],
};

describe("handout", () => {
  const html = renderHandout(input);

  it("is a complete document with A4 print styles", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/@page \{ size: A4/);
    expect(html).toContain("break-inside: avoid");
  });

  it("keeps every piece of scenario text as text", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("The battle of &lt;script&gt;alert(1)&lt;/script&gt; Raqqa");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("Into the city &lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("SDF &lt;b&gt;");
    expect(html).toContain("A &quot;test&quot; &amp; more");
    expect(html).toContain("Second &lt;i&gt;paragraph&lt;/i&gt;.");
    expect(html).toContain("SDF enter &lt;Raqqa&gt;");
    expect(html).not.toContain("javascript:");
  });

  it("parses as HTML with no script and no event handler anywhere", () => {
    // A coarse structural check without a browser: no element or attribute that could run.
    expect(html).not.toMatch(/<\s*(script|iframe|object|embed)\b/i);
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(20);
    // Attribute names only: quoted values are text.
    for (const tag of tags) expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it("one section per chapter, numbered, with narration paragraphs and a map", () => {
    expect(html.match(/<section class="chapter">/g)).toHaveLength(2);
    expect(html).toContain("<h2>1. Into the city");
    expect(html).toContain("<h2>2. The Old City</h2>");
    expect(html).toContain("<p>First paragraph.</p>");
    expect(html.match(/<svg class="map" role="img"/g)).toHaveLength(2);
    expect(html).toContain("2017-07 (month)");
  });

  it("lists the changes, capped, and each source once, linking only web addresses", () => {
    expect(html).toContain("change 7");
    expect(html).not.toContain("change 8<");
    expect(html).toContain("… and 4 more");
    expect(html.match(/>Reuters</g)).toHaveLength(1);
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=2">Reuters</a>');
    expect(html).toContain("; Evil, 2017-06-06.</p>");
  });

  it("legend swatches take hex colours only", () => {
    expect(html).toContain('style="background:#f0e442"');
    expect(html).toContain('style="background:#999999"');
  });

  it("gives each inlined map its own ids, so patterns do not cross maps", () => {
    expect(html).toContain('id="m1-hatch-sdf"');
    expect(html).toContain('fill="url(#m2-hatch-sdf)"');
    expect(html).toContain('href="#m1-hatch-sdf"');
    expect(html).toContain('data-id="x"');
    expect(html).not.toContain("<?xml");
  });
});

describe("inlineMap", () => {
  it("turns a map with anything that could run into an inert image", () => {
    const evil = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const out = inlineMap(evil, "m1", 'a "map"');
    expect(out.startsWith('<img class="map" alt="a &quot;map&quot;" src="data:image/svg+xml')).toBe(true);
    expect(out).not.toMatch(/<script/i);
    const handler = inlineMap('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>', "m1", "x");
    expect(handler.startsWith("<img")).toBe(true);
  });

  it("escapeHtml covers the five characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});
