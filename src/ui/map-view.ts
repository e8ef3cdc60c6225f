// The map: basemap, faces filled by owner, contested ground hatched, besieged units outlined,
// front lines, the theatre outline, places with labels that thin out as you zoom out, incident
// markers, a scale bar. Faces and arcs come pre-projected, so a new date only re-fills the faces
// whose owner changed and rebuilds two or three path strings; zooming moves one transform and
// the (few hundred) place markers.

import { select, zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from "d3";
import type { CompiledEvent, CompiledScenario, LonLat } from "../core/types.js";
import { countryLabels } from "../map/country-labels.js";
import { edgePath, facesPath, type MapFrame } from "../map/frame.js";
import {
  labelBox,
  labelOffset,
  placeLabels,
  type Box,
  type LabelInput,
  type LabelPlacement,
} from "../map/labels.js";
import { clampZoom, fitFrame, MAP_ZOOM, type Rect } from "../map/fit.js";
import { pickPlace, PICK_RADIUS, type PickTarget } from "../map/pick.js";
import type { ProjectedMap } from "../map/project.js";
import { placeWaterLabels } from "../map/water-labels.js";
import {
  BESIEGED,
  BEYOND_MARGIN,
  CHANGED,
  dotRadius,
  dotRing,
  fillIndex,
  fillTable,
  FRONT,
  FRONT_CASING,
  HATCH,
  INCIDENT,
  INK,
  labelSize,
  LAND,
  LAND_BORDER,
  LAND_LABEL,
  MAP_LAYERS,
  type MapLayer,
  MUST_LABEL_RANK,
  PAPER,
  placeRank,
  scaleBarFor,
  SEA,
  STROKES,
  THEATRE_BORDER,
  THEATRE_BOX_BORDER,
  UNKNOWN_FILL,
  WATER,
  WATER_LABEL,
  WATER_LINE,
} from "../map/style.js";
import { scaleBarOutline, scaleBarShape, scaleBarSize } from "../render/scale-bar.js";
import { s, setAttrs, replaceChildren } from "./dom.js";
import { RASTER_FROM_FACES, RasterLayer } from "./raster-layer.js";
import type { MapView as UrlMapView } from "./url-state.js";

/** Room the map leaves free on each side of the element for overlays (title, key, buttons), px. */
export interface MapInsets {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  /** Room to keep free right of the scale bar, px (default 0: it sits in the corner). */
  readonly scaleBarRight?: number | undefined;
  /** Room to keep free under the scale bar, px (default 0). */
  readonly scaleBarBottom?: number | undefined;
  /**
   * Things floating over the map (title, key, buttons), px in the element: the theatre is fitted
   * into the largest rectangle of the inset box that none of them (nor the scale bar) covers.
   */
  readonly obstacles?: readonly Rect[] | undefined;
}

/** The boxes of `elements` within `host` (px, grown by `pad`), leaving out those not shown. */
export function overlayRects(host: Element, elements: readonly (Element | null)[], pad: number): Rect[] {
  const at = host.getBoundingClientRect();
  const rects: Rect[] = [];
  for (const el of elements) {
    const r = el?.getBoundingClientRect();
    if (!r || r.width === 0 || r.height === 0) continue;
    rects.push({
      x0: r.left - at.left - pad,
      y0: r.top - at.top - pad,
      x1: r.right - at.left + pad,
      y1: r.bottom - at.top + pad,
    });
  }
  return rects;
}

export interface MapHandlers {
  /** A face was clicked (or tapped). */
  pick(face: number, at: LonLat | undefined): void;
  /** A place's dot or label was clicked (or tapped). */
  place(unit: number): void;
  /** The user panned or zoomed (debounce before writing the address bar). */
  viewChanged(view: UrlMapView): void;
  /** Room to leave for overlays when fitting the theatre (asked on every resize). */
  insets?(width: number, height: number): MapInsets;
}

interface PlaceMark {
  readonly unit: number;
  readonly kind: string;
  readonly x: number;
  readonly y: number;
  readonly el: SVGGElement;
  readonly label: SVGTextElement;
  /** The ring round a contested or besieged place's dot (the style's `dotRing`). */
  readonly ring: SVGCircleElement;
  /** The unit's status the ring was drawn for. */
  status: number;
  placement: LabelPlacement;
  /** The label's placement input (zoom 1, px), for its box as a hit target. */
  labelInput: LabelInput | undefined;
}

/** The room the scale bar takes in its corner, px at text scale 1 (see `drawScaleBar`). */
const SCALE_BAR_BOX = { width: 190, height: 44 };

export class MapView {
  readonly svg: SVGSVGElement;
  private readonly defs = s("defs");
  private readonly hatch = s("pattern", {
    id: "hatch-contested",
    patternUnits: "userSpaceOnUse",
    width: HATCH.spacing,
    height: HATCH.spacing,
    patternTransform: `rotate(${HATCH.angle})`,
  });
  // Colours and line styles come from the map's style, as in the exports; the stylesheet adds
  // only what is about the screen (non-scaling strokes, pointer events, presenter sizes).
  private readonly sea = s("rect", { class: "map-sea", x: 0, y: 0, fill: SEA });
  private readonly zoomed = s("g", { class: "map-zoomed" });
  private readonly basemapLayer = s("g", {
    class: "map-basemap",
    fill: LAND,
    stroke: LAND_BORDER,
    "stroke-width": STROKES.land,
  });
  private readonly ground = s("path", { class: "map-ground", fill: UNKNOWN_FILL });
  private readonly faceLayer = s("g", { class: "map-faces" });
  private readonly contested = s("path", { class: "map-contested", "fill-opacity": HATCH.opacity });
  private readonly besieged = s("path", {
    class: "map-besieged",
    stroke: BESIEGED,
    "stroke-width": STROKES.besieged,
    "stroke-dasharray": STROKES.besiegedDash.join(" "),
  });
  private readonly frontCasing = s("path", {
    class: "map-front-casing",
    stroke: FRONT_CASING,
    "stroke-opacity": 0.7,
    "stroke-width": STROKES.frontCasing,
  });
  private readonly front = s("path", { class: "map-front", stroke: FRONT, "stroke-width": STROKES.front });
  /** A front along a river: wider, with the river along its middle (see `MAP_LAYERS`). */
  private readonly riverFront = s("path", {
    class: "map-river-front",
    stroke: FRONT,
    "stroke-width": STROKES.riverFront,
  });
  private readonly riverFrontWater = s("path", {
    class: "map-river-front-water",
    stroke: WATER_LINE,
    "stroke-width": STROKES.river,
  });
  private readonly changedEdge = s("path", {
    class: "map-changed-edge",
    stroke: CHANGED,
    "stroke-width": STROKES.changed,
  });
  private readonly highlightFill = s("path", { class: "map-highlight-fill" });
  private readonly highlightHalo = s("path", { class: "map-highlight-halo" });
  private readonly highlightEdge = s("path", { class: "map-highlight-edge" });
  private readonly outline = s("path", { class: "map-outline" });
  /** Paper beyond the basemap's edge, and the edge as a thin frame (seen zoomed out). */
  private readonly margin = s("path", {
    class: "map-margin",
    fill: BEYOND_MARGIN,
    "fill-rule": "evenodd",
    stroke: LAND_BORDER,
    "stroke-width": STROKES.land,
  });
  private readonly selection = s("path", { class: "map-selection" });
  private readonly countryLabels = s("g", { class: "map-country-labels" });
  /** Rivers and lakes, over the fills and under the fronts, as in the exports. */
  private readonly water = s("g", { class: "map-water" });
  private readonly waterLabels = s("g", { class: "map-water-labels", fill: WATER_LABEL });
  /** Each named river's and lake's vertices, frame px at zoom 1, by name. */
  private waterPoints = new Map<string, ProjectedMap["water"]["labels"][number]["points"]>();
  private readonly incidentLayer = s("g", { class: "map-incidents" });
  private readonly placeLayer = s("g", { class: "map-places" });
  private readonly scaleBar = s("g", { class: "map-scalebar" });

  private geometry: ProjectedMap | undefined;
  private scenario: CompiledScenario | undefined;
  private colors: string[] = [];
  private faces: SVGPathElement[] = [];
  private shownOwners = new Uint8Array(0);
  private shownChanged = new Uint8Array(0);
  private places: PlaceMark[] = [];
  /** The place mark of each unit, for `setPlaceStatus` (made again when the places are). */
  private placeIndex: { of: PlaceMark[] | undefined; index: Map<number, PlaceMark> } = {
    of: undefined,
    index: new Map(),
  };
  private incidentKey = "";
  private width = 0;
  private height = 0;
  /** Fit of the geometry's frame into the element: screen = k·(s0·p + o) + t. */
  private s0 = 1;
  private ox = 0;
  private oy = 0;
  /** Centre of the free box (where a view's centre goes). */
  private cx = 0;
  private cy = 0;
  /** The free box the theatre is fitted into at zoom 1: no overlay covers it. */
  private free: Rect = { x0: 0, y0: 0, x1: 0, y1: 0 };
  private transform: ZoomTransform = zoomIdentity;
  private readonly zoomBehavior: ZoomBehavior<SVGSVGElement, unknown>;
  private compareOwners: Uint8Array | undefined;
  private lastOwners = new Uint8Array(0);
  private selectedUnit = -1;
  /** Text and symbols are drawn this many times their normal size (presenter mode). */
  private textScale = 1;
  private scaleBarRight = 0;
  private scaleBarBottom = 0;
  private highlightAnimations: Animation[] = [];
  /** What floats over the map (key, title, buttons, scale bar), px: no name goes under it at zoom 1. */
  private overlays: readonly Rect[] = [];
  /** What the last fit was computed from (see `resize`). */
  private layout = "";
  /** The next label placement waits for a task of its own (a big map's first draw). */
  private labelsLater = false;
  /** Counts label placements, so that one waiting can tell it was superseded. */
  private labelRun = 0;
  /** Big maps: the ground is a face-id raster on a canvas under the SVG overlays. */
  private raster: RasterLayer | undefined;

  constructor(
    private readonly host: HTMLElement,
    private readonly handlers: MapHandlers,
  ) {
    this.svg = s("svg", { class: "map-svg", role: "img", "aria-label": "Map of control" });
    this.hatch.append(
      s("rect", { width: HATCH.spacing, height: HATCH.spacing, fill: "transparent" }),
      s("rect", { width: HATCH.width, height: HATCH.spacing, fill: HATCH.color }),
    );
    this.defs.append(this.hatch);
    // The map's layers in its one drawing order (as every export); the selection's marks go
    // with the layers they belong to.
    const layers: Record<MapLayer, readonly Element[]> = {
      sea: [],
      basemap: [this.basemapLayer],
      ground: [this.ground, this.faceLayer],
      water: [this.water, this.highlightFill],
      contested: [this.contested],
      fronts: [this.frontCasing, this.front, this.riverFront, this.riverFrontWater],
      theatre: [this.outline],
      besieged: [this.besieged, this.changedEdge, this.highlightHalo, this.highlightEdge, this.selection],
      margin: [this.margin],
      labels: [],
    };
    this.zoomed.append(...MAP_LAYERS.flatMap((l) => layers[l]));
    this.svg.append(
      this.defs,
      this.sea,
      this.zoomed,
      this.countryLabels,
      this.waterLabels,
      this.incidentLayer,
      this.placeLayer,
      this.scaleBar,
    );
    host.append(this.svg);
    this.zoomBehavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([MAP_ZOOM.min, MAP_ZOOM.max])
      .on("zoom", (ev: D3ZoomEvent<SVGSVGElement, unknown>) => {
        this.transform = ev.transform;
        this.applyTransform();
        if (ev.sourceEvent) this.handlers.viewChanged(this.view());
      });
    select(this.svg).call(this.zoomBehavior);
    // One click handler for places and ground, on SVG and raster maps alike.
    this.svg.addEventListener("click", (ev) => this.click(ev));
    new ResizeObserver(() => this.resize()).observe(host);
  }

  /** A new scenario (or a reloaded one): rebuilds every layer. */
  setScenario(scenario: CompiledScenario, geometry: ProjectedMap, view?: UrlMapView): void {
    this.scenario = scenario;
    this.geometry = geometry;
    this.colors = fillTable(scenario.factions);
    this.selectedUnit = -1;
    this.selection.setAttribute("d", "");
    this.compareOwners = undefined;
    this.svg.classList.remove("comparing");
    replaceChildren(
      this.basemapLayer,
      ...geometry.basemap.map((b) => s("path", { d: b.path }, s("title", {}, b.name))),
    );
    this.outline.setAttribute("d", geometry.outlinePath);
    setAttrs(this.outline, {
      stroke: geometry.countriesTheatre ? THEATRE_BORDER : THEATRE_BOX_BORDER,
      "stroke-dasharray": geometry.countriesTheatre ? "none" : STROKES.theatreBoxDash.join(" "),
    });
    this.ground.setAttribute("d", geometry.outlinePath);
    // Far beyond any zoom's view, less the basemap's box: paper round a neat frame.
    const far = 20 * Math.max(geometry.width, geometry.height);
    this.margin.setAttribute("d", `M${-far},${-far}H${far}V${far}H${-far}Z${geometry.marginPath}`);
    this.useRaster(geometry);
    this.faces = this.raster?.active
      ? []
      : geometry.facePaths.map((d, i) =>
          s("path", { d, "data-face": i, fill: UNKNOWN_FILL, stroke: UNKNOWN_FILL }),
        );
    replaceChildren(this.faceLayer, ...this.faces);
    const w = geometry.water;
    replaceChildren(
      this.water,
      ...(w.lakes
        ? [
            s("path", {
              class: "map-lakes",
              d: w.lakes,
              fill: WATER,
              stroke: WATER_LINE,
              "stroke-width": STROKES.lake,
            }),
          ]
        : []),
      ...(w.minorRivers
        ? [
            s("path", {
              class: "map-river-minor",
              d: w.minorRivers,
              stroke: WATER_LINE,
              "stroke-width": STROKES.minorRiver,
              "stroke-opacity": 0.7,
            }),
          ]
        : []),
      ...(w.majorRivers
        ? [
            s("path", {
              class: "map-river-major",
              d: w.majorRivers,
              stroke: WATER_LINE,
              "stroke-width": STROKES.river,
            }),
          ]
        : []),
    );
    this.shownOwners = new Uint8Array(geometry.faceCount);
    this.shownChanged = new Uint8Array(geometry.faceCount);
    this.lastOwners = new Uint8Array(geometry.faceCount);
    this.incidentKey = "";
    this.contested.setAttribute("d", "");
    this.besieged.setAttribute("d", "");
    // The previous scenario's incident markers go with it.
    replaceChildren(this.incidentLayer);
    this.setHighlight(undefined);
    this.buildPlaces();
    this.labelsLater = this.raster?.active === true;
    this.layout = "";
    this.resize(true);
    if (view) this.setView(view);
    else if (scenario.view.bbox) this.fitBbox(scenario.view.bbox);
    else this.select().call(this.zoomBehavior.transform, zoomIdentity);
  }

  /** Draws one date's frame of the map model. */
  render(frame: MapFrame): void {
    if (!this.geometry) return;
    const owners = frame.owners;
    const n = this.faces.length;
    const cmp = this.compareOwners;
    if (this.raster?.active) {
      // The ground and the date's lines are pixels; the SVG above is left alone.
      this.raster.paint(owners, frame, cmp);
      this.lastOwners.set(owners);
      if (cmp) for (let f = 0; f < owners.length; f++) this.shownChanged[f] = cmp[f] !== owners[f] ? 1 : 0;
      const changed = cmp ? edgePath(this.geometry, this.shownChanged) : "";
      if (this.changedEdge.getAttribute("d") !== changed) this.changedEdge.setAttribute("d", changed);
      return;
    }
    const open = this.geometry.bundle.partition.faces.open;
    const factionCount = this.scenario?.factions.length ?? 0;
    for (let f = 0; f < n; f++) {
      const o = owners[f] as number;
      if (o !== this.shownOwners[f]) {
        this.shownOwners[f] = o;
        const face = this.faces[f] as SVGPathElement;
        const color = this.colors[fillIndex(o, open[f], factionCount)] ?? UNKNOWN_FILL;
        face.setAttribute("fill", color);
        // A hairline of the same colour closes the anti-aliasing seams between faces.
        face.setAttribute("stroke", color);
      }
      const changed = cmp && cmp[f] !== o ? 1 : 0;
      if (changed !== this.shownChanged[f]) {
        this.shownChanged[f] = changed;
        (this.faces[f] as SVGPathElement).classList.toggle("changed", changed === 1);
      }
    }
    this.lastOwners.set(owners);
    // Overlay paths are the frame's; the DOM is touched only when they change.
    if (this.contested.getAttribute("d") !== frame.contestedPath)
      this.contested.setAttribute("d", frame.contestedPath);
    if (this.besieged.getAttribute("d") !== frame.besiegedPath)
      this.besieged.setAttribute("d", frame.besiegedPath);
    this.front.setAttribute("d", frame.frontPath);
    this.frontCasing.setAttribute("d", frame.frontPath);
    this.riverFront.setAttribute("d", frame.riverFrontPath);
    this.riverFrontWater.setAttribute("d", frame.riverFrontPath);
    this.changedEdge.setAttribute("d", cmp ? edgePath(this.geometry, this.shownChanged) : "");
  }

  /** Compare mode: faces whose owner differs from `then` stand out; `undefined` ends it. */
  setCompare(then: Uint8Array | undefined): void {
    this.compareOwners = then ? then.slice() : undefined;
    this.svg.classList.toggle("comparing", then !== undefined);
  }

  /**
   * Marks ground that just changed hands (presenter mode): the faces flagged 1 are outlined and,
   * with `pulse`, flash for `ms` milliseconds; `undefined` clears the mark.
   */
  setHighlight(flags: Uint8Array | undefined, pulse = false, ms = 2000): void {
    for (const a of this.highlightAnimations) a.cancel();
    this.highlightAnimations = [];
    const g = this.geometry;
    if (!flags || !g) {
      for (const p of [this.highlightFill, this.highlightHalo, this.highlightEdge]) p.setAttribute("d", "");
      return;
    }
    const d = facesPath(g, flags);
    const edge = edgePath(g, flags);
    this.highlightFill.setAttribute("d", d);
    this.highlightHalo.setAttribute("d", edge);
    this.highlightEdge.setAttribute("d", edge);
    this.highlightFill.classList.toggle("still", !pulse);
    if (!pulse || typeof this.highlightFill.animate !== "function") return;
    // Two flashes of the ground, the outline throbbing with them, then the outline stays.
    const fill = this.highlightFill.animate(
      [{ opacity: 0 }, { opacity: 0.65 }, { opacity: 0.1 }, { opacity: 0.65 }, { opacity: 0 }],
      { duration: ms, easing: "ease-in-out", fill: "forwards" },
    );
    const w = 4.5 * this.textScale;
    const edgeAnim = this.highlightEdge.animate(
      [
        { strokeWidth: `${w}px` },
        { strokeWidth: `${w * 1.9}px` },
        { strokeWidth: `${w}px` },
        { strokeWidth: `${w * 1.9}px` },
        { strokeWidth: `${w}px` },
      ],
      { duration: ms, easing: "ease-in-out" },
    );
    this.highlightAnimations = [fill, edgeAnim];
  }

  /** Draws labels, dots and symbols `k` times their size (presenter mode), and refits the map. */
  setTextScale(k: number): void {
    const scale = Math.max(0.5, Math.min(6, k));
    if (scale === this.textScale) {
      this.refit();
      return;
    }
    this.textScale = scale;
    this.raster?.setTextScale(scale);
    this.svg.style.setProperty("--map-text-scale", String(scale));
    for (const p of this.places) {
      p.el.querySelector("circle")?.setAttribute("r", String(dotRadius(p.kind) * scale));
      this.drawRing(p);
    }
    this.refit();
  }

  /** Fits the theatre again (the room for overlays changed), keeping the centre and zoom. */
  refit(): void {
    const view = this.geometry && this.width > 0 ? this.view() : undefined;
    this.resize(true);
    if (view) this.setView(view);
  }

  /** Incident markers to show (already filtered to those within their window). */
  setIncidents(incidents: readonly CompiledEvent[], day: number): void {
    const key = incidents.map((e) => e.index).join(",");
    if (key === this.incidentKey) {
      this.fadeIncidents(day);
      return;
    }
    this.incidentKey = key;
    const marks: SVGGElement[] = [];
    for (const e of incidents) {
      if (e.type !== "incident") continue;
      const p = this.geometry?.project(e.at);
      if (!p) continue;
      const g = s(
        "g",
        {
          class: `incident incident-${e.kind}`,
          "data-x": p[0],
          "data-y": p[1],
          "data-day": e.day,
          "data-window": e.window_days,
        },
        s("title", {}, `${e.date} — ${e.title}`),
        s("path", { d: incidentSymbol(e.kind), fill: INCIDENT }),
      );
      marks.push(g);
    }
    replaceChildren(this.incidentLayer, ...marks);
    this.positionIncidents();
    this.fadeIncidents(day);
  }

  /** Outlines the faces a unit covers (the selection), or clears it with -1. */
  selectUnit(unit: number): void {
    this.selectedUnit = unit;
    if (!this.geometry || unit < 0) {
      this.selection.setAttribute("d", "");
      return;
    }
    const faces = this.facesOfUnit(unit);
    this.selection.setAttribute("d", faces.map((f) => this.geometry?.facePaths[f] ?? "").join(""));
  }

  get selected(): number {
    return this.selectedUnit;
  }

  /** The current centre and zoom, for the address bar. */
  view(): UrlMapView {
    const g = this.geometry;
    if (!g) return { lon: 0, lat: 0, zoom: 1 };
    const t = this.transform;
    const fx = ((this.cx - t.x) / t.k - this.ox) / this.s0;
    const fy = ((this.cy - t.y) / t.k - this.oy) / this.s0;
    const ll = g.invert([fx, fy]) ?? [0, 0];
    return { lon: ll[0], lat: ll[1], zoom: t.k };
  }

  setView(view: UrlMapView): void {
    const g = this.geometry;
    if (!g) return;
    const p = g.project([view.lon, view.lat]);
    if (!p) return;
    const k = clampZoom(view.zoom);
    const bx = this.s0 * p[0] + this.ox;
    const by = this.s0 * p[1] + this.oy;
    const t = zoomIdentity.translate(this.cx - k * bx, this.cy - k * by).scale(k);
    this.select().call(this.zoomBehavior.transform, t);
  }

  /** Zooms so that `[west, south, east, north]` fills the view. */
  fitBbox(bbox: readonly [number, number, number, number]): void {
    const g = this.geometry;
    if (!g) return;
    const a = g.project([bbox[0], bbox[3]]);
    const b = g.project([bbox[2], bbox[1]]);
    if (!a || !b) return;
    const w = Math.abs(b[0] - a[0]) * this.s0;
    const h = Math.abs(b[1] - a[1]) * this.s0;
    const boxW = 2 * Math.min(this.cx - this.free.x0, this.free.x1 - this.cx);
    const boxH = 2 * Math.min(this.cy - this.free.y0, this.free.y1 - this.cy);
    const k = Math.max(
      1,
      Math.min(MAP_ZOOM.max, 0.95 * Math.min(boxW / Math.max(w, 1e-6), boxH / Math.max(h, 1e-6))),
    );
    const c = g.invert([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
    if (c) this.setView({ lon: c[0], lat: c[1], zoom: k });
  }

  /** One zoom step in (1) or out (-1), animated about the centre of the free box. */
  zoomStep(direction: 1 | -1): void {
    const factor = direction > 0 ? MAP_ZOOM.step : 1 / MAP_ZOOM.step;
    this.select()
      .transition()
      .duration(this.motion())
      .call(this.zoomBehavior.scaleBy, factor, [this.cx, this.cy])
      .on("end", () => this.handlers.viewChanged(this.view()));
  }

  /** Back to the whole theatre, fitted (animated). */
  resetZoom(): void {
    this.select()
      .transition()
      .duration(this.motion())
      .call(this.zoomBehavior.transform, zoomIdentity)
      .on("end", () => this.handlers.viewChanged(this.view()));
  }

  /** The current zoom factor (1: the theatre fitted). */
  get zoomLevel(): number {
    return this.transform.k;
  }

  private motion(): number {
    return window.matchMedia("(prefers-reduced-motion: reduce)").matches ? 0 : MAP_ZOOM.ms;
  }

  private select() {
    return select(this.svg);
  }

  /** A place's dot or label explains that place; anywhere else, the ground under the pointer. */
  private click(ev: MouseEvent): void {
    const rect = this.svg.getBoundingClientRect();
    const x = ev.clientX - rect.left;
    const y = ev.clientY - rect.top;
    const type = (ev as Partial<PointerEvent>).pointerType;
    const coarse = type === "touch" || type === "pen" || matchMedia("(pointer: coarse)").matches;
    let unit = pickPlace(this.pickTargets(), x, y, coarse ? PICK_RADIUS.coarse : PICK_RADIUS.fine);
    // The label as drawn, where its estimated box falls short of the glyphs.
    if (unit < 0)
      unit = Number((ev.target as Element | null)?.closest(".place")?.getAttribute("data-unit") ?? -1);
    if (unit >= 0) {
      this.handlers.place(unit);
      return;
    }
    const face = this.raster?.active
      ? this.raster.faceAt(x, y)
      : Number((ev.target as Element | null)?.closest("[data-face]")?.getAttribute("data-face") ?? -1);
    if (face >= 0) this.handlers.pick(face, this.lonLatAt(ev));
  }

  /** The places in view as hit targets: dots, and the labels shown at this zoom (screen px). */
  private pickTargets(): PickTarget[] {
    const t = this.transform;
    const out: PickTarget[] = [];
    const options = this.labelOptions();
    for (const p of this.places) {
      if (p.el.classList.contains("offscreen")) continue;
      const x = t.k * (this.s0 * p.x + this.ox) + t.x;
      const y = t.k * (this.s0 * p.y + this.oy) + t.y;
      const shown = p.labelInput && !p.label.classList.contains("hidden");
      const label = shown
        ? labelBox({ ...(p.labelInput as LabelInput), x, y }, p.placement.anchor, 1, options)
        : undefined;
      out.push({ unit: p.unit, x, y, label });
    }
    return out;
  }

  private labelOptions(): { fontSize: number; gap: number } {
    return { fontSize: 12.5 * this.textScale, gap: 5 * this.textScale };
  }

  private lonLatAt(ev: MouseEvent): LonLat | undefined {
    const rect = this.svg.getBoundingClientRect();
    const t = this.transform;
    const fx = ((ev.clientX - rect.left - t.x) / t.k - this.ox) / this.s0;
    const fy = ((ev.clientY - rect.top - t.y) / t.k - this.oy) / this.s0;
    return this.geometry?.invert([fx, fy]);
  }

  /**
   * Rings the dots of contested and besieged places, as the exports do (`status`: per unit).
   * `changed`: the only units whose status may have changed since the last call, if known.
   */
  setPlaceStatus(status: ArrayLike<number>, changed?: readonly number[]): void {
    if (this.placeIndex.of !== this.places) {
      const index = new Map<number, PlaceMark>();
      for (const p of this.places) index.set(p.unit, p);
      this.placeIndex = { of: this.places, index };
      changed = undefined; // new places: every one is looked at
    }
    const ring = (p: PlaceMark): void => {
      const st = status[p.unit] ?? 0;
      if (st === p.status) return;
      p.status = st;
      this.drawRing(p);
    };
    if (changed === undefined) for (const p of this.places) ring(p);
    else
      for (const u of changed) {
        const p = this.placeIndex.index.get(u);
        if (p) ring(p);
      }
  }

  private drawRing(p: PlaceMark): void {
    const ring = dotRing(p.status);
    const k = this.textScale;
    setAttrs(
      p.ring,
      ring
        ? {
            display: null,
            r: (dotRadius(p.kind) + ring.gap) * k,
            // Inline, so the stylesheet's dot fill and stroke do not apply to the ring.
            style: `fill:none;stroke:${ring.color};stroke-width:${ring.width * k}px;stroke-dasharray:${ring.dash.map((v) => v * k).join(" ")}`,
          }
        : { display: "none", style: null },
    );
  }

  private buildPlaces(): void {
    const g = this.geometry;
    const sc = this.scenario;
    if (!g || !sc) return;
    this.places = g.places.map((p) => {
      const label = s("text", { class: "place-label" }, p.name);
      const ring = s("circle", { class: "place-ring", display: "none" });
      const el = s(
        "g",
        { class: `place place-${p.kind}`, "data-unit": p.unit },
        s("circle", { r: dotRadius(p.kind) * this.textScale }),
        ring,
        label,
      );
      return {
        unit: p.unit,
        kind: p.kind,
        x: p.x,
        y: p.y,
        el,
        label,
        ring,
        status: 0,
        placement: { minZoom: Infinity, anchor: "right" },
        labelInput: undefined,
      };
    });
    // Big maps attach a place when its label shows (see `applyTransform`).
    replaceChildren(this.placeLayer, ...(this.raster?.active ? [] : this.places.map((p) => p.el)));
  }

  private facesOfUnit(unit: number): readonly number[] {
    return this.geometry?.facesOfUnit(unit) ?? [];
  }

  private placeLabelsNow(names: readonly Box[]): void {
    // A newer placement replaces one still waiting.
    const run = ++this.labelRun;
    if (this.labelsLater) {
      // A big map's first draw: the ground first, its place names in a task of their own.
      this.labelsLater = false;
      setTimeout(() => {
        if (run !== this.labelRun) return;
        this.placeLabelsNow(names);
        this.applyTransform();
      }, 0);
      return;
    }
    // Label placement depends on the fit (screen px at zoom 1): recomputed on resize.
    const k = this.textScale;
    // A label stays on the map: a town on the coast or the map's edge is named on its inland side.
    const bounds = { x0: 0, y0: 0, x1: this.width, y1: this.height };
    const options = { ...this.labelOptions(), bounds };
    const inputs = this.places.map((p) => ({
      x: this.s0 * p.x + this.ox,
      y: this.s0 * p.y + this.oy,
      text: this.scenario?.units[p.unit]?.name ?? "",
      rank: placeRank(p.kind),
      fontSize: labelSize(p.kind) * k,
      radius: dotRadius(p.kind) * k,
    }));
    const placed = placeLabels(inputs, {
      ...options,
      names,
      overlays: this.overlays,
      mustRank: MUST_LABEL_RANK,
    });
    this.places.forEach((p, i) => {
      p.placement = placed[i] ?? { minZoom: Infinity, anchor: "right" };
      p.labelInput = inputs[i];
      const o = labelOffset(inputs[i] as LabelInput, p.placement.anchor, options);
      setAttrs(p.label, { x: o.dx, y: o.dy, "text-anchor": o.textAnchor });
    });
    // The more important places on top: a city's name may cover a lesser place's dot.
    const drawOrder = this.places
      .map((p, i) => ({ p, i, rank: inputs[i]?.rank ?? 0 }))
      .sort((a, b) => b.rank - a.rank || b.i - a.i);
    // Big maps attach a place when its label shows (see `applyTransform`).
    replaceChildren(this.placeLayer, ...(this.raster?.active ? [] : drawOrder.map((d) => d.p.el)));
  }

  private resize(force = false): void {
    const width = Math.max(100, Math.round(this.host.clientWidth));
    const height = Math.max(100, Math.round(this.host.clientHeight));
    if (!force && width === this.width && height === this.height) return;
    const view = this.geometry && this.width > 0 && !force ? this.view() : undefined;
    this.width = width;
    this.height = height;
    setAttrs(this.svg, { width, height, viewBox: `0 0 ${width} ${height}` });
    setAttrs(this.sea, { width, height });
    const g = this.geometry;
    if (!g) return;
    const inset = this.handlers.insets?.(width, height) ?? { left: 0, top: 0, right: 0, bottom: 0 };
    // Nothing the fit depends on changed (an overlay was seen to take the size it was already
    // fitted to, as after a new scenario's first fit): the map stays as it is.
    const layout = JSON.stringify([width, height, inset, this.textScale]);
    if (layout === this.layout) return;
    this.layout = layout;
    this.scaleBarRight = inset.scaleBarRight ?? 0;
    this.scaleBarBottom = inset.scaleBarBottom ?? 0;
    const box = {
      x0: inset.left,
      y0: inset.top,
      x1: inset.left + Math.max(50, width - inset.left - inset.right),
      y1: inset.top + Math.max(50, height - inset.top - inset.bottom),
    };
    const k = this.textScale;
    const obstacles = inset.obstacles && [
      ...inset.obstacles,
      {
        x0: width - this.scaleBarRight - SCALE_BAR_BOX.width * k,
        y0: height - this.scaleBarBottom - SCALE_BAR_BOX.height * k,
        x1: width - this.scaleBarRight,
        y1: height - this.scaleBarBottom,
      },
    ];
    this.overlays = obstacles ?? [];
    const { frame, room } = fitFrame(box, obstacles ?? [], g.width, g.height);
    this.free = room;
    // A little sea or neighbouring land around the theatre, as on a printed map.
    const margin = obstacles ? 0.94 : 1;
    this.s0 = (margin * (frame.x1 - frame.x0)) / g.width;
    this.cx = (frame.x0 + frame.x1) / 2;
    this.cy = (frame.y0 + frame.y1) / 2;
    this.ox = this.cx - (this.s0 * g.width) / 2;
    this.oy = this.cy - (this.s0 * g.height) / 2;
    this.zoomBehavior.extent([
      [0, 0],
      [width, height],
    ]);
    // Room to pan the theatre well off centre, and to zoom out to `MAP_ZOOM.min`.
    const span = 1 / MAP_ZOOM.min;
    this.zoomBehavior.translateExtent([
      [-span * width, -span * height],
      [(1 + span) * width, (1 + span) * height],
    ]);
    // Country and river names first: place labels keep clear of them.
    this.placeLabelsNow(this.countryLabelsNow());
    if (view) this.setView(view);
    else this.applyTransform();
  }

  /** Names the neighbouring countries, rivers and lakes; returns their boxes, screen px at zoom 1. */
  private countryLabelsNow(): Box[] {
    const g = this.geometry;
    if (!g) return [];
    // Named where they fit in the free box at zoom 1, in frame px.
    const box = {
      x0: (this.free.x0 - this.ox) / this.s0,
      y0: (this.free.y0 - this.oy) / this.s0,
      x1: (this.free.x1 - this.ox) / this.s0,
      y1: (this.free.y1 - this.oy) / this.s0,
    };
    // Country names may use the whole map, clear of what floats over it (a small country at the
    // free box's edge, Lebanon beside the key, is named in the sea beside it).
    const frame = (r: Rect): Box => ({
      x0: (r.x0 - this.ox) / this.s0,
      y0: (r.y0 - this.oy) / this.s0,
      x1: (r.x1 - this.ox) / this.s0,
      y1: (r.y1 - this.oy) / this.s0,
    });
    const labels = countryLabels(g, frame({ x0: 0, y0: 0, x1: this.width, y1: this.height }), {
      fontSize: (12 * this.textScale) / this.s0,
      obstacles: this.overlays.map(frame),
    });
    // Rivers and lakes named clear of the country names and of each other, as in the exports.
    const water = placeWaterLabels(g.water.labels, {
      fontSize: (11 * this.textScale) / this.s0,
      lift: (4 * this.textScale) / this.s0,
      bounds: box,
      obstacles: labels.flatMap((l) => l.boxes),
    });
    replaceChildren(
      this.waterLabels,
      ...water.map((l) => s("text", { "data-x": l.x, "data-y": l.y, "text-anchor": "middle" }, l.name)),
    );
    this.waterPoints = new Map(g.water.labels.map((l) => [l.name, l.points]));
    replaceChildren(
      this.countryLabels,
      ...labels.map((l) =>
        s(
          "text",
          {
            "data-x": l.x,
            "data-y": l.y,
            "data-angle": l.angle,
            dy: "0.35em",
            "text-anchor": "middle",
            fill: LAND_LABEL,
          },
          l.text,
        ),
      ),
    );
    const at = (x: number, y: number): [number, number] => [this.s0 * x + this.ox, this.s0 * y + this.oy];
    return [...labels.flatMap((l) => l.boxes), ...water.map((l) => l.box)].map((b) => {
      const [x0, y0] = at(b.x0, b.y0);
      const [x1, y1] = at(b.x1, b.y1);
      return { x0, y0, x1, y1 };
    });
  }

  /** Big maps draw their ground as a raster; small ones keep a path per face. */
  private useRaster(geometry: ProjectedMap): void {
    const on = geometry.faceCount >= RASTER_FROM_FACES;
    if (on) {
      this.raster ??= new RasterLayer(this.host, this.svg);
      this.raster.setMap(geometry, this.colors, this.scenario?.factions.length ?? 0, geometry.places);
    } else this.raster?.clear();
    // Dots are pixels too; the SVG keeps the labels shown at the zoom (see `applyTransform`).
    this.svg.classList.toggle("raster", on);
    // The canvas holds the sea, the land and the faces; the SVG above it keeps the overlays.
    for (const el of [
      this.sea,
      this.basemapLayer,
      this.ground,
      this.faceLayer,
      this.contested,
      this.besieged,
      this.frontCasing,
      this.front,
      this.riverFront,
      this.riverFrontWater,
      // Rivers are drawn on the canvas too, between the ground and the lines, as in SVG.
      this.water,
    ])
      el.style.display = on ? "none" : "";
    // Canvas and SVG each get a compositing layer of their own, so that a new date repaints the
    // canvas only, not the places and labels above it.
    this.svg.style.willChange = on ? "transform" : "";
    if (on) {
      this.svg.style.position = "relative";
      if (getComputedStyle(this.host).position === "static") this.host.style.position = "relative";
    }
  }

  private applyTransform(): void {
    const t = this.transform;
    const k = t.k * this.s0;
    this.raster?.moveTo({ k, x: t.x + t.k * this.ox, y: t.y + t.k * this.oy }, this.width, this.height);
    this.zoomed.setAttribute(
      "transform",
      `translate(${t.x + t.k * this.ox},${t.y + t.k * this.oy}) scale(${k})`,
    );
    // Hatching keeps its spacing on screen at any zoom.
    this.hatch.setAttribute("patternTransform", `scale(${1 / k}) rotate(${HATCH.angle})`);
    const sx = (x: number) => t.k * (this.s0 * x + this.ox) + t.x;
    const sy = (y: number) => t.k * (this.s0 * y + this.oy) + t.y;
    const w = this.width;
    const h = this.height;
    const raster = this.raster?.active === true;
    for (const p of this.places) {
      const x = sx(p.x);
      const y = sy(p.y);
      const inView = x > -50 && x < w + 50 && y > -20 && y < h + 20;
      // The ladder runs in steps; a small tolerance shows a label as soon as its step is reached.
      // Zoomed out past the theatre, only the cities keep their names.
      const labelled = !(p.placement.minZoom > Math.max(1, t.k) * 1.0001 || (t.k < 0.8 && p.kind !== "city"));
      p.el.classList.toggle("offscreen", !inView);
      p.label.classList.toggle("hidden", !labelled);
      if (raster) {
        // Big maps: the dots are on a canvas; only the labels shown are in the document.
        const shown = inView && labelled;
        if (shown !== p.el.isConnected) {
          if (shown) this.placeLayer.append(p.el);
          else p.el.remove();
        }
        if (!shown) continue;
      }
      p.el.setAttribute("transform", `translate(${x.toFixed(1)},${y.toFixed(1)})`);
    }
    for (const el of this.countryLabels.children) {
      const x = sx(Number(el.getAttribute("data-x"))).toFixed(1);
      const y = sy(Number(el.getAttribute("data-y"))).toFixed(1);
      el.setAttribute("x", x);
      el.setAttribute("y", y);
      // A name turned along a narrow country turns about its centre.
      const angle = Number(el.getAttribute("data-angle"));
      if (angle) el.setAttribute("transform", `rotate(${angle} ${x} ${y})`);
    }
    // A river or lake in view keeps its name in view: when the spot placed at zoom 1 leaves the
    // screen, the name goes to the point of the feature on screen nearest that spot.
    const lift = 4 * this.textScale;
    const onScreen = (x: number, y: number): boolean => x > 40 && x < w - 40 && y > 20 && y < h - 20;
    for (const el of this.waterLabels.children) {
      const x0 = sx(Number(el.getAttribute("data-x")));
      const y0 = sy(Number(el.getAttribute("data-y")));
      let x = x0;
      let y = y0;
      if (!onScreen(x0, y0)) {
        let best = Infinity;
        for (const p of this.waterPoints.get(el.textContent ?? "") ?? []) {
          const px = sx(p[0]);
          const py = sy(p[1]) - lift;
          if (!onScreen(px, py)) continue;
          const d = (px - x0) ** 2 + (py - y0) ** 2;
          if (d < best) {
            best = d;
            x = px;
            y = py;
          }
        }
      }
      el.setAttribute("x", x.toFixed(1));
      el.setAttribute("y", y.toFixed(1));
    }
    this.positionIncidents();
    this.drawScaleBar();
  }

  private positionIncidents(): void {
    const t = this.transform;
    const scale = this.textScale === 1 ? "" : ` scale(${this.textScale})`;
    for (const el of this.incidentLayer.children) {
      const x = t.k * (this.s0 * Number(el.getAttribute("data-x")) + this.ox) + t.x;
      const y = t.k * (this.s0 * Number(el.getAttribute("data-y")) + this.oy) + t.y;
      el.setAttribute("transform", `translate(${x.toFixed(1)},${y.toFixed(1)})${scale}`);
    }
  }

  private fadeIncidents(day: number): void {
    for (const el of this.incidentLayer.children) {
      const age = day - Number(el.getAttribute("data-day"));
      const window = Math.max(1, Number(el.getAttribute("data-window")));
      el.setAttribute("opacity", (1 - 0.6 * (age / window)).toFixed(2));
    }
  }

  private drawScaleBar(): void {
    const g = this.geometry;
    if (!g) return;
    const k = this.textScale;
    const kmPerScreenPx = g.kmPerPx / (this.s0 * this.transform.k);
    // The exports' bar, box and type (one style, `render/scale-bar.ts`), in the bottom-right corner.
    const bar = scaleBarFor(kmPerScreenPx, 140 * k);
    const size = scaleBarSize(bar, k);
    const x1 = this.width - this.scaleBarRight - 14 * k;
    const y1 = this.height - this.scaleBarBottom - 14 * k;
    const shape = scaleBarShape(bar, { x0: x1 - size.width, y0: y1 - size.height, x1, y1 }, k, k);
    const b = shape.box;
    replaceChildren(
      this.scaleBar,
      s("rect", {
        class: "scalebar-bg",
        x: b.x0,
        y: b.y0,
        width: b.x1 - b.x0,
        height: b.y1 - b.y0,
        fill: PAPER,
        "fill-opacity": shape.boxOpacity,
      }),
      ...shape.rects.map((q) =>
        s("rect", {
          x: q.x,
          y: q.y,
          width: q.width,
          height: q.height,
          fill: q.fill,
          stroke: q.stroke,
          "stroke-width": q.stroke ? scaleBarOutline(k) : undefined,
        }),
      ),
      ...shape.labels.map((l) =>
        s(
          "text",
          {
            class: l.anchor === "end" ? "scalebar-label" : "scalebar-zero",
            x: l.x,
            y: l.y,
            "text-anchor": l.anchor,
            "font-size": shape.fontSize,
            fill: INK,
          },
          l.text,
        ),
      ),
    );
  }
}

/** A small symbol (about 14 px across, centred) for each incident kind. */
export function incidentSymbol(kind: string): string {
  switch (kind) {
    case "airstrike":
      // A four-pointed burst.
      return "M0,-8L2.2,-2.2L8,0L2.2,2.2L0,8L-2.2,2.2L-8,0L-2.2,-2.2Z";
    case "bombing":
      // An eight-pointed star.
      return "M0,-8L1.9,-4.6L5.7,-5.7L4.6,-1.9L8,0L4.6,1.9L5.7,5.7L1.9,4.6L0,8L-1.9,4.6L-5.7,5.7L-4.6,1.9L-8,0L-4.6,-1.9L-5.7,-5.7L-1.9,-4.6Z";
    case "shelling":
      return "M0,-7L6,5H-6Z";
    case "massacre":
      return "M-5,-5H5V5H-5Z";
    case "clash":
      return "M-6,-4L-4,-6L0,-2L4,-6L6,-4L2,0L6,4L4,6L0,2L-4,6L-6,4L-2,0Z";
    default:
      return "M0,-6A6,6 0 1 1 0,6A6,6 0 1 1 0,-6Z";
  }
}
