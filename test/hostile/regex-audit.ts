// Every regular expression literal (and `new RegExp("…")` with a literal pattern) in the sources,
// found with the TypeScript parser, and a structural check for nested unbounded quantifiers — the
// shape that backtracks exponentially (`(a*)*`, `(\s*#[^\n]*\n?)*`).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

export interface FoundRegex {
  readonly file: string;
  readonly line: number;
  readonly source: string;
  readonly flags: string;
}

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|mts|mjs|js)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(p);
  }
  return out.sort();
}

export function regexesIn(file: string): FoundRegex[] {
  const text = readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: FoundRegex[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const literal = node.text;
      const slash = literal.lastIndexOf("/");
      out.push({
        file,
        line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        source: literal.slice(1, slash),
        flags: literal.slice(slash + 1),
      });
    } else if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "RegExp" &&
      node.arguments?.[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      out.push({
        file,
        line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        source: node.arguments[0].text,
        flags: node.arguments[1] && ts.isStringLiteralLike(node.arguments[1]) ? node.arguments[1].text : "",
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** True when a group that itself contains an unbounded quantifier (`*`, `+`, `{n,}`) is repeated
 * without bound: the pattern can backtrack exponentially. */
export function hasNestedQuantifier(source: string): boolean {
  // One frame per open group: does it contain an unbounded quantifier?
  const groups: boolean[] = [false];
  let i = 0;
  const unboundedAt = (j: number): boolean => {
    const c = source[j];
    if (c === "*" || c === "+") return true;
    if (c === "{") {
      const close = source.indexOf("}", j);
      const body = close < 0 ? "" : source.slice(j + 1, close);
      return /^\d+,$/.test(body);
    }
    return false;
  };
  while (i < source.length) {
    const c = source[i];
    if (c === "\\") {
      i += 2;
    } else if (c === "[") {
      i++;
      while (i < source.length && source[i] !== "]") i += source[i] === "\\" ? 2 : 1;
      i++;
    } else if (c === "(") {
      groups.push(false);
      i++;
    } else if (c === ")") {
      const inner = groups.pop() ?? false;
      i++;
      if (inner && unboundedAt(i)) return true;
      const top = groups.length - 1;
      if (inner || unboundedAt(i)) groups[top] = true;
    } else {
      if (unboundedAt(i)) groups[groups.length - 1] = true;
      i++;
    }
  }
  return false;
}
