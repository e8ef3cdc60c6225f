// One loaded scenario, as the app holds it: its bundle, the fold's history with scratch states,
// the map projected once and the frame on screen, its chapters and span. No DOM.

import { dayOf } from "../core/dates.js";
import { createHistory, type ControlState, type History } from "../core/fold.js";
import type { CompiledScenario } from "../core/types.js";
import type { ScenarioBundle } from "../map/bundle.js";
import { controlFrame, mapFrame, type ControlFrame, type MapFrame } from "../map/frame.js";
import { projectBundle, type ProjectedMap } from "../map/project.js";
import { chapters, type Chapter } from "./events-around.js";
import { theatreName } from "./summary.js";

export type ScenarioSource =
  { readonly kind: "shipped"; readonly id: string } | { readonly kind: "file"; readonly name: string };

export interface ScenarioState {
  readonly bundle: ScenarioBundle;
  readonly scenario: CompiledScenario;
  readonly source: ScenarioSource;
  readonly history: History;
  readonly geometry: ProjectedMap;
  readonly startDay: number;
  readonly endDay: number;
  readonly chapters: readonly Chapter[];
  readonly chapterDays: readonly number[];
  readonly theatreName: string;
  /** Scratch states: the date on screen, the compared date, the presenter's changed ground. */
  readonly state: ControlState;
  readonly compareState: ControlState;
  readonly changeState: ControlState;
  /** The frame on screen, made from `state` (its buffers are reused date after date). */
  frame: MapFrame | undefined;
}

/** A state buffer and the frame last made from it, moved together from date to date. */
export interface DayView<F extends ControlFrame> {
  readonly state: ControlState;
  frame: F | undefined;
}

/**
 * Moves `view` to `day`: its state by the history's deltas, its frame by looking again only at
 * the faces of the units that changed in between (`make` is `controlFrame` or `mapFrame` with
 * what to draw on). Returns those units, or `undefined` when the frame was made afresh (the
 * first one, or so much changed that a full pass is cheaper). Stepping a day costs that day's
 * events.
 */
export function moveView<F extends ControlFrame>(
  history: History,
  view: DayView<F>,
  day: number,
  make: (state: ControlState, reuse: F | undefined, changed: readonly number[] | undefined) => F,
): readonly number[] | undefined {
  const from = view.frame ? view.state.applied : -1;
  const state = history.stateAt(day, view.state);
  const changed =
    from >= 0
      ? history.changedUnits(from, state.applied, Math.max(64, history.scenario.units.length >> 2))
      : undefined;
  view.frame = make(state, view.frame, changed);
  return changed;
}

/** The frame on screen moved to `day` (see `moveView`), and the units that changed, if known. */
export function showDay(
  loaded: ScenarioState,
  day: number,
): { frame: MapFrame; changed: readonly number[] | undefined } {
  const changed = moveView(loaded.history, loaded, day, (state, reuse, changed) =>
    mapFrame(loaded.geometry, state, reuse, changed),
  );
  return { frame: loaded.frame as MapFrame, changed };
}

export function scenarioState(bundle: ScenarioBundle, source: ScenarioSource): ScenarioState {
  const scenario = bundle.scenario;
  const history = createHistory(scenario);
  const chs = chapters(scenario.log);
  const outlineName = bundle.theatre.outline.properties.name;
  return {
    bundle,
    scenario,
    source,
    history,
    geometry: projectBundle(bundle),
    startDay: dayOf(scenario.start),
    endDay: dayOf(scenario.end),
    chapters: chs,
    chapterDays: chs.map((c) => c.day),
    theatreName: theatreName(scenario.theatre.kind === "countries" ? outlineName.split(", ") : undefined),
    state: history.blank(),
    compareState: history.blank(),
    changeState: history.blank(),
    frame: undefined,
  };
}

/** A copy of the faction code of every face on `day` (`scratch` is overwritten). */
export function ownersAt(loaded: ScenarioState, day: number, scratch: ControlState): Uint8Array {
  return controlFrame(loaded.bundle, loaded.history.stateAt(day, scratch)).owners;
}
