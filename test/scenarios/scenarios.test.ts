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
import { compileScenario } from "../../src/core/compile.js";
import { loadScenario } from "../../src/node/load.js";
import { theatreDistance } from "../../src/node/theatre-check.js";
import { actsOnUnits } from "../../src/core/event.js";
import { eventText } from "../../src/ui/event-text.js";

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

/** What a class sees of a scenario: its title and description, faction names and notes, and every event's text. */
function readerTexts(s: CompiledScenario): string[] {
  return [
    s.title,
    s.description,
    ...s.factions.flatMap((f) => [f.name, f.covers ?? ""]),
    ...s.log.flatMap((e) => [e.title, eventText(e) ?? ""]),
  ];
}

describe.each(files)("%s", (file) => {
  it("compiles with no errors", () => {
    const r = loadScenario(`scenarios/${file}`, { outsideKm: theatreDistance });
    expect(r.diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic)).toEqual([]);
  });

  it("shows readers prose, not the file's workings (no code ids, file names or file layout)", () => {
    const s = compiled.get(file);
    if (!s) throw new Error(`${file} did not compile`);
    const workings = /`|\.ya?ml\b|included files?|scenario files?|author_note/i;
    expect(readerTexts(s).filter((t) => workings.test(t))).toEqual([]);
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
    if (!actsOnUnits(e) || !e.units.includes(unit)) continue;
    const precision = e.date_precision;
    const slack = precision === "month" ? 31 : precision === "approximate" ? 10 : 1;
    for (let d = e.day - slack; d <= e.day + slack; d++) out.add(d);
  }
  return out;
}

/** The faction holding `unit` on each day from `from` to `to`. */
function dailyFactions(s: CompiledScenario, unit: number, from: number, to: number): string[] {
  const h = createHistory(s);
  const out: string[] = [];
  for (let day = from; day <= to; day++) out.push(describeUnit(s, h.stateAt(day), unit).faction);
  return out;
}

/** Consecutive days with one holder, as `faction from–to`. */
function holders(daily: readonly string[], from: number): { faction: string; first: number; last: number }[] {
  const runs: { faction: string; first: number; last: number }[] = [];
  daily.forEach((faction, k) => {
    const run = runs[runs.length - 1];
    if (run && run.faction === faction) run.last = from + k;
    else runs.push({ faction, first: from + k, last: from + k });
  });
  return runs;
}

/**
 * Where two scenarios disagree about one unit over their shared days. Two checks:
 * - day by day, outside the days a stated date uncertainty leaves open;
 * - the succession of holders, which must be the same in both: a change of hands that one
 *   scenario has and the other lacks is a disagreement however close it lies to an uncertain
 *   date (a loss and recapture within the ±10 days of an `approximate` date would otherwise hide
 *   inside that slack). Only a first or last holder whose every day is uncertain may be missing,
 *   as when one scenario dates a change just before the shared span begins.
 */
function unitDisagreement(
  a: CompiledScenario,
  i: number,
  b: CompiledScenario,
  j: number,
  from: number,
  to: number,
): string | undefined {
  const da = dailyFactions(a, i, from, to);
  const db = dailyFactions(b, j, from, to);
  const skip = new Set([...uncertainDays(a, i), ...uncertainDays(b, j)]);
  for (let k = 0; k < da.length; k++) {
    if (skip.has(from + k) || da[k] === db[k]) continue;
    return `on ${dateOf(from + k)}: ${da[k]} against ${db[k]}`;
  }
  const uncertainEdge = (runs: ReturnType<typeof holders>): ReturnType<typeof holders> => {
    const out = [...runs];
    const allUncertain = (r: { first: number; last: number }): boolean => {
      for (let d = r.first; d <= r.last; d++) if (!skip.has(d)) return false;
      return true;
    };
    if (out.length > 1 && out[0] && allUncertain(out[0])) out.shift();
    const last = out[out.length - 1];
    if (out.length > 1 && last && allUncertain(last)) out.pop();
    return out;
  };
  const show = (runs: ReturnType<typeof holders>): string =>
    runs.map((r) => `${r.faction} ${dateOf(r.first)}–${dateOf(r.last)}`).join(", ");
  const ra = holders(da, from);
  const rb = holders(db, from);
  const sa = ra.map((r) => r.faction).join(" > ");
  const sb = rb.map((r) => r.faction).join(" > ");
  if (sa === sb) return undefined;
  const ta = uncertainEdge(ra)
    .map((r) => r.faction)
    .join(" > ");
  const tb = uncertainEdge(rb)
    .map((r) => r.faction)
    .join(" > ");
  if (ta === tb || ta === sb || sa === tb) return undefined;
  return `holders ${show(ra)} against ${show(rb)}`;
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
    const disagreements: string[] = [];
    a.units.forEach((u, i) => {
      const j = b.units.findIndex((v) => v.id === u.id);
      if (j < 0) return;
      const d = unitDisagreement(a, i, b, j, from, to);
      if (d) disagreements.push(`${u.id} ${d} (${fa} against ${fb})`);
    });
    expect(disagreements).toEqual([]);
  });
});

describe("the overlap check", () => {
  // A town the army took, lost for a week and took back, against a scenario that only has it
  // taken: the recapture's date is `approximate` (±10 days), which once hid the whole episode.
  const town = (events: string): CompiledScenario => {
    const r = compileScenario({
      file: "t.yaml",
      text: `id: t
title: t
start: "2017-11-01"
end: "2017-12-01"
theatre: { bbox: [40, 34, 41, 35] }
factions:
  - { id: isis, name: IS, color: "#333333", covers: x }
  - { id: regime, name: Government, color: "#d55e00", covers: x }
places:
  - { id: town, name: Town, at: [40.5, 34.5], kind: town, coords: geonames }
initial: { isis: [town] }
events:
${events}`,
    });
    if (!r.scenario) throw new Error(r.diagnostics.map(formatDiagnostic).join("\n"));
    return r.scenario;
  };
  const src = `sources: [{ publication: P, date: "2017-11-20" }]`;
  const taken = `  - { id: a, date: "2017-11-09", type: control, units: [town], faction: regime, title: a, ${src} }\n`;
  const lost = `  - { id: b, date: "2017-11-11", date_precision: approximate, type: control, units: [town], faction: isis, title: b, ${src} }\n`;
  const retaken = `  - { id: c, date: "2017-11-19", type: control, units: [town], faction: regime, title: c, ${src} }\n`;
  const contested = `  - { id: b, date: "2017-11-11", date_precision: approximate, type: contest, units: [town], by: [isis], title: b, ${src} }\n`;
  const [from, to] = [dayOf("2017-11-01"), dayOf("2017-12-01")];

  it("finds a loss and recapture that one scenario lacks, inside an uncertain date's slack", () => {
    expect(
      unitDisagreement(town(taken + lost + retaken), 0, town(taken + contested + retaken), 0, from, to),
    ).toMatch(/^holders isis .*, regime .*, isis 2017-11-11–2017-11-18, regime/);
  });

  it("accepts the same succession of holders dated a few uncertain days apart", () => {
    const later = lost.replace("2017-11-11", "2017-11-13");
    expect(
      unitDisagreement(town(taken + lost + retaken), 0, town(taken + later + retaken), 0, from, to),
    ).toBeUndefined();
  });

  it("finds a day-by-day difference outside any uncertainty", () => {
    expect(unitDisagreement(town(taken), 0, town(retaken), 0, from, to)).toBe(
      "on 2017-11-11: regime against isis",
    );
  });
});
