// A local plane for geometry that must mean "distance on the ground": longitude scaled by the
// cosine of the theatre's middle latitude, both axes in kilometres. Nearest-place cells are
// computed here, and clipping happens here too.
//
// The plane is affine in longitude and latitude on purpose. Authors draw straight edges in
// longitude/latitude (a bbox theatre, "everything south of 35.936° N"), and an affine map keeps
// them straight and keeps shared coordinates bit-for-bit shared: an area edge laid along the
// theatre's edge stays exactly on it, so no sliver opens between them. The price is that
// east–west distances are off by the ratio cos(latitude) / cos(middle latitude) away from the
// middle: about 3 % at the northern and southern edges of Syria.

import { EARTH_RADIUS_KM } from "../core/geodesy.js";
import type { LonLat } from "../core/types.js";
const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;

export type XY = [number, number];

export interface Plane {
  readonly lon0: number;
  readonly lat0: number;
  /** `[lon, lat]` → `[x, y]` km, x east, y north. */
  forward(p: LonLat): XY;
  /** `[x, y]` km → `[lon, lat]`. */
  inverse(p: readonly [number, number]): XY;
}

/** A plane centred on `[lon0, lat0]`. */
export function createPlane(lon0: number, lat0: number): Plane {
  const kx = KM_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
  const ky = KM_PER_DEGREE;
  return {
    lon0,
    lat0,
    forward: (p) => [(p[0] - lon0) * kx, (p[1] - lat0) * ky],
    inverse: (p) => [p[0] / kx + lon0, p[1] / ky + lat0],
  };
}
