// The presenter channel pairs the projector and its notes window with a secret: any other
// same-origin page on the channel is ignored, and overheard messages cannot be replayed.

import { afterAll, describe, expect, it } from "vitest";
import { PairedChannel, pairingSecret, type PresenterMessage } from "../../src/ui/presenter-protocol.js";
import { notesUrl, parseNotesAddress } from "../../src/ui/presenter-url.js";

const NAME = "frontfold-presenter-test";
const open: { close(): void }[] = [];
afterAll(() => open.forEach((c) => c.close()));

function channel(secret: string | undefined, got: PresenterMessage[] = []): PairedChannel {
  const c = new PairedChannel(secret, (m) => got.push(m), NAME);
  open.push(c);
  return c;
}

/** Waits until `done()` or about a second has passed (messages arrive asynchronously). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe("defect 10: the presenter channel answered any same-origin page", () => {
  // Used to end the presentation: a plain EXIT posted on the channel by another page, and a hello
  // that the projector answered with its id.
  const FORGED: readonly unknown[] = [
    { kind: "command", from: "intruder", to: "projector", command: { type: "EXIT" } },
    { kind: "hello", from: "intruder", to: undefined },
  ];

  it("ignores messages without the pair's secret, and replays of overheard ones", async () => {
    const secret = pairingSecret();
    const atProjector: PresenterMessage[] = [];
    channel(secret, atProjector);
    const notes = channel(secret);
    const intruder = new BroadcastChannel(NAME);
    open.push(intruder);
    const overheard: unknown[] = [];
    intruder.onmessage = (e: MessageEvent<unknown>) => overheard.push(e.data);

    for (const m of FORGED) intruder.postMessage(m);
    channel(pairingSecret()).post({
      kind: "command",
      from: "other",
      to: "projector",
      command: { type: "EXIT" },
    });
    channel(undefined).post({
      kind: "command",
      from: "unpaired",
      to: "projector",
      command: { type: "EXIT" },
    });
    const next: PresenterMessage = {
      kind: "command",
      from: "notes",
      to: "projector",
      command: { type: "NEXT" },
    };
    notes.post(next);
    await until(() => atProjector.length > 0 && overheard.length >= 2);
    expect(atProjector).toEqual([next]);

    // What the intruder overheard does not work a second time, nor altered.
    const sealed = overheard.filter((d) => typeof d === "object" && d !== null && "mac" in d) as {
      body: string;
      mac: string;
    }[];
    expect(sealed.length).toBeGreaterThan(0);
    for (const d of sealed) {
      intruder.postMessage(d);
      intruder.postMessage({ ...d, body: d.body.replace("NEXT", "EXIT") });
    }
    await until(() => false);
    expect(atProjector).toEqual([next]);
    // The secret itself never travels on the channel.
    expect(JSON.stringify(overheard)).not.toContain(secret);
  });

  it("gives the secret to the notes window in the address fragment only", () => {
    const secret = pairingSecret();
    expect(secret).toMatch(/^[0-9a-f]{32}$/);
    const url = new URL(notesUrl("https://example.org/app/?present=1", "abc123", secret));
    expect(url.search).toBe("?notes=1&peer=abc123");
    expect(parseNotesAddress(url.search, url.hash)).toEqual({ notes: true, peer: "abc123", secret });
    expect(parseNotesAddress(url.search, "#key=<script>").secret).toBeUndefined();
  });
});
