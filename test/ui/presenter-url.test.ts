import { describe, expect, it } from "vitest";
import { mapTextScale, roomUnit } from "../../src/ui/presenter.js";
import { asPresenterMessage } from "../../src/ui/presenter-protocol.js";
import {
  DEFAULT_PRESENTER_OPTIONS,
  notesUrl,
  parseNotesAddress,
  parsePresenterOptions,
} from "../../src/ui/presenter-url.js";

describe("presenter options in the address", () => {
  it("defaults to chapters, no autoplay, no predict, looping", () => {
    expect(parsePresenterOptions("?present=1")).toEqual(DEFAULT_PRESENTER_OPTIONS);
  });

  it("reads a kiosk set-up and a prepared lesson", () => {
    expect(parsePresenterOptions("?present=1&autoplay=1&seconds=20&loop=0")).toMatchObject({
      autoplay: true,
      seconds: 20,
      loop: false,
    });
    expect(parsePresenterOptions("predict&stops=changes")).toMatchObject({
      predict: true,
      everyChange: true,
    });
  });

  it("ignores unusable values", () => {
    const o = parsePresenterOptions("?autoplay=maybe&seconds=0&predict=2");
    expect(o).toMatchObject({ autoplay: false, predict: false, seconds: undefined });
    expect(parsePresenterOptions("?seconds=abc").seconds).toBeUndefined();
    expect(parsePresenterOptions("?seconds=99999").seconds).toBeUndefined();
  });
});

describe("the notes window's address", () => {
  it("is the page's own address with notes instead of presenting", () => {
    const url = new URL(
      notesUrl("https://example.org/app/?scenario=raqqa-2017&date=2017-06-01&present=1&autoplay=1", "abc123"),
    );
    expect(url.pathname).toBe("/app/");
    expect(url.searchParams.get("scenario")).toBe("raqqa-2017");
    expect(url.searchParams.get("date")).toBe("2017-06-01");
    expect(url.searchParams.has("present")).toBe(false);
    expect(url.searchParams.has("autoplay")).toBe(false);
    expect(parseNotesAddress(url.search)).toEqual({ notes: true, peer: "abc123" });
  });

  it("works from a file", () => {
    expect(notesUrl("file:///media/usb/frontfold.html?present=1", "p1")).toBe(
      "file:///media/usb/frontfold.html?notes=1&peer=p1",
    );
  });

  it("drops a malformed peer", () => {
    expect(parseNotesAddress("?notes=1&peer=<script>")).toEqual({ notes: true, peer: undefined });
    expect(parseNotesAddress("?scenario=x").notes).toBe(false);
  });
});

describe("presenter channel messages", () => {
  it("accepts the messages of the protocol", () => {
    expect(asPresenterMessage({ kind: "hello", from: "a", to: undefined })).toBeDefined();
    expect(asPresenterMessage({ kind: "bye", from: "a" })).toBeDefined();
    expect(
      asPresenterMessage({ kind: "command", from: "a", to: "b", command: { type: "NEXT" } }),
    ).toBeDefined();
    expect(
      asPresenterMessage({ kind: "command", from: "a", to: "b", command: { type: "GOTO", index: 2 } }),
    ).toBeDefined();
    expect(asPresenterMessage({ kind: "state", from: "a", state: {} })).toBeDefined();
  });

  it("rejects anything else", () => {
    for (const junk of [
      null,
      "NEXT",
      { kind: "command", to: "b", command: { type: "NEXT" } },
      { kind: "command", from: "a", command: { type: "NEXT" } },
      { kind: "command", from: "a", to: "b", command: { type: "DELETE" } },
      { kind: "command", from: "a", to: "b", command: { type: "GOTO" } },
      { kind: "state", from: "a" },
      { kind: "other", from: "a" },
    ])
      expect(asPresenterMessage(junk)).toBeUndefined();
  });
});

describe("type for the room", () => {
  it("sizes by the screen's height, limited by its width", () => {
    expect(roomUnit(1920, 1080)).toBeCloseTo(10.8);
    expect(roomUnit(1280, 720)).toBeCloseTo(7.2);
    expect(roomUnit(1024, 768)).toBeCloseTo(7.68);
    // A very wide window: the width decides.
    expect(roomUnit(3000, 1000)).toBeCloseTo(10);
    expect(roomUnit(2400, 600)).toBeCloseTo(6);
    // Portrait: three quarters of the width.
    expect(roomUnit(800, 1200)).toBeCloseTo(6);
  });

  it("scales map text to about 2 % of the screen's height, never below normal size", () => {
    expect(mapTextScale(1920, 1080)).toBeCloseTo(1.81, 2);
    expect(mapTextScale(1280, 720)).toBeCloseTo(1.21, 2);
    expect(mapTextScale(600, 400)).toBe(1);
  });
});
