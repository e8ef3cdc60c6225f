// The map's ground as pixels: canvases under the map's SVG overlays. The first holds the sea, the
// basemap and the faces: faces are scan-converted to a face-id raster once per zoom or pan (at
// the device's pixel ratio, so it is crisp), and a date repaints only the pixels of faces whose
// colour changed (owner → RGBA through the fill table: open country paler, compare mode's
// unchanged ground dimmed). The second holds the rivers and lakes, drawn once per zoom or pan;
// the third the date's front lines, hatching and siege outlines, stroked again only when they
// change; the fourth the place dots, drawn once per zoom or pan — the map's one drawing order
// (`MAP_LAYERS`), as in SVG. The SVG above keeps what is few (labels, outlines, incidents), so a new date does not
// repaint thousands of nodes. The ids answer which face is under the pointer. While a zoom or
// pan is under way the canvases are moved by a CSS transform; they are redrawn once it rests.

import {
  edgePath,
  FACE_BESIEGED,
  FACE_CONTESTED,
  facesPath,
  frontPath,
  riverFrontPath,
  type ControlFrame,
} from "../map/frame.js";
import type { ProjectedMap } from "../map/project.js";
import {
  BESIEGED,
  dotRadius,
  FRONT,
  FRONT_CASING,
  HATCH,
  INK,
  LAND,
  LAND_BORDER,
  openDot,
  PAPER,
  SEA,
  STROKES,
  UNKNOWN_FILL,
  WATER,
  WATER_LINE,
} from "../map/style.js";
import {
  boxesMeeting,
  boxGrid,
  dirtyTiles,
  takeDirtyRects,
  faceColours,
  faceFills,
  facePixels,
  faceRings,
  rasteriseFaces,
  recolour,
  ringBoxes,
  recolourChanged,
  type BoxGrid,
  type DirtyTiles,
  type FaceFills,
  type FacePixels,
  type FaceRings,
  type RasterTransform,
} from "../render/face-raster.js";

/** Maps with at least this many faces are drawn as a raster; fewer stay SVG paths. */
export const RASTER_FROM_FACES = 2000;

/** What a date's lines are drawn from: who holds each face and which are contested or besieged. */
export type RasterOverlays = Pick<ControlFrame, "owners" | "faceStatus">;

/** A date's lines as paths (frame coordinates). */
interface LinePaths {
  readonly front: string;
  readonly riverFront: string;
  readonly contested: string;
  readonly besieged: string;
}

/** More runs of changed tiles than this and the ground is put on screen in one box. */
const MAX_PUTS = 48;

/** More changed faces than this and the lines are drawn afresh rather than patched. */
const PATCH_MAX_FACES = 400;

/** A place's dot: frame coordinates and its kind (size and fill). */
export interface RasterPlace {
  readonly x: number;
  readonly y: number;
  readonly kind: string;
}

