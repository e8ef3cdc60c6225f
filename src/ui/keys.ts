// One keyboard router for the page, with modes: exploring (the timeline's keys) and presenting
// (clicker keys). A mode's handler says whether it used the key; a used key goes no further.
// Presenting listens in the capture phase so that its keys win over a focused control's (the
// slider's arrows); exploring listens after the page's controls, so a key a control already used
// (`defaultPrevented`) is not used twice. Keys typed into a text field are never routed.

export type KeyMode = "explore" | "present";

/** Returns true when it used the key. */
export type KeyHandler = (ev: KeyboardEvent) => boolean;

export class KeyRouter {
  private mode: KeyMode = "explore";
  private readonly handlers = new Map<KeyMode, KeyHandler>();

  constructor(target: Window = window) {
    target.addEventListener("keydown", (ev) => this.route(ev, "present"), { capture: true });
    target.addEventListener("keydown", (ev) => this.route(ev, "explore"));
  }

  get current(): KeyMode {
    return this.mode;
  }

  setMode(mode: KeyMode): void {
    this.mode = mode;
  }

  /** The handler for a mode (one per mode; a second replaces the first). */
  on(mode: KeyMode, handler: KeyHandler): void {
    this.handlers.set(mode, handler);
  }

  private route(ev: KeyboardEvent, phase: KeyMode): void {
    if (this.mode !== phase || ev.defaultPrevented || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (typing(ev.target)) return;
    const handler = this.handlers.get(this.mode);
    if (!handler?.(ev)) return;
    ev.preventDefault();
    ev.stopImmediatePropagation();
  }
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  const tag = el?.tagName;
  return tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || el?.isContentEditable === true;
}
