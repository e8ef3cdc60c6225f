import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileScenario, joinPath } from "../../src/core/compile.js";
import { formatDiagnostic } from "../../src/core/diagnostics.js";
import { loadScenario } from "../../src/node/load.js";
import { theatreDistance } from "../../src/node/theatre-check.js";
import { HEAD } from "./head.js";

function problems(text: string, file = "s.yaml", files: Record<string, string> = {}): string[] {
  return compileScenario({
    file,
    text,
    readFile: (p) => files[p],
    outsideKm: theatreDistance,
  }).diagnostics.map(formatDiagnostic);
}

const event = (body: string) => `${HEAD}events:\n${body}`;

describe("diagnostics an author can act on", () => {
  it("reports every mistake in a broken file at once, each with file:line:col", () => {
    const got = loadScenario("test/core/fixtures/broken.yaml", {
      outsideKm: theatreDistance,
    }).diagnostics.map(formatDiagnostic);
    expect(got).toEqual([
      'test/core/fixtures/broken.yaml:10:11 error duplicate faction id "sdf"',
      "test/core/fixtures/broken.yaml:13:40 error at: longitude 200 is outside [-180, 180]",
      'test/core/fixtures/broken.yaml:14:36 warning "far" lies 450.2 km outside the theatre (tolerance 10 km); it gets no ground',
      'test/core/fixtures/broken.yaml:15:11 error duplicate unit id "raqqa" (first defined at line 12)',
      'test/core/fixtures/broken.yaml:19:14 error area "bowtie": the polygon intersects itself near [38.20000, 35.20000]',
      'test/core/fixtures/broken.yaml:24:11 error date: day 30 does not exist in "2017-02-30" (that month has 28 days)',
      'test/core/fixtures/broken.yaml:34:13 error unknown place or area "raqa" (did you mean "raqqa"?)',
      'test/core/fixtures/broken.yaml:35:14 error unknown faction "sfd" (did you mean "sdf"?)',
      "test/core/fixtures/broken.yaml:39:11 error unknown event type; expected one of control, contest, siege, lift-siege, advance, incident, note, chapter, retract, supersede",
      'test/core/fixtures/broken.yaml:46:13 error retract of an event that does not exist: "e99" (did you mean "e2"?)',
      'test/core/fixtures/broken.yaml:55:5 error unknown key "form" (did you mean "from"?)',
      "test/core/fixtures/broken.yaml:56:14 error sources: every event needs at least one source",
    ]);
  });

  it("accepts a valid scenario with its include and no warnings", () => {
    const r = loadScenario("test/core/fixtures/small.yaml", { outsideKm: theatreDistance });
    expect(r.diagnostics).toEqual([]);
    expect(r.scenario?.log.map((e) => e.id)).toEqual([
      "chapter-1",
      "tabqa-falls",
      "raqqa-entered",
      "old-city-breach",
      "wrong-claim",
      "retract-claim",
      "raqqa-falls",
    ]);
    expect(r.files).toEqual(["test/core/fixtures/small.yaml", "test/core/fixtures/small.events.yaml"]);
  });

  it("handles empty, binary, non-YAML and non-mapping files without throwing", () => {
    expect(problems("")).toEqual([expect.stringMatching(/^s\.yaml:1:1 error the file is empty/)]);
    expect(problems("# only a comment\n")).toEqual([
      expect.stringMatching(/^s\.yaml:1:1 error the file is empty/),
    ]);
    expect(problems("id: x\u0000\u0001\u0002")).toEqual([
      expect.stringMatching(/^s\.yaml:1:1 error this is not a text file/),
    ]);
    expect(problems("id: [unclosed\n")[0]).toMatch(/^s\.yaml:\d+:\d+ error YAML syntax: /);
    expect(problems("- a\n- b\n")).toEqual([
      expect.stringMatching(/^s\.yaml:1:1 error the file holds a list; expected a mapping/),
    ]);
    expect(problems("just words\n")).toEqual([expect.stringMatching(/error the file holds a string/)]);
  });

  it("reports missing required keys and wrong types", () => {
    expect(problems("id: t\ntitle: T\n")).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/s\.yaml:1:1 error missing "start"/),
        expect.stringMatching(/s\.yaml:1:1 error missing "theatre"/),
      ]),
    );
    expect(problems(HEAD.replace("[39.00788, 35.95283]", '"here"'))).toEqual([
      expect.stringMatching(/^s\.yaml:11:35 error at: .*expected (tuple|array)/),
      's.yaml:12:19 error unknown place or area "raqqa"',
    ]);
  });

  it("rejects impossible dates and an end before the start", () => {
    expect(problems(HEAD.replace('end: "2017-12-31"', 'end: "2016-13-01"'))).toEqual([
      's.yaml:5:6 error end: month 13 does not exist in "2016-13-01"',
    ]);
    expect(problems(HEAD.replace('end: "2017-12-31"', 'end: "2016-12-01"'))).toEqual([
      "s.yaml:5:6 error end 2016-12-01 is before start 2017-01-01",
    ]);
  });

  it("flags duplicate event ids across an include, naming where the first one is", () => {
    const ev = (id: string) =>
      `  - { id: ${id}, date: "2017-02-01", type: note, title: N, text: x, sources: [{ publication: P, date: "2017-02-01" }] }\n`;
    const main = `${HEAD}include: [more/events.yaml]\nevents:\n${ev("a")}`;
    const got = problems(main, "dir/s.yaml", { "dir/more/events.yaml": `events:\n${ev("a")}` });
    expect(got).toEqual(['dir/more/events.yaml:2:11 error duplicate event id "a" (first at dir/s.yaml:15)']);
    expect(problems(`${HEAD}include: [gone.yaml]\n`)).toEqual([
      's.yaml:13:11 error cannot read included file "gone.yaml" (looked for gone.yaml)',
    ]);
  });

  it("takes places, areas and initial control from an included file, so scenarios can share ground", () => {
    const shared = [
      "places:",
      "  - { id: tabqa, name: Tabqa, at: [38.54828, 35.83758] }",
      "areas:",
      "  - { id: box, name: Box, polygon: [[38.1, 35.1], [38.2, 35.1], [38.2, 35.2], [38.1, 35.1]] }",
      "initial: { sdf: [tabqa], isis: [box] }",
      "events:",
      '  - { id: e, date: "2017-05-10", type: control, title: T, units: [tabqa], faction: isis, from: sdf, sources: [{ publication: P, date: "2017-05-10" }] }',
      "",
    ].join("\n");
    const r = compileScenario({
      file: "dir/s.yaml",
      text: `${HEAD}include: [shared/ground.yaml]\n`,
      readFile: (p) => (p === "dir/shared/ground.yaml" ? shared : undefined),
      outsideKm: theatreDistance,
    });
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(r.scenario?.units.map((u) => u.id)).toEqual(["raqqa", "tabqa", "box"]);
    expect(r.scenario?.initial.length).toBe(3);
    // A unit defined twice, or given initial control twice, across files is named where it was first.
    const twice = problems(`${HEAD}include: [shared/ground.yaml]\n`, "dir/s.yaml", {
      "dir/shared/ground.yaml": shared.replace("id: tabqa", "id: raqqa").replace("[tabqa]", "[raqqa]"),
    });
    expect(twice, twice.join("\n")).toContain(
      'dir/shared/ground.yaml:2:11 error duplicate unit id "raqqa" (first defined at dir/s.yaml:11)',
    );
    expect(twice).toContain('dir/shared/ground.yaml:5:18 error "raqqa" is given initial control twice');
  });

  it("warns when `from` does not match who held the unit", () => {
    const got = problems(
      event(
        `  - { id: a, date: "2017-02-01", type: control, title: T, units: [raqqa], faction: sdf, from: sdf, sources: [{ publication: P, date: "2017-02-01" }] }\n`,
      ),
    );
    expect(got).toEqual(['s.yaml:14:95 warning "raqqa" was held by "isis" on 2017-02-01, not "sdf"']);
  });

  it("warns about places outside the theatre and events outside the timeline", () => {
    const got = problems(
      HEAD.replace(
        "initial: { isis: [raqqa] }",
        "  - { id: far, name: Far, at: [45, 36] }\ninitial: { isis: [raqqa, far] }",
      ) +
        `events:\n  - { id: a, date: "2018-02-01", type: note, title: T, text: x, sources: [{ publication: P, date: "2018-02-01" }] }\n`,
    );
    expect(got).toEqual([
      's.yaml:12:31 warning "far" lies 449.6 km outside the theatre (tolerance 10 km); it gets no ground',
      "s.yaml:15:20 warning 2018-02-01 is outside the scenario's 2017-01-01 … 2017-12-31; the timeline will not reach it",
    ]);
  });

  it("supersede replaces its target and retract removes it, both at once flagged in the log", () => {
    const text = event(
      [
        `  - { id: a, date: "2017-02-01", type: control, title: T, units: [raqqa], faction: sdf, sources: [{ publication: P, date: "2017-02-01" }] }`,
        `  - id: b`,
        `    date: "2017-03-01"`,
        `    type: supersede`,
        `    title: Corrected date`,
        `    target: a`,
        `    reason: The first report was early.`,
        `    sources: [{ publication: Q, date: "2017-03-01" }]`,
        `    with: { date: "2017-02-20", type: control, title: T, units: [raqqa], faction: sdf, sources: [{ publication: Q, date: "2017-03-01" }] }`,
        `  - { id: c, date: "2017-03-02", type: retract, title: R, target: a, reason: twice, sources: [{ publication: P, date: "2017-03-02" }] }`,
      ].join("\n") + "\n",
    );
    const got = problems(text);
    expect(got).toEqual(['s.yaml:23:67 error "a" is already corrected by "b"']);
    const ok = compileScenario({ file: "s.yaml", text: text.split("\n").slice(0, -2).join("\n") + "\n" });
    expect(ok.diagnostics).toEqual([]);
    const log = ok.scenario?.log ?? [];
    expect(log.map((e) => [e.id, e.date, e.retractedBy, e.supersedes])).toEqual([
      ["a", "2017-02-01", "b", undefined],
      ["b", "2017-02-20", undefined, "a"],
    ]);
  });

  it("never loses the author's text: the compiler only reads", () => {
    const before = readFileSync("test/core/fixtures/broken.yaml", "utf8");
    loadScenario("test/core/fixtures/broken.yaml");
    expect(readFileSync("test/core/fixtures/broken.yaml", "utf8")).toBe(before);
  });
});

