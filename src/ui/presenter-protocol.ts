// Messages between the presenting window (the projector) and a presenter's notes window, over
// `BroadcastChannel("frontfold-presenter")`. The projector announces its state; the notes window
// asks for it when it opens and sends the presenter's commands back. Every message names its
// sender, and commands name the window they are for, so two presentations open in the same
// browser do not drive each other.

import type { PresenterEvent } from "../playback/presenter-machine.js";
import type { NotesState } from "./presenter-content.js";

export const PRESENTER_CHANNEL = "frontfold-presenter";

/** What a notes window may ask of the projector: the presenter's events, or to start presenting. */
export type PresenterCommand = PresenterEvent | { readonly type: "START" };

export type PresenterMessage =
  | { readonly kind: "state"; readonly from: string; readonly state: NotesState }
  | { readonly kind: "hello"; readonly from: string; readonly to: string | undefined }
  | {
      readonly kind: "command";
      readonly from: string;
      readonly to: string;
      readonly command: PresenterCommand;
    }
  | { readonly kind: "bye"; readonly from: string };

const COMMANDS = new Set([
  "NEXT",
  "PREVIOUS",
  "GOTO",
  "REVEAL",
  "BLANK",
  "AUTOPLAY",
  "PREDICT",
  "EXIT",
  "START",
]);

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null;
}

/** Checks a message from the channel (anything may arrive on it). */
export function asPresenterMessage(data: unknown): PresenterMessage | undefined {
  if (!isRecord(data) || typeof data.from !== "string") return undefined;
  switch (data.kind) {
    case "state":
      return isRecord(data.state) ? (data as unknown as PresenterMessage) : undefined;
    case "hello":
      return data.to === undefined || typeof data.to === "string"
        ? (data as unknown as PresenterMessage)
        : undefined;
    case "command": {
      const c = data.command;
      if (typeof data.to !== "string" || !isRecord(c) || typeof c.type !== "string" || !COMMANDS.has(c.type))
        return undefined;
      if (c.type === "GOTO" && typeof c.index !== "number") return undefined;
      return data as unknown as PresenterMessage;
    }
    case "bye":
      return data as unknown as PresenterMessage;
    default:
      return undefined;
  }
}

/** A short random id for a window (not a secret: it only keeps two presentations apart). */
export function windowId(): string {
  let id = "";
  for (let i = 0; i < 12; i++) id += "abcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(Math.random() * 36)];
  return id;
}
