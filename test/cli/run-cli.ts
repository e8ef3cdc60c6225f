// Runs `frontfold ARGS...` in-process and captures what it prints, line by line.

import { main } from "../../src/cli/main.js";
import type { CliIo } from "../../src/cli/io.js";

export async function runCli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(...t.replace(/\n$/, "").split("\n")),
    err: (t) => err.push(...t.replace(/\n$/, "").split("\n")),
  };
  const code = await main(argv, io);
  return { code, out, err };
}
