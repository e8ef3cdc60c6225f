// YAML text → plain data, and a way to map any path inside it (["events", 3, "units", 0]) back to a
// line and column for diagnostics. A file is first read by a fast parser that keeps no source
// positions (the subset reader of `yaml-subset.ts`, then js-yaml for what it leaves); positions are recovered only when a diagnostic asks for one (from js-yaml's
// event stream, read then), and the positioned parser (yaml) reads the file when the fast read
// fails (it reports why) or holds anchors, aliases, tags or control characters. Bad input (empty,
// binary, not YAML, not a mapping, too big, too deep, control characters, aliases to nothing)
// becomes diagnostics, never an exception. Every check here is a single pass over the text or the document: no regular
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
import { constructFromEvents, CORE_SCHEMA, getScalarValue, parseEvents } from "js-yaml";
import type { Diagnostic, Severity } from "./diagnostics.js";
import { overLimit, withDefaults, type Limits } from "./limits.js";
import { readYamlSubset } from "./yaml-subset.js";

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
  for (let start = 0; start <= text.length;) {
    const end = text.indexOf("\n", start);
    const t = text.slice(start, end < 0 ? text.length : end).trim();
    if (t !== "" && !t.startsWith("#")) return false;
    if (end < 0) break;
    start = end + 1;
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
  if ((c >= 0x20 && c < 0x7f) || (c > 0x9f && c !== 0xfffd)) return undefined; // the common case, first
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

/** Files at least this long are read by the fast parser first: every file, since positions cost
 * nothing until a diagnostic asks for one (tests compare both reads through `fastFrom`). */
export const FAST_PARSE_CHARS = 0;

/** A C0 or C1 control character other than tab, line feed and carriage return, or U+FFFD: what
 * `controlCharacterProblem` rejects (one character class, no quantifier). */
// eslint-disable-next-line no-control-regex -- finding control characters is what it is for
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/;
/** `&`, `*` or `!` after a separator and before a non-blank: may start an anchor, alias or tag. */
const NODE_PROPERTY = /(?:^|[ \t\r\n[{,:-])[&*!][^ \t\r\n]/;
/** `%` at a line start: a directive. */
const DIRECTIVE = /^%/m;

/**
 * Why a big file must go to the positioned parser instead of the fast one: anchors, aliases, tags
 * and directives (the positioned parser budgets alias expansion and reports them exactly; a cheap,
 * conservative test) and control characters (reported there with their positions). Otherwise
 * whether the text holds a backslash, the only way (an escape in a double-quoted string) for a
 * value to hold a character the text does not. Each test is one linear regular-expression scan.
 */
function scanForFastRead(text: string): "positioned" | "plain" | "escapes" {
  if (CONTROL_CHARACTER.test(text) || NODE_PROPERTY.test(text) || DIRECTIVE.test(text)) return "positioned";
  return text.includes("\\") ? "escapes" : "plain";
}

/** Line and column (1-based) of an offset, counted in the text. */
function offsetPosition(text: string, offset: number): Position {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

/**
 * Where lists and mappings first nest deeper than `limit`, read from the text alone (no parser,
 * no recursion), or -1. Run before the positioned parser, whose recursion would otherwise
 * overflow the stack on a deep file at a depth that depends on the call. The count is a lower
 * bound of the document's depth (block levels by indentation, flow brackets outside quotes and
 * comments; block scalars and quoted text skipped), so a file within the limit never trips it;
 * the document's own depth check stays for whatever it misses.
 */
export function tooDeepAt(text: string, limit: number): number {
  const n = text.length;
  const blocks: number[] = []; // indentation of the open block collections
  let flow = 0;
  let i = 0;
  const blank = (c: number): boolean => c === 0x20 || c === 0x09;
  const afterBlanks = (from: number, to: number): number => {
    let at = from;
    while (at < to && blank(text.charCodeAt(at))) at++;
    return at;
  };
  /** A block collection at `column` (a key or a list item there): the first on a line closes the
   * deeper ones and continues or opens one; each later one on the line nests. True if too deep. */
  const openBlock = (column: number, first: boolean): boolean => {
    if (first) {
      while (blocks.length > 0 && (blocks[blocks.length - 1] as number) > column) blocks.pop();
      if (blocks.length === 0 || (blocks[blocks.length - 1] as number) < column) blocks.push(column);
    } else blocks.push(column);
    return blocks.length > limit;
  };
  /** Index after a quoted scalar starting at `at` (its quote), or n. */
  const skipQuoted = (at: number): number => {
    const q = text.charCodeAt(at);
    for (let k = at + 1; k < n; k++) {
      const c = text.charCodeAt(k);
      if (q === 0x22 && c === 0x5c) k++;
      else if (c === q) {
        if (q === 0x27 && text.charCodeAt(k + 1) === 0x27) k++;
        else return k + 1;
      }
    }
    return n;
  };
  /** Scans flow content from `at` until its brackets close; the offset after, or where too deep. */
  const scanFlow = (at: number): { end: number; deep: number } => {
    for (let k = at; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x5b || c === 0x7b) {
        flow++;
        if (blocks.length + flow > limit) return { end: k, deep: k };
      } else if (c === 0x5d || c === 0x7d) {
        flow--;
        if (flow === 0) return { end: k + 1, deep: -1 };
      } else if (c === 0x22 || c === 0x27) k = skipQuoted(k) - 1;
      else if (c === 0x23 && (k === 0 || blank(text.charCodeAt(k - 1)) || text.charCodeAt(k - 1) === 0x0a)) {
        const eol = text.indexOf("\n", k);
        k = eol < 0 ? n : eol;
      }
    }
    return { end: n, deep: -1 };
  };
  while (i < n) {
    const eol0 = text.indexOf("\n", i);
    let eol = eol0 < 0 ? n : eol0;
    let k = i;
    while (k < eol && text.charCodeAt(k) === 0x20) k++;
    const indent = k - i;
    const first = text.charCodeAt(k);
    if (k >= eol || first === 0x23 || first === 0x25 || first === 0x0d) {
      i = eol + 1; // blank, comment or directive
      continue;
    }
    let opened = false; // this line holds a key or a list item: a block collection at `indent`
    let column = indent;
    // Node starts along the line: `- `, `? `, `key: `, then a flow, quoted or block value.
    for (let at = k; at < eol;) {
      const c = text.charCodeAt(at);
      const next = at + 1 < n ? text.charCodeAt(at + 1) : 0x0a;
      const ends = next === 0x20 || next === 0x0a || next === 0x0d || next === 0x09;
      if ((c === 0x2d || c === 0x3f) && ends) {
        if (openBlock(column, !opened)) return at;
        opened = true;
        at = afterBlanks(at + 1, eol);
        column = at - i;
        continue;
      }
      if (c === 0x5b || c === 0x7b) {
        const r = scanFlow(at);
        if (r.deep >= 0) return r.deep;
        if (r.end > eol) {
          const e = text.indexOf("\n", r.end);
          eol = e < 0 ? n : e;
        }
        break;
      }
      if (c === 0x7c || c === 0x3e) {
        // A block scalar: skip the lines indented past the node that owns it (and blank lines). Its
        // owner is the key or list item just opened on this line, which may sit right of the line's
        // indentation (`- k: |` owns lines indented past `k`, not past `-`).
        const owner = opened ? (blocks[blocks.length - 1] as number) : indent;
        let line = eol + 1;
        while (line < n) {
          let m = line;
          while (m < n && text.charCodeAt(m) === 0x20) m++;
          const ch = text.charCodeAt(m);
          if (m - line > owner || m >= n || ch === 0x0a || ch === 0x0d) {
            const e = text.indexOf("\n", line);
            line = e < 0 ? n : e + 1;
          } else break;
        }
        eol = line - 1;
        break;
      }
      let end = at;
      if (c === 0x22 || c === 0x27) {
        end = skipQuoted(at);
        if (end > eol) {
          const e = text.indexOf("\n", end);
          eol = e < 0 ? n : e;
        }
      } else if (c === 0x26 || c === 0x21 || c === 0x2a) {
        // An anchor, tag or alias: a node property before the node, or the node itself.
        while (end < eol && !blank(text.charCodeAt(end))) end++;
        while (end < eol && blank(text.charCodeAt(end))) end++;
        if (c !== 0x2a) {
          at = end;
          continue;
        }
      }
      // A plain (or quoted) scalar: a key when `: ` or a final `:` follows it on this line.
      let colon = -1;
      for (let m = end; m < eol; m++) {
        const ch = text.charCodeAt(m);
        if (ch === 0x23 && m > 0 && blank(text.charCodeAt(m - 1))) break;
        if (ch === 0x3a) {
          const after = m + 1 < n ? text.charCodeAt(m + 1) : 0x0a;
          if (after === 0x20 || after === 0x0a || after === 0x0d || after === 0x09) {
            colon = m;
            break;
          }
        }
      }
      if (colon < 0) break;
      if (openBlock(column, !opened)) return at;
      opened = true;
      at = afterBlanks(colon + 1, eol);
      column = at - i;
      if (at < eol && text.charCodeAt(at) === 0x23) break;
      // The value starts here; a key in it would be a compact mapping, counted like a list item's.
      const v = text.charCodeAt(at);
      if (!(
        v === 0x5b ||
        v === 0x7b ||
        v === 0x7c ||
        v === 0x3e ||
        v === 0x22 ||
        v === 0x27 ||
        v === 0x26 ||
        v === 0x21
      ))
        break;
    }
    i = eol + 1;
  }
  return -1;
}

/** True when a string anywhere in `value` holds a character `controlCharacterProblem` rejects. */
function holdsControlCharacters(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "string") {
      for (let i = 0; i < v.length; i++)
        if (controlCharacterProblem(v.charCodeAt(i)) !== undefined) return true;
    } else if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) stack.push(k, x);
  }
  return false;
}

