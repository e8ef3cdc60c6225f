// Presenter options in the address: `?present=1&autoplay=1&seconds=20&predict=1&stops=changes`
// for a kiosk or a prepared lesson, and `?notes=1&peer=<id>` for the presenter's notes window.
// These parameters are not part of the shared map state (url-state), which carries them over
// untouched.

export interface PresenterOptions {
  /** Start advancing on a timer (kiosk). */
  readonly autoplay: boolean;
  /** Start in predict mode. */
  readonly predict: boolean;
  /** Autoplay time on chapters that set none, seconds. */
  readonly seconds: number | undefined;
  /** Autoplay starts over after the last stop (default true). */
  readonly loop: boolean;
  /** Stop at every day of change too, not only at chapters. */
  readonly everyChange: boolean;
}

export const DEFAULT_PRESENTER_OPTIONS: PresenterOptions = {
  autoplay: false,
  predict: false,
  seconds: undefined,
  loop: true,
  everyChange: false,
};

function flag(params: URLSearchParams, key: string): boolean | undefined {
  const v = params.get(key);
  if (v === null) return undefined;
  if (v === "" || v === "1" || v === "true") return true;
  if (v === "0" || v === "false") return false;
  return undefined;
}

export function parsePresenterOptions(search: string): PresenterOptions {
  const params = new URLSearchParams(search);
  const seconds = Number(params.get("seconds") ?? NaN);
  const stops = params.get("stops");
  return {
    autoplay: flag(params, "autoplay") ?? false,
    predict: flag(params, "predict") ?? false,
    seconds: Number.isFinite(seconds) && seconds >= 1 && seconds <= 3600 ? seconds : undefined,
    loop: flag(params, "loop") ?? true,
    everyChange: stops === "changes" || stops === "events",
  };
}

export interface NotesAddress {
  /** This page is a notes window. */
  readonly notes: boolean;
  /** The id of the presenting window it follows, if given. */
  readonly peer: string | undefined;
  /** The pairing secret, from the address's fragment (`#key=…`), if given. */
  readonly secret?: string | undefined;
}

const PEER = /^[A-Za-z0-9_-]{1,64}$/;

const KEY = /^[0-9a-f]{32}$/;

export function parseNotesAddress(search: string, hash = ""): NotesAddress {
  const params = new URLSearchParams(search);
  const peer = params.get("peer");
  const key = new URLSearchParams(hash.replace(/^#/, "")).get("key");
  return {
    notes: flag(params, "notes") === true,
    peer: peer !== null && PEER.test(peer) ? peer : undefined,
    secret: key !== null && KEY.test(key) ? key : undefined,
  };
}

/** The notes window's address: the page's own, with presenter mode swapped for notes; the pairing
 * secret goes in the fragment, which is never sent to a server. */
export function notesUrl(href: string, peer: string, secret?: string): string {
  const url = new URL(href);
  for (const key of ["present", "autoplay", "predict", "seconds", "loop", "stops"])
    url.searchParams.delete(key);
  url.searchParams.set("notes", "1");
  url.searchParams.set("peer", peer);
  url.hash = secret ? `key=${secret}` : "";
  return url.href;
}
