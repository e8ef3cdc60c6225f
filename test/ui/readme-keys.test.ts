// The README's table of presenter keys is the app's list (`PRESENTER_KEYS`), row for row.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PRESENTER_KEYS } from "../../src/ui/presenter.js";

function tableAfter(markdown: string, header: string): string[][] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => l.startsWith("|") && l.includes(header));
  if (start < 0) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(
      line
        .slice(1, -1)
        .split(" | ")
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

describe("README", () => {
  it("lists the presenter's keys as the app does", () => {
    const rows = tableAfter(readFileSync("README.md", "utf8"), "key (clickers send PageUp/PageDown)");
    expect(rows).toEqual(PRESENTER_KEYS.map(([keys, , readme]) => [keys, readme]));
  });
});
