// The JSON Schemas editors read must agree with the validator: every shipped scenario (and its
// included files) passes them, and typical mistakes are underlined.

import { readdirSync, readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

const ajv = new Ajv2020({ allErrors: true, strict: false });
const scenario = ajv.compile(JSON.parse(readFileSync("public/scenario.schema.json", "utf8")) as object);
const events = ajv.compile(JSON.parse(readFileSync("public/events.schema.json", "utf8")) as object);
const read = (path: string): unknown => parse(readFileSync(path, "utf8"));

describe("editor JSON Schemas", () => {
  const mains = readdirSync("scenarios").filter((f) => f.endsWith(".yaml"));
  it.each(mains)("accept scenarios/%s", (f) => {
    expect(scenario(read(`scenarios/${f}`)), JSON.stringify(scenario.errors?.slice(0, 3))).toBe(true);
  });

  const includes = readdirSync("scenarios", { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(`scenarios/${d.name}`).map((f) => `scenarios/${d.name}/${f}`));
  it.each(includes)("accept %s", (path) => {
    expect(events(read(path)), JSON.stringify(events.errors?.slice(0, 3))).toBe(true);
  });

  it("underline a misspelt key, an unknown event type and a missing source", () => {
    const bad = read("test/core/fixtures/small.yaml") as { events: Record<string, unknown>[] };
    const first = bad.events[0] as Record<string, unknown>;
    expect(scenario({ ...bad, events: [{ ...first, form: "isis" }] })).toBe(false);
    expect(scenario({ ...bad, events: [{ ...first, type: "conquer" }] })).toBe(false);
    expect(scenario({ ...bad, events: [{ ...first, sources: [] }] })).toBe(false);
    expect(scenario(bad)).toBe(true);
  });
});
