// The compile worker: compiles a scenario opened from a file off the main thread, telling the
// page each stage. Theatres of countries come from the world atlas, fetched once (its download
// starts with the first file, alongside the compile); box and polygon theatres use it for the
// basemap when it loads, and do without when it does not. A resolved theatre is kept for the
// next file with the same theatre. The compiled log goes to the page as soon as it is checked, in
// chunks of JSON text, each decoded in a short task of its own there while the map is built
// here; the reply (the bundle without its log) follows.

import type { CompiledScenario, TheatreDef } from "../core/types.js";
import { resolveTheatre, type Atlas, type ResolvedTheatre } from "../geo/theatre.js";
import {
  LOG_CHUNK,
  type CompileReply,
  type CompileRequest,
  type WorkerMessage,
} from "../ui/compile-protocol.js";
import { compileOpened } from "./compile.js";

let atlas: Promise<Atlas> | undefined;
const theatres = new Map<string, ResolvedTheatre>();

function loadAtlas(url: string): Promise<Atlas> {
  atlas ??= fetch(url).then((r) => {
    if (!r.ok) throw new Error(`could not load the country outlines (${r.status})`);
    return r.json() as Promise<Atlas>;
  });
  return atlas;
}

async function theatreFor(def: TheatreDef, atlasUrl: string): Promise<ResolvedTheatre> {
  const key = JSON.stringify(def);
  const known = theatres.get(key);
  if (known) return known;
  const a = await loadAtlas(atlasUrl).catch((e: unknown) => {
    if (def.kind === "countries") throw e;
    return undefined;
  });
  const theatre = resolveTheatre(def, a);
  // Without the atlas a box theatre has no basemap: not worth keeping.
  if (a) {
    if (theatres.size >= 4) theatres.clear();
    theatres.set(key, theatre);
  }
  return theatre;
}

function post(message: WorkerMessage): void {
  self.postMessage(message);
}

/** The compiled log goes ahead, while the map is built here: the page decodes it meanwhile. */
function sendLog(id: number, scenario: CompiledScenario): void {
  const log = scenario.log;
  for (let i = 0; i < log.length; i += LOG_CHUNK)
    post({ id, kind: "events", events: JSON.stringify(log.slice(i, i + LOG_CHUNK)), total: log.length });
}

function send(reply: CompileReply): void {
  if (!reply.ok) {
    post({ id: reply.id, kind: "reply", reply: JSON.stringify(reply), logLength: 0 });
    return;
  }
  const { scenario } = reply.bundle;
  post({
    id: reply.id,
    kind: "reply",
    reply: JSON.stringify({ ...reply, bundle: { ...reply.bundle, scenario: { ...scenario, log: [] } } }),
    logLength: scenario.log.length,
  });
}

self.addEventListener("message", (ev: MessageEvent<CompileRequest>) => {
  const req = ev.data;
  // The download runs while the file compiles.
  void loadAtlas(req.atlasUrl).catch(() => undefined);
  void compileOpened(
    req,
    (def) => theatreFor(def, req.atlasUrl),
    (progress) => post({ id: req.id, kind: "progress", progress }),
    (scenario) => sendLog(req.id, scenario),
  ).then(send);
});
