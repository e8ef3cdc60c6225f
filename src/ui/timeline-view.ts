// The timeline under the map: time axis, a tick per event day (denser where events cluster),
// chapter marks, the compare marker, and the slider. The slider is a `role="slider"` element that
// takes the keyboard (arrows: a day; Shift+arrows: the previous/next change; PageUp/PageDown:
// chapters; Home/End) and the pointer (click or drag anywhere on the track).

import { dateOf } from "../core/dates.js";
import {
  axisTicks,
  chapterMarks,
  dayAtX,
  dayScale,
  densityPath,
  eventDensity,
  xOfDay,
  type ChapterInput,
  type DayScale,
} from "../render/timeline.js";
import { s, setAttrs, replaceChildren } from "./dom.js";

export interface TimelineData {
  readonly startDay: number;
  readonly endDay: number;
  /** Day of every event (all types), for the density ticks. */
  readonly eventDays: readonly number[];
  readonly chapters: readonly ChapterInput[];
}

export interface TimelineHandlers {
  /** The slider moved to `day` (by pointer or key). `live` is true while a drag is in progress. */
  seek(day: number, live: boolean): void;
  nudge(days: number): void;
  step(direction: 1 | -1): void;
  chapter(direction: 1 | -1): void;
  toggle(): void;
}

const MARGIN = { left: 16, right: 16 };
const HEIGHT = 74;
const TRACK_Y = 44;

export class TimelineView {
  private readonly svg: SVGSVGElement;
  private readonly slider: HTMLElement;
  private readonly axis = s("g", { class: "tl-axis" });
  private readonly density = s("path", { class: "tl-density" });
  private readonly chapterLayer = s("g", { class: "tl-chapters" });
  private readonly track = s("line", { class: "tl-track", y1: TRACK_Y, y2: TRACK_Y });
  private readonly progress = s("line", { class: "tl-progress", y1: TRACK_Y, y2: TRACK_Y });
  private readonly compareMark = s("g", { class: "tl-compare", visibility: "hidden" });
  private readonly thumb = s("g", { class: "tl-thumb" });
  private readonly thumbLabel = s("text", { class: "tl-thumb-label", y: 12, "text-anchor": "middle" });
  private data: TimelineData | undefined;
  private scale: DayScale = dayScale(0, 1, 0, 1);
  private width = 0;
  private day = 0;
  private compareDay: number | undefined;
  private dragging = false;

  constructor(
    private readonly host: HTMLElement,
    private readonly handlers: TimelineHandlers,
  ) {
    this.svg = s("svg", { class: "tl-svg", height: HEIGHT, "aria-hidden": "true" });
    this.thumb.append(
      s("line", { class: "tl-thumb-line", y1: 18, y2: TRACK_Y + 12 }),
      s("circle", { class: "tl-thumb-knob", cy: TRACK_Y, r: 7 }),
      this.thumbLabel,
    );
    this.compareMark.append(
      s("line", { y1: 18, y2: TRACK_Y + 12 }),
      s("path", { d: `M-5,${TRACK_Y + 12}L5,${TRACK_Y + 12}L0,${TRACK_Y + 5}Z` }),
    );
    this.svg.append(
      this.axis,
      this.density,
      this.chapterLayer,
      this.track,
      this.progress,
      this.compareMark,
      this.thumb,
    );
    this.slider = document.createElement("div");
    setAttrs(this.slider, {
      class: "tl-slider",
      role: "slider",
      tabindex: 0,
      "aria-label": "Date",
      "aria-orientation": "horizontal",
      "aria-keyshortcuts": "ArrowLeft ArrowRight PageUp PageDown Home End Space",
    });
    host.append(this.svg, this.slider);
    this.bindPointer();
    this.bindKeys();
    new ResizeObserver(() => this.resize()).observe(host);
  }

  setData(data: TimelineData): void {
    this.data = data;
    setAttrs(this.slider, { "aria-valuemin": 0, "aria-valuemax": data.endDay - data.startDay });
    this.resize(true);
  }

  setDay(day: number): void {
    this.day = day;
    const x = xOfDay(this.scale, day);
    this.thumb.setAttribute("transform", `translate(${x.toFixed(1)},0)`);
    this.progress.setAttribute("x2", x.toFixed(1));
    const iso = dateOf(day);
    this.thumbLabel.textContent = iso;
    // Keep the date label inside the timeline at both ends.
    const half = 38;
    const shift = Math.max(MARGIN.left + half - x, Math.min(0, this.width - MARGIN.right - half - x));
    this.thumbLabel.setAttribute("x", shift.toFixed(1));
    if (this.data) this.slider.setAttribute("aria-valuenow", String(day - this.data.startDay));
    this.slider.setAttribute("aria-valuetext", iso);
  }

