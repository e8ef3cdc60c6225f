// The scenario file's shape, as zod schemas. One source of truth for three things: validating a
// parsed file (with paths that the parser maps back to line:col), the TypeScript types of what
// an author writes, and the JSON Schema that editors use to complete and underline.

import { z } from "zod";
import { isoDateProblem } from "./dates.js";

const ID = /^[a-z0-9][a-z0-9-]*$/;

export const idSchema = z
  .string()
  .regex(ID, { message: "expected an id of lowercase letters, digits and hyphens (e.g. raqqa-old-city)" });

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "expected a date as YYYY-MM-DD" })
  .superRefine((text, ctx) => {
    const problem = isoDateProblem(text);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const lonLatSchema = z.tuple([z.number(), z.number()]).superRefine(([lon, lat], ctx) => {
  if (lon < -180 || lon > 180)
    ctx.addIssue({ code: "custom", message: `longitude ${lon} is outside [-180, 180]`, path: [0] });
  if (lat < -90 || lat > 90)
    ctx.addIssue({ code: "custom", message: `latitude ${lat} is outside [-90, 90]`, path: [1] });
});

const ringSchema = z.array(lonLatSchema).min(4, { message: "a ring needs at least 4 positions (closed)" });

/** One ring, or a list of rings (outer first, then holes). */
export const polygonSchema = z.union([ringSchema, z.array(ringSchema).min(1)]);

export const sourceSchema = z.strictObject({
  publication: z.string().min(1),
  date: isoDateSchema,
  title: z.string().optional(),
  url: z.string().url().optional(),
});

export const factionSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'expected a colour as "#rrggbb"' }),
  covers: z.string().optional(),
});

export const placeKinds = ["city", "town", "village", "neighbourhood", "landmark", "base"] as const;

export const placeSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  at: lonLatSchema,
  kind: z.enum(placeKinds).default("town"),
  reach_km: z
    .number()
    .positive()
    .optional()
    .describe("how far the place's ground reaches, km (default: the theatre's reach_km for its kind)"),
  coords: z.enum(["geonames", "approximate", "measured"]).default("geonames"),
  note: z.string().optional(),
});

export const areaSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  polygon: polygonSchema,
  /** A boundary holds no ground of its own: it only stops places' ground at its edge. */
  boundary: z
    .boolean()
    .default(false)
    .describe("true: the area only stops places' ground at its edge and is never controlled itself"),
  note: z.string().optional(),
  author_note: z
    .string()
    .optional()
    .describe("for the scenario's authors (how the outline was derived): never shown to readers"),
});

const bboxSchema = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .refine(([w, s, e, n]) => w < e && s < n && w >= -180 && e <= 180 && s >= -90 && n <= 90, {
    message: "expected [west, south, east, north] with west < east and south < north",
  });

const barriersSchema = z
  .array(z.string().min(1))
  .optional()
  .describe(
    "rivers (by name: Euphrates, Tigris, Khabur, Orontes, Little Zab) that no place's ground crosses",
  );

const reachSchema = z
  .strictObject(
    Object.fromEntries(placeKinds.map((k) => [k, z.number().positive().optional()])) as {
      [K in (typeof placeKinds)[number]]: z.ZodOptional<z.ZodNumber>;
    },
  )
  .optional()
  .describe("how far a place's ground reaches by kind, km; beyond every reach is open country");

export const theatreSchema = z.union([
  z.strictObject({
    countries: z.array(z.string().regex(/^[A-Za-z]{2,3}$/, { message: "expected an ISO 3166 code" })).min(1),
    resolution: z.enum(["10m", "50m", "110m"]).default("10m"),
    bbox: bboxSchema.optional().describe("also cut the countries to this [west, south, east, north]"),
    tolerance_km: z.number().nonnegative().default(10),
    barriers: barriersSchema,
    reach_km: reachSchema,
  }),
  z.strictObject({
    bbox: bboxSchema,
    tolerance_km: z.number().nonnegative().default(10),
    barriers: barriersSchema,
    reach_km: reachSchema,
  }),
  z.strictObject({
    polygon: polygonSchema,
    tolerance_km: z.number().nonnegative().default(10),
    barriers: barriersSchema,
    reach_km: reachSchema,
  }),
]);