/**
 * The data of a big, plain file by the fast parser, or `undefined` when the positioned parser
 * must read it (node properties, a syntax error, too deep, control characters anywhere).
 */
function fastRead(text: string, limits: Limits): { value: unknown } | undefined {
  // The common subset first, read directly; anything else by js-yaml.
  const subset = readYamlSubset(text, limits.depth);
  if (subset) return subset;
  const scan = scanForFastRead(text);
  if (scan === "positioned") return undefined;
  let value: unknown;
  try {
    // The event stream is not kept: positions are recovered from a second read when asked for.
    const docs = constructFromEvents(parseEvents(text, { maxDepth: limits.depth }), {
      source: text,
      schema: CORE_SCHEMA,
    });
    if (docs.length !== 1) return undefined;
    value = docs[0];
  } catch {
    return undefined;
  }
  return scan === "escapes" && holdsControlCharacters(value) ? undefined : { value };
}

type YamlEvents = ReturnType<typeof parseEvents>;

type Position = { line: number; col: number };

/**
 * Where each node of a file read fast starts, from js-yaml's event stream (offsets into the text,
 * no document built): `at` walks it like the positioned document. Built on first use only: one
 * pass links each node to its first child and next sibling; offsets and keys are read from the
 * events when a path is walked.
 */
