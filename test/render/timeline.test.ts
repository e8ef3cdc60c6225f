import { describe, expect, it } from "vitest";
import { dayOf } from "../../src/core/dates.js";
import {
  axisTicks,
  chapterAt,
  chapterMarks,
  dayAtX,
  dayScale,
  densityPath,
  eventDensity,
  xOfDay,
} from "../../src/render/timeline.js";

const start = dayOf("2014-01-01");
const end = dayOf("2019-12-31");

describe("dayScale", () => {
  const scale = dayScale(start, end, 10, 1010);

  it("maps the first and last day to the ends of the range", () => {
    expect(xOfDay(scale, start)).toBeCloseTo(10, 9);
    expect(xOfDay(scale, end)).toBeCloseTo(1010, 9);
  });

  it("turns an x back into the day under it, rounded and clamped", () => {
    for (const day of [start, start + 1, dayOf("2017-10-20"), end - 1, end]) {
      expect(dayAtX(scale, xOfDay(scale, day))).toBe(day);
    }
    expect(dayAtX(scale, -500)).toBe(start);
    expect(dayAtX(scale, 5000)).toBe(end);
  });

  it("survives a one-day scenario", () => {
    const s = dayScale(start, start, 0, 100);
    expect(xOfDay(s, start)).toBe(0);
    expect(dayAtX(s, 0)).toBe(start);
  });
});

describe("axisTicks", () => {
  it("labels years as major ticks on a long timeline", () => {
    const ticks = axisTicks(dayScale(start, end, 0, 800));
    const majors = ticks.filter((t) => t.major).map((t) => t.label);
    expect(majors).toEqual(["2014", "2015", "2016", "2017", "2018", "2019"]);
    for (const t of ticks) expect(t.x).toBeGreaterThanOrEqual(0);
  });

  it("labels months on a short one", () => {
    const ticks = axisTicks(dayScale(dayOf("2017-06-01"), dayOf("2017-10-31"), 0, 800));
    expect(ticks.map((t) => t.label)).toContain("Jul");
    expect(ticks.every((t) => !t.major)).toBe(true);
  });
});

describe("eventDensity", () => {
  const scale = dayScale(0, 99, 0, 198);

  it("counts event days per 2-px column", () => {
    const bins = eventDensity(scale, [0, 0, 0, 1, 50, 99, 500]);
    expect(bins[0]).toEqual({ x: 0, count: 3 });
    expect(bins.map((b) => b.count).reduce((a, b) => a + b, 0)).toBe(6);
    expect(bins[bins.length - 1]?.count).toBe(1);
  });

  it("draws taller strokes where events cluster, every stroke at least the minimum", () => {
    const path = densityPath(
      [
        { x: 0, count: 1 },
        { x: 10, count: 9 },
      ],
      20,
      4,
      16,
    );
    expect(path).toBe("M1,20V16M11,20V4");
    expect(densityPath([], 20, 4, 16)).toBe("");
  });
});

describe("chapterMarks", () => {
  it("places marks and labels only those with room", () => {
    const scale = dayScale(0, 100, 0, 1000);
    const marks = chapterMarks(
      scale,
      [
        { id: "b", day: 52, title: "B" },
        { id: "a", day: 0, title: "A long chapter title" },
        { id: "c", day: 5, title: "C" },
      ],
      () => 100,
    );
    expect(marks.map((m) => m.id)).toEqual(["a", "c", "b"]);
    expect(marks.map((m) => m.labelled)).toEqual([true, false, true]);
    expect(marks[2]?.x).toBeCloseTo(520, 9);
  });

  it("finds the chapter in force on a day", () => {
    expect(chapterAt([10, 20, 30], 5)).toBe(-1);
    expect(chapterAt([10, 20, 30], 10)).toBe(0);
    expect(chapterAt([10, 20, 30], 29)).toBe(1);
    expect(chapterAt([10, 20, 30], 99)).toBe(2);
  });
});
