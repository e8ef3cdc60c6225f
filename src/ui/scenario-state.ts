// One loaded scenario, as the app holds it: its bundle, the fold's history with scratch states,
// the map projected once and the frame on screen, its chapters and span. No DOM.

import { dayOf } from "../core/dates.js";
import { createHistory, type ControlState, type History } from "../core/fold.js";
import type { CompiledScenario } from "../core/types.js";
import type { ScenarioBundle } from "../map/bundle.js";
import { controlFrame, type MapFrame } from "../map/frame.js";
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
  /** The frame on screen (its buffers are reused date after date). */
  frame: MapFrame | undefined;
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
