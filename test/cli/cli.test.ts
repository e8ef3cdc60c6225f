import { runCli } from "./run-cli.js";
import { describe, expect, it } from "vitest";

const run = runCli;

const SMALL = "test/core/fixtures/small.yaml";

describe("frontfold control", () => {
  it("prints the faction id alone on the last line", async () => {
    const r = await run("control", SMALL, "--date", "2017-05-10", "--place", "Tabqa");
    expect(r.code).toBe(0);
    expect(r.out.at(-1)).toBe("sdf");
  });

  it("matches names ignoring case, diacritics and apostrophes", async () => {
    expect((await run("control", SMALL, "--date", "2017-01-02", "--place", "HAJIN")).out.at(-1)).toBe(
      "regime",
    );
    expect((await run("control", SMALL, "--date", "2017-01-02", "--place", "hajīn")).out.at(-1)).toBe(
      "regime",
    );
    expect((await run("control", SMALL, "--date", "2017-01-02", "--place", "at tabqah")).out.at(-1)).toBe(
      "isis",
    );
  });

  it("--json gives the full state with the event and sources behind it", async () => {
    const r = await run("control", SMALL, "--date", "2017-07-05", "--place", "old-city", "--json");
    const state = JSON.parse(r.out.join("\n"));
    expect(state).toMatchObject({
      unit: "old-city",
      faction: "sdf",
      status: "held",
      since: "2017-07-03",
      event: {
        id: "old-city-breach",
        sources: [{ publication: "FDD's Long War Journal", date: "2017-07-04" }],
      },
    });
    expect(state.history.map((e: { id: string }) => e.id)).toEqual(["old-city-breach"]);
  });

  it("an unknown place is a message on stderr and exit 2", async () => {
    const r = await run("control", SMALL, "--date", "2017-05-10", "--place", "Atlantis");
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['unknown place "Atlantis" in small']);
  });

  it("a bad date is a usage error, not a stack trace", async () => {
    const r = await run("control", SMALL, "--date", "2017-02-30", "--place", "Tabqa");
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/^frontfold control: --date: day 30 does not exist/);
  });
});

describe("frontfold check", () => {
  it("exits 0 on a clean file and 1 on errors, printing every diagnostic", async () => {
    expect((await run("check", SMALL)).code).toBe(0);
    const r = await run("check", "test/core/fixtures/broken.yaml");
    expect(r.code).toBe(1);
    expect(r.out).toHaveLength(12);
    expect(r.err.at(-1)).toBe("1 file(s): 11 error(s), 1 warning(s)");
  });
});

describe("frontfold events", () => {
  it("lists the ordered log within --from/--to", async () => {
    const r = await run("events", SMALL, "--from", "2017-06-01", "--to", "2017-08-01");
    expect(r.out).toEqual([
      "2017-06-06  contest     raqqa-entered  SDF enter Raqqa",
      "2017-07-03  control     old-city-breach  Old City wall breached",
      "2017-08-01  control     wrong-claim  A claim later retracted [retracted by retract-claim]",
    ]);
  });
});

describe("frontfold", () => {
  it("names an unknown command and shows usage", async () => {
    const r = await run("frobnicate");
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe('unknown command "frobnicate"');
  });
});

describe("JSON Schemas in public/", () => {
  it("are up to date with the validator (run `npm run schema` after changing src/core/schema.ts)", async () => {
    const { readFileSync } = await import("node:fs");
    const { schemaFiles, schemaText } = await import("../../src/cli/schema.js");
    for (const [name, make] of Object.entries(schemaFiles))
      expect(readFileSync(`public/${name}`, "utf8"), name).toBe(schemaText(make));
  });
});