export class RasterLayer {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  /** Rivers and lakes, over the ground and under the lines. */
  private readonly water: HTMLCanvasElement;
  private readonly waterCtx: CanvasRenderingContext2D;
  /** The date's lines, over the rivers. */
  private readonly lines: HTMLCanvasElement;
  private readonly linesCtx: CanvasRenderingContext2D;
  /** Place dots, over the lines. */
  private readonly dots: HTMLCanvasElement;
  private readonly dotsCtx: CanvasRenderingContext2D;
  private index: FacePixels | undefined;
  /** Colour drawn in the pixels of each face (0: not drawn yet). */
  private shown = new Uint32Array(0);
  /** The date's colour of each face. */
  private colours = new Uint32Array(0);
  private rings: FaceRings | undefined;
  private map: ProjectedMap | undefined;
  private fills: FaceFills = {
    fills: new Uint32Array(0),
    dimmed: new Uint32Array(0),
    factionCount: 0,
    open: [],
  };
  private places: readonly RasterPlace[] = [];
  private ids = new Int32Array(0);
  private base = new Uint32Array(0);
  private image: ImageData | undefined;
  private pixels = new Uint32Array(0);
  /** Tiles of the ground written since they were last put on screen. */
  private tiles: DirtyTiles = dirtyTiles(0, 0);
  private owners: Uint8Array | undefined;
  private then: Uint8Array | undefined;
  private overlays: RasterOverlays | undefined;
  /** Owners and statuses the lines were drawn for (undefined: draw them afresh). */
  private linesDrawn: { owners: Uint8Array; faceStatus: Uint8Array } | undefined;
  /** Boxes of the faces and of the arcs, frame coordinates (4 numbers each). */
  private faceBoxes: BoxGrid = boxGrid(new Float64Array(0));
  private arcBoxes: BoxGrid = boxGrid(new Float64Array(0));
  private hatch: CanvasPattern | null = null;
  private textScale = 1;
  private width = 0;
  private height = 0;
  private ratio = 1;
  /** The screen transform (CSS px) the raster was drawn for. */
  private drawnAt: RasterTransform = { k: 1, x: 0, y: 0 };
  private shownAt: RasterTransform = { k: 1, x: 0, y: 0 };
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: HTMLElement, before: Element) {
    this.canvas = document.createElement("canvas");
    this.canvas.className = "map-raster";
    Object.assign(this.canvas.style, {
      position: "absolute",
      left: "0",
      top: "0",
      pointerEvents: "none",
      transformOrigin: "0 0",
      willChange: "transform",
    });
    const ctx = this.canvas.getContext("2d", { willReadFrequently: true });
    this.water = this.canvas.cloneNode() as HTMLCanvasElement; // the same place and style
    this.water.className = "map-raster-water";
    this.lines = this.canvas.cloneNode() as HTMLCanvasElement;
    this.lines.className = "map-raster-lines";
    this.dots = this.canvas.cloneNode() as HTMLCanvasElement;
    this.dots.className = "map-raster-places";
    const waterCtx = this.water.getContext("2d");
    const linesCtx = this.lines.getContext("2d");
    const dotsCtx = this.dots.getContext("2d");
    if (!ctx || !waterCtx || !linesCtx || !dotsCtx) throw new Error("no 2D canvas");
    this.ctx = ctx;
    this.waterCtx = waterCtx;
    this.linesCtx = linesCtx;
    this.dotsCtx = dotsCtx;
    for (const c of [this.canvas, this.water, this.lines, this.dots]) host.insertBefore(c, before);
  }

  /**
   * A new map: its faces' rings, the fill table (`fillTable`: a colour per faction code, then
   * the same for open country) and its places' dots.
   */
  setMap(
    map: ProjectedMap,
    fillTable: readonly string[],
    factionCount: number,
    places: readonly RasterPlace[],
  ): void {
    this.map = map;
    this.rings = faceRings(map.facePaths);
    this.faceBoxes = boxGrid(ringBoxes(this.rings));
    this.arcBoxes = boxGrid(ringBoxes(faceRings(map.arcPaths)));
    this.linesDrawn = undefined;
    this.fills = faceFills(fillTable, factionCount, map.bundle.partition.faces.open);
    this.colours = new Uint32Array(map.faceCount);
    this.places = places;
    this.owners = undefined;
    this.then = undefined;
    this.width = 0; // the next move draws at once
  }

  get active(): boolean {
    return this.map !== undefined;
  }

  /** Stops drawing (a small map is SVG again). */
  clear(): void {
    this.map = undefined;
    this.rings = undefined;
    this.index = undefined;
    for (const c of [this.canvas, this.water, this.lines, this.dots]) c.width = c.height = 0;
  }

  /** The view moved to `t` (screen = t.k·p + [t.x, t.y], CSS px): follow now, redraw at rest. */
  moveTo(t: RasterTransform, width: number, height: number, immediately = false): void {
    this.shownAt = t;
    if (immediately || width !== this.width || height !== this.height) {
      this.redraw(width, height);
      return;
    }
    const r = t.k / this.drawnAt.k;
    const moved = `translate(${t.x - r * this.drawnAt.x}px, ${t.y - r * this.drawnAt.y}px) scale(${r})`;
    for (const c of [this.canvas, this.water, this.lines, this.dots]) c.style.transform = moved;
    if (this.redrawTimer !== undefined) clearTimeout(this.redrawTimer);
    this.redrawTimer = setTimeout(() => this.redraw(this.width, this.height), 120);
  }

  /** Lines and dots drawn `k` times their size (presenter mode). */
  setTextScale(k: number): void {
    if (k === this.textScale) return;
    this.textScale = k;
    this.linesDrawn = undefined;
    this.drawDots();
    if (this.owners) this.paint(this.owners, this.overlays, this.then);
  }

  /**
   * Draws a date: every face in its owner's colour (dimmed where `then`, compare mode's other
   * date, has the same owner), then the date's lines if they changed.
   */
  paint(owners: Uint8Array, overlays?: RasterOverlays, then?: Uint8Array): void {
    this.owners = owners;
    this.overlays = overlays;
    this.then = then;
    if (!this.image || !this.index) return;
    faceColours(owners, this.fills, then, this.colours);
    const dirty = recolourChanged(this.index, this.colours, this.shown, this.pixels, this.tiles);
    if (dirty) {
      // Faces changed here and there: only the tiles around them go to the screen (one box
      // around them all when they are many).
      const image = this.image;
      const rects = takeDirtyRects(this.tiles, image.width, image.height);
      for (const [x0, y0, x1, y1] of rects.length <= MAX_PUTS ? rects : [dirty])
        this.ctx.putImageData(
          image,
          0,
          0,
          x0 as number,
          y0 as number,
          (x1 as number) - (x0 as number),
          (y1 as number) - (y0 as number),
        );
    }
    if (overlays) this.drawLines(overlays);
  }

  /**
   * The date's lines: where few faces changed owner or status since the lines were last drawn,
   * only the boxes around them are cleared and drawn again (with every line that crosses them),
   * so a day's cost follows what changed, not the size of the map.
   */
  private drawLines(o: RasterOverlays): void {
    const map = this.map;
    if (!map) return;
    const ctx = this.linesCtx;
    const w = this.lines.width;
    const h = this.lines.height;
    const drawn = this.linesDrawn;
    const n = o.owners.length;
    let rects: number[] | undefined;
    if (drawn && drawn.owners.length === n) {
      rects = [];
      const t = this.drawnAt;
      const r = this.ratio;
      // Room for the widest line (and its round caps) around each changed face, device px.
      const margin =
        r * (Math.max(STROKES.frontCasing, STROKES.riverFront, STROKES.besieged) * this.textScale) + 2;
      for (let f = 0; f < n && rects.length <= 4 * PATCH_MAX_FACES; f++) {
        if (o.owners[f] === drawn.owners[f] && o.faceStatus[f] === drawn.faceStatus[f]) continue;
        const b = 4 * f;
        const box = this.faceBoxes.boxes;
        const x0 = Math.floor(r * (t.k * (box[b] as number) + t.x) - margin);
        const y0 = Math.floor(r * (t.k * (box[b + 1] as number) + t.y) - margin);
        const x1 = Math.ceil(r * (t.k * (box[b + 2] as number) + t.x) + margin);
        const y1 = Math.ceil(r * (t.k * (box[b + 3] as number) + t.y) + margin);
        if (x1 <= 0 || y1 <= 0 || x0 >= w || y0 >= h) continue;
        rects.push(x0, y0, x1, y1);
      }
      if (rects.length > 4 * PATCH_MAX_FACES) rects = undefined;
    }
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (rects) {
      if (rects.length === 0) {
        ctx.restore();
        this.remember(o);
        return;
      }
      ctx.beginPath();
      for (let i = 0; i < rects.length; i += 4)
        ctx.rect(
          rects[i] as number,
          rects[i + 1] as number,
          (rects[i + 2] as number) - (rects[i] as number),
          (rects[i + 3] as number) - (rects[i + 1] as number),
        );
      ctx.clip();
    }
    ctx.clearRect(0, 0, w, h);
    this.strokeLines(this.linePaths(map, o, rects));
    ctx.restore();
    this.remember(o);
  }

  private remember(o: RasterOverlays): void {
    if (this.linesDrawn && this.linesDrawn.owners.length === o.owners.length) {
      this.linesDrawn.owners.set(o.owners);
      this.linesDrawn.faceStatus.set(o.faceStatus);
    } else this.linesDrawn = { owners: o.owners.slice(), faceStatus: o.faceStatus.slice() };
  }

  /** The date's lines, or only those whose box meets one of `rects` (device px, 4 numbers each). */
  private linePaths(map: ProjectedMap, o: RasterOverlays, rects: readonly number[] | undefined): LinePaths {
    if (!rects)
      return {
        front: frontPath(map, o.owners),
        riverFront: riverFrontPath(map, o.owners),
        contested: facesPath(map, o.faceStatus, FACE_CONTESTED),
        besieged: edgePath(map, o.faceStatus, FACE_BESIEGED),
      };
    const t = this.drawnAt;
    const r = this.ratio;
    // The rectangles in frame coordinates, a little larger (the grid only proposes; the test in
    // device pixels below decides, as for every line drawn afresh).
    const slack = 1 / (r * t.k);
    const frameRects = new Float64Array(rects.length);
    for (let q = 0; q < rects.length; q += 4) {
      frameRects[q] = ((rects[q] as number) / r - t.x) / t.k - slack;
      frameRects[q + 1] = ((rects[q + 1] as number) / r - t.y) / t.k - slack;
      frameRects[q + 2] = ((rects[q + 2] as number) / r - t.x) / t.k + slack;
      frameRects[q + 3] = ((rects[q + 3] as number) / r - t.y) / t.k + slack;
    }
    // A box the grid finds near a rectangle counts if it meets it in device pixels, as drawn.
    const meeting = (grid: BoxGrid): number[] =>
      boxesMeeting(grid, frameRects, (i, q) => {
        const boxes = grid.boxes;
        const b = 4 * i;
        const c = 4 * q;
        return (
          r * (t.k * (boxes[b + 2] as number) + t.x) >= (rects[c] as number) &&
          r * (t.k * (boxes[b] as number) + t.x) <= (rects[c + 2] as number) &&
          r * (t.k * (boxes[b + 3] as number) + t.y) >= (rects[c + 1] as number) &&
          r * (t.k * (boxes[b + 1] as number) + t.y) <= (rects[c + 3] as number)
        );
      });
    const arcs = meeting(this.arcBoxes);
    return {
      front: frontPath(map, o.owners, arcs),
      riverFront: riverFrontPath(map, o.owners, arcs),
      contested: facesPath(map, o.faceStatus, FACE_CONTESTED, meeting(this.faceBoxes)),
      besieged: edgePath(map, o.faceStatus, FACE_BESIEGED, arcs),
    };
  }

  /** The rivers and lakes in view, as the SVG map draws them. */
  private drawWater(): void {
    const ctx = this.waterCtx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.water.width, this.water.height);
    const w = this.map?.water;
    if (!w || this.water.width === 0) return;
    const t = this.drawnAt;
    ctx.setTransform(this.ratio * t.k, 0, 0, this.ratio * t.k, this.ratio * t.x, this.ratio * t.y);
    ctx.lineJoin = "round";
    ctx.lineCap = "round";
    ctx.strokeStyle = WATER_LINE;
    if (w.lakes) {
      const lakes = new Path2D(w.lakes);
      ctx.fillStyle = WATER;
      ctx.fill(lakes);
      ctx.lineWidth = STROKES.lake / t.k;
      ctx.stroke(lakes);
    }
    if (w.minorRivers) {
      ctx.globalAlpha = 0.7;
      ctx.lineWidth = STROKES.minorRiver / t.k;
      ctx.stroke(new Path2D(w.minorRivers));
      ctx.globalAlpha = 1;
    }
    if (w.majorRivers) {
      ctx.lineWidth = STROKES.river / t.k;
      ctx.stroke(new Path2D(w.majorRivers));
    }
  }

  /** Every place's dot, in the order given (later dots over earlier ones, as in SVG). */
  private drawDots(): void {
    const ctx = this.dotsCtx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.dots.width, this.dots.height);
    if (this.places.length === 0 || this.dots.width === 0) return;
    const ratio = this.ratio;
    const t = this.drawnAt;
    const sprites = new Map<string, { image: HTMLCanvasElement; half: number }>();
    const w = this.dots.width;
    const h = this.dots.height;
    for (const p of this.places) {
      let sprite = sprites.get(p.kind);
      if (!sprite) {
        sprite = dotSprite(p.kind, ratio * this.textScale);
        sprites.set(p.kind, sprite);
      }
      // Whole device pixels: the sprite is copied, not resampled, so it stays crisp.
      const x = Math.round(ratio * (t.k * p.x + t.x)) - sprite.half;
      const y = Math.round(ratio * (t.k * p.y + t.y)) - sprite.half;
      const size = sprite.image.width;
      if (x + size < 0 || y + size < 0 || x > w || y > h) continue;
      ctx.drawImage(sprite.image, x, y);
    }
  }

  private strokeLines(o: LinePaths): void {
    const ctx = this.linesCtx;
    const t = this.drawnAt;
    const k = t.k;
    const z = this.textScale;
    ctx.save();
    ctx.setTransform(this.ratio * k, 0, 0, this.ratio * k, this.ratio * t.x, this.ratio * t.y);
    ctx.lineJoin = "round";
    if (o.contested) {
      this.hatch ??= this.hatchPattern();
      if (this.hatch) {
        // The pattern lives in device pixels: undo the map's scale so its spacing stays on screen.
        this.hatch.setTransform(new DOMMatrix().scale(1 / (this.ratio * k)).rotate(HATCH.angle));
        ctx.globalAlpha = HATCH.opacity;
        ctx.fillStyle = this.hatch;
        ctx.fill(new Path2D(o.contested), "evenodd");
        ctx.globalAlpha = 1;
      }
    }
    if (o.front) {
      const front = new Path2D(o.front);
      ctx.lineCap = "round";
      ctx.globalAlpha = 0.7;
      ctx.strokeStyle = FRONT_CASING;
      ctx.lineWidth = (STROKES.frontCasing * z) / k;
      ctx.stroke(front);
      ctx.globalAlpha = 1;
      ctx.strokeStyle = FRONT;
      ctx.lineWidth = (STROKES.front * z) / k;
      ctx.stroke(front);
    }
    // A front along a river: wider, with the river along its middle.
    if (o.riverFront) {
      const along = new Path2D(o.riverFront);
      ctx.lineCap = "round";
      ctx.strokeStyle = FRONT;
      ctx.lineWidth = (STROKES.riverFront * z) / k;
      ctx.stroke(along);
      ctx.strokeStyle = WATER_LINE;
      ctx.lineWidth = (STROKES.river * z) / k;
      ctx.stroke(along);
    }
    // Besieged ground over the front line, so its outline shows where the two run together.
    if (o.besieged) {
      ctx.strokeStyle = BESIEGED;
      ctx.lineCap = "butt";
      ctx.lineWidth = (STROKES.besieged * z) / k;
      ctx.setLineDash(STROKES.besiegedDash.map((d) => (d * z) / k));
      ctx.stroke(new Path2D(o.besieged));
      ctx.setLineDash([]);
    }
    ctx.restore();
  }

  /** The contested hatch at the device's pixel ratio: stripes `HATCH.spacing` CSS px apart. */
  private hatchPattern(): CanvasPattern | null {
    const size = Math.max(1, Math.round(HATCH.spacing * this.ratio));
    const tile = document.createElement("canvas");
    tile.width = tile.height = size;
    const c = tile.getContext("2d");
    if (!c) return null;
    c.fillStyle = HATCH.color;
    c.fillRect(0, 0, Math.max(1, Math.round(HATCH.width * this.ratio)), size);
    return this.linesCtx.createPattern(tile, "repeat");
  }

  /** The face under a point of the element (CSS px), or -1. */
  faceAt(x: number, y: number): number {
    // From where the view is now back to the raster as drawn.
    const r = this.shownAt.k / this.drawnAt.k;
    const dx = (x - (this.shownAt.x - r * this.drawnAt.x)) / r;
    const dy = (y - (this.shownAt.y - r * this.drawnAt.y)) / r;
    const px = Math.floor(dx * this.ratio);
    const py = Math.floor(dy * this.ratio);
    const w = this.canvas.width;
    if (px < 0 || py < 0 || px >= w || py >= this.canvas.height) return -1;
    return this.ids[py * w + px] ?? -1;
  }

  private redraw(width: number, height: number): void {
    if (this.redrawTimer !== undefined) clearTimeout(this.redrawTimer);
    this.redrawTimer = undefined;
    const map = this.map;
    const rings = this.rings;
    if (!map || !rings || width <= 0 || height <= 0) return;
    this.width = width;
    this.height = height;
    const ratio = window.devicePixelRatio || 1;
    if (ratio !== this.ratio) this.hatch = null;
    this.ratio = ratio;
    const w = Math.max(1, Math.round(width * this.ratio));
    const h = Math.max(1, Math.round(height * this.ratio));
    if (this.canvas.width !== w || this.canvas.height !== h) {
      for (const c of [this.canvas, this.water, this.lines, this.dots]) {
        c.width = w;
        c.height = h;
        c.style.width = `${width}px`;
        c.style.height = `${height}px`;
      }
      this.ids = new Int32Array(w * h);
      this.image = this.ctx.createImageData(w, h);
      this.pixels = new Uint32Array(this.image.data.buffer);
      this.tiles = dirtyTiles(w, h);
    }
    const t = this.shownAt;
    this.drawnAt = t;
    for (const c of [this.canvas, this.water, this.lines, this.dots]) c.style.transform = "";
    // The background: sea, neighbouring land, the theatre's unknown ground.
    const ctx = this.ctx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = SEA;
    ctx.fillRect(0, 0, w, h);
    ctx.setTransform(this.ratio * t.k, 0, 0, this.ratio * t.k, this.ratio * t.x, this.ratio * t.y);
    ctx.fillStyle = LAND;
    ctx.strokeStyle = LAND_BORDER;
    ctx.lineWidth = STROKES.land / t.k;
    for (const b of map.basemap) {
      const p = new Path2D(b.path);
      ctx.fill(p);
      ctx.stroke(p);
    }
    ctx.fillStyle = UNKNOWN_FILL;
    ctx.fill(new Path2D(map.outlinePath));
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    this.base = new Uint32Array(ctx.getImageData(0, 0, w, h).data.buffer);
    rasteriseFaces(rings, w, h, { k: this.ratio * t.k, x: this.ratio * t.x, y: this.ratio * t.y }, this.ids);
    this.index = facePixels(this.ids, w, rings.faceCount);
    // Every face is drawn afresh: background where no face is, unknown ground until a date comes.
    this.shown = new Uint32Array(rings.faceCount).fill(this.fills.fills[0] ?? 0);
    recolour(this.ids, this.shown, this.base, this.pixels);
    this.ctx.putImageData(this.image as ImageData, 0, 0);
    this.drawWater();
    this.drawDots();
    this.linesDrawn = undefined;
    if (this.owners) this.paint(this.owners, this.overlays, this.then);
  }
}

/** A place's dot at `scale` device pixels per CSS pixel, as in the SVG map: settlements filled, quarters and landmarks open. */
function dotSprite(kind: string, scale: number): { image: HTMLCanvasElement; half: number } {
  const r = dotRadius(kind) * scale;
  const line = 1.2 * scale;
  const half = Math.ceil(r + line);
  const image = document.createElement("canvas");
  image.width = image.height = 2 * half + 1;
  const c = image.getContext("2d");
  if (c) {
    c.beginPath();
    c.arc(half + 0.5, half + 0.5, r, 0, 2 * Math.PI);
    const open = openDot(kind);
    c.fillStyle = open ? PAPER : INK;
    c.strokeStyle = open ? INK : PAPER;
    c.lineWidth = line;
    c.fill();
    c.stroke();
  }
  return { image, half };
}
