// Presenter mode: the page becomes the map alone, with type sized for the back of a room, a
// narration panel that can be hidden, and the presenter machine driving the date. Keys follow
// presentation clickers and PowerPoint (→/PageDown next, ←/PageUp back, b blank, Escape leave),
// plus f full screen, h hide the text, n notes window, a autoplay, p predict, e every change.
// A notes window (same page, `?notes=1`) follows over a BroadcastChannel and drives it back.

import { longDate } from "../core/dates.js";
import { createActor, type Actor } from "xstate";
import { dateOf, dayOf } from "../core/dates.js";
import type { CompiledScenario } from "../core/types.js";
import {
  presenterKey,
  presenterMachine,
  presenterView,
  type PresenterEvent,
  type PresenterStop,
  type PresenterView,
} from "../playback/presenter-machine.js";
import { byId, h, replaceChildren } from "./dom.js";
import type { MapInsets } from "./map-view.js";
import type { PresenterPort } from "./presenter-port.js";
import {
  isGuessing,
  notesState,
  progressOf,
  stopCard,
  type NotesState,
  type StopCard,
} from "./presenter-content.js";
import {
  PairedChannel,
  pairingSecret,
  SECRET,
  windowId,
  type PresenterCommand,
  type PresenterMessage,
} from "./presenter-protocol.js";
import { notesUrl, type PresenterOptions } from "./presenter-url.js";
import { storyStops } from "../core/story.js";

/** How long changed ground stays marked after the map arrives, ms. */
const HIGHLIGHT_MS = 3000;

/**
 * The presenter's keys: what they are, a short line for the help card, and the README's line
 * (a test checks the README's table against this list).
 */
export const PRESENTER_KEYS: readonly (readonly [keys: string, card: string, readme: string])[] = [
  [
    "→ PageDown Space",
    "next chapter (or reveal, in predict mode)",
    "next chapter: the map moves through the days to the chapter's date, then outlines (and briefly flashes) the ground that changed hands",
  ],
  ["← PageUp", "previous chapter", "previous chapter"],
  ["b (or .)", "blank the screen (again: back)", 'blank the screen; again, or "next", brings it back'],
  ["f", "full screen", "full screen (F11 if the browser refuses)"],
  ["h", "hide or show the text panel", "hide or show the text panel (a bigger map)"],
  [
    "p",
    "predict mode: stop before what comes next",
    'predict mode: "next" stops the day before the next chapter with what comes next hidden; "next" again (or Enter) reveals it',
  ],
  ["a", "autoplay (kiosk), looping", "autoplay: chapters advance on a timer and loop (kiosk)"],
  [
    "e",
    "stop at every change, not only chapters",
    "stop at every change, not only at chapters (with p: stop before each change)",
  ],
  ["n", "presenter's notes in a second window", "presenter's notes in a second window"],
  ["Home End", "title card, last chapter", "title card, last chapter"],
  ["?", "this list of keys", "the list of keys"],
  ["Esc", "leave presenter mode", "leave presenter mode"],
];

/**
 * A size unit for the room: 1 % of the screen's height, limited by its width on narrow screens.
 * The stylesheet's `--u` is the same formula.
 */
export function roomUnit(width: number, height: number): number {
  return width / height <= 1.5
    ? Math.min(height, width * 0.75) / 100
    : Math.min(height, width * 0.5625) / 100;
}

/** Map text scale for a screen: place names at about 2.1 % of its height. */
export function mapTextScale(width: number, height: number): number {
  return Math.max(1, Math.round(((2.1 * roomUnit(width, height)) / 12.5) * 100) / 100);
}

export class Presenter {
  private actor: Actor<typeof presenterMachine> | undefined;
  private scenario: CompiledScenario | undefined;
  private stops: PresenterStop[] = [];
  private wanted = false;
  private everyChange: boolean;
  private panelHidden = false;
  private panelKey = "";
  private highlightKey = "";
  private lastSentKey = "";
  private lastSentDay = NaN;
  private lastSentAt = 0;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private pointerTimer: ReturnType<typeof setTimeout> | undefined;
  /** Kept across a reload of this tab (a clicker's F5), so an open notes window stays connected. */
  private readonly id = tabId();
  private readonly channel: PairedChannel;
  private readonly overlay = byId("presenter");
  private readonly panel = byId("presenter-panel");
  private readonly kicker = byId("presenter-kicker");
  private readonly title = byId("presenter-title");
  private readonly narration = byId("presenter-narration");
  private readonly changesTitle = byId("presenter-changes-title");
  private readonly changes = byId("presenter-changes");
  private readonly progressFill = byId("presenter-progress-fill");
  private readonly progressTicks = byId("presenter-progress-ticks");
  private readonly blank = byId("presenter-blank");
  private readonly help = byId("presenter-help");
  private readonly toastEl = byId("presenter-toast");
  private readonly changeNote = byId("change-note");
  private readonly reducedMotion =
    typeof matchMedia === "function" ? matchMedia("(prefers-reduced-motion: reduce)") : undefined;

