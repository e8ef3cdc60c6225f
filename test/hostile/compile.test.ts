// Hostile and careless scenario content that the compiler must catch: each test is named after
// the defect it guards, with its input kept in test/hostile/fixtures.

import { readFileSync } from "node:fs";
import countries from "i18n-iso-countries";
import { describe, expect, it } from "vitest";
import { NO_OUTLINE } from "../../src/core/compile/sections.js";
import { compileScenario } from "../../src/core/compile.js";
import { formatDiagnostic } from "../../src/core/diagnostics.js";
import { loadScenario } from "../../src/node/load.js";
import { theatreDistance } from "../../src/node/theatre-check.js";
import { runCli } from "../cli/run-cli.js";
import { HEAD as SHARED_HEAD } from "../core/head.js";

const FIXTURES = "test/hostile/fixtures";

function errors(name: string): string[] {
  const r = loadScenario(`${FIXTURES}/${name}`, { outsideKm: theatreDistance });
  if (r.scenario) return [];
  return r.diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic);
}

describe("defect 3: unknown country codes", () => {
  it("QQ is an error at its position, and check exits 1 (at and stats never reach the geometry)", async () => {
    expect(errors("countries-unknown.yaml")).toEqual([
      `${FIXTURES}/countries-unknown.yaml:6:24 error unknown country code "QQ": expected an ISO 3166 alpha-2 or alpha-3 code such as SY, IQ, SYR or IRQ`,
    ]);
    const check = await runCli("check", `${FIXTURES}/countries-unknown.yaml`);
    expect(check.code).toBe(1);
    for (const command of ["at", "stats"]) {
      const r = await runCli(command, `${FIXTURES}/countries-unknown.yaml`);
      expect(r.code).toBe(1);
      expect(r.err.join("\n")).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });

  it("[SY, ZZZ] names ZZZ instead of dropping it", () => {
    expect(errors("countries-partly-unknown.yaml")).toEqual([
      `${FIXTURES}/countries-partly-unknown.yaml:6:28 error unknown country code "ZZZ": expected an ISO 3166 alpha-2 or alpha-3 code such as SY, IQ, SYR or IRQ`,
    ]);
  });
});

describe("defect 3: countries without an outline", () => {
  it("[SY, BV] names BV, which world-atlas cannot draw, instead of dropping it", () => {
    expect(errors("countries-no-outline.yaml")).toEqual([
      `${FIXTURES}/countries-no-outline.yaml:6:28 error country "BV" has no outline in the 10m Natural Earth countries; draw the theatre as a polygon`,
    ]);
  });

  it("the list of ISO codes without an outline is world-atlas's, at every resolution", () => {
    for (const res of ["10m", "50m", "110m"] as const) {
      const atlas = JSON.parse(readFileSync(`node_modules/world-atlas/countries-${res}.json`, "utf8")) as {
        objects: { countries: { geometries: { id?: string }[] } };
      };
      const ids = new Set(atlas.objects.countries.geometries.map((g) => String(g.id)));
      const missing = Object.keys(countries.getAlpha2Codes()).filter(
        (a2) => !ids.has(String(countries.alpha2ToNumeric(a2))),
      );
      expect([...NO_OUTLINE[res]].sort()).toEqual(missing.sort());
    }
  });
});

describe("defect 7: theatre polygons unchecked", () => {
  it("a self-intersecting theatre is an error", () => {
    expect(errors("theatre-self-intersecting.yaml")).toEqual([
      `${FIXTURES}/theatre-self-intersecting.yaml:7:12 error theatre: the polygon intersects itself near [39.00000, 36.00000]`,
    ]);
  });

  it("an unclosed theatre ring is an error", () => {
    expect(errors("theatre-unclosed.yaml")).toEqual([
      `${FIXTURES}/theatre-unclosed.yaml:7:12 error theatre: ring 1 is not closed: its last position must repeat its first`,
    ]);
  });

  it("a theatre across the antimeridian is an error, not 8.85 M km² the long way round", () => {
    expect(errors("theatre-antimeridian.yaml")).toEqual([
      `${FIXTURES}/theatre-antimeridian.yaml:7:12 error theatre: ring 1 crosses the antimeridian between longitudes 170 and -170: it would be read the long way round the world; split the polygon at 180°`,
    ]);
  });
});

describe("defect 8: unbounded reads (includes, events, vertices)", () => {
  it("includes stay in the scenario's folder tree", () => {
    expect(errors("include-outside.yaml")).toEqual([
      `${FIXTURES}/include-outside.yaml:14:11 error include "/etc/hostname" is not a path relative to the scenario's folder; includes stay in that folder or below it`,
      `${FIXTURES}/include-outside.yaml:14:26 error include "../../fixtures/in/grid-square.json" leaves the scenario's folder; includes stay in that folder or below it`,
    ]);
  });

  it("more events in a file than the budget is an error naming the limit", () => {
    const events = Array.from(
      { length: 4 },
      (_, i) =>
        `  - { id: n${i}, date: "2017-02-0${i + 1}", type: note, title: note ${i}, text: note ${i}, sources: [{ publication: AP, date: "2017-02-01" }] }`,
    ).join("\n");
    const r = compileScenario({ file: "s.yaml", text: `${HEAD}events:\n${events}\n`, limits: { events: 3 } });
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      "s.yaml:12:1 error the file lists 4 events; the limit is 3 (events: raise it with the environment variable FRONTFOLD_MAX_EVENTS=6)",
    ]);
    expect(compileScenario({ file: "s.yaml", text: `${HEAD}events:\n${events}\n` }).scenario).toBeDefined();
  });

  it("a polygon over the vertex budget is an error before its (costly) self-intersection test", () => {
    const ring = Array.from({ length: 12 }, (_, i) => {
      const a = (i / 12) * 2 * Math.PI;
      return `[${(39 + 0.1 * Math.cos(a)).toFixed(5)}, ${(36 + 0.1 * Math.sin(a)).toFixed(5)}]`;
    });
    const text = `${HEAD}areas:\n  - { id: blob, name: Blob, polygon: [${[...ring, ring[0]].join(", ")}] }\n`;
    const r = compileScenario({ file: "s.yaml", text, limits: { vertices: 10 } });
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      's.yaml:13:38 error area "blob": the polygon has 13 vertices; the limit is 10 (vertices: raise it with the environment variable FRONTFOLD_MAX_VERTICES=20)',
    ]);
  });
});

