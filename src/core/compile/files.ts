// Pass 0, files: the main file and the files it includes, read first because an included file
// may hold places, areas and initial control as well as events (scenarios can share ground).

import type { Diagnostic } from "../diagnostics.js";
import type { Limits } from "../limits.js";
import { parseYamlFile, type ParsedFile } from "../parse.js";
import { includeFileSchema } from "../schema.js";
import { knownKeys, reportIssues } from "./issues.js";

const INCLUDE_EXPECTED = "an included file (events, and optionally places, areas, initial)";

/** A file of the scenario and its parsed top-level mapping. */
export interface ScenarioFile {
  readonly file: ParsedFile;
  readonly data: Record<string, unknown>;
}

export interface IncludeReader {
  /** Path of the main file, for resolving includes. */
  readonly file: string;
  readonly readFile?: ((path: string) => string | undefined) | undefined;
  readonly limits?: Partial<Limits> | undefined;
}

/** The main file, then each readable include in the order listed; `names` lists every file read. */
export function readFiles(
  main: ParsedFile,
  raw: Record<string, unknown>,
  includes: readonly string[],
  reader: IncludeReader,
  diags: Diagnostic[],
): { readonly files: readonly ScenarioFile[]; readonly names: readonly string[] } {
  const files: ScenarioFile[] = [{ file: main, data: raw }];
  const names = [reader.file];
  includes.forEach((rel, i) => {
    const outside = includeOutside(rel);
    if (outside) {
      diags.push(main.report("error", ["include", i], outside));
      return;
    }
    const path = joinPath(reader.file, rel);
    const text = reader.readFile?.(path);
    if (text === undefined) {
      diags.push(
        main.report("error", ["include", i], `cannot read included file "${rel}" (looked for ${path})`),
      );
      return;
    }
    if (names.includes(path)) {
      diags.push(main.report("error", ["include", i], `"${rel}" is included twice`));
      return;
    }
    names.push(path);
    const inc = parseYamlFile(path, text, INCLUDE_EXPECTED, reader.limits);
    diags.push(...inc.diagnostics);
    if (!inc.data) return;
    const r = includeFileSchema.safeParse(inc.data);
    if (!r.success) reportIssues(inc, [], r.error.issues, diags, knownKeys.include);
    files.push({ file: inc, data: inc.data });
  });
  return { files, names };
}

/** Why an include path may not be followed: includes stay in the scenario's folder or below it. */
export function includeOutside(relative: string): string | undefined {
  if (/^([A-Za-z]:)?[\\/]/.test(relative) || relative.startsWith("~"))
    return `include "${relative}" is not a path relative to the scenario's folder; includes stay in that folder or below it`;
  let depth = 0;
  for (const seg of relative.split(/[\\/]/)) {
    if (seg === "..") depth--;
    else if (seg !== "." && seg !== "") depth++;
    if (depth < 0)
      return `include "${relative}" leaves the scenario's folder; includes stay in that folder or below it`;
  }
  return undefined;
}

/** `a/b/c.yaml` + `d.yaml` → `a/b/d.yaml`, with `..` resolved; pure string work. */
export function joinPath(mainFile: string, relative: string): string {
  if (relative.startsWith("/")) return relative;
  const parts = mainFile.split("/").slice(0, -1);
  for (const seg of relative.split("/")) {
    if (seg === "..") {
      if (parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
      else parts.push("..");
    } else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}
