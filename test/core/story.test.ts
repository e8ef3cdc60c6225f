import { describe, expect, it } from "vitest";
import { compileScenario } from "../../src/core/compile.js";
import { dayOf } from "../../src/core/dates.js";
import { changeDays, changesBetween, chapters, storyStops } from "../../src/core/story.js";
import type { CompiledScenario } from "../../src/core/types.js";
import { HEAD } from "./head.js";

const SRC = '[{ publication: "P", date: "2017-06-01" }]';
const ev = (id: string, date: string, body: string) =>
  `  - { id: ${id}, date: "${date}", title: ${id}, sources: ${SRC}, ${body} }`;
const text = [
  `${HEAD}events:`,
  ev("c1", "2017-06-01", "type: chapter, narration: One."),
  ev("strike", "2017-06-02", "type: incident, kind: airstrike, at: raqqa"),
  ev("note", "2017-06-03", "type: note, text: Said."),
  ev("contest", "2017-06-04", "type: contest, units: [raqqa], by: [sdf]"),
  ev("wrong", "2017-06-05", "type: control, units: [raqqa], faction: sdf"),
  ev("c2", "2017-06-06", "type: chapter, narration: Two."),
  ev("fix", "2017-06-07", "type: retract, target: wrong, reason: It did not happen."),
  ev("c3", "2017-06-08", "type: chapter, narration: Three."),
  ev("drop", "2017-06-09", "type: retract, target: c3, reason: Not a chapter."),
  ev("taken", "2017-06-10", "type: control, units: [raqqa], faction: sdf"),
  "",
].join("\n");

const s = (): CompiledScenario => {
  const r = compileScenario({ file: "s.yaml", text });
  expect(r.diagnostics).toEqual([]);
  return r.scenario as CompiledScenario;
};

describe("the story of a log", () => {
  it("has the live chapters", () => {
    expect(chapters(s().log).map((e) => e.id)).toEqual(["c1", "c2"]);
  });

  it("lists the changes a reader sees on the map between two days: control and incidents, live ones", () => {
    const ids = changesBetween(s(), dayOf("2017-06-01"), dayOf("2017-06-10")).map((e) => e.id);
    expect(ids).toEqual(["strike", "contest", "taken"]);
    expect(changesBetween(s(), dayOf("2017-06-02"), dayOf("2017-06-04")).map((e) => e.id)).toEqual([
      "contest",
    ]);
  });

  it("stops on chapters and on days control changed, not on incidents or notes", () => {
    expect(changeDays(s().log)).toEqual([dayOf("2017-06-04"), dayOf("2017-06-10")]);
    expect(storyStops(s().log, { events: true }).map((x) => [x.kind, x.id])).toEqual([
      ["chapter", "c1"],
      ["event", "contest"],
      ["chapter", "c2"],
      ["event", "taken"],
    ]);
  });
});
