// Place labels that do not collide: candidates in order of importance, each trying the four spots
// around its dot (right, left, above, below), kept only where the label's box overlaps no placed
// label, dot or obstacle (legend, scale bar) and stays inside the map.

export interface LabelCandidate {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly fontSize: number;
  /** Dot radius, px. */
  readonly radius: number;
}

export interface PlacedLabel {
  readonly index: number;
  /** Text anchor point and alignment. */
  readonly x: number;
  readonly y: number;
  readonly anchor: "start" | "end" | "middle";
}

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
 * Greedy placement; `candidates` must already be sorted by importance. Returns the labels placed.
 *
 * @example
 * placeLabels([{ x: 100, y: 100, text: "Raqqa", fontSize: 13, radius: 3 }], [], { x0: 0, y0: 0, x1: 800, y1: 600 });
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  obstacles: readonly Rect[],
  bounds: Rect,
  charWidth = 0.58,
): PlacedLabel[] {
  const taken: Rect[] = [...obstacles];
  const placed: PlacedLabel[] = [];
  candidates.forEach((c, index) => {
    const w = c.text.length * c.fontSize * charWidth;
    const h = c.fontSize;
    const gap = c.radius + 3;
    const dot: Rect = { x0: c.x - c.radius, y0: c.y - c.radius, x1: c.x + c.radius, y1: c.y + c.radius };
    if (taken.some((t) => overlaps(t, dot))) return;
    const options: { rect: Rect; x: number; y: number; anchor: PlacedLabel["anchor"] }[] = [
      {
        rect: { x0: c.x + gap, y0: c.y - h / 2, x1: c.x + gap + w, y1: c.y + h / 2 },
        x: c.x + gap,
        y: c.y + h * 0.35,
        anchor: "start",
      },
      {
        rect: { x0: c.x - gap - w, y0: c.y - h / 2, x1: c.x - gap, y1: c.y + h / 2 },
        x: c.x - gap,
        y: c.y + h * 0.35,
        anchor: "end",
      },
      {
        rect: { x0: c.x - w / 2, y0: c.y - gap - h, x1: c.x + w / 2, y1: c.y - gap },
        x: c.x,
        y: c.y - gap - h * 0.18,
        anchor: "middle",
      },
      {
        rect: { x0: c.x - w / 2, y0: c.y + gap, x1: c.x + w / 2, y1: c.y + gap + h },
        x: c.x,
        y: c.y + gap + h * 0.8,
        anchor: "middle",
      },
    ];
    for (const o of options) {
      const r = o.rect;
      if (r.x0 < bounds.x0 || r.x1 > bounds.x1 || r.y0 < bounds.y0 || r.y1 > bounds.y1) continue;
      if (taken.some((t) => overlaps(t, r))) continue;
      taken.push(r, dot);
      placed.push({ index, x: o.x, y: o.y, anchor: o.anchor });
      return;
    }
  });
  return placed;
}
