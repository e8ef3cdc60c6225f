import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { CliIo } from "../../src/cli/io.js";

const SMALL = "test/core/fixtures/small.yaml";

async function run(argv: string[], stdin?: string): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(...t.replace(/\n$/, "").split("\n")),
    err: (t) => err.push(...t.replace(/\n$/, "").split("\n")),
    ...(stdin === undefined ? {} : { stdin: () => stdin }),
  };
  return { code: await main(argv, io), out, err };
}

const LINES = [
  "2017-05-10\tTabqa",
  "2017-01-02\tHAJIN",
  "2017-05-09\tat tabqah",
  "2017-10-20\traqqa",
  "2017-08-02\tRaqqa",
  "2017-07-05\told-city",
];

describe("frontfold control --batch", () => {
  it("answers every line in input order, each as the single look-up would", async () => {
    const r = await run(["control", SMALL, "--batch", "-"], `${LINES.join("\n")}\n`);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    const singles: string[] = [];
    for (const line of LINES) {
      const [date, name] = line.split("\t") as [string, string];
      const one = await run(["control", SMALL, "--date", date, "--place", name]);
      singles.push(`${line}\t${one.out.at(-1)}`);
    }
    expect(r.out).toEqual(singles);
    expect(r.out[0]).toBe("2017-05-10\tTabqa\tsdf");
    expect(r.out[2]).toBe("2017-05-09\tat tabqah\tisis");
  });

  it("reads a file, says unknown for nobody and error for a line it cannot answer, and exits 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "frontfold-batch-"));
    const file = join(dir, "ask.tsv");
    writeFileSync(file, "2017-05-10\tAtlantis\r\n2017-02-30\tTabqa\nnot a line\n2017-05-10\tTabqa\n");
    const r = await run(["control", SMALL, "--batch", file]);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([
      '2017-05-10\tAtlantis\terror: unknown place "Atlantis" in small',
      expect.stringMatching(/^2017-02-30\tTabqa\terror: line 2: .+/),
      "not a line\t\terror: line 3: expected YYYY-MM-DD<TAB>NAME",
      "2017-05-10\tTabqa\tsdf",
    ]);
  });

  it("rejects --date/--place with --batch, and a missing batch file, without a stack trace", async () => {
    const both = await run(["control", SMALL, "--batch", "-", "--place", "Tabqa"], "");
    expect(both.code).toBe(2);
    expect(both.err.join("\n")).toMatch(/--batch takes its dates and places from its lines/);
    const missing = await run(["control", SMALL, "--batch", "no/such/file.tsv"]);
    expect(missing.code).toBe(1);
    expect(missing.err).toEqual(["cannot read no/such/file.tsv: ENOENT"]);
  });
});

describe("the frontfold launcher", () => {
  it("gives the same answers from the install-time bundle (or its fallback) and from the sources", () => {
    const args = ["src/cli/frontfold.mjs", "control", SMALL, "--batch", "-"];
    const input = `${LINES.join("\n")}\n`;
    const bundled = spawnSync(process.execPath, args, { input, encoding: "utf8" });
    const source = spawnSync(process.execPath, args, {
      input,
      encoding: "utf8",
      env: { ...process.env, FRONTFOLD_FROM_SOURCE: "1" },
    });
    expect(source.status).toBe(0);
    expect(source.stdout.trim().split("\n")).toHaveLength(LINES.length);
    expect([bundled.status, bundled.stdout, bundled.stderr]).toEqual([
      source.status,
      source.stdout,
      source.stderr,
    ]);
  });
});
