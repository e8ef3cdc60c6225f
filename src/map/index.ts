// The map model: one projection, one frame per date, one style — what the app's view and every
// export (SVG, PNG, GIF, handout) draw from.

export type { ScenarioBundle } from "./bundle.js";
export * from "./project.js";
export * from "./frame.js";
export * from "./style.js";
export * from "./labels.js";
export * from "./country-labels.js";
export * from "./legend.js";
export * from "./pick.js";