function eventPositions(
  text: string,
  events: YamlEvents,
): (path: Path, options: { key?: boolean }) => Position | undefined {
  const n = events.length;
  const first = new Int32Array(n).fill(-1);
  const next = new Int32Array(n).fill(-1);
  let root = -1;
  const open: number[] = [];
  const last: number[] = [];
  for (let i = 0; i < n; i++) {
    const type = (events[i] as YamlEvents[number]).type;
    if (type === 6) {
      open.pop();
      last.pop();
      continue;
    }
    if (type === 1) {
      open.push(-1);
      last.push(-1);
      continue;
    }
    const top = open.length - 1;
    const parent = open[top] as number;
    if (parent < 0) root = i;
    else {
      const prev = last[top] as number;
      if (prev < 0) first[parent] = i;
      else next[prev] = i;
    }
    last[top] = i;
    if (type === 2 || type === 3) {
      open.push(i);
      last.push(-1);
    }
  }
  const lineStarts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const position = (offset: number): Position => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - (lineStarts[lo] as number) + 1 };
  };
  const kind = (i: number): number => (events[i] as YamlEvents[number]).type;
  /** Where node i starts, as the positioned parser counts it (quotes and block indicators included). */
  const startOf = (i: number, keyBefore: number): number => {
    const e = events[i] as YamlEvents[number];
    if (e.type === 2 || e.type === 3) return e.start;
    if (e.type !== 4) return -1;
    let at = e.valueStart;
    if (at >= 0 && (e.style === 2 || e.style === 3)) return at - 1;
    if (at >= 0 && (e.style === 4 || e.style === 5)) {
      while (at > 0 && text[at] !== "|" && text[at] !== ">") at--;
      return at;
    }
    if (at < 0 && keyBefore >= 0) {
      // `key:` and nothing: where the value would start (after the colon and any blanks).
      const k = events[keyBefore] as YamlEvents[number];
      at = k.type === 4 ? k.valueEnd : -1;
      if (at >= 0 && text[at] === ":") at++;
      while (at >= 0 && (text[at] === " " || text[at] === "\t")) at++;
    } // an empty list item (`-` alone) stays -1: it is placed at its list
    return at;
  };
  const nodePos = (i: number, keyBefore = -1): Position | undefined => {
    if (i < 0) return undefined;
    const at = startOf(i, keyBefore);
    return at >= 0 ? position(at) : undefined;
  };
  const keyText = (i: number): string | undefined => {
    const e = events[i] as YamlEvents[number];
    return e.type === 4 ? getScalarValue(text, e) : undefined;
  };
  const items = new Map<number, number[]>();
  const childrenOf = (node: number): number[] => {
    let list = items.get(node);
    if (!list) {
      list = [];
      for (let c = first[node] as number; c >= 0; c = next[c] as number) list.push(c);
      items.set(node, list);
    }
    return list;
  };
  return (path, options) => {
    let node = root;
    let best = nodePos(node) ?? { line: 1, col: 1 };
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      if (node >= 0 && kind(node) === 3) {
        const kids = childrenOf(node);
        let k = -1;
        for (let j = 0; j + 1 < kids.length; j += 2)
          if (keyText(kids[j] as number) === String(seg)) {
            k = j;
            break;
          }
        if (k < 0) break;
        const keyPos = nodePos(kids[k] as number);
        if (last && options.key && keyPos) return keyPos;
        node = kids[k + 1] as number;
        best = nodePos(node, kids[k] as number) ?? keyPos ?? best;
      } else if (node >= 0 && kind(node) === 2 && typeof seg === "number") {
        const item = childrenOf(node)[seg];
        if (item === undefined) break;
        node = item;
        const itemPos = nodePos(node);
        // An empty list item (`-` and nothing) has no offset in the event stream: unplaced.
        if (!itemPos) return undefined;
        best = itemPos;
      } else break;
    }
    return best;
  };
}

