// A seeded synthetic scenario, generated directly in compiled form: thousands of places inside a
// theatre, a few areas, and a long log of control changes that move fronts between neighbours the
// way a real war does (ground passes to a faction that holds the next town), with contests,
// sieges and lifts mixed in. Used by the benchmark and by tests that need a large scenario.

import { Delaunay } from "d3";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import type {
  CompiledEvent,
  CompiledScenario,
  CompiledUnit,
  ControlType,
  EventDef,
  FactionDef,
  LonLat,
  Ring,
  TheatreDef,
  UnitStatus,
} from "../../src/core/types.js";
import { dateOf, dayOf } from "../../src/core/dates.js";
import { pointInPolygon } from "../../src/geo/rings.js";

export interface SyntheticOptions {
  readonly seed?: number;
  readonly places?: number;
  readonly areas?: number;
  readonly events?: number;
  readonly factions?: number;
  readonly start?: string;
  readonly days?: number;
  /** Share of places left out of `initial` (never mentioned until an event names them); with 0,
   * areas get initial control too, so a scenario file written from it compiles without a warning. */
  readonly unmentioned?: number;
}

/** The outline of a `[west, south, east, north]` box, for scenarios on a box theatre. */
export function boxOutline(bbox: readonly [number, number, number, number]): Feature<Polygon> {
  const [w, s, e, n] = bbox;
  return {
    type: "Feature",
    properties: {},
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    },
  };
}

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PALETTE = ["#3d3d3d", "#d9b44a", "#c0504d", "#4f81bd", "#9bbb59", "#8064a2", "#f79646", "#4bacc6"];

/**
 * A compiled scenario with `places` places inside `outline`, `areas` star-shaped areas and
 * `events` events.
 *
 * @example
 * const s = syntheticScenario(theatreDef, outline, { places: 5000, events: 100_000, seed: 1 });
 */
