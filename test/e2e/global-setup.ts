// Builds the app once, serves it with `vite preview` on a free port, and tells the tests where.
import { mkdirSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { buildAndServe } from "./serve.js";

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
  const served = await buildAndServe(join(root, "dist"), process.env.E2E_SKIP_BUILD === "1");
  project.provide("baseUrl", served.baseUrl);
  project.provide("largestScenario", largestScenario());
  return () => served.close();
}
