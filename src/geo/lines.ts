// Polylines joined end to end: front-line arcs into fronts, and GSHHG's river pieces (cut at its
// bins) into rivers.

import type { Position } from "geojson";

/**
 * Joins lines that share an end point, in either direction, into longer lines. Points are matched
 * by `keyOf`. With `stopAtJunctions`, a line is not continued through a point where more than two
 * lines end (a front that forks stays in pieces, one per branch).
 *
 * @example
 * joinLines([[[0, 0], [1, 0]], [[2, 0], [1, 0]]], (p) => `${p[0]},${p[1]}`);
 * // [[[0, 0], [1, 0], [2, 0]]] (reversed as needed)
 */
export function joinLines(
  lines: readonly (readonly Position[])[],
  keyOf: (p: Position) => string,
  stopAtJunctions = false,
): Position[][] {
  const ends = new Map<string, number[]>();
  lines.forEach((l, i) => {
    for (const p of [l[0] as Position, l[l.length - 1] as Position]) {
      const k = keyOf(p);
      const list = ends.get(k);
      if (list) list.push(i);
      else ends.set(k, [i]);
    }
  });
  const used = new Uint8Array(lines.length);
  const extend = (line: Position[]): void => {
    for (;;) {
      const last = line[line.length - 1] as Position;
      const k = keyOf(last);
      const cands = ends.get(k) ?? [];
      const next = cands.find((i) => !used[i]);
      if (next === undefined || (stopAtJunctions && cands.length > 2)) return;
      used[next] = 1;
      const l = lines[next] as readonly Position[];
      const seq = keyOf(l[0] as Position) === k ? l : l.slice().reverse();
      for (let i = 1; i < seq.length; i++) line.push(seq[i] as Position);
    }
  };
  const out: Position[][] = [];
  lines.forEach((l, i) => {
    if (used[i]) return;
    used[i] = 1;
    const line = l.slice();
    extend(line);
    line.reverse();
    extend(line);
    out.push(line);
  });
  return out;
}
