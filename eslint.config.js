// Lint rules: typescript-eslint's recommended set everywhere; no `any`, no clock, randomness or
// DOM in the pure layers; and the layering: a module imports only from its own layer and the ones
// below it, core < geo < map < render < playback < ui < app, with the Node-only side (node, cli)
// on top of core, geo, map and render. `test/lint/layers.test.ts` shows each rule firing.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Layers above each folder (what it may not import), by folder name under `src/`. */
const ABOVE = {
  core: ["geo", "map", "render", "playback", "ui", "app", "node", "cli"],
  geo: ["map", "render", "playback", "ui", "app", "node", "cli"],
  map: ["render", "playback", "ui", "app", "node", "cli"],
  render: ["playback", "ui", "app", "node", "cli"],
  playback: ["ui", "app", "node", "cli"],
  ui: ["app", "node", "cli"],
  app: ["node", "cli"],
  node: ["playback", "ui", "app", "cli"],
  cli: ["playback", "ui", "app"],
};
const PURE = ["core", "geo", "map", "render", "playback"];

const layering = Object.entries(ABOVE).map(([layer, above]) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            regex: `^(\\.\\./)+(${above.join("|")})/`,
            message: `src/${layer} may not import a layer above it (${above.join(", ")}).`,
          },
          ...(PURE.includes(layer)
            ? [
                {
                  regex: "^node:",
                  message: `src/${layer} is pure: Node-only code lives in src/node or src/cli.`,
                },
              ]
            : []),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ["dist/**", "dist-single/**", "node_modules/**", "test/e2e/output/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: "readonly",
        process: "readonly",
        window: "readonly",
        document: "readonly",
        self: "readonly",
        URL: "readonly",
        performance: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  ...layering,
  {
    files: PURE.map((layer) => `src/${layer}/**/*.ts`),
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-globals": ["error", "window", "document", "localStorage", "fetch"],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "The core is pure: time is data." },
        { object: "Math", property: "random", message: "The core is pure: no randomness." },
      ],
    },
  },
);
