// The shipped scenarios: each compiles without errors, answers its dated facts (written from the
// public record, independently of the events), and agrees with every other scenario about the
// places they share.

import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { dateOf, dayOf } from "../../src/core/dates.js";
import { formatDiagnostic } from "../../src/core/diagnostics.js";
import { createHistory } from "../../src/core/fold.js";
import { describeUnit, findUnits } from "../../src/core/query.js";
import type { CompiledScenario } from "../../src/core/types.js";
import { loadScenario } from "../../src/node/load.js";
import { theatreDistance } from "../../src/node/theatre-check.js";

const files = readdirSync("scenarios")
  .filter((f) => f.endsWith(".yaml"))
  .sort();

const compiled = new Map<string, CompiledScenario>();
for (const f of files) {
  const r = loadScenario(`scenarios/${f}`, { outsideKm: theatreDistance });
  if (r.scenario) compiled.set(f, r.scenario);
}

interface Fact {
  place: string;
  date: string;
  faction: string;
  source: { publication: string; date: string };
  note?: string;
}

describe.each(files)("%s", (file) => {
  it("compiles with no errors", () => {
    const r = loadScenario(`scenarios/${file}`, { outsideKm: theatreDistance });
    expect(r.diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic)).toEqual([]);
  });

  it("cites a source for every event and gives every unit initial control", () => {
    const s = compiled.get(file);
    expect(s).toBeDefined();
    if (!s) return;
    for (const e of s.log) expect(e.def.sources.length, e.id).toBeGreaterThan(0);
    const initial = new Set(s.initial.map((x) => x.unit));
    expect(s.units.filter((u, i) => !initial.has(i) && !u.boundary).map((u) => u.id)).toEqual([]);
  });

  const factsFile = `test/facts/${file.replace(/\.yaml$/, "")}.facts.yaml`;
  const facts: Fact[] = (() => {
    try {
      return (parse(readFileSync(factsFile, "utf8")) as Fact[] | null) ?? [];
    } catch {
      return [];
    }
  })();

  it("has a facts file of at least 12 dated facts, each with a source", () => {
    expect(facts.length).toBeGreaterThanOrEqual(12);
    for (const f of facts) expect(f.source?.publication, `${f.place} ${f.date}`).toBeTruthy();
  });

  it.each(facts.map((f) => [`${f.place} on ${f.date} is ${f.faction}`, f] as const))("%s", (_, fact) => {
    const s = compiled.get(file);
    if (!s) throw new Error(`${file} does not compile`);
    const units = findUnits(s, fact.place);
    expect(units, `place ${fact.place}`).not.toHaveLength(0);
    const state = createHistory(s).stateAt(fact.date);
    expect(describeUnit(s, state, units[0] as number).faction).toBe(fact.faction);
  });
});

/** Days around a change of `unit` that a date's stated uncertainty leaves open. */
function uncertainDays(s: CompiledScenario, unit: number): Set<number> {
  const out = new Set<number>();
  for (const e of s.log) {
    if (e.op === "none" || !e.units.includes(unit)) continue;
    const precision = e.def.type === "supersede" ? e.def.with.date_precision : e.def.date_precision;
    const slack = precision === "month" ? 31 : precision === "approximate" ? 10 : 1;
    for (let d = e.day - slack; d <= e.day + slack; d++) out.add(d);
  }
  return out;
}

describe("scenarios that overlap agree on the places they share", () => {
  const pairs: [string, string][] = [];
  for (let i = 0; i < files.length; i++)
    for (let j = i + 1; j < files.length; j++) pairs.push([files[i] as string, files[j] as string]);

  it("has scenarios to compare", () => expect(files.length).toBeGreaterThan(0));
  it.each(pairs)("%s and %s", (fa, fb) => {
    const a = compiled.get(fa);
    const b = compiled.get(fb);
    if (!a || !b) return;
    const from = Math.max(dayOf(a.start), dayOf(b.start));
    const to = Math.min(dayOf(a.end), dayOf(b.end));
    if (from > to) return;
    const ha = createHistory(a);
    const hb = createHistory(b);
    const shared = a.units
      .map((u, i) => [u.id, i, b.units.findIndex((v) => v.id === u.id)] as const)
      .filter(([, , j]) => j >= 0 && a.units[0] !== undefined);
    const disagreements: string[] = [];
    for (const [id, i, j] of shared) {
      const skip = new Set([...uncertainDays(a, i), ...uncertainDays(b, j)]);
      for (let day = from; day <= to; day += 3) {
        if (skip.has(day)) continue;
        const fa2 = describeUnit(a, ha.stateAt(day), i).faction;
        const fb2 = describeUnit(b, hb.stateAt(day), j).faction;
        if (fa2 !== fb2) {
          disagreements.push(`${id} on ${dateOf(day)}: ${fa} says ${fa2}, ${fb} says ${fb2}`);
          break;
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});
