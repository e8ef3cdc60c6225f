// `author_note` is for a scenario's authors: it compiles, and nothing a reader sees (the app's event
// text, the CLI's answers, the exported maps and handouts) carries it.

import { runCli } from "./run-cli.js";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadScenario } from "../../src/node/load.js";
import { eventText } from "../../src/ui/event-text.js";

const MARK = "AUTHORS-ONLY-7c1f";
const dir = mkdtempSync(join(tmpdir(), "frontfold-author-note-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = join(dir, "small.yaml");
copyFileSync("test/core/fixtures/small.events.yaml", join(dir, "small.events.yaml"));
writeFileSync(
  file,
  readFileSync("test/core/fixtures/small.yaml", "utf8")
    .replace(
      "    from: isis\n",
      `    from: isis\n    author_note: ${MARK} why the control event is written so\n`,
    )
    .replace(
      "    narration: Islamic State holds the city.\n",
      `    narration: Islamic State holds the city.\n    author_note: ${MARK} chapter\n`,
    ),
);

describe("author_note", () => {
  it("is accepted on events and kept out of the text readers see", () => {
    const r = loadScenario(file);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const events = r.scenario?.log ?? [];
    expect(events.filter((e) => e.def.author_note?.includes(MARK)).map((e) => e.id)).toEqual([
      "chapter-1",
      "tabqa-falls",
    ]);
    for (const e of events) expect(eventText(e) ?? "").not.toContain(MARK);
  });

  it("never reaches the command line's answers or the exports", async () => {
    const outputs: string[] = [];
    for (const args of [
      ["events", file],
      ["control", file, "--date", "2017-06-01", "--place", "tabqa", "--json"],
      ["at", file, "--date", "2017-06-01", "--format", "json"],
      ["at", file, "--date", "2017-06-01", "--format", "geojson"],
      ["at", file, "--date", "2017-06-01", "--format", "svg"],
    ]) {
      const r = await runCli(...args);
      expect(r.code, args.join(" ")).toBe(0);
      outputs.push(r.out.join("\n"));
    }
    const handout = join(dir, "handout.html");
    expect((await runCli("handout", file, "--out", handout)).code).toBe(0);
    outputs.push(readFileSync(handout, "utf8"));
    expect(outputs.join("\n")).toContain("SDF take Tabqa");
    for (const text of outputs) expect(text).not.toContain(MARK);
  });
});
