// Which place a click or tap on the map means. A place's dot and its shown label are hit targets
// for that place, larger than the dot itself (a finger covers several dots at a national zoom):
// the nearest dot within reach of the pointer wins, then a label under it; elsewhere the click
// is about the ground, not a place.

import { type Box } from "./labels.js";

/** A place as the pointer sees it: its dot's centre and, when shown, its label's box (screen px). */
export interface PickTarget {
  readonly unit: number;
  readonly x: number;
  readonly y: number;
  readonly label?: Box | undefined;
}

/**
 * How far from a dot's centre a click still means that place, px: a mouse is precise, a finger
 * is not (a touch target at least 22 px across, as touch guidelines ask, and some more).
 */
export const PICK_RADIUS = { fine: 9, coarse: 14 } as const;

/**
 * The unit of the place a click at `(x, y)` means, or -1 (the ground under it, then).
 *
 * @example
 * pickPlace([{ unit: 3, x: 100, y: 100 }, { unit: 4, x: 110, y: 100 }], 104, 101, 9); // 3
 */
export function pickPlace(targets: readonly PickTarget[], x: number, y: number, radius: number): number {
  let best = -1;
  let bestD = radius;
  for (const t of targets) {
    const d = Math.hypot(t.x - x, t.y - y);
    if (d <= bestD && (best < 0 || d < bestD)) {
      best = t.unit;
      bestD = d;
    }
  }
  if (best >= 0) return best;
  // Labels never overlap one another, but a finger's slack can reach two: the nearer box wins.
  const slack = radius / 3;
  let bestLabel = -1;
  let bestGap = Infinity;
  for (const t of targets) {
    const b = t.label;
    if (!b) continue;
    const dx = Math.max(b.x0 - x, 0, x - b.x1);
    const dy = Math.max(b.y0 - y, 0, y - b.y1);
    const gap = Math.hypot(dx, dy);
    if (gap <= slack && gap < bestGap) {
      bestGap = gap;
      bestLabel = t.unit;
    }
  }
  return bestLabel;
}
