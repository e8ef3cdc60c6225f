// Defect 12: messages an author can act on. Each input is kept in test/hostile/fixtures with a
// first line saying what used to come out.

import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/core/diagnostics.js";
import { loadScenario } from "../../src/node/load.js";
import { theatreDistance } from "../../src/node/theatre-check.js";

const FIXTURES = "test/hostile/fixtures";

function all(name: string): string[] {
  return loadScenario(`${FIXTURES}/${name}`, { outsideKm: theatreDistance })
    .diagnostics.map(formatDiagnostic)
    .map((d) => d.replace(`${FIXTURES}/`, ""));
}

describe("defect 12: messages", () => {
  it("an included file with a scenario-only key says so, not 'did you mean' the same key", () => {
    expect(all("include-key.yaml")).toEqual([
      'include-key.events.yaml:2:1 error "include" belongs in the scenario file; an included file holds only places, areas, initial, events',
    ]);
  });

  it("a datetime is reported once", () => {
    expect(all("datetime.yaml")).toEqual([
      'datetime.yaml:14:21 error date: expected a date as YYYY-MM-DD, got "2017-02-01T12:00:00Z"',
    ]);
  });

  it("an unknown type does not hide the event's other errors", () => {
    expect(all("unknown-type.yaml")).toEqual([
      'unknown-type.yaml:14:21 error date: day 31 does not exist in "2017-02-31" (that month has 28 days)',
      "unknown-type.yaml:14:41 error unknown event type; expected one of control, contest, siege, lift-siege, advance, incident, note, chapter, retract, supersede",
      "unknown-type.yaml:14:56 error title: expected text, got a number",
    ]);
  });

  it("no zod words: types said as an author writes them, a missing section said once", () => {
    const got = all("zod-words.yaml");
    expect(got).toEqual([
      'zod-words.yaml:2:1 error missing "theatre" (countries, bbox or polygon)',
      "zod-words.yaml:3:8 error title: expected text, got a number",
    ]);
    expect(got.join("\n")).not.toMatch(/Invalid input|nonoptional|received/);
  });

  it("a YAML indentation mistake: the first error, said for an author, no cascade", () => {
    expect(all("yaml-indent.yaml")).toEqual([
      "yaml-indent.yaml:9:4 error YAML syntax: All sequence items must start at the same column: this list item is indented differently from the items above it",
    ]);
  });

  it("an area outside the theatre is warned about", () => {
    expect(all("area-outside.yaml")).toContain(
      'area-outside.yaml:14:36 warning area "far" lies 3816.2 km outside the theatre (tolerance 10 km); it gets no ground',
    );
  });

  it("a view outside the scenario's span or theatre is warned about", () => {
    expect(all("view-outside.yaml")).toEqual([
      "view-outside.yaml:13:15 warning view date 2019-01-01 is outside the scenario's 2017-01-01 … 2017-12-31; the map cannot open on it",
      "view-outside.yaml:13:35 warning the view's box is centred 5458.7 km outside the theatre; the map would open on empty ground",
    ]);
  });

  it("swapped [lat, lon] gets a hint to swap", () => {
    expect(all("swapped-latlon.yaml")).toEqual([
      'swapped-latlon.yaml:11:35 warning "raqqa" lies 286.4 km outside the theatre (tolerance 10 km); it gets no ground; swapped, [39.00788, 35.95283] lies inside it: positions are [longitude, latitude]',
    ]);
  });
});
