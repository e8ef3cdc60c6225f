// YAML text → plain data, keeping the document so that any path inside it (["events", 3, "units", 0])
// maps back to a line and column for diagnostics. Bad input (empty, binary, not YAML, not a
// mapping, too big, too deep, control characters, aliases to nothing) becomes diagnostics, never an
// exception. Every check here is a single pass over the text or the document: no regular
// expression with nested quantifiers runs over input text.

import {
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from "yaml";
import type { Diagnostic, Severity } from "./diagnostics.js";
import { overLimit, withDefaults, type Limits } from "./limits.js";

export type Path = readonly (string | number)[];

export interface ParsedFile {
  readonly file: string;
  /** The data, or `undefined` when the file could not be read as a YAML mapping. */
  readonly data: Record<string, unknown> | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** Position of the node at `path` (or of its nearest existing ancestor). `key: true` points at
   * the key of the last segment rather than its value. */
  at(path: Path, options?: { key?: boolean }): { line: number; col: number };
  /** A diagnostic positioned at `path`. */
  report(severity: Severity, path: Path, message: string, options?: { key?: boolean }): Diagnostic;
}

function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  const sample = text.slice(0, 4096);
  let odd = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0) as number;
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) odd++;
  }
  return sample.length > 0 && odd / sample.length > 0.05;
}

/** True when every line is blank or a comment (one pass; no backtracking). */
function onlyComments(text: string): boolean {
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (t !== "" && !t.startsWith("#")) return false;
  }
  return true;
}

const CONTROL_NAMES: Readonly<Record<number, string>> = {
  0x08: "backspace",
  0x0b: "vertical tab",
  0x0c: "form feed",
  0x1b: "escape",
  0x7f: "delete",
  0x85: "next line",
};

/** Why `c` may not appear in scenario text, or `undefined` when it may. Tab, line feed and carriage
 * return are text; other C0/C1 controls are not, and U+FFFD marks bytes that were not UTF-8. */
