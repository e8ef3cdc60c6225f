// Builds the app as it ships and serves it with `vite preview` on a free port: for the browser
// tests and the browser benchmark.
import { resolve } from "node:path";
import { build, preview } from "vite";

const root = resolve(import.meta.dirname, "../..");

export interface Served {
  readonly baseUrl: string;
  close(): Promise<void>;
}

/**
 * Builds into `outDir` (unless `skipBuild`) and serves it on 127.0.0.1; `minify: false` keeps
 * the functions' names (for a CPU profile that says where the time went).
 */
export async function buildAndServe(outDir: string, skipBuild = false, minify = true): Promise<Served> {
  const configFile = resolve(root, "vite.config.ts");
  if (!skipBuild)
    await build({ root, configFile, logLevel: "warn", build: { outDir, emptyOutDir: true, minify } });
  const server = await preview({
    root,
    configFile,
    logLevel: "warn",
    build: { outDir },
    preview: { port: 0, strictPort: false, host: "127.0.0.1", open: false },
  });
  const address = server.httpServer.address();
  const port = typeof address === "object" && address ? address.port : 4173;
  return { baseUrl: `http://127.0.0.1:${port}/`, close: () => server.close() };
}
