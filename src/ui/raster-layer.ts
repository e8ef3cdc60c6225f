// The map's ground as pixels: a canvas under the map's SVG overlays, holding the sea, the
// basemap and the faces. Faces are scan-converted to a face-id raster once per zoom or pan (at
// the device's pixel ratio, so it is crisp); a date repaints only the pixels of faces that
// changed hands, and strokes its front lines, hatching and siege outlines on a second canvas
// (so the SVG above, with its places and labels, does not change from date to date and is not
// repainted); the ids answer which face is under the pointer. While a zoom or pan is under way the last
// raster is moved by a CSS transform; it is redrawn once the gesture rests.

import type { ProjectedMap } from "../map/project.js";
import {
  BESIEGED,
  FRONT,
  FRONT_CASING,
  HATCH,
  LAND,
  LAND_BORDER,
  SEA,
  STROKES,
  UNKNOWN_FILL,
} from "../map/style.js";
import {
  facePixels,
  faceRings,
  pixelOf,
  rasteriseFaces,
  recolour,
  recolourChanged,
  type FacePixels,
  type FaceRings,
  type RasterTransform,
} from "../render/face-raster.js";

/** Maps with at least this many faces are drawn as a raster; fewer stay SVG paths. */
export const RASTER_FROM_FACES = 2000;

/** A date's lines over the ground: the map frame's paths (frame coordinates). */
export interface RasterOverlays {
  readonly frontPath: string;
  readonly contestedPath: string;
  readonly besiegedPath: string;
}

export class RasterLayer {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  /** The date's lines, over the ground. */
  private readonly lines: HTMLCanvasElement;
  private readonly linesCtx: CanvasRenderingContext2D;
  private index: FacePixels | undefined;
  /** Owner drawn in the pixels of each face (255: not drawn yet). */
  private shown = new Uint8Array(0);
  private rings: FaceRings | undefined;
  private map: ProjectedMap | undefined;
  private palette = new Uint32Array(0);
  private ids = new Int32Array(0);
  private base = new Uint32Array(0);
  private image: ImageData | undefined;
  private pixels = new Uint32Array(0);
  private owners: Uint8Array | undefined;
  private overlays: RasterOverlays | undefined;
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
    this.lines = this.canvas.cloneNode() as HTMLCanvasElement; // the same place and style
    this.lines.className = "map-raster-lines";
    const linesCtx = this.lines.getContext("2d");
    if (!ctx || !linesCtx) throw new Error("no 2D canvas");
    this.ctx = ctx;
    this.linesCtx = linesCtx;
    host.insertBefore(this.canvas, before);
    host.insertBefore(this.lines, before);
  }

  /** A new map: its faces' rings and the colour of each faction code. */
  setMap(map: ProjectedMap, colours: readonly string[]): void {
    this.map = map;
    this.rings = faceRings(map.facePaths);
    this.palette = Uint32Array.from(colours.map((c) => pixelOf(c ?? UNKNOWN_FILL)));
    this.owners = undefined;
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
    this.canvas.width = this.canvas.height = 0;
    this.lines.width = this.lines.height = 0;
  }

  /** The view moved to `t` (screen = t.k·p + [t.x, t.y], CSS px): follow now, redraw at rest. */
  moveTo(t: RasterTransform, width: number, height: number, immediately = false): void {
    this.shownAt = t;
    if (immediately || width !== this.width || height !== this.height) {
      this.redraw(width, height);
      return;
    }
    const r = t.k / this.drawnAt.k;
    this.canvas.style.transform = `translate(${t.x - r * this.drawnAt.x}px, ${t.y - r * this.drawnAt.y}px) scale(${r})`;
    this.lines.style.transform = this.canvas.style.transform;
    if (this.redrawTimer !== undefined) clearTimeout(this.redrawTimer);
    this.redrawTimer = setTimeout(() => this.redraw(this.width, this.height), 120);
  }

  /** Lines drawn `k` times their width (presenter mode). */
  setTextScale(k: number): void {
    this.textScale = k;
    if (this.owners) this.paint(this.owners, this.overlays);
  }

  /** Draws a date: every face in its owner's colour, then the date's lines. */
  paint(owners: Uint8Array, overlays?: RasterOverlays): void {
    this.owners = owners;
    this.overlays = overlays;
    if (!this.image || !this.index) return;
    const dirty = recolourChanged(this.index, owners, this.shown, this.palette, this.pixels);
    if (dirty)
      this.ctx.putImageData(this.image, 0, 0, dirty[0], dirty[1], dirty[2] - dirty[0], dirty[3] - dirty[1]);
    this.linesCtx.setTransform(1, 0, 0, 1, 0, 0);
    this.linesCtx.clearRect(0, 0, this.lines.width, this.lines.height);
    if (overlays) this.drawOverlays(overlays);
  }

  private drawOverlays(o: RasterOverlays): void {
    const ctx = this.linesCtx;
    const t = this.drawnAt;
    const k = t.k;
    const z = this.textScale;
    ctx.save();
    ctx.setTransform(this.ratio * k, 0, 0, this.ratio * k, this.ratio * t.x, this.ratio * t.y);
    ctx.lineJoin = "round";
    if (o.contestedPath) {
      this.hatch ??= this.hatchPattern();
      if (this.hatch) {
        // The pattern lives in device pixels: undo the map's scale so its spacing stays on screen.
        this.hatch.setTransform(new DOMMatrix().scale(1 / (this.ratio * k)).rotate(HATCH.angle));
        ctx.globalAlpha = HATCH.opacity;
        ctx.fillStyle = this.hatch;
        ctx.fill(new Path2D(o.contestedPath), "evenodd");
        ctx.globalAlpha = 1;
      }
    }
    if (o.besiegedPath) {
      ctx.strokeStyle = BESIEGED;
      ctx.lineWidth = (STROKES.besieged * z) / k;
      ctx.setLineDash(STROKES.besiegedDash.map((d) => (d * z) / k));
      ctx.stroke(new Path2D(o.besiegedPath));
      ctx.setLineDash([]);
    }
    if (o.frontPath) {
      const front = new Path2D(o.frontPath);
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
      this.canvas.width = w;
      this.canvas.height = h;
      this.lines.width = w;
      this.lines.height = h;
      this.canvas.style.width = this.lines.style.width = `${width}px`;
      this.canvas.style.height = this.lines.style.height = `${height}px`;
      this.ids = new Int32Array(w * h);
      this.image = this.ctx.createImageData(w, h);
      this.pixels = new Uint32Array(this.image.data.buffer);
    }
    const t = this.shownAt;
    this.drawnAt = t;
    this.canvas.style.transform = this.lines.style.transform = "";
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
    this.shown = new Uint8Array(rings.faceCount);
    recolour(this.ids, this.shown, this.palette, this.base, this.pixels);
    this.ctx.putImageData(this.image as ImageData, 0, 0);
    if (this.owners) this.paint(this.owners, this.overlays);
  }
}
