// What presenter mode needs of the app, and nothing more: the scenario and date on screen, a way
// to show a date, to mark changed ground, to turn the page into the projector view, and to fit
// the map around the presenter's panel.

import type { CompiledScenario } from "../core/types.js";
import type { KeyRouter } from "./keys.js";
import type { MapInsets } from "./map-view.js";

export interface PresenterPort {
  readonly scenario: CompiledScenario | undefined;
  readonly day: number;
  /** The page's one key router (presenter mode routes its keys through it). */
  readonly keys: KeyRouter;
  /** Called after every scenario load. */
  onLoad(listener: (scenario: CompiledScenario) => void): void;
  /** The projector view on or off, map text `textScale` times larger. */
  setPresenting(on: boolean, textScale?: number): void;
  /** The map's room or text size changed. */
  refitMap(textScale?: number): void;
  /** Shows `day`; `chapter` goes into the address. */
  showDay(day: number, chapter?: string): void;
  /** Marks the ground that changed hands between two days; returns how many faces changed. */
  highlightChange(change: { fromDay: number; toDay: number } | undefined, pulse: boolean, ms: number): number;
  /** Room the presenter's overlays need on the map. */
  presenterInsets: ((width: number, height: number) => MapInsets) | undefined;
}