  constructor(
    private readonly app: PresenterPort,
    private readonly options: PresenterOptions,
  ) {
    this.everyChange = options.everyChange;
    app.presenterInsets = (w, hgt) => this.insets(w, hgt);
    app.onLoad((scenario) => {
      if (this.actor) this.restart(scenario, this.app.day);
      else if (this.wanted) this.start();
      else this.scenario = scenario;
    });
    // The page's key router gives the presenter every key while presenting.
    app.keys.on("present", (ev) => this.onKey(ev));
    window.addEventListener("resize", () => {
      if (!this.actor) return;
      this.fitPanel();
      this.app.refitMap(this.textScale());
    });
    // The on-screen controls show while a mouse moves or a finger taps, and fade otherwise.
    for (const type of ["pointermove", "pointerdown"])
      window.addEventListener(type, () => {
        if (this.actor) this.pointerActive();
      });
    this.bindControls();
    replaceChildren(
      this.help,
      h("h2", {}, "Presenter keys"),
      h("dl", {}, ...PRESENTER_KEYS.flatMap(([k, card]) => [h("dt", {}, k), h("dd", {}, card)])),
      h("p", { class: "presenter-help-close" }, "Press ? or Esc to close"),
    );
    // Paired again after a reload of this tab, with the secret it made when presenting started.
    this.channel = new PairedChannel(keptSecret(), (msg) => this.onMessage(msg));
    window.addEventListener("pagehide", () => this.post({ kind: "bye", from: this.id }));
  }

  get active(): boolean {
    return this.actor !== undefined;
  }

  /** Enters presenter mode on the scenario shown (as soon as one is loaded). */
  start(): void {
    if (this.actor) return;
    const scenario = this.app.scenario;
    if (!scenario) {
      this.wanted = true;
      return;
    }
    this.wanted = false;
    this.pairingSecret();
    (document.activeElement as HTMLElement | null)?.blur?.();
    this.overlay.hidden = false;
    this.panelHidden = false;
    this.panel.hidden = false;
    this.app.setPresenting(true, this.textScale());
    this.restart(scenario, this.app.day, {
      autoplay: this.options.autoplay,
      predict: this.options.predict,
    });
    this.app.refitMap(this.textScale());
    this.toast("Presenting: → next · ← back · ? keys · Esc leave", 4000);
  }

  /** Leaves presenter mode; the map stays on the date shown. */
  stop(): void {
    const actor = this.actor;
    if (!actor) return;
    this.actor = undefined;
    this.wanted = false;
    actor.stop();
    this.overlay.hidden = true;
    this.blank.hidden = true;
    this.help.hidden = true;
    this.changeNote.hidden = true;
    this.highlightKey = "";
    this.panelKey = "";
    if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
    this.app.setPresenting(false);
    this.broadcast(true);
  }

  /** Sends a presenter event (from a key, a button or the notes window). */
  send(event: PresenterEvent): void {
    const actor = this.actor;
    if (!actor) return;
    const before = presenterView(actor.getSnapshot());
    actor.send(event);
    const after = this.actor ? presenterView(this.actor.getSnapshot()) : undefined;
    if (!after) return;
    if (event.type === "AUTOPLAY" && after.autoplay !== before.autoplay)
      this.toast(after.autoplay ? "Autoplay on (a to stop)" : "Autoplay off");
    if (event.type === "PREDICT" && after.predict !== before.predict)
      this.toast(after.predict ? "Predict mode: → stops before what comes next" : "Predict mode off");
  }

  /** Opens the presenter's notes window and starts presenting here. */
  openNotes(): void {
    const w = window.open(
      notesUrl(location.href, this.id, this.pairingSecret()),
      `frontfold-notes-${this.id}`,
      "popup,width=980,height=720",
    );
    this.start();
    if (!w) this.toast("The browser blocked the notes window: allow pop-ups for this page", 5000);
  }

  /** The secret that pairs this window with its notes window: made when presenting first starts
   * (or the notes window is opened), kept for this tab. */
  private pairingSecret(): string {
    const kept = keptSecret();
    if (kept && this.channel.paired) return kept;
    const secret = kept ?? pairingSecret();
    try {
      sessionStorage.setItem(SECRET_KEY, secret);
    } catch {
      // storage refused: paired until this tab reloads
    }
    this.channel.pair(secret);
    return secret;
  }

