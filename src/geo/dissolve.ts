// Dissolving a set of faces into one valid (Multi)Polygon through the topology. The boundary of
// the set is made of the arcs with the set on exactly one side; oriented so the set lies on their
// left, they chain into rings at the nodes where arcs meet. Where the set touches itself at a
// single node (a pinch), a ring that comes back to that node is cut there into simple loops:
// counter-clockwise loops are exteriors, clockwise loops holes, so two pieces touching at a corner
// come out as two polygons, and a hole touching its exterior stays a hole. This costs
// O(boundary), where topojson-client's `merge` costs O(all faces) and grows with how scattered
// the set is.

import type { MultiPolygon, Polygon, Position } from "geojson";
import type { Partition } from "./partition.js";
import { preparePartition, type PreparedPartition } from "./prepared.js";
import type { XY } from "./plane.js";
import { assemblePolygons, ringArea2, splitSelfTouching } from "./rings.js";

interface Nodes {
  readonly count: number;
  readonly arcStart: Int32Array;
  readonly arcEnd: Int32Array;
  /** Scratch: first boundary edge leaving each node (-1 none). */
  readonly head: Int32Array;
}

const nodeCache = new WeakMap<PreparedPartition, Nodes>();

function nodesOf(p: PreparedPartition): Nodes {
  const hit = nodeCache.get(p);
  if (hit) return hit;
  const coords = p.arcCoordinates();
  const ids = new Map<string, number>();
  const id = (x: number, y: number): number => {
    const k = `${x},${y}`;
    let v = ids.get(k);
    if (v === undefined) ids.set(k, (v = ids.size));
    return v;
  };
  const arcStart = new Int32Array(p.arcCount);
  const arcEnd = new Int32Array(p.arcCount);
  coords.forEach((c, a) => {
    arcStart[a] = id(c[0] as number, c[1] as number);
    arcEnd[a] = id(c[c.length - 2] as number, c[c.length - 1] as number);
  });
  const nodes: Nodes = { count: ids.size, arcStart, arcEnd, head: new Int32Array(ids.size).fill(-1) };
  nodeCache.set(p, nodes);
  return nodes;
}

/**
 * The union of the faces for which `inSet(face)` holds, RFC 7946 winding.
 *
 * @example
 * dissolve(partition, (f) => owners[f] === 1); // faction 1's ground
 */
export function dissolve(partition: Partition, inSet: (face: number) => boolean): Polygon | MultiPolygon {
  const p = preparePartition(partition);
  const nodes = nodesOf(p);
  const coords = p.arcCoordinates();
  // Boundary edges, oriented with the set on the left: ref = arc (forward) or ~arc (reversed).
  const refs: number[] = [];
  for (let a = 0; a < p.arcCount; a++) {
    const l = p.arcLeft[a] as number;
    const r = p.arcRight[a] as number;
    const inL = l >= 0 && inSet(l);
    const inR = r >= 0 && inSet(r);
    if (inL === inR) continue;
    refs.push(inL ? a : ~a);
  }
  const n = refs.length;
  if (n === 0) return { type: "MultiPolygon", coordinates: [] };
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  const nextOut = new Int32Array(n);
  const head = nodes.head;
  for (let e = 0; e < n; e++) {
    const ref = refs[e] as number;
    const a = ref >= 0 ? ref : ~ref;
    from[e] = ref >= 0 ? (nodes.arcStart[a] as number) : (nodes.arcEnd[a] as number);
    to[e] = ref >= 0 ? (nodes.arcEnd[a] as number) : (nodes.arcStart[a] as number);
    nextOut[e] = head[from[e] as number] as number;
    head[from[e] as number] = e;
  }
  // Direction helpers on the decoded arcs.
  const firstStep = (e: number): [number, number] => {
    const ref = refs[e] as number;
    const c = coords[ref >= 0 ? ref : ~ref] as Float64Array;
    const m = c.length;
    return ref >= 0
      ? [(c[2] as number) - (c[0] as number), (c[3] as number) - (c[1] as number)]
      : [(c[m - 4] as number) - (c[m - 2] as number), (c[m - 3] as number) - (c[m - 1] as number)];
  };
  const lastStepBack = (e: number): [number, number] => {
    // from the end node back along the edge
    const ref = refs[e] as number;
    const c = coords[ref >= 0 ? ref : ~ref] as Float64Array;
    const m = c.length;
    return ref >= 0
      ? [(c[m - 4] as number) - (c[m - 2] as number), (c[m - 3] as number) - (c[m - 1] as number)]
      : [(c[2] as number) - (c[0] as number), (c[3] as number) - (c[1] as number)];
  };
  const used = new Uint8Array(n);
  const rings: Position[][] = [];
  for (let start = 0; start < n; start++) {
    if (used[start]) continue;
    const ring: Position[] = [];
    let pinched = false;
    let e = start;
    for (let guard = 0; guard <= n; guard++) {
      used[e] = 1;
      const ref = refs[e] as number;
      const c = coords[ref >= 0 ? ref : ~ref] as Float64Array;
      const m = c.length >> 1;
      const skip = ring.length > 0 ? 1 : 0;
      if (ref >= 0) for (let i = skip; i < m; i++) ring.push([c[2 * i] as number, c[2 * i + 1] as number]);
      else for (let i = m - 1 - skip; i >= 0; i--) ring.push([c[2 * i] as number, c[2 * i + 1] as number]);
      const node = to[e] as number;
      let next = head[node] as number;
      if (next >= 0 && (nextOut[next] as number) >= 0) {
        // A pinch: take the first boundary edge clockwise from the way we came in.
        pinched = true;
        const [bx, by] = lastStepBack(e);
        let best = -1;
        let bestAngle = Infinity;
        for (let k = next; k >= 0; k = nextOut[k] as number) {
          const [ox, oy] = firstStep(k);
          const ccw = Math.atan2(bx * oy - by * ox, bx * ox + by * oy);
          let cw = -ccw;
          if (cw <= 0) cw += 2 * Math.PI;
          if (cw < bestAngle) {
            bestAngle = cw;
            best = k;
          }
        }
        next = best;
      }
      if (next < 0 || next === start || used[next]) break;
      e = next;
    }
    const first = ring[0] as Position;
    const last = ring[ring.length - 1] as Position;
    if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0] as number, first[1] as number]);
    if (ring.length < 4) continue;
    if (pinched) for (const loop of splitSelfTouching(ring as [number, number][])) rings.push(loop);
    else rings.push(ring);
  }
  for (let e = 0; e < n; e++) head[from[e] as number] = -1;
  return assemble(rings);
}

/** Exteriors (counter-clockwise) with their holes (clockwise), largest first. */
function assemble(rings: Position[][]): Polygon | MultiPolygon {
  const polys: Position[][][] = assemblePolygons(rings as XY[][]).sort(
    (a, b) => ringArea2(b[0] as XY[]) - ringArea2(a[0] as XY[]),
  );
  if (polys.length === 1) return { type: "Polygon", coordinates: polys[0] as Position[][] };
  return { type: "MultiPolygon", coordinates: polys };
}
