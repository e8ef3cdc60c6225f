// A progress bar on stderr for exports that take more than a second. On a terminal it redraws
// one line in place; anywhere else (CI logs, pipes, tests) it prints a plain line now and then.
// Nothing at all is shown for work that finishes within the first second.

import { processIo, type CliIo } from "./io.js";

export interface ProgressSink {
  /** Writes text as is (no newline added). */
  write(text: string): void;
  readonly isTTY: boolean;
  readonly columns?: number | undefined;
}

export interface ProgressOptions {
  readonly label: string;
  readonly sink: ProgressSink;
  /** Milliseconds, monotonic (default `performance.now`). */
  readonly now?: (() => number) | undefined;
  /** Stay quiet until this much time has passed (default 1000 ms). */
  readonly quietMs?: number | undefined;
}

export interface Progress {
  /** One more item done; `detail` (e.g. the frame's date) is shown beside the bar. */
  tick(detail?: string): void;
  /** All done: ends the bar's line. */
  done(): void;
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

export function createProgress(total: number, options: ProgressOptions): Progress {
  const now = options.now ?? (() => performance.now());
  const quietMs = options.quietMs ?? 1000;
  const { sink, label } = options;
  const started = now();
  let count = 0;
  let shown = false;
  let lastDraw = -Infinity;
  let lastLength = 0;

  const line = (detail: string | undefined, elapsed: number): string => {
    const pct = total > 0 ? Math.floor((count / total) * 100) : 100;
    const eta = count > 0 && count < total ? `  eta ${seconds((elapsed / count) * (total - count))}` : "";
    const width = Math.max(10, Math.min(30, (sink.columns ?? 80) - label.length - 40));
    const filled = total > 0 ? Math.round((count / total) * width) : width;
    const bar = `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
    return `${label} ${bar} ${count}/${total} ${String(pct).padStart(3)}%${detail ? `  ${detail}` : ""}${eta}`;
  };

  const draw = (detail: string | undefined, force: boolean) => {
    const t = now();
    const elapsed = t - started;
    if (elapsed < quietMs && !shown) return;
    if (sink.isTTY) {
      if (!force && t - lastDraw < 100) return;
      const text = line(detail, elapsed);
      sink.write(`\r${text}${" ".repeat(Math.max(0, lastLength - text.length))}`);
      lastLength = text.length;
    } else {
      if (!force && t - lastDraw < 1000) return;
      const pct = total > 0 ? Math.floor((count / total) * 100) : 100;
      sink.write(`${label}: ${count}/${total} (${pct}%)${detail ? ` ${detail}` : ""}\n`);
    }
    shown = true;
    lastDraw = t;
  };

  return {
    tick(detail) {
      count = Math.min(total, count + 1);
      draw(detail, false);
    },
    done() {
      if (!shown) return;
      const elapsed = now() - started;
      if (sink.isTTY) {
        const text = `${line(undefined, elapsed)}  in ${seconds(elapsed)}`;
        sink.write(`\r${text}${" ".repeat(Math.max(0, lastLength - text.length))}\n`);
      } else {
        sink.write(`${label}: ${count}/${total} in ${seconds(elapsed)}\n`);
      }
    },
  };
}

/** Progress for a command: the real stderr (a bar on a terminal) for the process, lines on `io.err` otherwise. */
export function progressFor(io: CliIo, total: number, label: string): Progress {
  const sink: ProgressSink =
    io === processIo
      ? {
          write: (text) => process.stderr.write(text),
          isTTY: process.stderr.isTTY === true,
          columns: process.stderr.columns,
        }
      : { write: (text) => io.err(text.replace(/\n$/, "")), isTTY: false };
  return createProgress(total, { label, sink });
}