describe("defect 6: corrections", () => {
  it("retracting a retraction is an error, not a silent no-op", () => {
    expect(errors("retract-retract.yaml")).toEqual([
      `${FIXTURES}/retract-retract.yaml:17:58 error "r1" is itself a retract: a correction cannot be corrected (the log is append-only); to bring back "e1", add a new event saying what happened`,
    ]);
  });

  it("a retract cycle is an error, not two events silently dropped", () => {
    expect(errors("retract-cycle.yaml")).toEqual([
      `${FIXTURES}/retract-cycle.yaml:15:58 error "r2" is itself a retract: a correction cannot be corrected (the log is append-only); to bring back "r1", add a new event saying what happened`,
      `${FIXTURES}/retract-cycle.yaml:16:58 error "r1" is itself a retract: a correction cannot be corrected (the log is append-only); to bring back "r2", add a new event saying what happened`,
    ]);
  });

  it("a supersede/retract cycle is an error", () => {
    expect(errors("supersede-cycle.yaml").length).toBe(2);
    expect(errors("supersede-cycle.yaml").join("\n")).toMatch(/"r1" is itself a retract/);
    expect(errors("supersede-cycle.yaml").join("\n")).toMatch(/"s1" is itself a supersede/);
  });
});

// The shared small scenario head, from its first line (positions in messages count from it).
const HEAD = SHARED_HEAD.trimStart();
