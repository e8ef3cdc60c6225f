// Budgets for one compile: every input is bounded before it can cost much time or memory. Each
// limit has a name, a default, and the environment variable that raises it (read by the CLI and the
// build; the page uses the defaults).

export interface Limits {
  /** Characters in one file (the main scenario file or one include). */
  readonly fileChars: number;
  /** YAML alias expansions (`*anchor`) in one file. */
  readonly aliases: number;
  /** Nesting depth of lists and mappings in one file. */
  readonly depth: number;
  /** Vertices in one polygon (all rings of an area or of the theatre). */
  readonly vertices: number;
  /** Events in one file. */
  readonly events: number;
}

// Files and logs are sized for the data sets people bring (thousands of communities tracked daily
// for years: tens of megabytes, hundreds of thousands of events), which compile in seconds.
export const DEFAULT_LIMITS: Limits = {
  fileChars: 64_000_000,
  aliases: 1_000,
  depth: 64,
  vertices: 5_000,
  events: 2_000_000,
};

export const LIMIT_ENV: Readonly<Record<keyof Limits, string>> = {
  fileChars: "FRONTFOLD_MAX_FILE_CHARS",
  aliases: "FRONTFOLD_MAX_ALIASES",
  depth: "FRONTFOLD_MAX_DEPTH",
  vertices: "FRONTFOLD_MAX_VERTICES",
  events: "FRONTFOLD_MAX_EVENTS",
};

/** `limits` filled in from the defaults. */
export function withDefaults(limits: Partial<Limits> = {}): Limits {
  return { ...DEFAULT_LIMITS, ...limits };
}

/** "<what>; the limit is N (raise it with FRONTFOLD_…=M)": the error for a budget overrun. */
export function overLimit(name: keyof Limits, what: string, limit: number): string {
  return `${what}; the limit is ${limit} (${name}: raise it with the environment variable ${LIMIT_ENV[name]}=${limit * 2})`;
}

/** Limits from environment variables (`FRONTFOLD_MAX_…`); a value that is not a positive integer is a problem. */
export function limitsFromEnv(env: Readonly<Record<string, string | undefined>>): {
  limits: Partial<Limits>;
  problems: string[];
} {
  const limits: Partial<Record<keyof Limits, number>> = {};
  const problems: string[] = [];
  for (const name of Object.keys(LIMIT_ENV) as (keyof Limits)[]) {
    const raw = env[LIMIT_ENV[name]];
    if (raw === undefined || raw === "") continue;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < 1)
      problems.push(`${LIMIT_ENV[name]}: expected a positive whole number, got "${raw}"`);
    else limits[name] = n;
  }
  return { limits, problems };
}
