// Control geometry: theatre, partition (compiled once), and what a date looks like on the ground.

export { placesInCorridor, placesInPolygon } from "../core/geodesy.js";
export { densifyRing, km2 } from "./area.js";
export {
  dissolveFaces,
  faceGeometry,
  faceOwners,
  faceWinners,
  factionPolygons,
  frontArcs,
  frontLines,
  gainedLost,
  gainedLostPolygons,
  km2ByFaction,
  type ControlFeatureProps,
  type FrontLineProps,
  type GainedLost,
} from "./control.js";
export { dissolve } from "./dissolve.js";
export {
  compilePartition,
  PARTITION_FORMAT,
  partitionKey,
  type CompileOptions,
  type Partition,
  type PartitionFaces,
  type PartitionWarning,
} from "./partition.js";
export { preparePartition, type PreparedPartition } from "./prepared.js";
export {
  bboxPolygon,
  forD3,
  resolveTheatre,
  rfc7946,
  type Atlas,
  type Bbox,
  type ResolvedTheatre,
} from "./theatre.js";
