// The app's wiring: one loaded scenario (`scenario-state.ts`), the playback machine, the views,
// the address bar (`url-sync.ts`) and the keys (`keys.ts`). Redraws are coalesced to one per
// animation frame however many inputs arrive (pointer moves, ticks, keys). Presenter mode sees
// the app only through `PresenterPort`.

import { createActor, type Actor } from "xstate";
import { dateOf, dayOf } from "../core/dates.js";
import { findUnits } from "../core/query.js";
import type { CompiledEvent, CompiledScenario } from "../core/types.js";
import { gainedLost, km2SettledOpen } from "../geo/control.js";
import type { ScenarioBundle } from "../map/bundle.js";
import { controlFrame, type ControlFrame } from "../map/frame.js";
import { SPEEDS, playbackMachine } from "../playback/playback-machine.js";
import type { AreaSample } from "../render/chart.js";
import { chapterAt } from "../render/timeline.js";
import { ChartPanel } from "./chart-panel.js";
import { ComparePanel } from "./compare-panel.js";
import { byId, h, replaceChildren } from "./dom.js";
import { EventsPanel } from "./events-panel.js";
import { incidentsOn } from "./events-around.js";
import { KeyRouter } from "./keys.js";
import { legend } from "./legend.js";
import { MapView, overlayRects, type MapInsets } from "./map-view.js";
import type { PresenterPort } from "./presenter-port.js";
import {
  moveView,
  ownersAt,
  scenarioState,
  showDay,
  type DayView,
  type ScenarioSource,
  type ScenarioState,
} from "./scenario-state.js";
import { summaryLine } from "./summary.js";
import { TimelineView } from "./timeline-view.js";
import { parseUrlState, type MapView as UrlMapView, type UrlState } from "./url-state.js";
import { UrlSync } from "./url-sync.js";
import { WhyPanel } from "./why-panel.js";
import { isLive } from "../core/event.js";
import { changeDays } from "../core/story.js";

export type { ScenarioSource };

type Loaded = ScenarioState;

export interface LoadOptions {
  /** Open on this day (clamped); default: the URL's, else the scenario's view date. */
  readonly day?: number | undefined;
  readonly view?: UrlMapView | undefined;
  readonly compare?: number | undefined;
  /** An address to restore (date or chapter, compare, view); the options above win over it. */
  readonly url?: UrlState | undefined;
  /** Write a new history entry (a user's choice) rather than replacing the current one. */
  readonly push?: boolean | undefined;
  /** The scenario's state made beforehand from this bundle and source (by `scenarioState`). */
  readonly prepared?: ScenarioState | undefined;
}

const FRAME_MEASURE = "frontfold:frame";

export class App implements PresenterPort {
  readonly actor: Actor<typeof playbackMachine>;
  readonly keys = new KeyRouter();
  private readonly url = new UrlSync(() => this.urlState());
  private loaded: Loaded | undefined;
  private readonly map: MapView;
  private readonly timeline: TimelineView;
  private readonly events: EventsPanel;
  private readonly why: WhyPanel;
  private readonly compare: ComparePanel;
  private readonly chart: ChartPanel;
  private readonly playButton = byId<HTMLButtonElement>("play");
  private readonly speedSelect = byId<HTMLSelectElement>("speed");
  private readonly loopBox = byId<HTMLInputElement>("loop");
  private readonly dateReadout = byId("map-date");
  private readonly chapterTitle = byId("chapter-title");
  private readonly summary = byId("summary");
  private compareDay: number | undefined;
  /** Who held each face on the compared day. */
  private compareOwners: Uint8Array | undefined;
  private framePending = false;
  private drawnDay = NaN;
  private drawnCompare: number | undefined = undefined;
  private summaryTimer: ReturnType<typeof setTimeout> | undefined;
  private samplesJob = 0;
  private selectedFace = -1;
  /** A unit chosen by name (the finder) or by its dot or label, shown instead of a face's decider. */
  private selectedUnit = -1;
  private whyKey = "";
  private chapterParam: string | undefined;
  private presenting = false;
  private readonly loadListeners: ((scenario: CompiledScenario) => void)[] = [];
  /** Room the presenter's overlays need on the map (presenter mode only). */
  presenterInsets: ((width: number, height: number) => MapInsets) | undefined;

