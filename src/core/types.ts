// The data model of frontfold: what a scenario file says (the *definition* types) and what the
// compiler turns it into (the *compiled* types the fold, the geometry and the renderer read).
// Everything here is plain, JSON-serialisable data so a compiled scenario can cross a worker
// boundary or be emitted by the Vite plugin unchanged.

import type { AreaInput, EventInput, FactionInput, PlaceInput, SourceInput, ViewInput } from "./schema.js";

/** An ISO calendar day, `YYYY-MM-DD`, UTC. */
export type IsoDate = string;
/** `[longitude, latitude]` in degrees, WGS84. */
export type LonLat = readonly [number, number];
/** A linear ring: first and last positions equal. */
export type Ring = readonly LonLat[];

// The definition types are read from the zod schemas in `schema.ts` (made deeply read-only), so
// a field added to the schema is a field here, with no second list to keep in step.

/** `T` with every property and array, at any depth, read-only. */
export type DeepReadonly<T> = T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

export type Source = DeepReadonly<SourceInput>;
export type FactionDef = DeepReadonly<FactionInput>;
export type PlaceDef = DeepReadonly<PlaceInput>;
export type PlaceKind = PlaceDef["kind"];
/** Where the coordinates come from; `approximate` and `measured` need a `note`. */
export type CoordSource = PlaceDef["coords"];
/** An area, its polygon normalised to a list of rings (outer ring first, then holes). */
export type AreaDef = Omit<DeepReadonly<AreaInput>, "polygon"> & { readonly polygon: readonly Ring[] };

export type TheatreDef =
  | {
      readonly kind: "countries";
      /** ISO 3166-1 alpha-2 or alpha-3 codes. */
      readonly countries: readonly string[];
      readonly resolution: "10m" | "50m" | "110m";
      /** Also cut to this `[west, south, east, north]`, when given. */
      readonly bbox?: readonly [number, number, number, number] | undefined;
      /** Places this far outside the outline still get a cell without a warning. */
      readonly tolerance_km: number;
      readonly barriers?: readonly string[] | undefined;
      readonly reach_km?: ReachKm | undefined;
    }
  | {
      readonly kind: "bbox";
      readonly bbox: readonly [number, number, number, number];
      readonly tolerance_km: number;
      readonly barriers?: readonly string[] | undefined;
      readonly reach_km?: ReachKm | undefined;
    }
  | {
      readonly kind: "polygon";
      readonly polygon: readonly Ring[];
      readonly tolerance_km: number;
      /** Rivers (by name) that no place's ground crosses: its ground stays on its own bank. */
      readonly barriers?: readonly string[] | undefined;
      /** How far a place's ground reaches, km, by kind (defaults in `geo/reach.ts`). */
      readonly reach_km?: ReachKm | undefined;
    };

export type ReachKm = { readonly [K in PlaceKind]?: number | undefined };

export type ViewDef = DeepReadonly<ViewInput>;

export type UnitStatus = "unknown" | "held" | "contested" | "besieged";

/** An event as written: one of the types in `eventTypes`, with the fields every event has. */
export type EventDef = DeepReadonly<EventInput>;
export type EventType = EventDef["type"];
export type DatePrecision = EventDef["date_precision"];
export type Confidence = EventDef["confidence"];
/** What a `supersede` puts in place of its target: a full event without its own id. */
export type ReplacementEvent = Extract<EventDef, { type: "supersede" }>["with"];
/** What an event does once corrections are read: a supersede's replacement, any other event itself. */
export type EffectiveDef = Exclude<EventDef, { type: "supersede" }> | ReplacementEvent;
export type IncidentKind = Extract<EventDef, { type: "incident" }>["kind"];

// ---------------------------------------------------------------------------------------------
// Compiled form.

/** Faction code 0 means "nobody / unknown"; faction `i` of `factions` has code `i + 1`. */
export const UNKNOWN = 0;

export interface CompiledUnit {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: "place" | "area";
  /** Places only. */
  readonly at?: LonLat | undefined;
  readonly placeKind?: PlaceKind | undefined;
  /** Places only: how far its ground reaches, km, when the place says so. */
  readonly reachKm?: number | undefined;
  /** Areas only. */
  readonly polygon?: readonly Ring[] | undefined;
  /** Areas only: a boundary, never controlled itself. */
  readonly boundary?: boolean | undefined;
}

interface CompiledEventCommon {
  /** Position in the log (0-based); also the order of changes. */
  readonly index: number;
  readonly id: string;
  /** The effective date (a supersede's is its replacement's). */
  readonly date: IsoDate;
  /** Days since 1970-01-01 (UTC). */
  readonly day: number;
  readonly title: string;
  readonly date_precision: DatePrecision;
  readonly confidence: Confidence;
  /** The event as written, kept for provenance: for a supersede, the supersede itself (its
   * replacement, which this compiled event carries out, is `def.with`). */
  readonly def: EventDef;
  /** Set when a later `retract`/`supersede` takes this event out of the fold; read it through
   * `isLive` (`core/events.ts`). */
  readonly retractedBy?: string | undefined;
  /** The id of the event a `supersede` replaced. */
  readonly supersedes?: string | undefined;
}

/** What an event does, resolved at compile time: ids turned into unit indices and faction codes,
 * an `advance` into the places it takes in, a `supersede` into its replacement's body. */
export type CompiledBody =
  | {
      readonly type: "control";
      /** Unit indices (an advance: the places it took in). */
      readonly units: readonly number[];
      /** Faction code. */
      readonly faction: number;
      /** A unit changes hands only if its faction's bit is set here (0: no restriction; advances). */
      readonly onlyFrom: number;
    }
  | {
      readonly type: "contest" | "siege";
      readonly units: readonly number[];
      /** Bit mask of faction codes (bit `code`). */
      readonly by: number;
    }
  | { readonly type: "lift"; readonly units: readonly number[] }
  | {
      readonly type: "incident";
      readonly kind: IncidentKind;
      /** Where it happened (a place, an area's centre, or coordinates). */
      readonly at: LonLat;
      /** Days the marker stays on the map after the date. */
      readonly window_days: number;
    }
  | { readonly type: "chapter"; readonly narration: string; readonly seconds?: number | undefined }
  | { readonly type: "note"; readonly text: string }
  | { readonly type: "retract"; readonly target: string; readonly reason: string };

/** One event of the compiled log: a union on `type`. */
export type CompiledEvent = CompiledEventCommon & CompiledBody;
export type CompiledType = CompiledEvent["type"];
/** The events that act on units: what the fold applies. */
export type ControlEvent = Extract<CompiledEvent, { readonly units: readonly number[] }>;
export type ControlType = ControlEvent["type"];

export interface CompiledScenario {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly view: ViewDef;
  readonly theatre: TheatreDef;
  readonly factions: readonly FactionDef[];
  /** Places first (indices `0..placeCount-1`), then areas. */
  readonly units: readonly CompiledUnit[];
  readonly placeCount: number;
  readonly initial: readonly {
    readonly unit: number;
    readonly faction: number;
    readonly status: UnitStatus;
    readonly by: number;
  }[];
  /** Sorted by date, ties in file order; includes retracted events (flagged) for provenance. */
  readonly log: readonly CompiledEvent[];
}
