// Where a map goes in a box that other things float over (a title, a key, buttons, a scale
// bar): the largest rectangle of the box that none of them covers, chosen so that a frame of the
// given shape is drawn as large as it can be. Pure, so the app's layout is testable in Node.

/** A rectangle in px, `x0 ≤ x1`, `y0 ≤ y1`. */
export interface Rect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/**
 * Where a frame `frameW` × `frameH` goes in `box` with no obstacle over it: drawn as large as any
 * free part of the box allows, and among the places it can go at that size, the one whose centre
 * is nearest the box's. Returns the frame's rectangle (its shape) and the free rectangle it sits
 * in. Obstacles outside the box are ignored; with none, the frame is fitted to the whole box.
 *
 * @example
 * // A key down the left side: the map goes right of it.
 * fitFrame({ x0: 0, y0: 0, x1: 800, y1: 600 }, [{ x0: 0, y0: 300, x1: 250, y1: 600 }], 1000, 1000);
 * // → { frame: { x0: 250, y0: 25, x1: 800, y1: 575 }, room: { x0: 250, y0: 0, x1: 800, y1: 600 } }
 */
export function fitFrame(
  box: Rect,
  obstacles: readonly Rect[],
  frameW: number,
  frameH: number,
): { readonly frame: Rect; readonly room: Rect } {
  const inside = obstacles
    .map((o) => ({
      x0: Math.max(box.x0, o.x0),
      y0: Math.max(box.y0, o.y0),
      x1: Math.min(box.x1, o.x1),
      y1: Math.min(box.y1, o.y1),
    }))
    .filter((o) => o.x1 > o.x0 && o.y1 > o.y0);
  // A maximal free rectangle has each side on the box's edge or an obstacle's far edge.
  const lefts = [box.x0, ...inside.map((o) => o.x1)];
  const rights = [box.x1, ...inside.map((o) => o.x0)];
  const tops = [box.y0, ...inside.map((o) => o.y1)];
  const bottoms = [box.y1, ...inside.map((o) => o.y0)];
  const free: Rect[] = [];
  for (const x0 of lefts)
    for (const x1 of rights) {
      if (x1 <= x0) continue;
      for (const y0 of tops)
        for (const y1 of bottoms) {
          if (y1 <= y0) continue;
          const r = { x0, y0, x1, y1 };
          if (!inside.some((o) => overlaps(r, o))) free.push(r);
        }
    }
  if (free.length === 0) free.push(box);
  const scaleOf = (r: Rect): number => Math.min((r.x1 - r.x0) / frameW, (r.y1 - r.y0) / frameH);
  const scale = Math.max(...free.map(scaleOf));
  const w = scale * frameW;
  const h = scale * frameH;
  const cx = (box.x0 + box.x1) / 2;
  const cy = (box.y0 + box.y1) / 2;
  let best: Rect = { x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2 };
  let room = box;
  let bestOff = Infinity;
  for (const r of free) {
    if (scaleOf(r) < scale * (1 - 1e-9)) continue;
    const x0 = Math.max(Math.min(cx - w / 2, r.x1 - w), r.x0);
    const y0 = Math.max(Math.min(cy - h / 2, r.y1 - h), r.y0);
    const off = Math.hypot(x0 + w / 2 - cx, y0 + h / 2 - cy);
    if (off >= bestOff - 1e-9) continue;
    best = { x0, y0, x1: x0 + w, y1: y0 + h };
    room = r;
    bestOff = off;
  }
  return { frame: best, room };
}

/**
 * The app's zoom: 1 fits the theatre into the free part of the map; below 1 it zooms out past
 * the theatre (the neighbouring countries drawn around it, as far as the basemap's margin
 * reaches: see `resolveTheatre`), up to `max` in. Buttons and keys
 * step by `step`, animated over `ms`.
 */
export const MAP_ZOOM = { min: 0.6, max: 32, step: 1.5, ms: 300 } as const;

/** A zoom factor kept within `MAP_ZOOM` (a link's `view=` may ask for anything). */
export function clampZoom(k: number): number {
  return Number.isFinite(k) ? Math.max(MAP_ZOOM.min, Math.min(MAP_ZOOM.max, k)) : 1;
}