  constructor() {
    this.actor = createActor(playbackMachine, { input: { startDay: 0, endDay: 0, eventDays: [] } });
    this.map = new MapView(byId("map"), {
      pick: (face) => this.pick(face),
      place: (unit) => this.pickPlace(unit),
      viewChanged: () => this.scheduleUrl(),
      insets: (width, height) => {
        if (this.presenting && this.presenterInsets) return this.presenterInsets(width, height);
        // The theatre goes where the title, the key and the buttons leave the ground uncovered.
        const over = [".map-heading", "#legend", ".zoom-buttons"].map((q) => document.querySelector(q));
        return { left: 8, top: 8, right: 8, bottom: 8, obstacles: overlayRects(byId("map"), over, 6) };
      },
    });
    // The title or the key changed size (folded, a compare note): fit the map to the new room.
    const overlays = new ResizeObserver(() => {
      if (!this.presenting) this.map.refit();
    });
    for (const q of [".map-heading", "#legend"]) {
      const el = document.querySelector(q);
      if (el) overlays.observe(el);
    }
    this.timeline = new TimelineView(byId("timeline"), {
      seek: (day, live) => {
        this.actor.send({ type: "SEEK", day });
        if (!live) this.commitUrl();
      },
      nudge: (days) => this.actor.send({ type: "NUDGE", days }),
      step: (direction) => {
        this.actor.send({ type: "STEP", direction });
        this.commitUrl();
      },
      chapter: (direction) => this.gotoChapter(direction),
      toggle: () => this.toggle(),
    });
    this.events = new EventsPanel(byId("events"), (e) => this.jumpTo(e));
    this.why = new WhyPanel(byId("why"), (e) => this.jumpTo(e));
    this.why.clear();
    // The keyboard way to "why is this ground this colour?": find a place by name.
    const finder = byId<HTMLInputElement>("why-find");
    const find = (): void => {
      const name = finder.value.trim();
      if (name && !this.findUnit(name)) this.why.clear(`No place or area called “${name}” in this scenario.`);
    };
    byId("why-find-form").addEventListener("submit", (e) => {
      e.preventDefault();
      find();
    });
    finder.addEventListener("change", find);
    this.compare = new ComparePanel(byId("compare"), {
      change: (day) => {
        this.setCompare(day);
        this.commitUrl();
      },
      current: () => this.day,
    });
    this.chart = new ChartPanel(byId("chart"), (day) => {
      this.actor.send({ type: "SEEK", day });
      this.commitUrl();
    });
    this.bindControls();
    let shownControls = "";
    this.actor.subscribe((snap) => {
      const playing = snap.matches("playing");
      // The buttons only when they change (a new date alone touches no control).
      const controls = `${playing}:${snap.context.speedIndex}:${snap.context.loop}`;
      if (controls !== shownControls) {
        shownControls = controls;
        this.playButton.setAttribute("aria-pressed", String(playing));
        const label = this.playButton.querySelector(".label");
        if (label) label.textContent = playing ? "Pause" : "Play";
        this.playButton.classList.toggle("playing", playing);
        this.speedSelect.value = String(snap.context.speedIndex);
        this.loopBox.checked = snap.context.loop;
      }
      // The slider (and what it announces) follows at once; the map on the next frame.
      if (this.loaded) this.timeline.setDay(snap.context.day);
      if (snap.context.day !== this.drawnDay) this.requestFrame();
    });
    this.actor.start();
    window.addEventListener("popstate", () => void this.applyUrl(parseUrlState(location.search).state));
  }

  get scenario(): CompiledScenario | undefined {
    return this.loaded?.scenario;
  }

  get source(): ScenarioSource | undefined {
    return this.loaded?.source;
  }

  get day(): number {
    return this.actor.getSnapshot().context.day;
  }

