// The address bar follows the view: while something moves (a drag, playback, panning) the
// current entry is replaced at most about three times a second; a deliberate move (a click, a
// step, a chapter) adds a history entry. What the address says comes from `state()`.

import { formatUrlState, type UrlState } from "./url-state.js";

const MIN_INTERVAL_MS = 350;

export class UrlSync {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastWrite = 0;

  /** `state()` is undefined while there is nothing to describe (no scenario loaded). */
  constructor(private readonly state: () => UrlState | undefined) {}

  /** Replaces the current entry soon (while dragging, playing, panning). */
  schedule(): void {
    if (this.timer !== undefined) return;
    const wait = Math.max(0, MIN_INTERVAL_MS - (performance.now() - this.lastWrite));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.write(false);
    }, wait);
  }

  /** A new history entry now. */
  commit(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.write(true);
  }

  /** Writes the address now: a new entry with `push`, else replacing the current one. */
  write(push: boolean): void {
    const state = this.state();
    if (!state) return;
    this.lastWrite = performance.now();
    const search = formatUrlState(state, location.search);
    if (search === location.search) return;
    const url = `${location.pathname}${search}${location.hash}`;
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }
}