export function syntheticScenario(
  theatre: TheatreDef,
  outline: Feature<Polygon | MultiPolygon>,
  options: SyntheticOptions = {},
): CompiledScenario {
  const random = rng(options.seed ?? 1);
  const nPlaces = options.places ?? 5000;
  const nAreas = options.areas ?? 20;
  const nEvents = options.events ?? 100_000;
  const nFactions = Math.min(options.factions ?? 4, PALETTE.length);
  const start = options.start ?? "2014-01-01";
  const days = options.days ?? 5 * 365;
  const unmentioned = options.unmentioned ?? 0.1;
  const g = outline.geometry;
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const poly of polys)
    for (const p of poly[0] ?? []) {
      w = Math.min(w, p[0] as number);
      e = Math.max(e, p[0] as number);
      s = Math.min(s, p[1] as number);
      n = Math.max(n, p[1] as number);
    }
  const inside = (p: LonLat): boolean =>
    polys.some((poly) => pointInPolygon(p, poly as unknown as LonLat[][]));

  const factions: FactionDef[] = Array.from({ length: nFactions }, (_, i) => ({
    id: `f${i + 1}`,
    name: `Faction ${i + 1}`,
    color: PALETTE[i] as string,
  }));

  const units: CompiledUnit[] = [];
  const at: LonLat[] = [];
  for (let i = 0; units.length < nPlaces && i < nPlaces * 1000; i++) {
    const p: LonLat = [round6(w + random() * (e - w)), round6(s + random() * (n - s))];
    if (!inside(p)) continue;
    at.push(p);
    const kind = random() < 0.05 ? "city" : random() < 0.3 ? "town" : "village";
    units.push({
      id: `p${units.length}`,
      name: `Place ${units.length}`,
      aliases: [],
      kind: "place",
      at: p,
      placeKind: kind,
    });
  }
  const placeCount = units.length;
  const cosLat = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const delaunay = Delaunay.from(
    at,
    (p) => p[0] * cosLat,
    (p) => p[1],
  );
  const neighbours = (i: number): number[] => Array.from(delaunay.neighbors(i));
  const spacing = Math.sqrt(((e - w) * (n - s)) / Math.max(1, placeCount));
  for (let a = 0; a < nAreas && placeCount > 0; a++) {
    const c = at[Math.floor(random() * placeCount)] as LonLat;
    const r = spacing * (1 + random() * 3);
    const k = 7 + Math.floor(random() * 6);
    const ring: LonLat[] = [];
    for (let j = 0; j < k; j++) {
      const t = (2 * Math.PI * j) / k;
      const rr = r * (0.5 + 0.5 * random());
      ring.push([round6(c[0] + (rr * Math.cos(t)) / cosLat), round6(c[1] + rr * Math.sin(t))]);
    }
    ring.push(ring[0] as LonLat);
    units.push({ id: `a${a}`, name: `Area ${a}`, aliases: [], kind: "area", polygon: [ring as Ring] });
  }

  // Initial control: territories grown around one capital per faction.
  const faction = new Uint8Array(units.length);
  const capitals = Array.from({ length: nFactions }, () => at[Math.floor(random() * placeCount)] as LonLat);
  const initial: CompiledScenario["initial"][number][] = [];
  for (let u = 0; u < placeCount; u++) {
    if (random() < unmentioned) continue;
    const p = at[u] as LonLat;
    let best = 0;
    let bestD = Infinity;
    capitals.forEach((c, i) => {
      const d = ((p[0] - c[0]) * cosLat) ** 2 + (p[1] - c[1]) ** 2;
      if (d < bestD) {
        bestD = d;
        best = i + 1;
      }
    });
    faction[u] = best;
    initial.push({ unit: u, faction: best, status: "held" as UnitStatus, by: 0 });
  }

  if (unmentioned === 0)
    for (let u = placeCount; u < units.length; u++) {
      faction[u] = 1;
      initial.push({ unit: u, faction: 1, status: "held" as UnitStatus, by: 0 });
    }

  // Events: fronts move between neighbours.
  const dayList: number[] = [];
  const day0 = dayOf(start);
  for (let i = 0; i < nEvents; i++) dayList.push(day0 + Math.floor(random() * days));
  dayList.sort((a, b) => a - b);
  const log: CompiledEvent[] = [];
  for (let i = 0; i < nEvents; i++) {
    const day = dayList[i] as number;
    const date = dateOf(day);
    const roll = random();
    let op: ControlType = "control";
    let eventUnits: number[];
    let f = 0;
    let by = 0;
    if (roll < 0.05 && units.length > placeCount) {
      const u = placeCount + Math.floor(random() * (units.length - placeCount));
      eventUnits = [u];
      f = 1 + Math.floor(random() * nFactions);
    } else {
      const u = Math.floor(random() * placeCount);
      const nb = neighbours(u);
      if (roll < 0.85) {
        const v = nb.length > 0 ? (nb[Math.floor(random() * nb.length)] as number) : u;
        f =
          faction[v] !== 0 && faction[v] !== faction[u]
            ? (faction[v] as number)
            : 1 + Math.floor(random() * nFactions);
        eventUnits = [u, ...nb.filter(() => random() < 0.3)];
      } else {
        eventUnits = [u];
        const other = 1 + Math.floor(random() * nFactions);
        by = 1 << other;
        op = roll < 0.93 ? "contest" : roll < 0.97 ? "siege" : "lift";
      }
    }
    if (op === "control") for (const u of eventUnits) faction[u] = f;
    const type = op === "control" ? "control" : op === "lift" ? "lift-siege" : op;
    const ids = eventUnits.map((u) => (units[u] as CompiledUnit).id);
    const def = {
      id: `e${i}`,
      date,
      date_precision: "day",
      title: `Event ${i}`,
      sources: [],
      confidence: "assessed",
      type,
      units: ids,
      ...(op === "control" ? { faction: (factions[f - 1] as FactionDef).id } : {}),
      ...(op === "contest" || op === "siege" ? { by: [`f${Math.log2(by)}`] } : {}),
    } as unknown as EventDef;
    log.push({
      index: i,
      id: `e${i}`,
      ...(op === "control"
        ? { type: op, units: eventUnits, faction: f, onlyFrom: 0 }
        : op === "lift"
          ? { type: op, units: eventUnits }
          : { type: op, units: eventUnits, by }),
      date,
      day,
      title: def.title,
      date_precision: "day",
      confidence: "assessed",
      def,
    });
  }
  return {
    id: `synthetic-${options.seed ?? 1}`,
    title: "Synthetic scenario",
    description: `${placeCount} places, ${units.length - placeCount} areas, ${nEvents} events`,
    start,
    end: dateOf(day0 + days - 1),
    view: {},
    theatre,
    factions,
    units,
    placeCount,
    initial,
    log,
  };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
