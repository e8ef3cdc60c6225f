// Typed views of a compiled partition (face attributes, the faces on either side of each arc,
// decoded arcs), built once per partition object and shared by the per-date functions.

import type { Topology } from "topojson-specification";
import type { Partition } from "./partition.js";

/** A partition's attributes as typed arrays, built once per partition object. */
export interface PreparedPartition {
  readonly partition: Partition;
  readonly faceCount: number;
  readonly arcCount: number;
  readonly facePlace: Int32Array;
  readonly faceAreaStart: Int32Array;
  readonly faceAreas: Int32Array;
  readonly faceKm2: Float64Array;
  /** 1 for open country (beyond the reach of the face's place). */
  readonly faceOpen: Uint8Array;
  /** The place that decides each face with its areas (see `PartitionFaces.decider`). */
  readonly faceDecider: Int32Array;
  /** Face left / right of each arc (-1 outside the theatre). */
  readonly arcLeft: Int32Array;
  readonly arcRight: Int32Array;
  /** Arcs in absolute longitude/latitude, `[x0, y0, x1, y1, …]`, decoded on first use. */
  arcCoordinates(): readonly Float64Array[];
}

const prepared = new WeakMap<Partition, PreparedPartition>();

/** Typed views of a partition (memoised per partition object). */
export function preparePartition(partition: Partition): PreparedPartition {
  const hit = prepared.get(partition);
  if (hit) return hit;
  const f = partition.faces;
  const faceCount = f.place.length;
  const arcCount = partition.topology.arcs.length;
  const arcLeft = new Int32Array(arcCount);
  const arcRight = new Int32Array(arcCount);
  for (let a = 0; a < arcCount; a++) {
    arcLeft[a] = partition.arcFaces[2 * a] as number;
    arcRight[a] = partition.arcFaces[2 * a + 1] as number;
  }
  let decoded: Float64Array[] | undefined;
  const p: PreparedPartition = {
    partition,
    faceCount,
    arcCount,
    facePlace: Int32Array.from(f.place),
    faceAreaStart: Int32Array.from(f.areaStart),
    faceAreas: Int32Array.from(f.areas),
    faceKm2: Float64Array.from(f.km2),
    faceDecider: Int32Array.from(f.decider),
    faceOpen: Uint8Array.from(f.open),
    arcLeft,
    arcRight,
    arcCoordinates() {
      decoded ??= decodeArcs(partition.topology);
      return decoded;
    },
  };
  prepared.set(partition, p);
  return p;
}

function decodeArcs(topology: Topology): Float64Array[] {
  const t = topology.transform;
  const sx = t ? t.scale[0] : 1;
  const sy = t ? t.scale[1] : 1;
  const tx = t ? t.translate[0] : 0;
  const ty = t ? t.translate[1] : 0;
  return topology.arcs.map((arc) => {
    const out = new Float64Array(arc.length * 2);
    let x = 0;
    let y = 0;
    arc.forEach((p, i) => {
      if (t) {
        x += p[0] as number;
        y += p[1] as number;
      } else {
        x = p[0] as number;
        y = p[1] as number;
      }
      out[2 * i] = x * sx + tx;
      out[2 * i + 1] = y * sy + ty;
    });
    return out;
  });
}