  // ---- machine

  private restart(
    scenario: CompiledScenario,
    day: number,
    keep?: { autoplay: boolean; predict: boolean; blank?: boolean },
  ): void {
    const previous = this.actor ? presenterView(this.actor.getSnapshot()) : undefined;
    this.actor?.stop();
    this.scenario = scenario;
    this.stops = storyStops(scenario.log, { events: this.everyChange });
    this.panelKey = "";
    this.highlightKey = "";
    const actor = createActor(presenterMachine, {
      input: {
        stops: this.stops,
        startDay: dayOf(scenario.start),
        day,
        autoplay: keep?.autoplay ?? previous?.autoplay ?? false,
        predict: keep?.predict ?? previous?.predict ?? false,
        seconds: this.options.seconds,
        loop: this.options.loop,
        highlightMs: HIGHLIGHT_MS,
        motion: !this.reducedMotion?.matches,
      },
    });
    this.actor = actor;
    actor.subscribe(() => {
      if (this.actor === actor) this.update(actor);
    });
    actor.start();
    if (previous?.blank) actor.send({ type: "BLANK" });
    this.update(actor);
  }

  private update(actor: Actor<typeof presenterMachine>): void {
    const scenario = this.scenario;
    if (!scenario) return;
    const view = presenterView(actor.getSnapshot());
    if (view.phase === "left") {
      queueMicrotask(() => this.stop());
      return;
    }
    const resting = view.phase === "resting" || view.phase === "highlight";
    this.app.showDay(view.day, resting && view.stop?.kind === "chapter" ? view.stop.id : undefined);
    this.blank.hidden = !view.blank;
    this.overlay.classList.toggle("autoplay", view.autoplay);
    this.overlay.classList.toggle("predict", view.predict);
    this.renderPanel(scenario, view);
    this.progressFill.style.width = `${(progressOf(scenario, view.day) * 100).toFixed(2)}%`;
    this.renderHighlight(view);
    this.broadcast(false, view);
  }

  private renderPanel(scenario: CompiledScenario, view: PresenterView): void {
    const guessing = isGuessing(view);
    const key = `${scenario.id}|${this.stops.length}|${view.index}|${guessing}|${view.hiddenFromDay}`;
    if (key === this.panelKey) return;
    this.panelKey = key;
    this.panel.classList.toggle("guessing", guessing);
    if (guessing && view.next && view.hiddenFromDay !== undefined) {
      const nextIndex = this.stops.indexOf(view.next);
      // What the map went through on its way to the guess (all of it is on the map already).
      const sofar = stopCard(scenario, this.stops, nextIndex, {
        hiddenFromDay: view.hiddenFromDay,
        maxChanges: 3,
      });
      this.kicker.textContent = "Predict";
      this.title.textContent = "What happens next?";
      this.narration.textContent = `The map stands on ${longDate(dateOf(view.hiddenFromDay - 1))}. What will it look like on ${longDate(dateOf(view.hiddenFromDay))}? Press → to reveal.`;
      this.renderChanges(sofar, "Since the last stop");
    } else {
      const card = stopCard(scenario, this.stops, view.index, {
        hiddenFromDay: view.hiddenFromDay,
        maxChanges: 3,
      });
      this.kicker.textContent =
        card.kind === "title" ? longDate(card.date) : `${card.kicker} · ${longDate(card.date)}`;
      this.title.textContent = card.title;
      this.narration.textContent = card.narration;
      this.renderChanges(card, card.kind === "event" ? "That day" : "On the way here");
    }
    this.drawTicks(scenario);
    this.fitPanel();
    if (this.actor) this.app.refitMap();
  }

  /**
   * Keeps the panel's text on screen without scrolling (nobody scrolls a projector): first the
   * list of changes goes, then the narration steps down a size or two.
   */
  private fitPanel(): void {
    const steps = ["", "no-changes", "no-changes compact", "no-changes compacter"];
    for (const step of steps) {
      this.panel.classList.remove("no-changes", "compact", "compacter");
      for (const c of step.split(" ").filter((x) => x !== "")) this.panel.classList.add(c);
      if (this.panel.hidden || this.panel.scrollHeight <= this.panel.clientHeight + 1) return;
    }
  }

