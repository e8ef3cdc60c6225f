import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fastParser } from "../../src/core/fast-schema.js";
import { parseYamlFile } from "../../src/core/parse.js";
import {
  areaSchema,
  eventCommonSchema,
  eventSchema,
  factionSchema,
  placeSchema,
  scenarioHeadSchema,
  sourceSchema,
  theatreSchema,
  viewSchema,
} from "../../src/core/schema.js";

/** Whenever the fast parser answers, zod accepts the input and gives the same output, keys in
 * the same order; when zod accepts an input without a URL, the fast parser answers too. */
function agrees<S extends z.ZodType>(schema: S, fast: (x: unknown) => unknown, input: unknown): boolean {
  const mine = fast(input);
  const theirs = schema.safeParse(input);
  if (mine === undefined) {
    const hasUrl = JSON.stringify(input ?? null).includes('"url"');
    if (theirs.success && !hasUrl)
      expect.fail(`fast parser declined a valid input: ${JSON.stringify(input)}`);
    return true;
  }
  expect(theirs.success, JSON.stringify(input)).toBe(true);
  if (!theirs.success) return false;
  expect(mine).toStrictEqual(theirs.data);
  expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs.data));
  return true;
}

const id = fc.constantFrom("p1", "raqqa-old-city", "e-12", "x");
const date = fc.constantFrom("2017-06-01", "2016-02-29", "2014-12-31");
const lonLat = fc.tuple(
  fc.double({ min: -180, max: 180, noNaN: true }),
  fc.double({ min: -90, max: 90, noNaN: true }),
);
const ring = fc.array(lonLat, { minLength: 3, maxLength: 5 }).map((r) => [...r, r[0]]);
const source = fc.record(
  {
    publication: fc.constantFrom("Reuters", "Al Jazeera"),
    date,
    title: fc.constantFrom("A title", "Another"),
    url: fc.constantFrom("https://example.org/a", "not a url"),
  },
  { requiredKeys: ["publication", "date"] },
);
const common = {
  id,
  date,
  date_precision: fc.constantFrom("day", "month", "approximate"),
  title: fc.constantFrom("Taken", "A title"),
  sources: fc.array(source, { minLength: 1, maxLength: 2 }),
  confidence: fc.constantFrom("assessed", "claimed"),
  note: fc.constantFrom("a note"),
  author_note: fc.constantFrom("for authors"),
};
const optional = ["date_precision", "confidence", "note", "author_note"];
const units = fc.array(id, { minLength: 1, maxLength: 3 });
const bodies = {
  control: { type: fc.constant("control"), units, faction: id, from: id },
  contest: { type: fc.constant("contest"), units, by: units },
  siege: { type: fc.constant("siege"), units, by: units },
  "lift-siege": { type: fc.constant("lift-siege"), units },
  advance: {
    type: fc.constant("advance"),
    faction: id,
    path: fc.array(lonLat, { minLength: 2, maxLength: 3 }),
    width_km: fc.constantFrom(2, 0.5),
    polygon: fc.oneof(ring, fc.array(ring, { minLength: 1, maxLength: 2 })),
    from: fc.array(id, { maxLength: 2 }),
  },
  incident: {
    type: fc.constant("incident"),
    kind: fc.constantFrom("airstrike", "clash", "other"),
    at: fc.oneof(id, lonLat),
    window_days: fc.constantFrom(0, 3, 7),
  },
  note: { type: fc.constant("note"), text: fc.constantFrom("text") },
  chapter: {
    type: fc.constant("chapter"),
    narration: fc.constantFrom("told"),
    seconds: fc.constantFrom(4, 2.5),
  },
  retract: { type: fc.constant("retract"), target: id, reason: fc.constantFrom("wrong") },
} as const;
const required: Readonly<Record<string, readonly string[]>> = {
  control: ["type", "units", "faction"],
  contest: ["type", "units", "by"],
  siege: ["type", "units", "by"],
  "lift-siege": ["type", "units"],
  advance: ["type", "faction"],
  incident: ["type", "kind", "at"],
  note: ["type", "text"],
  chapter: ["type", "narration"],
  retract: ["type", "target", "reason"],
};

/** A mostly valid event of each type (optional fields present or not). */
const bodyOf = (type: keyof typeof bodies, withId: boolean): fc.Arbitrary<Record<string, unknown>> => {
  const { id: _id, ...rest } = common;
  const keys = withId ? common : rest;
  const fields: Record<string, fc.Arbitrary<unknown>> = { ...keys, ...bodies[type] };
  return fc.record(fields, {
    requiredKeys: [
      ...Object.keys(keys).filter((k) => !optional.includes(k)),
      ...(required[type] as string[]),
    ],
  }) as fc.Arbitrary<Record<string, unknown>>;
};
const types = Object.keys(bodies) as (keyof typeof bodies)[];
const plainEvent = fc.constantFrom(...types).chain((t) => bodyOf(t, true));
const supersede = fc
  .tuple(
    bodyOf("control", true),
    fc.constantFrom(...types.filter((t) => t !== "retract")).chain((t) => bodyOf(t, false)),
  )
  .map(([base, replacement]) => ({
    ...base,
    type: "supersede",
    target: "e-1",
    reason: "better",
    with: replacement,
  }));
