// Scenario files imported in the app are compiled by the Vite plugin into a ScenarioBundle.
declare module "*.yaml" {
  const bundle: import("../map/bundle.js").ScenarioBundle;
  export default bundle;
}

declare module "virtual:frontfold/scenario-index" {
  const index: readonly import("./vite-plugin.js").ScenarioIndexEntry[];
  export default index;
}