export const viewSchema = z.strictObject({
  date: isoDateSchema.optional(),
  bbox: bboxSchema.optional(),
});

const initialItemSchema = z.union([
  idSchema,
  z.strictObject({
    unit: idSchema,
    status: z.enum(["held", "contested", "besieged"]).default("held"),
    by: z.array(idSchema).default([]),
  }),
]);

/** `initial:` maps each faction id to the units it holds on the start date. */
export const initialSchema = z.record(idSchema, z.array(initialItemSchema));

const common = {
  id: idSchema,
  date: isoDateSchema,
  date_precision: z.enum(["day", "month", "approximate"]).default("day"),
  title: z.string().min(1),
  sources: z.array(sourceSchema).min(1, { message: "every event needs at least one source" }),
  confidence: z.enum(["assessed", "claimed"]).default("assessed"),
  note: z.string().optional(),
  author_note: z
    .string()
    .optional()
    .describe("for the scenario's authors (why an event is written as it is): never shown to readers"),
};
const { id: _id, ...commonWithoutId } = common;

/** The fields every event has, whatever its type (other keys let through): checked on their own
 * when the type is unknown, so a wrong type does not hide the event's other mistakes. */
export const eventCommonSchema = z.object(common);

const units = z.array(idSchema).min(1, { message: "name at least one unit" });
const factions = z.array(idSchema).min(1, { message: "name at least one faction" });

const bodies = {
  control: { type: z.literal("control"), units, faction: idSchema, from: idSchema.optional() },
  contest: { type: z.literal("contest"), units, by: factions },
  siege: { type: z.literal("siege"), units, by: factions },
  "lift-siege": { type: z.literal("lift-siege"), units },
  advance: {
    type: z.literal("advance"),
    faction: idSchema,
    path: z.array(lonLatSchema).min(2).optional(),
    width_km: z.number().positive().optional(),
    polygon: polygonSchema.optional(),
    from: z.array(idSchema).optional(),
  },
  incident: {
    type: z.literal("incident"),
    kind: z.enum(["airstrike", "bombing", "clash", "massacre", "shelling", "other"]),
    at: z.union([idSchema, lonLatSchema]),
    window_days: z.number().int().nonnegative().default(7),
  },
  note: { type: z.literal("note"), text: z.string().min(1) },
  chapter: {
    type: z.literal("chapter"),
    narration: z.string().min(1),
    seconds: z.number().positive().optional(),
  },
} as const;

function advanceShape(
  e: { type: string; path?: unknown; width_km?: unknown; polygon?: unknown },
  ctx: z.RefinementCtx,
): void {
  if (e.type !== "advance") return;
  if (e.path === undefined && e.polygon === undefined)
    ctx.addIssue({ code: "custom", message: "an advance needs a path (with width_km) or a polygon" });
  if (e.path !== undefined && e.polygon !== undefined)
    ctx.addIssue({ code: "custom", message: "an advance takes a path or a polygon, not both" });
  if (e.path !== undefined && e.width_km === undefined)
    ctx.addIssue({ code: "custom", message: "an advance along a path needs width_km", path: ["path"] });
}

export const replacementSchema = z
  .discriminatedUnion("type", [
    z.strictObject({ ...commonWithoutId, ...bodies.control }),
    z.strictObject({ ...commonWithoutId, ...bodies.contest }),
    z.strictObject({ ...commonWithoutId, ...bodies.siege }),
    z.strictObject({ ...commonWithoutId, ...bodies["lift-siege"] }),
    z.strictObject({ ...commonWithoutId, ...bodies.advance }),
    z.strictObject({ ...commonWithoutId, ...bodies.incident }),
    z.strictObject({ ...commonWithoutId, ...bodies.note }),
    z.strictObject({ ...commonWithoutId, ...bodies.chapter }),
  ])
  .superRefine(advanceShape);

