// Zod issues → positioned diagnostics. The key lists behind "did you mean" come from the schemas
// themselves, so a field added to `schema.ts` is known here without a second list to keep.

import type { z } from "zod";
import { didYouMean, type Diagnostic } from "../diagnostics.js";
import type { ParsedFile, Path } from "../parse.js";
import {
  areaSchema,
  eventSchema,
  eventTypes,
  factionSchema,
  includeFileSchema,
  placeSchema,
  replacementSchema,
  scenarioHeadSchema,
  sourceSchema,
  theatreSchema,
  viewSchema,
} from "../schema.js";

type Issue = z.core.$ZodIssue;

const keysOf = (...shapes: readonly object[]): readonly string[] => [
  ...new Set(shapes.flatMap((s) => Object.keys(s))),
];

/** The keys each part of a scenario file may hold, read from the zod schemas. */
export const knownKeys = {
  top: keysOf(scenarioHeadSchema.shape),
  include: keysOf(includeFileSchema.shape),
  event: keysOf(...eventSchema.options.map((o) => o.shape), ...replacementSchema.options.map((o) => o.shape)),
  place: keysOf(placeSchema.shape),
  area: keysOf(areaSchema.shape),
  faction: keysOf(factionSchema.shape),
  source: keysOf(sourceSchema.shape),
  theatre: keysOf(...theatreSchema.options.map((o) => o.shape)),
  view: keysOf(viewSchema.shape),
} as const satisfies Record<string, readonly string[]>;

const sectionKeys: Readonly<Record<string, readonly string[]>> = {
  events: knownKeys.event,
  places: knownKeys.place,
  areas: knownKeys.area,
  factions: knownKeys.faction,
  theatre: knownKeys.theatre,
  view: knownKeys.view,
};

/** Turns zod issues for the value at `base` into diagnostics positioned in `file`. */
export function reportIssues(
  file: ParsedFile,
  base: Path,
  issues: readonly Issue[],
  out: Diagnostic[],
  topKeys: readonly string[] = knownKeys.top,
): void {
  for (const issue of issues) {
    const path = [...base, ...(issue.path as (string | number)[])];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        out.push(file.report("error", [...path, key], unknownKeyMessage(key, path, topKeys), { key: true }));
      continue;
    }
    out.push(file.report("error", path, issueMessage(issue, path, isMissing(file.data, path))));
  }
}

function unknownKeyMessage(key: string, path: Path, topKeys: readonly string[]): string {
  const table =
    path.length === 0
      ? topKeys
      : path.includes("sources")
        ? knownKeys.source
        : (sectionKeys[String(path[0])] ?? []);
  if (path.length === 0 && topKeys !== knownKeys.top && knownKeys.top.includes(key))
    return `"${key}" belongs in the scenario file; an included file holds only ${topKeys.join(", ")}`;
  return `unknown key "${key}"${didYouMean(key, table)}`;
}

/** True when the last key of `path` is absent from its (present) parent object. */
function isMissing(root: unknown, path: Path): boolean {
  let node: unknown = root;
  for (let i = 0; i < path.length - 1; i++) {
    if (node === null || typeof node !== "object") return false;
    node = (node as Record<string | number, unknown>)[path[i] as string | number];
  }
  const last = path[path.length - 1];
  return last !== undefined && node !== null && typeof node === "object" && !(String(last) in node);
}

function issueMessage(issue: Issue, path: Path, missing: boolean): string {
  const named = [...path].reverse().find((seg) => typeof seg === "string");
  const where = named !== undefined ? `${named}: ` : "";
  if (issue.code === "invalid_union" && "note" in issue && issue.note === "No matching discriminator") {
    return `unknown event type; expected one of ${eventTypes.join(", ")}`;
  }
  if (issue.code === "invalid_value" && path[path.length - 1] === "type") {
    return `unknown event type; expected one of ${eventTypes.join(", ")}`;
  }
  if (issue.code === "invalid_type" && missing) {
    const expected = issue.expected === "nonoptional" ? undefined : typeWords[issue.expected];
    return `missing "${String(path[path.length - 1])}"${expected ? ` (expected ${expected})` : ""}`;
  }
  if (issue.code === "invalid_type") {
    const got = "input" in issue ? kindOf(issue.input) : /received (\w+)$/.exec(issue.message)?.[1];
    return `${where}expected ${typeWords[issue.expected] ?? issue.expected}${got ? `, got ${typeWords[got] ?? got}` : ""}`;
  }
  return `${where}${issue.message}`;
}

/** How an author would name a YAML type. */
const typeWords: Readonly<Record<string, string>> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "array (a list)",
  tuple: "array (a list)",
  object: "a mapping",
  null: "nothing (null)",
  undefined: "nothing",
  nonoptional: "a value",
};

function kindOf(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

/** Calls `visit` for each item when `list` is an array (a list that failed validation is skipped). */
export function eachItem(list: unknown, visit: (item: unknown, index: number) => void): void {
  if (Array.isArray(list)) list.forEach((item, i) => visit(item, i));
}