describe("joinPath", () => {
  it("resolves relative includes against the including file's folder", () => {
    expect(joinPath("scenarios/a.yaml", "b/c.yaml")).toBe("scenarios/b/c.yaml");
    expect(joinPath("scenarios/x/a.yaml", "../c.yaml")).toBe("scenarios/c.yaml");
    expect(joinPath("a.yaml", "./c.yaml")).toBe("c.yaml");
  });
});

describe("boundary areas", () => {
  it("need no initial control and cannot be held", () => {
    const text = `${HEAD.replace(
      "initial: { isis: [raqqa] }",
      `areas:
  - id: wall
    name: Wall
    boundary: true
    polygon: [[38.5, 35.5], [39.5, 35.5], [39.5, 36.5], [38.5, 36.5], [38.5, 35.5]]
initial: { isis: [raqqa] }`,
    )}events:
  - { id: a, date: "2017-02-01", type: control, title: T, units: [wall], faction: sdf, sources: [{ publication: P, date: "2017-02-01" }] }
`;
    expect(problems(text)).toEqual([
      's.yaml:19:67 error "wall" is a boundary area: it holds no ground of its own, so nothing can hold it',
    ]);
    const ok = compileScenario({ file: "s.yaml", text: text.split("events:")[0] as string });
    expect(ok.diagnostics).toEqual([]);
    expect(ok.scenario?.units.find((u) => u.id === "wall")?.boundary).toBe(true);
  });
});

