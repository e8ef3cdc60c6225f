// Lint rules: typescript-eslint's recommended set everywhere, and no `any` in the pure core.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

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
  {
    files: ["src/core/**/*.ts", "src/geo/**/*.ts"],
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
