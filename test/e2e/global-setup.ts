// Builds the app once, serves it with `vite preview` on a free port, and tells the tests where.
import { mkdirSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { build, preview, type PreviewServer } from "vite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The shipped scenario with the most ground to redraw (for the frame-rate measurement). */
    largestScenario: string;
  }
}

const root = resolve(import.meta.dirname, "../..");

/** The scenario whose files (main and includes) are largest: a fair proxy for places and events. */
function largestScenario(): string {
  const dir = join(root, "scenarios");
  const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));
  const sizes = new Map<string, number>();
  for (const f of files) {
    const id = f.replace(/(\.events)?\.yaml$/, "");
    sizes.set(id, (sizes.get(id) ?? 0) + statSync(join(dir, f)).size);
  }
  const main = [...sizes.entries()].filter(([id]) => files.includes(`${id}.yaml`));
  main.sort((a, b) => b[1] - a[1]);
  return main[0]?.[0] ?? "";
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  mkdirSync(join(root, "test/e2e/output"), { recursive: true });
  const outDir = join(root, "dist");
  if (process.env.E2E_SKIP_BUILD !== "1") {
    await build({
      root,
      configFile: join(root, "vite.config.ts"),
      logLevel: "warn",
      build: { outDir, emptyOutDir: true },
    });
  }
  const server: PreviewServer = await preview({
    root,
    configFile: join(root, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir },
    preview: { port: 0, strictPort: false, host: "127.0.0.1", open: false },
  });
  const address = server.httpServer.address();
  const port = typeof address === "object" && address ? address.port : 4173;
  project.provide("baseUrl", `http://127.0.0.1:${port}/`);
  project.provide("largestScenario", largestScenario());
  return async () => {
    await server.close();
  };
}