describe("an area's author_note", () => {
  const withNote = (note: string) =>
    HEAD.replace(
      "initial: { isis: [raqqa] }",
      `areas:
  - id: bank
    name: Bank
    polygon: [[38.5, 35.5], [39.5, 35.5], [39.5, 36.5], [38.5, 36.5], [38.5, 35.5]]
    author_note: ${note}
initial: { isis: [raqqa, bank] }`,
    );
  it("is text for the authors, accepted and kept out of the compiled scenario", () => {
    const ok = compileScenario({ file: "s.yaml", text: withNote("Derived from the river.") });
    expect(ok.diagnostics).toEqual([]);
    expect(JSON.stringify(ok.scenario)).not.toContain("Derived from the river.");
  });
  it("must be text: anything else is an error at its position", () => {
    const errors = problems(withNote("[1, 2]"));
    // the bad area is dropped, so the initial control naming it is reported too
    expect(errors).toEqual([
      "s.yaml:16:18 error author_note: expected text, got array (a list)",
      's.yaml:17:26 error unknown place or area "bank"',
    ]);
  });
});

describe("unknown keys", () => {
  // The key lists behind "did you mean" are read from the schema: a key the schema knows gets a hint.
  it('suggests "boundary" for a misspelt "boundery:" on an area', () => {
    const text = HEAD.replace(
      "initial: { isis: [raqqa] }",
      `areas:
  - id: wall
    name: Wall
    boundery: true
    polygon: [[38.5, 35.5], [39.5, 35.5], [39.5, 36.5], [38.5, 36.5], [38.5, 35.5]]
initial: { isis: [raqqa] }`,
    );
    expect(problems(text)).toEqual(['s.yaml:15:5 error unknown key "boundery" (did you mean "boundary"?)']);
  });

  it("suggests keys in every section the schema describes", () => {
    const text = HEAD.replace(
      "theatre: { bbox: [38, 35, 40, 37] }",
      "theatre: { bbox: [38, 35, 40, 37] }\nveiw: {}",
    )
      .replace("color:", "colour:")
      .replace("at: [39.00788, 35.95283] }", "at: [39.00788, 35.95283], knd: town }");
    expect(problems(text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/unknown key "veiw" \(did you mean "view"\?\)/),
        expect.stringMatching(/unknown key "colour" \(did you mean "color"\?\)/),
        expect.stringMatching(/unknown key "knd" \(did you mean "kind"\?\)/),
      ]),
    );
  });
});
