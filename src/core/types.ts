// The data model of frontfold: what a scenario file says (the *definition* types) and what the
// compiler turns it into (the *compiled* types the fold, the geometry and the renderer read).
// Everything here is plain, JSON-serialisable data so a compiled scenario can cross a worker
// boundary or be emitted by the Vite plugin unchanged.

/** An ISO calendar day, `YYYY-MM-DD`, UTC. */
export type IsoDate = string;
/** `[longitude, latitude]` in degrees, WGS84. */
export type LonLat = readonly [number, number];
/** A linear ring: first and last positions equal. */
export type Ring = readonly LonLat[];

export type DatePrecision = "day" | "month" | "approximate";
export type Confidence = "assessed" | "claimed";

export interface Source {
  readonly publication: string;
  readonly date: IsoDate;
  readonly title?: string | undefined;
  readonly url?: string | undefined;
}

export interface FactionDef {
  readonly id: string;
  readonly name: string;
  /** CSS colour, `#rrggbb`. */
  readonly color: string;
  /** Who this id stands for in this scenario (free text). */
  readonly covers?: string | undefined;
}

export type PlaceKind = "city" | "town" | "village" | "neighbourhood" | "landmark" | "base";
export type CoordSource = "geonames" | "approximate" | "measured";

export interface PlaceDef {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly at: LonLat;
  readonly kind: PlaceKind;
  /** Where the coordinates come from; `approximate` and `measured` need a `note`. */
  readonly coords: CoordSource;
  readonly note?: string | undefined;
}

export interface AreaDef {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** Outer ring first, then holes. */
  readonly polygon: readonly Ring[];
  /** Holds no ground of its own: only stops places' ground at its edge. */
  readonly boundary: boolean;
  readonly note?: string | undefined;
}

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
    }
  | {
      readonly kind: "bbox";
      readonly bbox: readonly [number, number, number, number];
      readonly tolerance_km: number;
      readonly barriers?: readonly string[] | undefined;
    }
  | {
      readonly kind: "polygon";
      readonly polygon: readonly Ring[];
      readonly tolerance_km: number;
      /** Rivers (by name) that no place's ground crosses: its ground stays on its own bank. */
      readonly barriers?: readonly string[] | undefined;
    };

export interface ViewDef {
  /** Date the app opens on. */
  readonly date?: IsoDate | undefined;
  /** `[west, south, east, north]` the map frames first. */
  readonly bbox?: readonly [number, number, number, number] | undefined;
}

export type UnitStatus = "unknown" | "held" | "contested" | "besieged";

export interface InitialEntry {
  readonly unit: string;
  readonly faction: string;
  readonly status: "held" | "contested" | "besieged";
  readonly by: readonly string[];
}

interface EventCommon {
  readonly id: string;
  readonly date: IsoDate;
  readonly date_precision: DatePrecision;
  readonly title: string;
  readonly sources: readonly Source[];
  readonly confidence: Confidence;
  readonly note?: string | undefined;
  /** For the scenario's authors only: the app and the exports never show it. */
  readonly author_note?: string | undefined;
}

export type IncidentKind = "airstrike" | "bombing" | "clash" | "massacre" | "shelling" | "other";

/** The event bodies an author writes; `supersede` carries one of the others. */
export type EventBody =
  | {
      readonly type: "control";
      readonly units: readonly string[];
      readonly faction: string;
      readonly from?: string | undefined;
    }
  | { readonly type: "contest"; readonly units: readonly string[]; readonly by: readonly string[] }
  | { readonly type: "siege"; readonly units: readonly string[]; readonly by: readonly string[] }
  | { readonly type: "lift-siege"; readonly units: readonly string[] }
  | {
      readonly type: "advance";
      readonly faction: string;
      /** A path with a corridor half-width, or a polygon: every place within goes to `faction`. */
      readonly path?: readonly LonLat[] | undefined;
      readonly width_km?: number | undefined;
      readonly polygon?: readonly Ring[] | undefined;
      /** Only places held by these factions change hands (default: any other faction). */
      readonly from?: readonly string[] | undefined;
    }
  | {
      readonly type: "incident";
      readonly kind: IncidentKind;
      /** A place id or coordinates. */
      readonly at: string | LonLat;
      /** Days the marker stays on the map after the date. */
      readonly window_days: number;
    }
  | { readonly type: "note"; readonly text: string }
  | { readonly type: "chapter"; readonly narration: string; readonly seconds?: number | undefined }
  | { readonly type: "retract"; readonly target: string; readonly reason: string }
  | {
      readonly type: "supersede";
      readonly target: string;
      readonly reason: string;
      readonly with: ReplacementEvent;
    };

export type EventDef = EventCommon & EventBody;
export type EventType = EventBody["type"];
/** What a `supersede` puts in place of its target: a full event without its own id. */
export type ReplacementEvent = Omit<EventCommon, "id"> &
  Exclude<EventBody, { type: "supersede" } | { type: "retract" }>;

export interface ScenarioDef {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly view: ViewDef;
  readonly theatre: TheatreDef;
  readonly factions: readonly FactionDef[];
  readonly places: readonly PlaceDef[];
  readonly areas: readonly AreaDef[];
  readonly initial: readonly InitialEntry[];
  readonly events: readonly EventDef[];
}

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
  /** Areas only. */
  readonly polygon?: readonly Ring[] | undefined;
  /** Areas only: a boundary, never controlled itself. */
  readonly boundary?: boolean | undefined;
}

/** How an event acts on the units it names. */
export type ControlOp = "none" | "control" | "contest" | "siege" | "lift";

export interface CompiledEvent {
  /** Position in the log (0-based); also the order of changes. */
  readonly index: number;
  readonly id: string;
  readonly type: EventType;
  readonly date: IsoDate;
  /** Days since 1970-01-01 (UTC). */
  readonly day: number;
  readonly title: string;
  readonly op: ControlOp;
  /** Unit indices the event acts on (advance: the places it resolved to). */
  readonly units: readonly number[];
  /** Faction code for `control` (and resolved `advance`). */
  readonly faction: number;
  /** Bit mask of faction codes for `contest` / `siege` (bit `code`). */
  readonly by: number;
  /** `advance` only: a unit changes hands only if its faction's bit is set here (0: no restriction). */
  readonly onlyFrom: number;
  /** The event as written (for display and provenance). For a supersede, its replacement. */
  readonly def: EventDef;
  /** Set when a later `retract`/`supersede` removes this event from the fold. */
  readonly retractedBy?: string | undefined;
  /** The id of the event a `supersede` replaced. */
  readonly supersedes?: string | undefined;
  /** `incident` only: where it happened. */
  readonly at?: LonLat | undefined;
  /** Where the event is written. */
  readonly pos?: SourcePosition | undefined;
}

export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

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