export const eventSchema = z
  .discriminatedUnion("type", [
    z.strictObject({ ...common, ...bodies.control }),
    z.strictObject({ ...common, ...bodies.contest }),
    z.strictObject({ ...common, ...bodies.siege }),
    z.strictObject({ ...common, ...bodies["lift-siege"] }),
    z.strictObject({ ...common, ...bodies.advance }),
    z.strictObject({ ...common, ...bodies.incident }),
    z.strictObject({ ...common, ...bodies.note }),
    z.strictObject({ ...common, ...bodies.chapter }),
    z.strictObject({ ...common, type: z.literal("retract"), target: idSchema, reason: z.string().min(1) }),
    z.strictObject({
      ...common,
      type: z.literal("supersede"),
      target: idSchema,
      reason: z.string().min(1),
      with: replacementSchema,
    }),
  ])
  .superRefine(advanceShape);

export const eventTypes = [
  "control",
  "contest",
  "siege",
  "lift-siege",
  "advance",
  "incident",
  "note",
  "chapter",
  "retract",
  "supersede",
] as const;

/** The top level, with list items left open: each item is validated on its own so one bad
 * event does not hide the problems of the others. */
export const scenarioHeadSchema = z.strictObject({
  id: idSchema,
  title: z.string().min(1),
  description: z.string().default(""),
  start: isoDateSchema,
  end: isoDateSchema,
  view: z.unknown().optional(),
  theatre: z.unknown(),
  factions: z.array(z.unknown()).min(1, { message: "a scenario needs at least one faction" }),
  places: z.array(z.unknown()).default([]),
  areas: z.array(z.unknown()).default([]),
  initial: z.unknown().optional(),
  include: z.array(z.string().min(1)).default([]),
  events: z.array(z.unknown()).default([]),
});

/** An included file holds more events and, to share ground between scenarios, places, areas
 * and initial control (the including file's factions apply). */
export const includeFileSchema = z.strictObject({
  places: z.array(z.unknown()).default([]),
  areas: z.array(z.unknown()).default([]),
  initial: z.unknown().optional(),
  events: z.array(z.unknown()).default([]),
});

/** The whole file, for the JSON Schema that editors read. */
export const scenarioFileSchema = z.strictObject({
  id: idSchema.describe("Scenario id, used in URLs (?scenario=...)"),
  title: z.string().min(1),
  description: z.string().optional(),
  start: isoDateSchema.describe("First day of the timeline, YYYY-MM-DD"),
  end: isoDateSchema.describe("Last day of the timeline, YYYY-MM-DD"),
  view: viewSchema.optional(),
  theatre: theatreSchema,
  factions: z.array(factionSchema).min(1),
  places: z.array(placeSchema).optional(),
  areas: z.array(areaSchema).optional(),
  initial: initialSchema.optional(),
  include: z.array(z.string()).optional(),
  events: z.array(eventSchema).optional(),
});

export type FactionInput = z.output<typeof factionSchema>;
export type PlaceInput = z.output<typeof placeSchema>;
export type AreaInput = z.output<typeof areaSchema>;
export type TheatreInput = z.output<typeof theatreSchema>;
export type EventInput = z.output<typeof eventSchema>;
export type SourceInput = z.output<typeof sourceSchema>;
export type ViewInput = z.output<typeof viewSchema>;

/** An included file, for the JSON Schema. */
export const eventsFileSchema = z.strictObject({
  places: z.array(placeSchema).optional(),
  areas: z.array(areaSchema).optional(),
  initial: initialSchema.optional(),
  events: z.array(eventSchema).optional(),
});

/** The JSON Schema for `scenarios/*.yaml` (editor completion and underlining). */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioFileSchema, { io: "input", unrepresentable: "any" });
  return {
    ...schema,
    title: "frontfold scenario",
    description:
      "A frontfold scenario: factions, places, areas, initial control and a dated, sourced event log.",
  };
}

/** The JSON Schema for included events files. */
export function eventsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(eventsFileSchema, { io: "input", unrepresentable: "any" });
  return {
    ...schema,
    title: "frontfold included file",
    description: "More events (and places, areas, initial control) for a frontfold scenario.",
  };
}
