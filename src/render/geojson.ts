// Control on one date as GeoJSON, for GIS tools (QGIS, geojson.io): one feature per faction's
// ground plus ground nobody is recorded holding, contested and besieged units as features of their
// own, front lines. The geometry layer gives shapes and ids; this writer names them and colours
// them from the map's style, so a GIS layer and the printed map agree.

import type { ControlState } from "../core/fold.js";
import type { FactionDef, IsoDate } from "../core/types.js";
import {
  faceOwners,
  factionPolygons,
  frontLines,
  km2ByFaction,
  type ControlFeatureProps,
} from "../geo/control.js";
import type { Partition } from "../geo/partition.js";
import type { ScenarioBundle } from "../map/bundle.js";
import { UNKNOWN_FILL, UNKNOWN_LABEL } from "../map/style.js";
import type { Feature, MultiPolygon, Polygon } from "geojson";

export interface ControlFeatureLabels {
  readonly kind: ControlFeatureProps["kind"];
  readonly faction: string;
  /** The faction's name, or the unit's for a contested or besieged unit. */
  readonly name: string;
  /** The faction's colour (the holder's, for a unit). */
  readonly color: string;
  readonly km2: number;
  readonly unit?: string;
  readonly by?: readonly string[];
}

/**
 * Faction ground, then contested and besieged units, named and coloured.
 *
 * @example
 * controlFeatures(partition, owners, scenario.factions, { state, units: scenario.units });
 */
export function controlFeatures(
  partition: Partition,
  owners: ArrayLike<number>,
  factions: readonly FactionDef[],
  detail?: Parameters<typeof factionPolygons>[3],
): Feature<Polygon | MultiPolygon, ControlFeatureLabels>[] {
  const byId = new Map(factions.map((f) => [f.id, f]));
  return factionPolygons(partition, owners, factions, detail).features.map((f) => {
    const p = f.properties;
    const faction = byId.get(p.faction);
    const name = p.kind === "control" ? (faction?.name ?? UNKNOWN_LABEL) : (p.unitName ?? p.unit ?? "");
    const properties: ControlFeatureLabels = {
      kind: p.kind,
      faction: p.faction,
      name,
      color: faction?.color ?? UNKNOWN_FILL,
      ...(p.unit !== undefined ? { unit: p.unit } : {}),
      ...(p.by !== undefined ? { by: p.by } : {}),
      km2: p.km2,
    };
    return { ...f, properties };
  });
}

/** The `at --format geojson` document. */
export function controlGeoJson(bundle: ScenarioBundle, date: IsoDate, state: ControlState): string {
  const { scenario, partition } = bundle;
  const owners = faceOwners(partition, state);
  const fronts = frontLines(partition, owners, scenario.factions);
  const km2 = km2ByFaction(partition, owners, scenario.factions.length);
  const collection = {
    type: "FeatureCollection",
    // foreign members (RFC 7946 §6.1): what this is a map of
    scenario: scenario.id,
    title: scenario.title,
    date,
    theatre_km2: round3(partition.theatreKm2),
    km2: Object.fromEntries([
      ...scenario.factions.map((f, i) => [f.id, round3(km2[i + 1] ?? 0)]),
      ["unknown", round3(km2[0] ?? 0)],
    ]),
    features: [
      ...controlFeatures(partition, owners, scenario.factions, { state, units: scenario.units }),
      ...fronts.features.map((f) => ({ ...f, properties: { kind: "front", ...f.properties } })),
    ],
  };
  return JSON.stringify(collection, (_, v: unknown) =>
    typeof v === "number" ? Math.round(v * 1e7) / 1e7 : v,
  );
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