  /** Shows a scenario. The previous one is replaced only once this one is ready. */
  load(bundle: ScenarioBundle, source: ScenarioSource, options: LoadOptions = {}): void {
    const loaded = options.prepared ?? scenarioState(bundle, source);
    const { scenario, startDay, endDay } = loaded;
    const chs = loaded.chapters;
    this.loaded = loaded;
    const url = options.url ?? {};
    const day =
      options.day ?? this.dayFromUrl(url) ?? (scenario.view.date ? dayOf(scenario.view.date) : startDay);
    const compare = options.compare ?? (url.compare ? dayOf(url.compare) : undefined);
    this.chapterParam = url.chapter && !url.date ? url.chapter : undefined;
    this.selectedFace = -1;
    this.selectedUnit = -1;
    this.whyKey = "";
    this.why.clear();
    replaceChildren(
      byId("why-places"),
      ...[...new Set(scenario.units.filter((u) => !u.boundary).map((u) => u.name))]
        .sort((a, b) => a.localeCompare(b))
        .map((name) => h("option", { value: name })),
    );
    const openCountry = loaded.geometry.bundle.partition.faces.open.some((o) => o === 1);
    // The key and title first: the map is fitted into the room they leave.
    replaceChildren(
      byId("legend"),
      legend(scenario, openCountry, () => this.map.refit()),
    );
    byId("scenario-title").textContent = scenario.title;
    byId("scenario-description").textContent = scenario.description;
    this.map.setScenario(scenario, loaded.geometry, options.view ?? url.view);
    this.timeline.setData({
      startDay,
      endDay,
      eventDays: scenario.log.filter(isLive).map((e) => e.day),
      chapters: chs.map((c) => ({ id: c.id, day: c.day, title: c.title })),
    });
    this.events.setScenario(scenario);
    this.compare.setScenario(scenario, openCountry);
    this.compareDay = undefined;
    this.compareOwners = undefined;
    this.drawnDay = NaN;
    this.actor.send({
      type: "LOAD",
      input: {
        startDay,
        endDay,
        eventDays: changeDays(scenario.log),
        chapterDays: loaded.chapterDays,
        day,
        speedIndex: this.actor.getSnapshot().context.speedIndex,
        loop: this.actor.getSnapshot().context.loop,
      },
    });
    if (compare !== undefined) this.setCompare(compare);
    this.computeSamples(loaded);
    this.requestFrame();
    if (options.push) this.commitUrl();
    else this.url.write(false);
    for (const listener of this.loadListeners) listener(scenario);
  }

  /** Called after every scenario load (the presenter restarts on the new scenario). */
  onLoad(listener: (scenario: CompiledScenario) => void): void {
    this.loadListeners.push(listener);
  }

  // ---- presenter mode

  get isPresenting(): boolean {
    return this.presenting;
  }

  /**
   * Presenter mode on or off: the page becomes the map alone (the stylesheet hides the rest),
   * map text is drawn `textScale` times larger, playback pauses and comparison ends.
   */
  setPresenting(on: boolean, textScale = 1): void {
    this.presenting = on;
    document.body.classList.toggle("presenting", on);
    if (on) {
      this.actor.send({ type: "PAUSE" });
      if (this.compareDay !== undefined) this.setCompare(undefined);
    } else {
      this.map.setHighlight(undefined);
    }
    this.keys.setMode(on ? "present" : "explore");
    this.map.setTextScale(on ? textScale : 1);
    this.url.write(false);
  }

  /** The map's room or text size changed (a panel shown or hidden, the window resized). */
  refitMap(textScale?: number): void {
    if (textScale !== undefined) this.map.setTextScale(textScale);
    else this.map.refit();
  }

  /** Shows `day` (the presenter drives the date); `chapter` goes into the address. */
  showDay(day: number, chapter?: string): void {
    const chapterChanged = chapter !== this.chapterParam;
    this.chapterParam = chapter;
    if (day !== this.day) this.actor.send({ type: "SEEK", day });
    else if (chapterChanged) this.scheduleUrl();
  }

  /**
   * Marks the ground whose holder differs between two days (`undefined`: clears the mark).
   * Returns how many faces changed.
   */
  highlightChange(
    change: { fromDay: number; toDay: number } | undefined,
    pulse: boolean,
    ms: number,
  ): number {
    const loaded = this.loaded;
    if (!loaded || !change) {
      this.map.setHighlight(undefined);
      return 0;
    }
    const n = loaded.geometry.faceCount;
    const before = ownersAt(loaded, change.fromDay, loaded.changeState);
    const after = ownersAt(loaded, change.toDay, loaded.changeState);
    const { faces } = gainedLost(loaded.bundle.partition, before, after);
    if (faces.length === 0) {
      this.map.setHighlight(undefined);
      return 0;
    }
    const flags = new Uint8Array(n);
    for (const f of faces) flags[f] = 1;
    this.map.setHighlight(flags, pulse, ms);
    return faces.length;
  }