export function parseYamlFile(
  file: string,
  rawText: string,
  expected: string,
  limitOverrides: Partial<Limits> = {},
  parseOptions: { fastFrom?: number } = {},
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
  let fast: { value: unknown } | undefined;
  let deepAt: number;
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
  } else if (
    text.length >= (parseOptions.fastFrom ?? FAST_PARSE_CHARS) &&
    (fast = fastRead(text, limits)) !== undefined
  ) {
    usable = true;
  } else if ((deepAt = tooDeepAt(text, limits.depth)) >= 0) {
    const p = offsetPosition(text, deepAt);
    diagnostics.push(
      make("error", p.line, p.col, overLimit("depth", "lists and mappings nest too deep here", limits.depth)),
    );
  } else {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: "core" });
    // The first syntax error, said for an author; the parser's later errors mostly follow from it.
    const [firstError, ...later] = doc.errors;
    if (firstError) {
      const p = position(firstError.pos[0]);
      const more =
        later.length > 0
          ? ` (fix this first: ${later.length} more YAML ${later.length === 1 ? "error follows" : "errors follow"} from here)`
          : "";
      diagnostics.push(
        make("error", p.line, p.col, `YAML syntax: ${yamlMessage(firstError.message, limits)}${more}`),
      );
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
  let value: unknown = fast?.value;
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
  if ((doc || fast !== undefined) && usable) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      const kind = value === null ? "nothing" : Array.isArray(value) ? "a list" : `a ${typeof value}`;
      diagnostics.push(make("error", 1, 1, `the file holds ${kind}; expected a mapping with ${expected}`));
    } else {
      data = value as Record<string, unknown>;
    }
  }

  let fastAt: ((path: Path, options: { key?: boolean }) => Position | undefined) | undefined;
  let placer: Document.Parsed | undefined;
  const at = (path: Path, options: { key?: boolean } = {}): { line: number; col: number } => {
    // Read fast: node positions are recovered now, once, because a diagnostic wants one (the
    // text read fast once reads the same way again); a node the event stream cannot place is
    // placed by the positioned document, built then.
    if (!doc && fast !== undefined) {
      fastAt ??= eventPositions(text, parseEvents(text, { maxDepth: limits.depth }));
      const p = fastAt(path, options);
      if (p) return p;
      placer ??= parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: "core" });
      return docAt(placer, path, options);
    }
    return doc ? docAt(doc, path, options) : { line: 1, col: 1 };
  };

  /** Position of the node at `path` in a positioned document. */
  function docAt(d: Document.Parsed, path: Path, options: { key?: boolean }): Position {
    let node: unknown = d.contents;
    let best: Position = nodePos(node) ?? { line: 1, col: 1 };
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
  }

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

/** What the parser's commonest messages mean for an author. */
const YAML_HINTS: Readonly<Record<string, string>> = {
  "All sequence items must start at the same column":
    "this list item is indented differently from the items above it",
  "All mapping items must start at the same column":
    "this key is indented differently from the keys above it",
  "Implicit map keys need to be followed by map values": "expected key: value on this line",
  "Nested mappings are not allowed in compact mappings":
    "a value holds a colon and a space: put the value in quotes",
  "Tabs are not allowed as indentation": "indent with spaces",
};

/** The parser's message, with a stack overflow on deep nesting said as the depth limit. */
function yamlMessage(message: string, limits: Limits): string {
  if (/call stack|too much recursion/i.test(message))
    return overLimit("depth", "lists and mappings nest too deep here", limits.depth);
  const line = firstLine(message);
  const hint = YAML_HINTS[line];
  return hint ? `${line}: ${hint}` : line;
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}
