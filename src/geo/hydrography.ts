// Rivers and lakes (GSHHG/WDBII, extracted by `src/node/hydrography.ts` into
// `src/geo/hydrography.json`): their types and the part of them a theatre needs.

import type { Feature, FeatureCollection, MultiLineString, Polygon, Position } from "geojson";
import { stableHash } from "./hash.js";
import type { Bbox } from "./theatre.js";

export interface RiverProps {
  readonly kind: "river";
  /** The river's name where derived (see the extraction script), otherwise null. */
  readonly name: string | null;
  /** Named major rivers are labelled; the rest are drawn thinner. */
  readonly major: boolean;
  /** "derived" for a river drawn from published coordinates (absent from WDBII); else WDBII. */
  readonly source?: "derived";
}

export interface LakeProps {
  readonly kind: "lake";
  readonly name: string | null;
  /** "GSHHG" for a GSHHG level-2 polygon, "derived" for one derived from published measurements. */
  readonly source: "GSHHG" | "derived";
}

export type HydroFeature = Feature<MultiLineString, RiverProps> | Feature<Polygon, LakeProps>;
/** What the committed file says about itself (written by the extraction script). */
export interface HydroMeta {
  readonly source: string;
  /** `[west, south, east, north]` extracted. */
  readonly region: readonly number[];
  /** Simplification tolerances, degrees. */
  readonly tolerance: { readonly rivers: number; readonly lakes: number };
  /** Coordinates are rounded to this many decimals. */
  readonly decimals: number;
  readonly features: readonly {
    readonly kind: "river" | "lake";
    readonly name: string | null;
    readonly source: string;
    readonly vertices: number;
  }[];
  /** `hydrographyDigest` of the features. */
  readonly digest: string;
}

export type Hydrography = FeatureCollection<MultiLineString | Polygon, RiverProps | LakeProps> & {
  readonly features: HydroFeature[];
  readonly meta?: HydroMeta;
};

/** A digest of the features' JSON text, recorded in the file's `meta`. */
export function hydrographyDigest(features: readonly HydroFeature[]): string {
  return stableHash(JSON.stringify(features));
}

/** The rivers and lakes with a part in `box`: lines cut to it, lakes kept whole when they touch it. */
export function hydrographyIn(h: Hydrography, box: Bbox): Hydrography {
  const inside = (p: Position): boolean =>
    (p[0] as number) >= box[0] &&
    (p[0] as number) <= box[2] &&
    (p[1] as number) >= box[1] &&
    (p[1] as number) <= box[3];
  const features: HydroFeature[] = [];
  for (const f of h.features) {
    if (f.geometry.type === "Polygon") {
      if ((f.geometry.coordinates[0] ?? []).some(inside)) features.push(f);
      continue;
    }
    const lines: Position[][] = [];
    for (const line of f.geometry.coordinates) {
      let cur: Position[] = [];
      line.forEach((p, i) => {
        // keep a vertex inside, or next to one inside, so lines run to the edge of the box
        const keep =
          inside(p) ||
          (line[i - 1] && inside(line[i - 1] as Position)) ||
          (line[i + 1] && inside(line[i + 1] as Position));
        if (keep) cur.push(p);
        else if (cur.length > 0) {
          if (cur.length >= 2) lines.push(cur);
          cur = [];
        }
      });
      if (cur.length >= 2) lines.push(cur);
    }
    if (lines.length > 0)
      features.push({ ...f, geometry: { type: "MultiLineString", coordinates: lines } } as HydroFeature);
  }
  return { type: "FeatureCollection", features };
}