  /** Reloads the scenario on screen with a new bundle (hot reload), keeping date, view and compare. */
  reload(bundle: ScenarioBundle): void {
    const current = this.loaded;
    if (!current) return;
    this.load(bundle, current.source, { day: this.day, view: this.map.view(), compare: this.compareDay });
  }

  /** Applies a parsed address (initial load and back/forward). Scenario changes go through `loadShipped`. */
  async applyUrl(
    state: UrlState,
    loadShipped?: (id: string, state: UrlState) => Promise<void>,
  ): Promise<void> {
    const current = this.loaded;
    if (
      state.scenario &&
      (!current || current.source.kind !== "shipped" || current.source.id !== state.scenario)
    ) {
      if (loadShipped) await loadShipped(state.scenario, state);
      else window.dispatchEvent(new CustomEvent("frontfold:navigate-scenario", { detail: state }));
      return;
    }
    if (!this.loaded) return;
    const day = this.dayFromUrl(state);
    if (day !== undefined) this.actor.send({ type: "SEEK", day });
    this.setCompare(state.compare ? dayOf(state.compare) : undefined);
    if (state.view) this.map.setView(state.view);
  }

  /** The day a parsed address asks for: its date, else its chapter's, else none. */
  dayFromUrl(state: UrlState): number | undefined {
    if (state.date) return dayOf(state.date);
    if (state.chapter) return this.loaded?.chapters.find((c) => c.id === state.chapter)?.day;
    return undefined;
  }

  toggle(): void {
    this.actor.send({ type: "TOGGLE" });
    if (!this.actor.getSnapshot().matches("playing")) this.commitUrl();
  }

  private gotoChapter(direction: 1 | -1): void {
    this.actor.send({ type: "CHAPTER", direction });
    const loaded = this.loaded;
    const ch = loaded?.chapters.find((c) => c.day === this.day);
    this.chapterParam = ch?.id;
    this.commitUrl();
  }

  private jumpTo(e: CompiledEvent): void {
    this.actor.send({ type: "SEEK", day: e.day });
    this.commitUrl();
  }

  private setCompare(day: number | undefined): void {
    const loaded = this.loaded;
    if (!loaded) return;
    this.compareDay = day === undefined ? undefined : Math.max(loaded.startDay, Math.min(loaded.endDay, day));
    this.compare.set(this.compareDay);
    this.timeline.setCompare(this.compareDay);
    const note = byId("compare-note");
    note.hidden = this.compareDay === undefined;
    note.textContent =
      this.compareDay === undefined
        ? ""
        : `Outlined in blue: ground held by someone else on ${dateOf(this.compareDay)}`;
    this.compareOwners =
      this.compareDay === undefined ? undefined : ownersAt(loaded, this.compareDay, loaded.compareState);
    this.map.setCompare(this.compareOwners);
    this.drawnCompare = -1;
    this.requestFrame();
  }

  /** Shows why `name` (a place or area, by id, name or alias) is held as it is; false if unknown. */
  findUnit(name: string): boolean {
    const loaded = this.loaded;
    if (!loaded) return false;
    const unit = findUnits(loaded.scenario, name).find((u) => !loaded.scenario.units[u]?.boundary);
    if (unit === undefined) return false;
    this.explainUnit(loaded, unit);
    return true;
  }

  private explainUnit(loaded: Loaded, unit: number): void {
    this.selectedFace = -1;
    this.selectedUnit = unit;
    this.whyKey = "";
    this.updateWhy(loaded);
  }

  /** A place's dot or label was clicked: that place is explained, whatever decides its ground. */
  private pickPlace(unit: number): void {
    const loaded = this.loaded;
    if (!loaded) return;
    this.explainUnit(loaded, unit);
    byId("why-section").scrollIntoView({ block: "nearest" });
  }