export function controlCharacterProblem(c: number): string | undefined {
  if (c === 9 || c === 10 || c === 13) return undefined;
  const hex = `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
    const name = CONTROL_NAMES[c];
    return `control character ${hex}${name ? ` (${name})` : ""} is not text; delete it (it often comes from pasting out of a PDF)`;
  }
  if (c === 0xfffd)
    return "bytes that are not UTF-8 (shown as U+FFFD); save the file as UTF-8 (it looks like Latin-1 or another legacy encoding)";
  return undefined;
}

/** Reads `*name` as a literal where YAML would take it for an alias. */
function aliasHint(source: string): string {
  return `YAML alias *${source} names no anchor (&${source}) defined before it; to write text that starts with "*", put it in quotes ("*${source}")`;
}

export function parseYamlFile(
  file: string,
  rawText: string,
  expected: string,
  limitOverrides: Partial<Limits> = {},
): ParsedFile {
  const limits = withDefaults(limitOverrides);
  // A lone carriage return (old Mac line endings) is a line break: read it as one, keeping every
  // offset (one character for one) so positions stay right.
  const text = rawText.includes("\r") ? rawText.replace(/\r(?!\n)/g, "\n") : rawText;
  const lineCounter = new LineCounter();
  const position = (offset: number): { line: number; col: number } => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  let doc: Document.Parsed | undefined;
  const diagnostics: Diagnostic[] = [];
  const make = (severity: Severity, line: number, col: number, message: string): Diagnostic => ({
    file,
    line,
    col,
    severity,
    message,
  });

  let usable = false;
  if (text.length > limits.fileChars) {
    diagnostics.push(
      make("error", 1, 1, overLimit("fileChars", `the file has ${text.length} characters`, limits.fileChars)),
    );
  } else if (looksBinary(text)) {
    diagnostics.push(
      make(
        "error",
        1,
        1,
        `this is not a text file (binary content); expected YAML with ${expected} (saved as UTF-8, or UTF-16 with a byte-order mark)`,
      ),
    );
  } else if (onlyComments(text)) {
    diagnostics.push(make("error", 1, 1, `the file is empty; expected YAML with ${expected}`));
  } else {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: "core" });
    for (const e of doc.errors) {
      const p = position(e.pos[0]);
      diagnostics.push(make("error", p.line, p.col, `YAML syntax: ${yamlMessage(e.message, limits)}`));
    }
    for (const w of doc.warnings) {
      const p = position(w.pos[0]);
      diagnostics.push(make("warning", p.line, p.col, `YAML: ${firstLine(w.message)}`));
    }
    const textOk = checkText(text);
    usable = doc.errors.length === 0 && textOk && checkDocument(doc);
  }

  /** Control characters in the raw text, each with its position (at most a few reported). */
  function checkText(source: string): boolean {
    let found = 0;
    for (let i = 0; i < source.length && found < 5; i++) {
      const problem = controlCharacterProblem(source.charCodeAt(i));
      if (problem === undefined) continue;
      const p = position(i);
      diagnostics.push(make("error", p.line, p.col, problem));
      found++;
    }
    return found === 0;
  }

  /** Depth, aliases and escaped control characters in the parsed document, without recursion. */
  function checkDocument(d: Document.Parsed): boolean {
    let ok = true;
    const stack: { node: unknown; depth: number }[] = [{ node: d.contents, depth: 0 }];
    while (stack.length > 0) {
      const { node, depth } = stack.pop() as { node: unknown; depth: number };
      if (isCollection(node)) {
        if (depth + 1 > limits.depth) {
          const p = position(node.range?.[0] ?? 0);
          diagnostics.push(
            make(
              "error",
              p.line,
              p.col,
              overLimit("depth", "lists and mappings nest too deep here", limits.depth),
            ),
          );
          return false;
        }
        for (const item of node.items as unknown[]) {
          if (isPair(item)) {
            stack.push({ node: item.key, depth: depth + 1 });
            stack.push({ node: item.value, depth: depth + 1 });
          } else stack.push({ node: item, depth: depth + 1 });
        }
      } else if (isAlias(node)) {
        if (node.resolve(d) === undefined) {
          const p = position(node.range?.[0] ?? 0);
          diagnostics.push(make("error", p.line, p.col, aliasHint(node.source)));
          ok = false;
        }
      } else if (isScalar(node) && typeof node.value === "string" && node.range) {
        for (let i = 0; i < node.value.length; i++) {
          const problem = controlCharacterProblem(node.value.charCodeAt(i));
          if (problem === undefined) continue;
          const p = position(node.range[0]);
          diagnostics.push(make("error", p.line, p.col, `${problem} (written as an escape in this text)`));
          ok = false;
          break;
        }
      }
    }
    return ok;
  }

  let data: Record<string, unknown> | undefined;
  let value: unknown;
  if (doc && usable) {
    try {
      value = doc.toJS({ maxAliasCount: limits.aliases });
    } catch (e) {
      usable = false;
      const message = (e as Error).message;
      diagnostics.push(
        make(
          "error",
          1,
          1,
          /alias/i.test(message)
            ? overLimit("aliases", "YAML aliases (*name) expand to too much data", limits.aliases)
            : `YAML: ${firstLine(message)}`,
        ),
      );
    }
  }
  if (doc && usable) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      const kind = value === null ? "nothing" : Array.isArray(value) ? "a list" : `a ${typeof value}`;
      diagnostics.push(make("error", 1, 1, `the file holds ${kind}; expected a mapping with ${expected}`));
    } else {
      data = value as Record<string, unknown>;
    }
  }

  const at = (path: Path, options: { key?: boolean } = {}): { line: number; col: number } => {
    if (!doc) return { line: 1, col: 1 };
    let node: unknown = doc.contents;
    let best: { line: number; col: number } = nodePos(node) ?? { line: 1, col: 1 };
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg),
        );
        if (!pair) break;
        const keyPos = nodePos(pair.key);
        if (last && options.key && keyPos) return keyPos;
        node = pair.value;
        best = nodePos(node) ?? keyPos ?? best;
        if (pair.value === null || pair.value === undefined) {
          if (keyPos) best = keyPos;
          break;
        }
      } else if (isSeq(node) && typeof seg === "number") {
        const item = node.items[seg];
        if (item === undefined) break;
        node = item;
        best = nodePos(node) ?? best;
      } else break;
    }
    return best;

    function nodePos(n: unknown): { line: number; col: number } | undefined {
      const range = (n as Node | undefined)?.range;
      return range ? position(range[0]) : undefined;
    }
  };

  return {
    file,
    data,
    diagnostics,
    at,
    report(severity, path, message, options) {
      const p = at(path, options);
      return make(severity, p.line, p.col, message);
    },
  };
}

/** The parser's message, with a stack overflow on deep nesting said as the depth limit. */
function yamlMessage(message: string, limits: Limits): string {
  if (/call stack|too much recursion/i.test(message))
    return overLimit("depth", "lists and mappings nest too deep here", limits.depth);
  return firstLine(message);
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}
