// What a CLI command needs from the outside world, so commands can be tested without a process.

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** All of standard input (default: the process's). */
  stdin?(): string;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
};

export type Command = (args: string[], io: CliIo) => Promise<number>;

/** Thrown for bad command-line usage; `main` prints the message and exits 2. */
export class UsageError extends Error {}