  private renderChanges(card: StopCard, heading: string): void {
    const shown = card.kind === "event" ? [] : card.changes;
    this.changesTitle.hidden = shown.length === 0;
    this.changesTitle.textContent =
      card.moreChanges > 0
        ? `${heading} (latest ${shown.length} of ${shown.length + card.moreChanges})`
        : heading;
    replaceChildren(
      this.changes,
      ...shown.map((c) =>
        h(
          "li",
          { "data-date": c.date },
          h("time", { datetime: c.date }, c.date),
          " ",
          h("span", { class: "presenter-change-title" }, c.title),
        ),
      ),
    );
  }

  private drawTicks(scenario: CompiledScenario): void {
    replaceChildren(
      this.progressTicks,
      ...this.stops
        .filter((s) => s.kind === "chapter")
        .map((s) => h("span", { style: `left:${(progressOf(scenario, s.day) * 100).toFixed(2)}%` })),
    );
  }

  private renderHighlight(view: PresenterView): void {
    const c = view.changed;
    const key = c ? `${c.fromDay}:${c.toDay}` : "";
    if (key === this.highlightKey) return;
    this.highlightKey = key;
    const n = this.app.highlightChange(c, !this.reducedMotion?.matches, HIGHLIGHT_MS);
    this.changeNote.hidden = n === 0 || !c;
    if (c && n > 0)
      this.changeNote.textContent = `Outlined: changed hands since ${longDate(dateOf(c.fromDay))}`;
  }

  // ---- keys and controls

  private onKey(ev: KeyboardEvent): boolean {
    if (!this.actor) return false;
    const target = ev.target as HTMLElement | null;
    // A focused on-screen control keeps Enter and Space for itself.
    if (target?.tagName === "BUTTON" && (ev.key === "Enter" || ev.key === " ")) return false;
    switch (ev.key) {
      case "F5":
        // Clickers' "start presentation" button: we are presenting already (no reload).
        return true;
      case "f":
      case "F":
        this.toggleFullscreen();
        return true;
      case "h":
      case "H":
        this.togglePanel();
        return true;
      case "n":
      case "N":
        this.openNotes();
        return true;
      case "e":
      case "E":
        this.toggleEveryChange();
        return true;
      case "?":
        this.help.hidden = !this.help.hidden;
        return true;
      default: {
        const event = presenterKey(ev.key);
        if (!event) return false;
        if (event.type === "EXIT" && !this.help.hidden) this.help.hidden = true;
        else this.send(event);
        return true;
      }
    }
  }

  private bindControls(): void {
    byId("presenter-prev").addEventListener("click", () => this.send({ type: "PREVIOUS" }));
    byId("presenter-next").addEventListener("click", () => this.send({ type: "NEXT" }));
    byId("presenter-notes").addEventListener("click", () => this.openNotes());
    byId("presenter-fullscreen").addEventListener("click", () => this.toggleFullscreen());
    byId("presenter-keys").addEventListener("click", () => {
      this.help.hidden = !this.help.hidden;
    });
    byId("presenter-exit").addEventListener("click", () => this.stop());
  }

  private toggleFullscreen(): void {
    try {
      if (document.fullscreenElement) {
        void document.exitFullscreen().catch(() => undefined);
        return;
      }
      const request = document.documentElement.requestFullscreen?.();
      if (!request) {
        this.toast("Full screen is not available here (try F11)");
        return;
      }
      // Refused (no user gesture, a frame without permission): say so, quietly.
      request.catch(() => this.toast("Full screen is not available here (try F11)"));
    } catch {
      this.toast("Full screen is not available here (try F11)");
    }
  }

  private togglePanel(): void {
    this.panelHidden = !this.panelHidden;
    this.panel.hidden = this.panelHidden;
    this.fitPanel();
    this.app.refitMap();
    this.toast(this.panelHidden ? "Text hidden (h to show)" : "Text shown");
  }

  private toggleEveryChange(): void {
    const scenario = this.scenario;
    if (!scenario) return;
    this.everyChange = !this.everyChange;
    this.restart(scenario, this.app.day);
    this.toast(this.everyChange ? "Stopping at every change" : "Stopping at chapters only");
  }

