// Messages between the presenting window (the projector) and a presenter's notes window, over
// `BroadcastChannel("frontfold-presenter")`. The projector announces its state; the notes window
// asks for it when it opens and sends the presenter's commands back. Every message names its
// sender, and commands name the window they are for, so two presentations open in the same
// browser do not drive each other. The two windows are paired by a secret the projector makes
// when presenting starts: every message is sealed with it (`PairedChannel`), so another page of
// the same origin can neither learn the projector's id by asking nor drive or end the
// presentation.

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

/** A pairing secret: 128 random bits as hex. The projector makes it when presenting starts and
 * gives it to the notes window in that window's address (the fragment, never sent to a server). */
export function pairingSecret(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export const SECRET = /^[0-9a-f]{32}$/;

const hex = (buffer: ArrayBuffer): string =>
  [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");

/**
 * The presenter channel between a projector and its notes window, paired by a secret: every
 * message goes out as `{ body, mac }`, the HMAC-SHA256 of its text under the secret, with a
 * counter that only grows per sender. Anything else on the channel — a message from another
 * same-origin page, a forged or altered one, an overheard one replayed — is ignored. Without a
 * secret nothing is sent and everything is ignored.
 */
export class PairedChannel {
  private key: Promise<CryptoKey> | undefined;
  private lastSent = 0;
  private readonly lastSeen = new Map<string, number>();
  private sending: Promise<void> = Promise.resolve();
  private receiving: Promise<void> = Promise.resolve();
  private readonly channel: BroadcastChannel | undefined;

  constructor(
    secret: string | undefined,
    private readonly onMessage: (msg: PresenterMessage) => void,
    name = PRESENTER_CHANNEL,
  ) {
    this.channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(name) : undefined;
    if (secret !== undefined) this.pair(secret);
    this.channel?.addEventListener("message", (ev: MessageEvent<unknown>) => {
      const data = ev.data;
      this.receiving = this.receiving.then(() => this.open(data)).catch(() => undefined);
    });
  }

  /** True when the browser has a BroadcastChannel. */
  get available(): boolean {
    return this.channel !== undefined;
  }

  get paired(): boolean {
    return this.key !== undefined;
  }

  /** Takes the pair's secret (a new one unpairs whatever was paired before). */
  pair(secret: string): void {
    if (!SECRET.test(secret) || typeof crypto === "undefined" || !crypto.subtle) return;
    const bytes = new Uint8Array(secret.match(/../g)?.map((h) => parseInt(h, 16)) ?? []);
    this.key = crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
      "verify",
    ]);
    this.lastSeen.clear();
  }

  /** Seals and sends `msg` (in order; nothing is sent before pairing). */
  post(msg: PresenterMessage): void {
    const key = this.key;
    const channel = this.channel;
    if (!key || !channel) return;
    this.lastSent = Math.max(Date.now(), this.lastSent + 1);
    const body = JSON.stringify({ seq: this.lastSent, msg });
    this.sending = this.sending
      .then(async () => {
        const mac = hex(await crypto.subtle.sign("HMAC", await key, new TextEncoder().encode(body)));
        channel.postMessage({ body, mac });
      })
      .catch(() => undefined);
  }

  close(): void {
    this.channel?.close();
  }

  private async open(data: unknown): Promise<void> {
    const key = this.key;
    if (!key || typeof data !== "object" || data === null) return;
    const { body, mac } = data as { body?: unknown; mac?: unknown };
    if (typeof body !== "string" || typeof mac !== "string" || !/^[0-9a-f]{64}$/.test(mac)) return;
    const macBytes = new Uint8Array(mac.match(/../g)?.map((h) => parseInt(h, 16)) ?? []);
    const ok = await crypto.subtle.verify("HMAC", await key, macBytes, new TextEncoder().encode(body));
    if (!ok) return;
    const parsed = JSON.parse(body) as { seq?: unknown; msg?: unknown };
    const msg = asPresenterMessage(parsed.msg);
    if (!msg || typeof parsed.seq !== "number") return;
    if (parsed.seq <= (this.lastSeen.get(msg.from) ?? 0)) return;
    this.lastSeen.set(msg.from, parsed.seq);
    this.onMessage(msg);
  }
}
