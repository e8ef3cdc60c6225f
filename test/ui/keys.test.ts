import { describe, expect, it } from "vitest";
import { KeyRouter } from "../../src/ui/keys.js";

/** A keydown as the router sees it (Node has EventTarget but no KeyboardEvent). */
function keydown(target: EventTarget, key: string, extra: Partial<KeyboardEvent> = {}): Event {
  const ev = Object.assign(new Event("keydown", { cancelable: true }), { key, ...extra });
  target.dispatchEvent(ev);
  return ev;
}

describe("KeyRouter", () => {
  it("routes keys to the current mode's handler only, and stops the keys it used", () => {
    const target = new EventTarget();
    const router = new KeyRouter(target as unknown as Window);
    const explored: string[] = [];
    const presented: string[] = [];
    router.on("explore", (ev) => (explored.push(ev.key), ev.key !== "x"));
    router.on("present", (ev) => (presented.push(ev.key), ev.key === "ArrowRight"));
    expect(keydown(target, "ArrowRight").defaultPrevented).toBe(true);
    expect(keydown(target, "x").defaultPrevented).toBe(false);
    router.setMode("present");
    expect(router.current).toBe("present");
    expect(keydown(target, "ArrowRight").defaultPrevented).toBe(true);
    expect(keydown(target, "q").defaultPrevented).toBe(false);
    expect(explored).toEqual(["ArrowRight", "x"]);
    expect(presented).toEqual(["ArrowRight", "q"]);
  });

  it("leaves keys with Ctrl, Alt or Meta, and keys another control used, alone", () => {
    const target = new EventTarget();
    const router = new KeyRouter(target as unknown as Window);
    const seen: string[] = [];
    router.on("explore", (ev) => (seen.push(ev.key), true));
    keydown(target, "ArrowLeft", { ctrlKey: true });
    keydown(target, "ArrowLeft", { metaKey: true });
    const used = new Event("keydown", { cancelable: true });
    Object.assign(used, { key: "Home" });
    used.preventDefault();
    target.dispatchEvent(used);
    expect(seen).toEqual([]);
    keydown(target, "End");
    expect(seen).toEqual(["End"]);
  });
});
