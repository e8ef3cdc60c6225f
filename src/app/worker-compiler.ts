// Compiling opened files in a worker (the normal build). The single-file build swaps this
// module for `inline-compiler.ts` (see vite.config.ts), as it can ship no worker file. One
// compile at a time; cancelling stops the worker (a new one starts with the next file).

import type { CompiledEvent } from "../core/types.js";
import {
  likelyMain,
  type CompileJob,
  type CompileReply,
  type CompileRequest,
  type OpenProgress,
  type ScenarioCompiler,
  type WorkerMessage,
} from "../ui/compile-protocol.js";

interface Running {
  readonly job: CompileJob;
  readonly done: (reply: CompileReply | undefined) => void;
  readonly progress: (p: OpenProgress) => void;
  /** The reply, should it come before the end of its log. */
  reply?: Extract<CompileReply, { ok: true }>;
  log: CompiledEvent[];
  logLength: number;
}

/** A reply with the log received ahead of it. */
function withLog(reply: Extract<CompileReply, { ok: true }>, log: CompiledEvent[]): CompileReply {
  const { bundle } = reply;
  return { ...reply, bundle: { ...bundle, scenario: { ...bundle.scenario, log } } };
}

export function createCompiler(atlasUrl: string): ScenarioCompiler {
  let worker: Worker | undefined;
  let running: Running | undefined;

  const finish = (reply: CompileReply | undefined): void => {
    const r = running;
    running = undefined;
    r?.done(reply);
  };

  const receive = (msg: WorkerMessage): void => {
    const r = running;
    if (!r || msg.id !== r.job.id) return;
    if (msg.kind === "progress") r.progress(msg.progress);
    else if (msg.kind === "reply") {
      const reply = JSON.parse(msg.reply) as CompileReply;
      performance.mark("frontfold:open:reply");
      if (!reply.ok || r.log.length >= msg.logLength) {
        finish(reply.ok ? withLog(reply, r.log) : reply);
        return;
      }
      // (The log comes first; this waits for any of it still on its way.)
      r.reply = reply;
      r.logLength = msg.logLength;
    } else {
      for (const e of JSON.parse(msg.events) as CompiledEvent[]) r.log.push(e);
      r.progress({ stage: "building", done: r.log.length, total: msg.total, unit: "events received" });
      if (r.reply && r.log.length >= r.logLength) finish(withLog(r.reply, r.log));
    }
  };

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL("./compile-worker.ts", import.meta.url), { type: "module" });
    w.addEventListener("message", (ev: MessageEvent<WorkerMessage>) => receive(ev.data));
    w.addEventListener("error", (ev) => {
      const r = running;
      worker = undefined;
      w.terminate();
      if (!r) return;
      const main = likelyMain(r.job.files) ?? "";
      finish({
        id: r.job.id,
        main,
        ok: false,
        diagnostics: [
          {
            file: main,
            line: 1,
            col: 1,
            severity: "error",
            message: `the compiler stopped: ${ev.message}`,
          },
        ],
      });
    });
    worker = w;
    return w;
  };

  const cancel = (): void => {
    if (!running) return;
    // A compile cannot be interrupted from outside: the worker goes, and a new one comes with
    // the next file.
    worker?.terminate();
    worker = undefined;
    finish(undefined);
  };

  return {
    compile(job, progress = () => undefined): Promise<CompileReply | undefined> {
      cancel();
      return new Promise((done) => {
        running = { job, done, progress, log: [], logLength: 0 };
        const req: CompileRequest = { ...job, atlasUrl };
        // The bytes move to the worker (the page has no further use for them).
        ensureWorker().postMessage(
          req,
          job.files.map((f) => f.bytes.buffer as ArrayBuffer),
        );
      });
    },
    cancel,
  };
}
