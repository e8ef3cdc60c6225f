// Golden files, Turf style: `REGEN=1` rewrites them, a run with `CI=true` never writes, and a
// missing or different golden fails with the command that regenerates it.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";

export const regenerating = process.env.REGEN === "1" && process.env.CI !== "true";

export function expectGolden(file: string, actual: string, onMismatch?: () => void): void {
  if (regenerating) {
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file))
    throw new Error(`missing golden ${file}: run REGEN=1 TZ=UTC npx vitest run test/geo test/render`);
  const expected = readFileSync(file, "utf8");
  if (actual !== expected) onMismatch?.();
  expect(actual, `${file} differs (REGEN=1 rewrites it after review)`).toBe(expected);
}

/** GeoJSON text with one feature per line and numbers rounded, so diffs stay readable. */
export function geojsonText(
  fc: { features: readonly unknown[] } & Record<string, unknown>,
  digits = 7,
): string {
  const k = 10 ** digits;
  const round = (_: string, v: unknown): unknown => (typeof v === "number" ? Math.round(v * k) / k : v);
  const { features, ...rest } = fc;
  const head = JSON.stringify(rest, round);
  const body = features.map((f) => `  ${JSON.stringify(f, round)}`).join(",\n");
  return `${head.slice(0, -1)},"features":[\n${body}\n]}\n`;
}
