// The compile worker: compiles a scenario opened from a file off the main thread. Theatres of
// countries come from the world atlas, fetched once on the first such file; box and polygon
// theatres use it for the basemap when it loads, and do without when it does not.

import { resolveTheatre, type Atlas } from "../geo/theatre.js";
import type { CompileRequest } from "../ui/compile-protocol.js";
import { compileOpened } from "./compile.js";

let atlas: Promise<Atlas> | undefined;

function loadAtlas(url: string): Promise<Atlas> {
  atlas ??= fetch(url).then((r) => {
    if (!r.ok) throw new Error(`could not load the country outlines (${r.status})`);
    return r.json() as Promise<Atlas>;
  });
  return atlas;
}

self.addEventListener("message", (ev: MessageEvent<CompileRequest>) => {
  const req = ev.data;
  void compileOpened(req, async (def) => {
    const needsAtlas = def.kind === "countries";
    const a = await loadAtlas(req.atlasUrl).catch((e: unknown) => {
      if (needsAtlas) throw e;
      return undefined;
    });
    return resolveTheatre(def, a);
  }).then((reply) => self.postMessage(reply));
});
