// Compiling opened files on the page itself: the single-file build, which opens from file://
// and carries no worker file and no world atlas (3.6 MB). A theatre of countries reuses the
// outline of a shipped scenario with the same countries, or asks for the online version; a box
// or polygon theatre borrows its basemap from a shipped box theatre that covers it.

import type { TheatreDef } from "../core/types.js";
import { resolveTheatre, type Bbox, type ResolvedTheatre } from "../geo/theatre.js";
import type { CompileJob, CompileReply, OpenProgress, ScenarioCompiler } from "../ui/compile-protocol.js";
import { nextPaint } from "../ui/dom.js";
import { compileOpened } from "./compile.js";
import { shipped } from "./shipped.js";

interface ShippedTheatre {
  readonly def: TheatreDef;
  readonly theatre: ResolvedTheatre;
}

let theatres: Promise<ShippedTheatre[]> | undefined;

function shippedTheatres(): Promise<ShippedTheatre[]> {
  theatres ??= Promise.all(
    shipped.map((s) =>
      s.load().then(
        (b): ShippedTheatre => ({ def: b.scenario.theatre, theatre: b.theatre }),
        () => undefined,
      ),
    ),
  ).then((list) => list.filter((t): t is ShippedTheatre => t !== undefined));
  return theatres;
}

function countryKey(codes: readonly string[]): string {
  return [...new Set(codes.map((c) => c.trim().toUpperCase()))].sort().join(",");
}

function contains(outer: Bbox, inner: Bbox): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}

function area(b: Bbox): number {
  return (b[2] - b[0]) * (b[3] - b[1]);
}

async function offlineTheatre(def: TheatreDef): Promise<ResolvedTheatre> {
  const known = await shippedTheatres();
  if (def.kind === "countries") {
    const key = countryKey(def.countries);
    // a shipped theatre of the same countries, whole (one cut to a box would not do)
    const same = def.bbox
      ? undefined
      : known.find((t) => t.def.kind === "countries" && !t.def.bbox && countryKey(t.def.countries) === key);
    if (same) return same.theatre;
    const offered = [
      ...new Set(
        known.flatMap((t) =>
          t.def.kind === "countries" && !t.def.bbox ? [`[${t.def.countries.join(", ")}]`] : [],
        ),
      ),
    ];
    throw new Error(
      `this offline copy carries no world map, so a theatre of countries [${def.countries.join(", ")}] ` +
        `needs the online version of frontfold` +
        (offered.length > 0 ? ` (offline it knows ${offered.join(", ")})` : "") +
        "; a bbox or polygon theatre works offline",
    );
  }
  const own = resolveTheatre(def);
  // The smallest shipped theatre whose basemap covers this one lends it its neighbours and water.
  const host = known
    .filter((t) => contains(t.theatre.marginBbox, own.marginBbox))
    .sort((a, b) => area(a.theatre.marginBbox) - area(b.theatre.marginBbox))[0];
  return host ? { ...own, neighbours: host.theatre.neighbours, water: host.theatre.water } : own;
}

export function createCompiler(_atlasUrl: string): ScenarioCompiler {
  // The compile runs on the page and cannot be interrupted; a cancelled one is ignored.
  let current = 0;
  return {
    async compile(job: CompileJob, progress?: (p: OpenProgress) => void): Promise<CompileReply | undefined> {
      const token = ++current;
      // Lets the page paint the progress view before the main thread is busy.
      await nextPaint();
      if (token !== current) return undefined;
      const reply = await compileOpened(job, offlineTheatre, progress);
      return token === current ? reply : undefined;
    },
    cancel(): void {
      current++;
    },
  };
}
