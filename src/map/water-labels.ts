// Where the names of rivers and lakes go: for each named river or lake in view, the first of its
// candidate points (the middle of what is in view first, then outward along it), the name above the
// point or else below it — a lake's also beside it, left, right, above or below its shore — where
// the name covers no place label, dot, country name, key, scale bar or other water name. When
// every spot is taken the name still shows, at the spot it covers least: a river or lake in view is
// always named.

import { overlaps, type Box } from "./labels.js";

export interface WaterLabelInput {
  readonly name: string;
  /** Points on the feature in view, px, most wanted first. */
  readonly candidates: readonly (readonly [number, number])[];
  /** A lake: its candidates are its shore, and its name may also go beside it. */
  readonly lake?: boolean;
}

export interface WaterLabelOptions {
  readonly fontSize: number;
  /** Average glyph width as a fraction of the font size (default 0.56). */
  readonly charWidth?: number;
  /** Gap between the point and the name's baseline, px (default 0.35 of the font size). */
  readonly lift?: number;
  readonly obstacles?: readonly Box[];
  /** Names must lie inside this box when they can (default: anywhere). */
  readonly bounds?: Box;
}

export interface PlacedWaterLabel {
  readonly name: string;
  /** Where the text goes: centred on x, baseline at y. */
  readonly x: number;
  readonly y: number;
  readonly box: Box;
}

/** Where the baseline goes for a name above (`below` false) or below the point. */
function baseline(p: readonly [number, number], below: boolean, options: WaterLabelOptions): number {
  const lift = options.lift ?? options.fontSize * 0.35;
  return below ? p[1] + lift + options.fontSize * 0.85 : p[1] - lift;
}

/** The box of a water name centred above (or `below`) `p`. */
export function waterLabelBox(
  name: string,
  p: readonly [number, number],
  options: WaterLabelOptions,
  below = false,
): Box {
  const size = options.fontSize;
  const w = name.length * size * (options.charWidth ?? 0.56);
  const y = baseline(p, below, options);
  return { x0: p[0] - w / 2, y0: y - size, x1: p[0] + w / 2, y1: y + size * 0.15 };
}

/**
 * One placement per label with a candidate (labels without any are left out), in input order.
 *
 * @example
 * placeWaterLabels([{ name: "Tigris", candidates: [[100, 100]] }], { fontSize: 11 });
 */
export function placeWaterLabels(
  labels: readonly WaterLabelInput[],
  options: WaterLabelOptions,
): PlacedWaterLabel[] {
  const taken: Box[] = [...(options.obstacles ?? [])];
  const within = (b: Box): boolean =>
    !options.bounds ||
    (b.x0 >= options.bounds.x0 &&
      b.x1 <= options.bounds.x1 &&
      b.y0 >= options.bounds.y0 &&
      b.y1 <= options.bounds.y1);
  const out: PlacedWaterLabel[] = [];
  for (const l of labels) {
    let best: { x: number; y: number; box: Box; cost: number } | undefined;
    const spots = l.candidates.flatMap((p) => [
      { p, below: false },
      { p, below: true },
    ]);
    if (l.lake) spots.push(...besideLake(l, options));
    for (const { p, below } of spots) {
      const box = waterLabelBox(l.name, p, options, below);
      const cost = taken.filter((t) => overlaps(box, t)).length + (within(box) ? 0 : 1000);
      if (!best || cost < best.cost) best = { x: p[0], y: baseline(p, below, options), box, cost };
      if (cost === 0) break;
    }
    if (!best) continue;
    taken.push(best.box);
    out.push({ name: l.name, x: best.x, y: best.y, box: best.box });
  }
  return out;
}

/** Spots for a lake's name just off its shore: left of it, right of it, above it and below it. */
function besideLake(
  l: WaterLabelInput,
  options: WaterLabelOptions,
): { p: readonly [number, number]; below: boolean }[] {
  if (l.candidates.length === 0) return [];
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of l.candidates) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  const half = (waterLabelBox(l.name, [0, 0], options).x1 - waterLabelBox(l.name, [0, 0], options).x0) / 2;
  const gap = options.fontSize * 0.3;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2 + options.fontSize * 0.4;
  return [
    { p: [x0 - gap - half, cy], below: false },
    { p: [x1 + gap + half, cy], below: false },
    { p: [cx, y0], below: false },
    { p: [cx, y1], below: true },
  ];
}