  private toast(text: string, ms = 2500): void {
    this.toastEl.textContent = text;
    this.toastEl.classList.add("shown");
    if (this.toastTimer !== undefined) clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => this.toastEl.classList.remove("shown"), ms);
  }

  private pointerActive(): void {
    this.overlay.classList.add("pointer-active");
    if (this.pointerTimer !== undefined) clearTimeout(this.pointerTimer);
    this.pointerTimer = setTimeout(() => this.overlay.classList.remove("pointer-active"), 2500);
  }

  private textScale(): number {
    return mapTextScale(window.innerWidth, window.innerHeight);
  }

  /** Room for the overlays: the title and key on the left, the panel on the right or below. */
  private insets(width: number, height: number): MapInsets {
    const pane = this.overlay.parentElement?.getBoundingClientRect();
    const u = roomUnit(window.innerWidth, window.innerHeight);
    const gap = 2 * u;
    const bar = 1.2 * u;
    if (!pane) return { left: 0, top: gap, right: gap, bottom: gap + bar };
    let left = 0;
    for (const el of [document.querySelector(".map-heading"), byId("legend")]) {
      const r = el?.getBoundingClientRect();
      if (r && r.width > 0) left = Math.max(left, r.right - pane.left);
    }
    let right = gap;
    let bottom = gap + bar;
    if (!this.panel.hidden) {
      const r = this.panel.getBoundingClientRect();
      // Labels run right of their dots: a little more room than the dots need.
      if (r.width > 0 && r.left - pane.left > width * 0.45)
        right = Math.max(right, pane.right - r.left + 3 * gap);
      else if (r.height > 0) bottom = Math.max(bottom, pane.bottom - r.top + gap);
    }
    // Too little left for the map between the columns: let the map run under the title and key.
    if (width - left - right < width * 0.35) left = gap;
    return {
      left: left > 0 ? left + 2 * gap : gap,
      top: gap,
      right,
      bottom: Math.min(bottom, height * 0.6),
      scaleBarRight: Math.max(0, right - 3 * gap),
      scaleBarBottom: bottom - gap,
    };
  }

  // ---- notes window

  private onMessage(msg: PresenterMessage): void {
    switch (msg.kind) {
      case "hello":
        if (msg.to === undefined || msg.to === this.id) this.broadcast(true);
        break;
      case "command":
        if (msg.to !== this.id) return;
        this.command(msg.command);
        break;
      default:
        break;
    }
  }

  private command(command: PresenterCommand): void {
    if (!this.actor) {
      // Any command from the notes window starts presenting here first.
      this.start();
      return;
    }
    if (command.type === "START") return;
    if (command.type === "EXIT") {
      this.stop();
      return;
    }
    this.send(command);
  }

  private post(msg: PresenterMessage): void {
    try {
      this.channel.post(msg);
    } catch {
      // A closed channel (the page is going away): nothing to tell.
    }
  }

  /** Tells notes windows where the presentation is; at most a few times a second while moving. */
  private broadcast(force: boolean, known?: PresenterView): void {
    if (!this.channel.paired) return;
    const scenario = this.scenario ?? this.app.scenario;
    if (!scenario) return;
    const stops = this.actor ? this.stops : storyStops(scenario.log, { events: this.everyChange });
    const view =
      known ?? (this.actor ? presenterView(this.actor.getSnapshot()) : idleView(stops, this.app.day));
    const key = [
      this.actor ? 1 : 0,
      scenario.id,
      view.index,
      view.phase,
      view.blank,
      view.autoplay,
      view.predict,
      view.hiddenFromDay,
      view.next?.day,
      this.everyChange,
    ].join("|");
    const now = performance.now();
    if (!force && key === this.lastSentKey && (view.day === this.lastSentDay || now - this.lastSentAt < 250))
      return;
    this.lastSentKey = key;
    this.lastSentDay = view.day;
    this.lastSentAt = now;
    const state: NotesState = notesState(scenario, stops, view, {
      presenting: this.actor !== undefined,
      everyChange: this.everyChange,
    });
    this.post({ kind: "state", from: this.id, state });
  }
}

const SECRET_KEY = "frontfold-presenter-secret";

/** This tab's pairing secret, if presenting has started here before. */
function keptSecret(): string | undefined {
  try {
    const kept = sessionStorage.getItem(SECRET_KEY);
    return kept && SECRET.test(kept) ? kept : undefined;
  } catch {
    return undefined;
  }
}

function tabId(): string {
  const key = "frontfold-presenter-id";
  try {
    const kept = sessionStorage.getItem(key);
    if (kept) return kept;
    const id = windowId();
    sessionStorage.setItem(key, id);
    return id;
  } catch {
    return windowId();
  }
}

/** Where a presentation would start, for a notes window opened before presenting. */
function idleView(stops: readonly PresenterStop[], day: number): PresenterView {
  let index = -1;
  stops.forEach((s, i) => {
    if (s.day <= day) index = i;
  });
  return {
    phase: "resting",
    day,
    index,
    stop: stops[index],
    blank: false,
    autoplay: false,
    predict: false,
    changed: undefined,
    hiddenFromDay: undefined,
    next: stops[index + 1],
  };
}
