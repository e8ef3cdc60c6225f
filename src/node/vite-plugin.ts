// Vite plugin: `import bundle from "../scenarios/x.yaml"` compiles the scenario at build time
// (and on every save in dev) into a `ScenarioBundle` — the compiled log, the theatre with its
// basemap, and the partition — so the browser never parses YAML or clips polygons for shipped
// scenarios. Errors show in Vite's overlay with file, line and column; in dev, a saved scenario
// hot-swaps in place (the app keeps its date).

import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import type { Plugin } from "vite";
import { parse } from "yaml";
import { formatDiagnostic } from "../core/diagnostics.js";
import { buildBundle } from "./bundle.js";

import { ATLAS_ASSET } from "../map/bundle.js";

const HOT = `
if (import.meta.hot) {
  import.meta.hot.accept((next) => {
    if (next) globalThis.dispatchEvent(new CustomEvent("frontfold:scenario-updated", { detail: next.default }));
  });
}
`;

/** `import index from "virtual:frontfold/scenario-index"`: id, title and dates of every shipped
 * scenario, read from the files' heads, so the picker can name scenarios before loading one. */
export const INDEX_MODULE = "virtual:frontfold/scenario-index";

export interface ScenarioIndexEntry {
  readonly id: string;
  readonly title: string;
  readonly start: string;
  readonly end: string;
}

export function scenarioIndex(dir: string): ScenarioIndexEntry[] {
  const out: ScenarioIndexEntry[] = [];
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith(".yaml") && !x.endsWith(".events.yaml"))
    .sort()) {
    try {
      const head = parse(readFileSync(resolve(dir, f), "utf8")) as Record<string, unknown> | null;
      const text = (k: string): string => (typeof head?.[k] === "string" ? (head[k] as string) : "");
      out.push({
        id: f.replace(/\.yaml$/, ""),
        title: text("title") || f,
        start: text("start"),
        end: text("end"),
      });
    } catch {
      out.push({ id: f.replace(/\.yaml$/, ""), title: f, start: "", end: "" });
    }
  }
  return out;
}

export function frontfoldScenarios(options: { dir?: string } = {}): Plugin {
  const dir = resolve(options.dir ?? "scenarios");
  const resolvedIndex = `\0${INDEX_MODULE}`;
  const require = createRequire(import.meta.url);
  const atlasPath = (): string => require.resolve("world-atlas/countries-10m.json");
  let isDev = false;
  return {
    name: "frontfold-scenarios",
    configResolved(config) {
      isDev = config.command === "serve";
    },
    resolveId(id) {
      return id === INDEX_MODULE ? resolvedIndex : null;
    },
    load(id) {
      if (id !== resolvedIndex) return null;
      for (const f of readdirSync(dir)) if (f.endsWith(".yaml")) this.addWatchFile(resolve(dir, f));
      return `export default ${JSON.stringify(scenarioIndex(dir))};`;
    },
    transform(_code, id) {
      const path = id.split("?")[0] ?? id;
      if (!path.endsWith(".yaml") || path.endsWith(".events.yaml")) return null;
      const result = buildBundle(path);
      for (const file of result.files) this.addWatchFile(resolve(file));
      const errors = result.diagnostics.filter((d) => d.severity === "error");
      for (const w of result.diagnostics.filter((d) => d.severity === "warning"))
        this.warn(formatDiagnostic(w));
      if (errors.length > 0 || !result.bundle) {
        const first = errors[0];
        this.error({
          message: errors.map(formatDiagnostic).join("\n") || "the scenario could not be compiled",
          ...(first
            ? { id: first.file, loc: { file: first.file, line: first.line, column: first.col - 1 } }
            : {}),
        });
      }
      const json = JSON.stringify(result.bundle);
      return { code: `export default JSON.parse(${JSON.stringify(json)});\n${isDev ? HOT : ""}`, map: null };
    },
    configureServer(server) {
      server.middlewares.use(`/${ATLAS_ASSET}`, (_req, res) => {
        res.setHeader("Content-Type", "application/json");
        res.end(readFileSync(atlasPath()));
      });
    },
    generateBundle() {
      this.emitFile({ type: "asset", fileName: ATLAS_ASSET, source: readFileSync(atlasPath()) });
    },
  };
}
