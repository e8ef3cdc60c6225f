// The one-line, plain-language state of the map, for screen readers (a live region) and the page
// title: "2017-10-20 — SDF 27 %, regime 41 %, IS 8 % of Syria".

import type { FactionDef, IsoDate } from "../core/types.js";

/**
 * `km2` is indexed by faction code (0 = unknown ground); `total` is the theatre's area. Factions
 * keep the scenario's order; those holding under half a percent are left out.
 */
export function summaryLine(
  date: IsoDate,
  factions: readonly FactionDef[],
  km2: readonly number[],
  total: number,
  theatreName: string,
): string {
  const parts: string[] = [];
  if (total > 0) {
    factions.forEach((f, i) => {
      const share = ((km2[i + 1] ?? 0) / total) * 100;
      if (share >= 0.5) parts.push(`${shortName(f)} ${Math.round(share)} %`);
    });
  }
  if (parts.length === 0) return `${date} — no ground held in ${theatreName}`;
  return `${date} — ${parts.join(", ")} of ${theatreName}`;
}

/**
 * A faction's name as it fits in a sentence: the name, or its id when the name is long (an id of
 * up to four letters reads as an acronym: "sdf" → "SDF"; a longer one is capitalised).
 */
export function shortName(f: FactionDef): string {
  if (f.name.length <= 24) return f.name;
  return f.id.length <= 4 ? f.id.toUpperCase() : f.id.charAt(0).toUpperCase() + f.id.slice(1);
}

/**
 * How the theatre is named in a sentence: its countries' names joined with "and" (Natural Earth
 * names are the short common ones: "Syria", "Iraq"), or "the area mapped" for a box or polygon.
 */
export function theatreName(names: readonly string[] | undefined): string {
  const list = (names ?? []).filter((n) => n.trim() !== "");
  if (list.length === 0) return "the area mapped";
  if (list.length === 1) return list[0] as string;
  return `${list.slice(0, -1).join(", ")} and ${list[list.length - 1] as string}`;
}