  private pick(face: number): void {
    const loaded = this.loaded;
    if (!loaded) return;
    this.selectedFace = face;
    this.selectedUnit = -1;
    this.whyKey = "";
    this.updateWhy(loaded);
    byId("why-section").scrollIntoView({ block: "nearest" });
  }

  private updateWhy(loaded: Loaded): void {
    if (this.selectedFace < 0 && this.selectedUnit < 0) return;
    const unit =
      this.selectedUnit >= 0 ? this.selectedUnit : (loaded.frame?.deciders[this.selectedFace] ?? -1);
    const units = this.selectedUnit >= 0 ? [this.selectedUnit] : loaded.geometry.faceUnits(this.selectedFace);
    const shownUnit = unit >= 0 ? unit : (units[0] ?? -1);
    if (shownUnit < 0) {
      this.map.selectUnit(-1);
      this.why.clear("No place or area covers this ground.");
      return;
    }
    const st = loaded.state;
    const key = `${shownUnit}:${st.cause[shownUnit]}:${st.status[shownUnit]}:${st.applied}`;
    if (key === this.whyKey) return;
    this.whyKey = key;
    this.map.selectUnit(shownUnit);
    this.why.show(
      loaded.scenario,
      st,
      shownUnit,
      units.filter((u) => u !== shownUnit),
    );
  }

  private requestFrame(): void {
    if (this.framePending) return;
    this.framePending = true;
    requestAnimationFrame(() => this.frame());
  }

  private frame(): void {
    this.framePending = false;
    const loaded = this.loaded;
    if (!loaded) return;
    const t0 = performance.now();
    const day = this.day;
    const dayChanged = day !== this.drawnDay || this.drawnCompare !== this.compareDay;
    this.drawnDay = day;
    this.drawnCompare = this.compareDay;
    if (!dayChanged) return;
    const { frame, changed } = showDay(loaded, day);
    this.map.render(frame);
    this.map.setPlaceStatus(loaded.state.status, changed);
    this.map.setIncidents(incidentsOn(loaded.scenario.log, day), day);
    this.chart.setDay(day);
    this.events.update(day);
    const iso = dateOf(day);
    this.dateReadout.textContent = iso;
    const ch = loaded.chapters[chapterAt(loaded.chapterDays, day)];
    const title = ch ? ch.title : "";
    if (this.chapterTitle.textContent !== title) this.chapterTitle.textContent = title;
    if (this.chapterParam && ch?.id !== this.chapterParam) this.chapterParam = undefined;
    if (this.compareDay !== undefined) this.updateCompareTable(loaded, day);
    this.updateWhy(loaded);
    this.scheduleSummary(loaded, iso);
    this.scheduleUrl();
    performance.measure(FRAME_MEASURE, { start: t0, end: performance.now() });
    if (performance.getEntriesByName(FRAME_MEASURE).length > 2000) performance.clearMeasures(FRAME_MEASURE);
  }

  private updateCompareTable(loaded: Loaded, day: number): void {
    const cmp = this.compareDay;
    const then = this.compareOwners;
    if (cmp === undefined || !then) return;
    const now = loaded.frame?.owners;
    if (!now) return;
    const [a, b] = cmp <= day ? [then, now] : [now, then];
    this.compare.showChanges(day, gainedLost(loaded.bundle.partition, a, b).pairs);
  }

  private scheduleSummary(loaded: Loaded, iso: string): void {
    if (this.summaryTimer !== undefined) clearTimeout(this.summaryTimer);
    // Screen readers hear the state once the slider settles, not every frame of a drag.
    this.summaryTimer = setTimeout(() => {
      const km2 = loaded.frame?.km2 ?? [];
      const line = summaryLine(
        iso,
        loaded.scenario.factions,
        Array.from(km2),
        loaded.geometry.totalKm2,
        loaded.theatreName,
      );
      this.summary.textContent = line;
      document.title = `${line} · ${loaded.scenario.title} · frontfold`;
    }, 250);
  }

