// Compiling opened files in a worker (the normal build). The single-file build swaps this
// module for `inline-compiler.ts` (see vite.config.ts), as it can ship no worker file.

import type { CompileJob, CompileReply, CompileRequest, ScenarioCompiler } from "../ui/compile-protocol.js";

export function createCompiler(atlasUrl: string): ScenarioCompiler {
  let worker: Worker | undefined;
  const pending = new Map<number, { job: CompileJob; done: (reply: CompileReply) => void }>();
  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL("./compile-worker.ts", import.meta.url), { type: "module" });
    w.addEventListener("message", (ev: MessageEvent<CompileReply>) => {
      const p = pending.get(ev.data.id);
      pending.delete(ev.data.id);
      p?.done(ev.data);
    });
    w.addEventListener("error", (ev) => {
      for (const [id, p] of pending)
        p.done({
          id,
          ok: false,
          diagnostics: [
            {
              file: p.job.main,
              line: 1,
              col: 1,
              severity: "error",
              message: `the compiler stopped: ${ev.message}`,
            },
          ],
        });
      pending.clear();
      worker = undefined;
    });
    worker = w;
    return w;
  };
  return {
    compile(job: CompileJob): Promise<CompileReply> {
      return new Promise((done) => {
        pending.set(job.id, { job, done });
        const req: CompileRequest = { ...job, atlasUrl };
        ensureWorker().postMessage(req);
      });
    },
  };
}