  setCompare(day: number | undefined): void {
    this.compareDay = day;
    if (day === undefined) {
      this.compareMark.setAttribute("visibility", "hidden");
      return;
    }
    this.compareMark.setAttribute("visibility", "visible");
    this.compareMark.setAttribute("transform", `translate(${xOfDay(this.scale, day).toFixed(1)},0)`);
  }

  focus(): void {
    this.slider.focus();
  }

  get element(): HTMLElement {
    return this.slider;
  }

  private resize(force = false): void {
    const width = Math.max(200, Math.round(this.host.clientWidth));
    if (!force && width === this.width) return;
    this.width = width;
    this.svg.setAttribute("width", String(width));
    this.svg.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
    if (!this.data) return;
    const { startDay, endDay } = this.data;
    this.scale = dayScale(startDay, endDay, MARGIN.left, width - MARGIN.right);
    this.track.setAttribute("x1", String(MARGIN.left));
    this.track.setAttribute("x2", String(width - MARGIN.right));
    this.progress.setAttribute("x1", String(MARGIN.left));
    replaceChildren(
      this.axis,
      ...axisTicks(this.scale).map((t) =>
        s(
          "g",
          { transform: `translate(${t.x.toFixed(1)},0)`, class: t.major ? "major" : undefined },
          s("line", { y1: TRACK_Y + 8, y2: TRACK_Y + (t.major ? 16 : 12) }),
          s("text", { y: TRACK_Y + 27, "text-anchor": "middle" }, t.label),
        ),
      ),
    );
    this.density.setAttribute(
      "d",
      densityPath(eventDensity(this.scale, this.data.eventDays, 2), TRACK_Y - 4, 3, 16, 2),
    );
    replaceChildren(
      this.chapterLayer,
      ...chapterMarks(this.scale, this.data.chapters).map((c) =>
        s(
          "g",
          { transform: `translate(${c.x.toFixed(1)},0)` },
          s("title", {}, `${dateOf(c.day)} — ${c.title}`),
          s("path", { d: `M0,${TRACK_Y + 6}V${TRACK_Y - 22}h7l-2,3l2,3h-7` }),
        ),
      ),
    );
    this.setDay(this.day);
    this.setCompare(this.compareDay);
  }

  private dayAt(ev: PointerEvent): number {
    const rect = this.svg.getBoundingClientRect();
    return dayAtX(this.scale, ev.clientX - rect.left);
  }

  private bindPointer(): void {
    const down = (ev: PointerEvent) => {
      if (ev.button !== 0 || !this.data) return;
      ev.preventDefault();
      this.dragging = true;
      this.host.setPointerCapture(ev.pointerId);
      this.host.classList.add("dragging");
      this.slider.focus({ preventScroll: true });
      this.handlers.seek(this.dayAt(ev), true);
    };
    const move = (ev: PointerEvent) => {
      if (!this.dragging) return;
      // Several pointer moves can arrive per frame; the app coalesces redraws.
      this.handlers.seek(this.dayAt(ev), true);
    };
    const up = (ev: PointerEvent) => {
      if (!this.dragging) return;
      this.dragging = false;
      this.host.classList.remove("dragging");
      if (this.host.hasPointerCapture(ev.pointerId)) this.host.releasePointerCapture(ev.pointerId);
      this.handlers.seek(this.dayAt(ev), false);
    };
    this.host.addEventListener("pointerdown", down);
    this.host.addEventListener("pointermove", move);
    this.host.addEventListener("pointerup", up);
    this.host.addEventListener("pointercancel", up);
  }

  private bindKeys(): void {
    this.slider.addEventListener("keydown", (ev) => {
      if (!this.data) return;
      let handled = true;
      switch (ev.key) {
        case "ArrowLeft":
        case "ArrowDown":
          if (ev.shiftKey) this.handlers.step(-1);
          else this.handlers.nudge(-1);
          break;
        case "ArrowRight":
        case "ArrowUp":
          if (ev.shiftKey) this.handlers.step(1);
          else this.handlers.nudge(1);
          break;
        case "PageUp":
          this.handlers.chapter(-1);
          break;
        case "PageDown":
          this.handlers.chapter(1);
          break;
        case "Home":
          this.handlers.seek(this.data.startDay, false);
          break;
        case "End":
          this.handlers.seek(this.data.endDay, false);
          break;
        case " ":
        case "Spacebar":
          this.handlers.toggle();
          break;
        default:
          handled = false;
      }
      if (handled) {
        ev.preventDefault();
        ev.stopPropagation();
      }
    });
  }
}
