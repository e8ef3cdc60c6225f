// A strict reader for the subset of YAML that big scenario files are written in: block mappings
// and block lists, one-line flow lists and mappings, plain scalars and one-line quoted scalars,
// comments. It reads the text once, character by character, building the data directly (no token
// or event objects), and returns `undefined` on anything it does not fully understand: anchors,
// aliases, tags, directives, block and multi-line scalars, tabs, control characters, duplicate
// keys, plain scalars whose type it cannot tell for sure, odd indentation. The caller then reads
// the file with js-yaml (CORE_SCHEMA), which is what this reader agrees with on everything it
// accepts (a property test compares the two).

/** Slots of the string cache (a power of two). */
const STRING_CACHE = 8192;

/** Thrown to stop reading: the text is outside the subset. */
const OUTSIDE: unique symbol = Symbol("outside the subset");

/** `true`, `false`, `null` as YAML 1.2's core schema resolves a plain scalar written that way. */
const WORDS: ReadonlyMap<string, null | boolean> = new Map<string, null | boolean>([
  ["null", null],
  ["Null", null],
  ["NULL", null],
  ["true", true],
  ["True", true],
  ["TRUE", true],
  ["false", false],
  ["False", false],
  ["FALSE", false],
]);

/** A whole number or a decimal fraction, written plainly (no exponent, no leading zeros, no `+`,
 * at most 15 digits): the forms whose value `Number` gives exactly as YAML's core schema does. */
const SIMPLE_NUMBER = /^-?(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,15})?$/;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * The value of a plain scalar, when the core schema's resolution of it is certain: text that
 * starts with a letter (only the null and boolean words above resolve to anything but text),
 * a simple number, or text starting with a digit that holds a sign after its first character
 * other than an exponent's (no number is written so: `2017-06-01`, `10-12`) or a character no
 * number holds (`10m`). Anything else (`~`, `.inf`, `0x1f`, `1e3`, `+1`, `007`, `1_000`) throws.
 */
export function plainValue(s: string): unknown {
  const c = s.charCodeAt(0);
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c >= 0xa0) {
    const word = WORDS.get(s);
    return word === undefined ? s : word;
  }
  if (c === 0x2d || isDigit(c)) {
    if (SIMPLE_NUMBER.test(s)) return Number(s);
    if (!isDigit(c)) throw OUTSIDE;
    for (let i = 1; i < s.length; i++) {
      const d = s.charCodeAt(i);
      if (d === 0x2d || d === 0x2b) {
        const before = s.charCodeAt(i - 1);
        if (before !== 0x65 && before !== 0x45) return s;
      } else if (!(
        isDigit(d) ||
        d === 0x2e ||
        d === 0x5f ||
        d === 0x3a ||
        NUMBER_LETTERS.includes(s[i] as string)
      ))
        return s;
    }
  }
  throw OUTSIDE;
}

/** Letters that may appear in a number as YAML writes one (hex digits, prefixes, exponent). */
const NUMBER_LETTERS = "abcdefABCDEFoOxX";

/**
 * The data of `text` when it lies within the subset (a mapping at the top), or `undefined`.
 * `maxDepth` bounds how deep lists and mappings nest (deeper: `undefined`).
 */
