import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatUrlState,
  parseUrlState,
  roundView,
  sameUrlState,
  type UrlState,
} from "../../src/ui/url-state.js";

describe("parseUrlState", () => {
  it("reads scenario, dates, chapter, view and presenter mode", () => {
    const { state, problems } = parseUrlState(
      "?scenario=syria-2014-2019&date=2017-10-20&compare=2016-01-01&chapter=raqqa-falls&view=38.9,35.95,4&present=1",
    );
    expect(problems).toEqual([]);
    expect(state).toEqual({
      scenario: "syria-2014-2019",
      date: "2017-10-20",
      compare: "2016-01-01",
      chapter: "raqqa-falls",
      view: { lon: 38.9, lat: 35.95, zoom: 4 },
      present: true,
    });
  });

  it("accepts a search string without the question mark, and an empty one", () => {
    expect(parseUrlState("date=2015-01-31").state).toEqual({ date: "2015-01-31" });
    expect(parseUrlState("").state).toEqual({});
    expect(parseUrlState("?").state).toEqual({});
  });

  it("drops bad values with a note instead of failing", () => {
    const { state, problems } = parseUrlState(
      "?scenario=../etc&date=2017-02-30&compare=yesterday&view=1,2&present=maybe&chapter=<b>",
    );
    expect(state).toEqual({});
    expect(problems).toHaveLength(6);
    expect(problems.join("\n")).toContain('date: "2017-02-30"');
  });

  it("rejects views off the globe or with no zoom", () => {
    expect(parseUrlState("view=200,0,1").state.view).toBeUndefined();
    expect(parseUrlState("view=0,95,1").state.view).toBeUndefined();
    expect(parseUrlState("view=0,0,0").state.view).toBeUndefined();
    expect(parseUrlState("view=0,0,").state.view).toBeUndefined();
  });

  it("reads present=0 as off", () => {
    expect(parseUrlState("present=0").state).toEqual({ present: false });
  });
});

describe("formatUrlState", () => {
  it("writes keys in a fixed order and leaves out what is unset", () => {
    expect(formatUrlState({ date: "2017-10-20", scenario: "raqqa-2017" })).toBe(
      "?scenario=raqqa-2017&date=2017-10-20",
    );
    expect(formatUrlState({})).toBe("");
    expect(formatUrlState({ present: false })).toBe("");
  });

  it("writes a readable, rounded view", () => {
    expect(formatUrlState({ view: { lon: 38.912345, lat: 35.951234, zoom: 4.004 } })).toBe(
      "?view=38.912,35.951,4",
    );
    expect(roundView({ lon: 38.912345, lat: 35.951234, zoom: 1 })).toEqual({
      lon: 38.91,
      lat: 35.95,
      zoom: 1,
    });
  });

  it("carries over parameters it does not own", () => {
    expect(formatUrlState({ date: "2017-10-20" }, "?date=2015-01-01&lang=ar&debug")).toBe(
      "?date=2017-10-20&lang=ar&debug=",
    );
  });

  it("round-trips any state it writes", () => {
    const day = fc
      .date({
        min: new Date("1900-01-01T00:00:00Z"),
        max: new Date("2100-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
    const state = fc.record(
      {
        scenario: id,
        date: day,
        compare: day,
        chapter: id,
        view: fc.record({
          lon: fc.double({ min: -180, max: 180, noNaN: true }),
          lat: fc.double({ min: -90, max: 90, noNaN: true }),
          zoom: fc.double({ min: 0.01, max: 64, noNaN: true }),
        }),
        present: fc.constant(true),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(state, (s: UrlState) => {
        const text = formatUrlState(s);
        const back = parseUrlState(text).state;
        expect(formatUrlState(back)).toBe(text);
        expect(sameUrlState(back, s)).toBe(true);
      }),
    );
  });
});
