// A synthetic scenario written as a scenario file in the README's format, for the benchmarks that
// time what a user's big file costs (compiling YAML, opening a file in the app). The content is
// generated, so it says so: every event cites the generator as its source.

import type { CompiledScenario, CompiledUnit, TheatreDef } from "../../src/core/types.js";
import { actsOnUnits } from "../../src/core/event.js";

function theatreYaml(t: TheatreDef): string[] {
  switch (t.kind) {
    case "countries":
      return [
        "theatre:",
        `  countries: [${t.countries.join(", ")}]`,
        `  resolution: ${t.resolution}`,
        `  tolerance_km: ${t.tolerance_km}`,
      ];
    case "bbox":
      return ["theatre:", `  bbox: [${t.bbox.join(", ")}]`, `  tolerance_km: ${t.tolerance_km}`];
    case "polygon":
      return ["theatre:", `  polygon: ${JSON.stringify(t.polygon)}`, `  tolerance_km: ${t.tolerance_km}`];
  }
}

/**
 * The YAML text of `scenario` (as made by `syntheticScenario`): places and areas as one-line
 * flow mappings, events as block mappings like the README's example.
 */
export function scenarioYaml(scenario: CompiledScenario): string {
  const out: string[] = [
    `id: ${scenario.id}`,
    `title: ${scenario.title}`,
    `description: ${scenario.description} (generated for benchmarks)`,
    `start: "${scenario.start}"`,
    `end: "${scenario.end}"`,
    ...theatreYaml(scenario.theatre),
    "factions:",
  ];
  for (const f of scenario.factions) out.push(`  - { id: ${f.id}, name: ${f.name}, color: "${f.color}" }`);
  const places = scenario.units.filter((u) => u.kind === "place");
  const areas = scenario.units.filter((u) => u.kind === "area");
  out.push("places:");
  for (const p of places) {
    const at = p.at ?? [0, 0];
    out.push(
      `  - { id: ${p.id}, name: ${p.name}, at: [${at[0]}, ${at[1]}], kind: ${p.placeKind ?? "village"}, coords: approximate, note: generated }`,
    );
  }
  if (areas.length > 0) {
    out.push("areas:");
    for (const a of areas)
      out.push(`  - { id: ${a.id}, name: ${a.name}, polygon: ${JSON.stringify(a.polygon?.[0] ?? [])} }`);
  }
  const byFaction = new Map<number, string[]>();
  for (const i of scenario.initial) {
    const list = byFaction.get(i.faction) ?? [];
    list.push((scenario.units[i.unit] as CompiledUnit).id);
    byFaction.set(i.faction, list);
  }
  out.push("initial:");
  for (const [code, ids] of [...byFaction].sort((a, b) => a[0] - b[0]))
    out.push(`  ${scenario.factions[code - 1]?.id ?? "unknown"}: [${ids.join(", ")}]`);
  out.push("events:");
  const factionOf = (code: number): string => scenario.factions[code - 1]?.id ?? "unknown";
  const maskIds = (mask: number): string =>
    scenario.factions
      .map((f, i) => ((mask & (1 << (i + 1))) !== 0 ? f.id : undefined))
      .filter((x) => x !== undefined)
      .join(", ");
  for (const e of scenario.log) {
    if (!actsOnUnits(e)) continue;
    const type = e.type === "lift" ? "lift-siege" : e.type;
    out.push(`  - id: ${e.id}`, `    date: "${e.date}"`, `    type: ${type}`, `    title: ${e.title}`);
    out.push(`    units: [${e.units.map((u) => (scenario.units[u] as CompiledUnit).id).join(", ")}]`);
    if (e.type === "control") out.push(`    faction: ${factionOf(e.faction)}`);
    if (e.type === "contest" || e.type === "siege") out.push(`    by: [${maskIds(e.by)}]`);
    out.push("    sources:", `      - { publication: frontfold benchmark generator, date: "${e.date}" }`);
  }
  return `${out.join("\n")}\n`;
}
