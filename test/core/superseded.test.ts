// A supersede puts its replacement in the place of its target: everything downstream of the
// compiler (presenter, handout, incident markers) must read the replacement, not the word
// "supersede". Each case here was a bug while consumers read the written `def.type`.

import { describe, expect, it } from "vitest";
import { handoutChapters } from "../../src/cli/handout.js";
import { compileScenario } from "../../src/core/compile.js";
import { dayOf } from "../../src/core/dates.js";
import type { CompiledScenario } from "../../src/core/types.js";
import { incidentsOn } from "../../src/ui/events-around.js";
import { HEAD } from "./head.js";
import { storyStops } from "../../src/core/story.js";

const SRC = '[{ publication: "P", date: "2017-06-01" }]';
const text = `${HEAD}events:
  - { id: c1, date: "2017-06-01", type: chapter, title: The assault, narration: First words., sources: ${SRC} }
  - { id: i1, date: "2017-06-03", type: incident, kind: airstrike, at: raqqa, window_days: 5, title: Strike, sources: ${SRC} }
  - id: c1-fixed
    date: "2017-06-02"
    type: supersede
    target: c1
    reason: The assault began a day later.
    title: Correction
    sources: ${SRC}
    with: { date: "2017-06-06", type: chapter, title: The assault, narration: Corrected words., sources: ${SRC} }
  - id: i1-fixed
    date: "2017-06-04"
    type: supersede
    target: i1
    reason: The strike was a day later.
    title: Correction
    sources: ${SRC}
    with: { date: "2017-06-04", type: incident, kind: shelling, at: raqqa, window_days: 5, title: Shelling, sources: ${SRC} }
`;

function scenario(): CompiledScenario {
  const r = compileScenario({ file: "s.yaml", text });
  expect(r.diagnostics).toEqual([]);
  return r.scenario as CompiledScenario;
}

describe("a superseded chapter", () => {
  it("stays a presenter stop, at the replacement's date", () => {
    const stops = storyStops(scenario().log);
    expect(stops).toEqual([
      { day: dayOf("2017-06-06"), kind: "chapter", id: "c1-fixed", seconds: undefined },
    ]);
  });

  it("stays a handout chapter, with the replacement's narration", () => {
    const maps = { svg: () => "<svg/>", colors: [] };
    const { chapters, note } = handoutChapters(scenario(), maps, 100);
    expect(note).toBeUndefined();
    expect(chapters.map((c) => [c.date, c.title, c.narration])).toEqual([
      ["2017-06-06", "The assault", "Corrected words."],
    ]);
  });
});

describe("a superseded incident", () => {
  it("shows the replacement's marker, not the retracted one's", () => {
    const s = scenario();
    expect(incidentsOn(s.log, dayOf("2017-06-03"))).toEqual([]);
    const shown = incidentsOn(s.log, dayOf("2017-06-05"));
    expect(shown.map((e) => [e.id, e.type === "incident" ? e.kind : e.type])).toEqual([
      ["i1-fixed", "shelling"],
    ]);
  });
});