  /** Area per faction at every change, for the chart; computed in slices so the page stays responsive. */
  private computeSamples(loaded: Loaded): void {
    const job = ++this.samplesJob;
    const days = [
      loaded.startDay,
      ...changeDays(loaded.scenario.log).filter((d) => d > loaded.startDay && d <= loaded.endDay),
    ];
    const samples: AreaSample[] = [];
    // Change day after change day: each frame made from the previous one and what changed.
    const view: DayView<ControlFrame> = { state: loaded.history.blank(), frame: undefined };
    let i = 0;
    const slice = () => {
      if (job !== this.samplesJob) return;
      const until = performance.now() + 12;
      while (i < days.length && performance.now() < until) {
        const day = days[i++] as number;
        moveView(loaded.history, view, day, (state, reuse, changed) =>
          controlFrame(loaded.bundle, state, reuse, changed),
        );
        const frame = view.frame as ControlFrame;
        const { open } = km2SettledOpen(loaded.bundle.partition, frame.owners, frame.km2.length - 1);
        samples.push({ day, km2: Array.from(frame.km2), open: Array.from(open) });
      }
      if (i < days.length) setTimeout(slice, 0);
      else this.chart.setData(loaded.scenario, samples);
    };
    slice();
  }

  // ---- address bar

  urlState(): UrlState | undefined {
    const loaded = this.loaded;
    if (!loaded) return undefined;
    return {
      scenario: loaded.source.kind === "shipped" ? loaded.source.id : undefined,
      date: dateOf(this.day),
      compare: this.compareDay !== undefined ? dateOf(this.compareDay) : undefined,
      chapter: this.chapterParam,
      view: this.map.view(),
      present: this.presenting || undefined,
    };
  }

  private scheduleUrl(): void {
    this.url.schedule();
  }

  /** A new history entry for a deliberate move (drag end, click, step, chapter, compare). */
  commitUrl(): void {
    this.url.commit();
  }

  // ---- controls

  private bindControls(): void {
    this.playButton.addEventListener("click", () => this.toggle());
    byId("prev-event").addEventListener("click", () => {
      this.actor.send({ type: "STEP", direction: -1 });
      this.commitUrl();
    });
    byId("next-event").addEventListener("click", () => {
      this.actor.send({ type: "STEP", direction: 1 });
      this.commitUrl();
    });
    replaceChildren(this.speedSelect, ...SPEEDS.map((sp, i) => h("option", { value: i }, sp.label)));
    this.speedSelect.addEventListener("change", () =>
      this.actor.send({ type: "SPEED", index: Number(this.speedSelect.value) }),
    );
    this.loopBox.addEventListener("change", () =>
      this.actor.send({ type: "LOOP", loop: this.loopBox.checked }),
    );
    byId("zoom-in").addEventListener("click", () => this.map.zoomStep(1));
    byId("zoom-out").addEventListener("click", () => this.map.zoomStep(-1));
    byId("zoom-reset").addEventListener("click", () => this.map.resetZoom());
    this.keys.on("explore", (ev) => this.onKey(ev));
  }

  /** The keys while exploring (the slider's own keys come first, see `KeyRouter`). */
  private onKey(ev: KeyboardEvent): boolean {
    const tag = (ev.target as HTMLElement | null)?.tagName;
    const onButton = tag === "BUTTON" || tag === "A" || tag === "SUMMARY";
    switch (ev.key) {
      case " ":
      case "Spacebar":
        if (onButton) return false; // the button's own click
        this.toggle();
        return true;
      case "PageUp":
        this.gotoChapter(-1);
        return true;
      case "PageDown":
        this.gotoChapter(1);
        return true;
      case "ArrowLeft":
        this.actor.send(ev.shiftKey ? { type: "STEP", direction: -1 } : { type: "NUDGE", days: -1 });
        return true;
      case "ArrowRight":
        this.actor.send(ev.shiftKey ? { type: "STEP", direction: 1 } : { type: "NUDGE", days: 1 });
        return true;
      case "+":
      case "=":
        this.map.zoomStep(1);
        return true;
      case "-":
      case "_":
        this.map.zoomStep(-1);
        return true;
      case "0":
        this.map.resetZoom();
        return true;
      case "Home":
        if (this.loaded) this.actor.send({ type: "SEEK", day: this.loaded.startDay });
        return true;
      case "End":
        if (this.loaded) this.actor.send({ type: "SEEK", day: this.loaded.endDay });
        return true;
      default:
        return false;
    }
  }
}
