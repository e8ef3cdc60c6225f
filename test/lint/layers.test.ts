// The lint rules that keep the layers apart, shown firing: a module importing a layer above its
// own, Node-only code in a pure layer, and the clock or randomness in a pure layer are errors;
// importing downwards is not. Linted as text under the path it would have, through the project's
// own ESLint configuration.

import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function rulesFired(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe("layering lint", () => {
  it("stops the map model importing the UI, the renderer or Node", async () => {
    expect(
      await rulesFired("src/map/fixture.ts", 'import { h } from "../ui/dom.js";\nexport const x = h;\n'),
    ).toEqual(["no-restricted-imports"]);
    expect(
      await rulesFired(
        "src/map/fixture.ts",
        'import { legendSvg } from "../render/legend.js";\nexport const x = legendSvg;\n',
      ),
    ).toEqual(["no-restricted-imports"]);
    expect(
      await rulesFired(
        "src/map/fixture.ts",
        'import { buildBundle } from "../node/bundle.js";\nexport const x = buildBundle;\n',
      ),
    ).toEqual(["no-restricted-imports"]);
  });

  it("stops the core importing geometry, from any depth", async () => {
    expect(
      await rulesFired(
        "src/core/compile/fixture.ts",
        'import { km2 } from "../../geo/area.js";\nexport const x = km2;\n',
      ),
    ).toEqual(["no-restricted-imports"]);
  });

  it("stops Node-side code importing the UI, and the UI importing Node-side code", async () => {
    expect(
      await rulesFired("src/node/fixture.ts", 'import { App } from "../ui/app.js";\nexport const x = App;\n'),
    ).toEqual(["no-restricted-imports"]);
    expect(
      await rulesFired(
        "src/ui/fixture.ts",
        'import { buildBundle } from "../node/bundle.js";\nexport const x = buildBundle;\n',
      ),
    ).toEqual(["no-restricted-imports"]);
  });

  it("keeps node: modules out of the pure layers", async () => {
    for (const layer of ["core", "geo", "map", "render", "playback"])
      expect(
        await rulesFired(
          `src/${layer}/fixture.ts`,
          'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n',
        ),
      ).toEqual(["no-restricted-imports"]);
    expect(
      await rulesFired(
        "src/node/fixture.ts",
        'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n',
      ),
    ).toEqual([]);
  });

  it("keeps the clock and randomness out of render, map and playback", async () => {
    for (const layer of ["render", "map", "playback"]) {
      expect(await rulesFired(`src/${layer}/fixture.ts`, "export const t = Date.now();\n")).toEqual([
        "no-restricted-properties",
      ]);
      expect(await rulesFired(`src/${layer}/fixture.ts`, "export const r = Math.random();\n")).toEqual([
        "no-restricted-properties",
      ]);
      expect(await rulesFired(`src/${layer}/fixture.ts`, "export const w = window.innerWidth;\n")).toEqual([
        "no-restricted-globals",
      ]);
    }
  });

  it("lets every layer import the layers below it", async () => {
    expect(
      await rulesFired(
        "src/ui/fixture.ts",
        'import { mapFrame } from "../map/frame.js";\nimport { legendSvg } from "../render/legend.js";\nexport const x = [mapFrame, legendSvg];\n',
      ),
    ).toEqual([]);
    expect(
      await rulesFired(
        "src/cli/fixture.ts",
        'import { buildBundle } from "../node/bundle.js";\nimport { renderSvgMap } from "../render/svg-map.js";\nexport const x = [buildBundle, renderSvgMap];\n',
      ),
    ).toEqual([]);
  });
});