export function readYamlSubset(
  text: string,
  maxDepth: number,
): { value: Record<string, unknown> } | undefined {
  const n = text.length;
  let pos = 0;
  /** Offset where the current line starts. */
  let lineStart = 0;

  /** Text from `start` to `end` as a string, the same string as last time when the same text was
   * read before (keys, dates, ids and types repeat throughout a big file: one string each, held
   * once, instead of one per occurrence). A direct-mapped cache: a miss only costs a compare. */
  const strings = new Array<string | undefined>(STRING_CACHE);
  const textOf = (start: number, end: number): string => {
    const len = end - start;
    if (len === 0) return "";
    const h =
      (len * 31 +
        text.charCodeAt(start) * 7 +
        text.charCodeAt(end - 1) * 13 +
        text.charCodeAt((start + end) >> 1) * 17 +
        text.charCodeAt(end - 2) * 5) &
      (STRING_CACHE - 1);
    const cached = strings[h];
    if (cached !== undefined && cached.length === len && text.startsWith(cached, start)) return cached;
    const s = text.slice(start, end);
    strings[h] = s;
    return s;
  };
  /** True at the end of a line (line feed, carriage return + line feed, or the end of the text). */
  const atEol = (at: number): boolean => {
    if (at >= n) return true;
    const c = text.charCodeAt(at);
    return c === 0x0a || (c === 0x0d && text.charCodeAt(at + 1) === 0x0a);
  };
  /** Whether `c` may appear in the subset's text at all (no tab, no other control character, no
   * U+FFFD, no byte-order mark). */
  const ordinary = (c: number): boolean =>
    (c >= 0x20 && c < 0x7f) || (c > 0x9f && c !== 0xfffd && c !== 0xfeff);
  /** Past the line feed ending the line at `at` (checking a comment's characters on the way). */
  const skipRestOfLine = (at: number): number => {
    let k = at;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c === 0x0a) return k + 1;
      if (c === 0x0d && text.charCodeAt(k + 1) === 0x0a) return k + 2;
      if (!ordinary(c)) throw OUTSIDE;
      k++;
    }
    return n;
  };
  /** Moves from a line start past blank and comment lines; the indentation of the next content
   * line (`pos` at its first character), or -1 at the end of the text. */
  const nextContent = (): number => {
    while (pos < n) {
      lineStart = pos;
      let k = pos;
      while (k < n && text.charCodeAt(k) === 0x20) k++;
      if (atEol(k)) {
        pos = skipRestOfLine(k);
        continue;
      }
      if (text.charCodeAt(k) === 0x23) {
        pos = skipRestOfLine(k + 1);
        continue;
      }
      pos = k;
      return k - lineStart;
    }
    lineStart = n;
    return -1;
  };
  /** After a value: blanks, then a comment (after a blank) or the end of the line; `pos` moves to
   * the next line's start. */
  const endLine = (): void => {
    let k = pos;
    while (k < n && text.charCodeAt(k) === 0x20) k++;
    if (atEol(k)) pos = skipRestOfLine(k);
    else if (text.charCodeAt(k) === 0x23 && k > pos) pos = skipRestOfLine(k + 1);
    else throw OUTSIDE;
  };
  /** `- ` (or `-` at the end of a line) at `at`. */
  const isItem = (at: number): boolean =>
    text.charCodeAt(at) === 0x2d && (text.charCodeAt(at + 1) === 0x20 || atEol(at + 1));

  /** A quoted scalar at `pos` on one line; `pos` moves past its closing quote. */
  const quoted = (): string => {
    const q = text.charCodeAt(pos);
    let out = "";
    let from = pos + 1;
    for (let k = from; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c === q) {
        if (q === 0x27 && text.charCodeAt(k + 1) === 0x27) {
          out += text.slice(from, k + 1);
          from = ++k + 1;
          continue;
        }
        pos = k + 1;
        return out === "" ? textOf(from, k) : out + text.slice(from, k);
      }
      if (!ordinary(c)) throw OUTSIDE;
      if (c === 0x5c && q === 0x22) {
        const e = text.charCodeAt(k + 1);
        const ch =
          e === 0x22
            ? '"'
            : e === 0x5c
              ? "\\"
              : e === 0x2f
                ? "/"
                : e === 0x6e
                  ? "\n"
                  : e === 0x74
                    ? "\t"
                    : "";
        if (ch === "") throw OUTSIDE;
        out += text.slice(from, k) + ch;
        from = ++k + 1;
      }
    }
    throw OUTSIDE;
  };

  /** A plain scalar at `pos`, ending at the end of the line or a comment, or (in a flow
   * collection) at `,`, `]` or `}`; `pos` moves past it (its trailing blanks left). */
  const plain = (flow: boolean): unknown => {
    const start = pos;
    const c0 = text.charCodeAt(start);
    // Indicators that may not start a plain scalar, or start one the subset leaves out.
    if (
      "-?:,[]{}#&*!|>'\"%@`".includes(text[start] as string) &&
      !(c0 === 0x2d && isDigit(text.charCodeAt(start + 1)))
    )
      throw OUTSIDE;
    let k = start;
    let end = start; // after the last non-blank
    for (; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x20) continue;
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(k + 1) === 0x0a)) break;
      if (c === 0x23 && text.charCodeAt(k - 1) === 0x20) break;
      if (c === 0x3a) {
        const after = text.charCodeAt(k + 1);
        if (after === 0x20 || atEol(k + 1)) throw OUTSIDE; // a key where a value should be
        if (flow && (after === 0x2c || after === 0x5d || after === 0x7d)) throw OUTSIDE;
      }
      if (flow && (c === 0x2c || c === 0x5d || c === 0x7d)) break;
      if (flow && (c === 0x5b || c === 0x7b)) throw OUTSIDE;
      if (!ordinary(c)) throw OUTSIDE;
      end = k + 1;
    }
    pos = end;
    return plainValue(textOf(start, end));
  };

  /** A mapping key (plain or quoted) at `pos` followed by `:` and a blank or the end of the line;
   * `pos` moves past the colon. */
  const key = (flow: boolean): string => {
    let k: string;
    const c0 = text.charCodeAt(pos);
    if (c0 === 0x22 || c0 === 0x27) k = quoted();
    else {
      const start = pos;
      if ("-?:,[]{}#&*!|>'\"%@`".includes(text[start] as string)) throw OUTSIDE;
      let at = start;
      for (; at < n; at++) {
        const c = text.charCodeAt(at);
        if (c === 0x3a && (text.charCodeAt(at + 1) === 0x20 || atEol(at + 1))) break;
        if (
          !ordinary(c) ||
          c === 0x23 ||
          (flow && (c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d))
        )
          throw OUTSIDE;
        if (at - start > 200) throw OUTSIDE;
      }
      if (at >= n || text.charCodeAt(at - 1) === 0x20) throw OUTSIDE;
      const v = plainValue(textOf(start, at));
      if (typeof v !== "string") throw OUTSIDE;
      k = v;
      pos = at;
    }
    if (text.charCodeAt(pos) !== 0x3a || !(text.charCodeAt(pos + 1) === 0x20 || atEol(pos + 1)))
      throw OUTSIDE;
    if (k === "__proto__") throw OUTSIDE;
    pos++;
    return k;
  };

  const blanks = (): void => {
    while (pos < n && text.charCodeAt(pos) === 0x20) pos++;
  };

  /** A flow list or mapping at `pos`, closed on the same line. */
  const flowNode = (depth: number): unknown => {
    if (depth > maxDepth) throw OUTSIDE;
    const open = text.charCodeAt(pos);
    const close = open === 0x5b ? 0x5d : 0x7d;
    pos++;
    const list: unknown[] = [];
    const map: Record<string, unknown> = {};
    let first = true;
    for (;;) {
      blanks();
      if (text.charCodeAt(pos) === close && first) {
        pos++;
        return open === 0x5b ? list : map;
      }
      let k: string | undefined;
      if (open === 0x7b) {
        k = key(true);
        blanks();
        if (Object.hasOwn(map, k)) throw OUTSIDE;
      }
      const c = text.charCodeAt(pos);
      const v =
        c === 0x5b || c === 0x7b ? flowNode(depth + 1) : c === 0x22 || c === 0x27 ? quoted() : plain(true);
      if (k === undefined) list.push(v);
      else map[k] = v;
      blanks();
      const after = text.charCodeAt(pos);
      pos++;
      if (after === close) return open === 0x5b ? list : map;
      if (after !== 0x2c) throw OUTSIDE;
      first = false;
    }
  };

  /** A value on the current line at `pos` (flow collection, quoted or plain scalar); `pos` moves
   * to the next line. */
  const inlineValue = (depth: number): unknown => {
    const c = text.charCodeAt(pos);
    const v = c === 0x5b || c === 0x7b ? flowNode(depth) : c === 0x22 || c === 0x27 ? quoted() : plain(false);
    endLine();
    return v;
  };

  /** True when a mapping key starts at `pos` (a key, then `:` and a blank or the line's end). */
  const keyAhead = (): boolean => {
    const c0 = text.charCodeAt(pos);
    if (c0 === 0x5b || c0 === 0x7b) return false;
    if (c0 === 0x22 || c0 === 0x27) {
      const save = pos;
      try {
        quoted();
        return text.charCodeAt(pos) === 0x3a;
      } finally {
        pos = save;
      }
    }
    for (let k = pos; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x0a) return false;
      if (c === 0x23 && text.charCodeAt(k - 1) === 0x20) return false;
      if (c === 0x3a && (text.charCodeAt(k + 1) === 0x20 || atEol(k + 1))) return true;
    }
    return false;
  };

  /** The indentation of the line `nextContent` stopped at. */
  let indent = 0;

  /** A block list whose items' `-` stand at column `col` (`pos` at the first `-`). */
  const blockList = (col: number, depth: number): unknown[] => {
    if (depth > maxDepth) throw OUTSIDE;
    const list: unknown[] = [];
    for (;;) {
      if (!isItem(pos) || atEol(pos + 1)) throw OUTSIDE; // an empty item: left to js-yaml
      pos += 1;
      blanks();
      if (atEol(pos) || text.charCodeAt(pos) === 0x23 || isItem(pos)) throw OUTSIDE;
      if (keyAhead()) list.push(blockMap(pos - lineStart, depth + 1));
      else {
        list.push(inlineValue(depth + 1));
        indent = nextContent();
      }
      if (indent < col) return list;
      if (indent > col || !isItem(pos)) {
        if (indent > col) throw OUTSIDE;
        return list;
      }
    }
  };

  /** A block mapping whose keys stand at column `col` (`pos` at the first key, which may follow a
   * list item's `- ` on its line). Returns with `indent` and `pos` at the next content line. */
  const blockMap = (col: number, depth: number): Record<string, unknown> => {
    if (depth > maxDepth) throw OUTSIDE;
    const map: Record<string, unknown> = {};
    for (;;) {
      const k = key(false);
      if (Object.hasOwn(map, k)) throw OUTSIDE;
      blanks();
      let v: unknown;
      if (atEol(pos) || text.charCodeAt(pos) === 0x23) {
        endLine();
        indent = nextContent();
        if (indent > col) v = isItem(pos) ? blockList(indent, depth + 1) : blockMap(indent, depth + 1);
        else if (indent === col && isItem(pos)) v = blockList(col, depth + 1);
        else v = null;
      } else {
        v = inlineValue(depth + 1);
        indent = nextContent();
      }
      map[k] = v;
      if (indent < col) return map;
      if (indent > col || isItem(pos)) throw OUTSIDE;
    }
  };

  try {
    indent = nextContent();
    if (indent !== 0 || isItem(pos)) return undefined;
    const value = blockMap(0, 1);
    return indent < 0 ? { value } : undefined;
  } catch (e) {
    if (e === OUTSIDE) return undefined;
    throw e;
  }
}
