// A supersede that changes what an event does (a contest corrected to a control): `events` and
// `control --json` print the type the log carries out, and the written one as provenance.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HEAD } from "../core/head.js";
import { runCli } from "./run-cli.js";

const SRC = '[{ publication: "P", date: "2017-06-06" }]';
const dir = mkdtempSync(join(tmpdir(), "frontfold-supersede-"));
const file = join(dir, "s.yaml");
writeFileSync(
  file,
  `${HEAD}events:
  - { id: entered, date: "2017-06-06", type: contest, units: [raqqa], by: [sdf], title: SDF enter Raqqa, sources: ${SRC} }
  - id: entered-fixed
    date: "2017-06-08"
    type: supersede
    target: entered
    reason: They took the town outright.
    title: Correction
    sources: ${SRC}
    with: { date: "2017-06-06", type: control, units: [raqqa], faction: sdf, title: SDF take Raqqa, sources: ${SRC} }
`,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a supersede that changes an event's type", () => {
  it("frontfold events prints the replacement's type, and says what it supersedes", async () => {
    const r = await runCli("events", file);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      "2017-06-06  contest     entered  SDF enter Raqqa [superseded by entered-fixed]",
      "2017-06-06  control     entered-fixed  SDF take Raqqa [supersedes entered]",
    ]);
  });

  it("control --json gives the effective type, with the written type and the replaced event", async () => {
    const r = await runCli("control", file, "--date", "2017-06-10", "--place", "Raqqa", "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out.join("\n")) as {
      faction: string;
      history: {
        id: string;
        type: string;
        written_type: string;
        supersedes?: string;
        retractedBy?: string;
      }[];
    };
    expect(report.faction).toBe("sdf");
    expect(report.history.map((h) => [h.id, h.type, h.written_type, h.supersedes, h.retractedBy])).toEqual([
      ["entered-fixed", "control", "supersede", "entered", undefined],
      ["entered", "contest", "contest", undefined, "entered-fixed"],
    ]);
  });
});