const validish = fc.oneof(plainEvent, plainEvent, supersede);

/** Values to put where another belongs. */
const wrong = fc.constantFrom<unknown>(
  null,
  "",
  "X Y",
  "2017-02-30",
  "2017-6-1",
  0,
  -1,
  1.5,
  Number.POSITIVE_INFINITY,
  Number.NaN,
  [],
  [1, 2],
  [[1, 2]],
  [200, 0],
  {},
  { a: 1 },
  true,
  "bogus",
  "control",
  undefined,
);

/** An event with up to three edits: a key deleted, a value replaced (at any depth), a key added. */
const event = fc
  .tuple(validish, fc.array(fc.tuple(fc.nat(3), fc.nat(), wrong), { maxLength: 3 }))
  .map(([e, edits]) => {
    const out = structuredClone(e) as Record<string, unknown>;
    for (const [op, at, value] of edits) {
      // A target: the event itself or a mapping or list inside it.
      const holders: (Record<string, unknown> | unknown[])[] = [];
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) {
          holders.push(v);
          v.forEach(walk);
        } else if (v !== null && typeof v === "object") {
          holders.push(v as Record<string, unknown>);
          Object.values(v).forEach(walk);
        }
      };
      walk(out);
      const holder = holders[at % holders.length] as Record<string, unknown>;
      const keys = Object.keys(holder);
      const key = keys[at % Math.max(1, keys.length)] ?? "title";
      if (op === 0) delete holder[key];
      else if (op === 1 || op === 2) holder[key] = structuredClone(value);
      else holder[Array.isArray(holder) ? String(keys.length) : "extra"] = structuredClone(value);
    }
    return out;
  });

describe("the fast parser derived from a zod schema", () => {
  const fastEvent = fastParser(eventSchema);

  it("gives zod's output for events zod accepts, and leaves every other event to zod", () => {
    let answered = 0;
    fc.assert(
      fc.property(event, (e) => {
        if (fastEvent(e) !== undefined) answered++;
        return agrees(eventSchema, fastEvent, e);
      }),
      { numRuns: 4000 },
    );
    expect(answered).toBeGreaterThan(200);
  });

  it("gives zod's copy of a list that carries a key besides its items", () => {
    // found by the property above: the list itself came back, its extra key with it
    const from: unknown[] = [];
    (from as unknown as Record<string, unknown>)["title"] = null;
    const e = {
      id: "p1",
      date: "2017-06-01",
      title: "Taken",
      sources: [{ publication: "Reuters", date: "2017-06-01" }],
      type: "advance",
      faction: "p1",
      path: [
        [0, 0],
        [1, 1],
      ],
      width_km: 2,
      from,
    };
    expect(agrees(eventSchema, fastEvent, e)).toBe(true);
  });

  it("agrees on the common fields, places, sources, theatres and the head of a file", () => {
    const schemas = [
      eventCommonSchema,
      placeSchema,
      areaSchema,
      sourceSchema,
      factionSchema,
      theatreSchema,
      viewSchema,
    ];
    const value = fc.oneof(
      event,
      wrong,
      fc.dictionary(fc.constantFrom("id", "name", "at", "kind", "bbox", "countries", "date"), wrong),
    );
    for (const schema of schemas) {
      const fast = fastParser(schema);
      fc.assert(
        fc.property(value, (v) => agrees(schema, fast, v)),
        { numRuns: 300 },
      );
    }
  });

  it("agrees on every section of every shipped and test scenario", () => {
    const files = [
      ...readdirSync("scenarios", { recursive: true }).map((f) => join("scenarios", String(f))),
      ...readdirSync("test", { recursive: true }).map((f) => join("test", String(f))),
    ].filter((f) => f.endsWith(".yaml"));
    const pairs: [z.ZodType, string][] = [
      [eventSchema, "events"],
      [placeSchema, "places"],
      [areaSchema, "areas"],
      [factionSchema, "factions"],
    ];
    let events = 0;
    for (const f of files) {
      const data = parseYamlFile(f, readFileSync(f, "utf8"), "x").data;
      if (!data) continue;
      agrees(scenarioHeadSchema, fastParser(scenarioHeadSchema), data);
      agrees(theatreSchema, fastParser(theatreSchema), data.theatre);
      for (const [schema, key] of pairs) {
        const list = data[key];
        if (!Array.isArray(list)) continue;
        const fast = fastParser(schema);
        for (const item of list) agrees(schema, fast, item);
        if (key === "events") events += list.length;
      }
    }
    expect(events).toBeGreaterThan(500);
  });
});
