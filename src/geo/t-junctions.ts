// T-junctions: a vertex of one face lying on another face's edge. Inserting it there makes
// neighbouring faces describe their common boundary with the same vertices, which the topology
// needs to find that boundary as one shared arc.

import type { XY } from "./plane.js";
import { cleanRing } from "./rings.js";

/**
 * Inserts into every edge the vertices of other faces that lie on it (within 1.5 grid steps), so
 * that neighbouring faces describe their common boundary with the same vertices and the topology
 * finds it as one shared arc. Coordinates are integers on the quantisation grid.
 */
export function fixTJunctions(faces: XY[][][][]): XY[][][][] {
  const tol = 1.5;
  const keys = new Set<number>();
  const vx: number[] = [];
  const vy: number[] = [];
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const f of faces)
    for (const poly of f)
      for (const ring of poly)
        for (const p of ring) {
          const key = p[0] * 16777216 + p[1];
          if (keys.has(key)) continue;
          keys.add(key);
          vx.push(p[0]);
          vy.push(p[1]);
          if (p[0] < x0) x0 = p[0];
          if (p[0] > x1) x1 = p[0];
          if (p[1] < y0) y0 = p[1];
          if (p[1] > y1) y1 = p[1];
        }
  const nv = vx.length;
  if (nv === 0) return faces;
  const size = Math.max(4, Math.sqrt(((x1 - x0 + 1) * (y1 - y0 + 1)) / nv));
  const cols = Math.floor((x1 - x0) / size) + 1;
  const rows = Math.floor((y1 - y0) / size) + 1;
  const count = new Int32Array(cols * rows + 1);
  const bucketOf = (x: number, y: number): number =>
    Math.floor((y - y0) / size) * cols + Math.floor((x - x0) / size);
  for (let i = 0; i < nv; i++) {
    const b = bucketOf(vx[i] as number, vy[i] as number) + 1;
    count[b] = (count[b] as number) + 1;
  }
  for (let i = 1; i <= cols * rows; i++) count[i] = (count[i] as number) + (count[i - 1] as number);
  const fill = count.slice(0, cols * rows);
  const items = new Int32Array(nv);
  for (let i = 0; i < nv; i++) {
    const b = bucketOf(vx[i] as number, vy[i] as number);
    const at = fill[b] as number;
    items[at] = i;
    fill[b] = at + 1;
  }
  const clampC = (v: number): number => (v < 0 ? 0 : v >= cols ? cols - 1 : v);
  const clampR = (v: number): number => (v < 0 ? 0 : v >= rows ? rows - 1 : v);
  const found: { t: number; p: XY }[] = [];
  const fixRing = (ring: XY[]): XY[] => {
    const out: XY[] = [];
    for (let i = 0; i < ring.length - 1; i++) {
      const a = ring[i] as XY;
      const b = ring[i + 1] as XY;
      out.push(a);
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const l2 = dx * dx + dy * dy;
      if (l2 <= 4) continue;
      const len = Math.sqrt(l2);
      const ex0 = Math.min(a[0], b[0]) - tol;
      const ex1 = Math.max(a[0], b[0]) + tol;
      const ey0 = Math.min(a[1], b[1]) - tol;
      const ey1 = Math.max(a[1], b[1]) + tol;
      const c0 = clampC(Math.floor((ex0 - x0) / size));
      const c1 = clampC(Math.floor((ex1 - x0) / size));
      const r0 = clampR(Math.floor((ey0 - y0) / size));
      const r1 = clampR(Math.floor((ey1 - y0) / size));
      found.length = 0;
      for (let r = r0; r <= r1; r++)
        for (let c = c0; c <= c1; c++) {
          const bk = r * cols + c;
          for (let k = count[bk] as number, end = count[bk + 1] as number; k < end; k++) {
            const v = items[k] as number;
            const px = vx[v] as number;
            const py = vy[v] as number;
            if (px < ex0 || px > ex1 || py < ey0 || py > ey1) continue;
            if ((px === a[0] && py === a[1]) || (px === b[0] && py === b[1])) continue;
            const cross = dx * (py - a[1]) - dy * (px - a[0]);
            if (Math.abs(cross) > tol * len) continue;
            const t = (dx * (px - a[0]) + dy * (py - a[1])) / l2;
            if (t <= 0 || t >= 1) continue;
            found.push({ t, p: [px, py] });
          }
        }
      if (found.length > 0) {
        found.sort((u, v) => u.t - v.t);
        for (const f of found) out.push(f.p);
      }
    }
    out.push(ring[0] as XY);
    return cleanRing(out) ?? ring;
  };
  return faces.map((f) => f.map((poly) => poly.map(fixRing)));
}
