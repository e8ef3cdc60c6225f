// YAML text → plain data, keeping the document so that any path inside it (["events", 3, "units", 0])
// maps back to a line and column for diagnostics. Bad input (empty, binary, not YAML, not a
// mapping) becomes diagnostics, never an exception.

import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { Diagnostic, Severity } from "./diagnostics.js";

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

export function parseYamlFile(file: string, text: string, expected: string): ParsedFile {
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

  if (looksBinary(text)) {
    diagnostics.push(
      make("error", 1, 1, `this is not a text file (binary content); expected YAML with ${expected}`),
    );
  } else if (text.trim() === "" || /^(\s*#[^\n]*\n?)*\s*$/.test(text)) {
    diagnostics.push(make("error", 1, 1, `the file is empty; expected YAML with ${expected}`));
  } else {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: "core" });
    for (const e of doc.errors) {
      const p = position(e.pos[0]);
      diagnostics.push(make("error", p.line, p.col, `YAML syntax: ${firstLine(e.message)}`));
    }
    for (const w of doc.warnings) {
      const p = position(w.pos[0]);
      diagnostics.push(make("warning", p.line, p.col, `YAML: ${firstLine(w.message)}`));
    }
  }

  let data: Record<string, unknown> | undefined;
  if (doc && doc.errors.length === 0) {
    const value: unknown = doc.toJS({ maxAliasCount: 1000 });
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

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}
