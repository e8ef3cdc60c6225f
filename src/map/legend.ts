// The map's key as data, for every writer: a swatch per faction (with its km² and share of the
// theatre when a frame is given), ground nobody is recorded holding, then the symbols that carry
// meaning without colour — contested (hatched), besieged (outlined), front line.

import type { FactionDef } from "../core/types.js";
import type { ControlFrame } from "./frame.js";
import { factionFill, OPEN_TINT, tint, UNKNOWN_FILL, UNKNOWN_LABEL } from "./style.js";

export type LegendEntry =
  | {
      readonly kind: "fill";
      /** Faction code (0: nobody recorded; -1: open country, in the paler shade of a faction). */
      readonly code: number;
      readonly fill: string;
      readonly label: string;
      /** What the faction covers (a tooltip). */
      readonly note?: string | undefined;
      /** `"275 km² · 89%"` when drawn for a frame. */
      readonly detail?: string | undefined;
    }
  | { readonly kind: "contested"; readonly label: string }
  | { readonly kind: "besieged"; readonly label: string }
  | { readonly kind: "front"; readonly label: string };

/** What "settled" ground is, for readers (the key, the chart, the compare table). */
export const SETTLED_NOTE = "Ground within the reach of a town or village, counted for its holder";
/** What "open country" is, for readers. */
export const OPEN_COUNTRY_NOTE =
  "Ground beyond the reach of every town, counted for the holder of the nearest one";

/**
 * The key. Without a frame: every faction and every symbol (the app's standing key). With one:
 * what that date's map shows, factions by area, largest first.
 *
 * With `openCountry` (the theatre has ground beyond the reach of every place), a swatch in the
 * paler shade open country is drawn in.
 *
 * @example
 * legendEntries(scenario.factions); // factions, then contested, besieged, front line, unknown
 */
export function legendEntries(
  factions: readonly FactionDef[],
  frame?: { readonly frame: ControlFrame; readonly totalKm2: number },
  openCountry = false,
): LegendEntry[] {
  const open = (code: number): LegendEntry[] => {
    const f = factions[code - 1];
    return openCountry && f
      ? [
          {
            kind: "fill",
            code: -1,
            fill: tint(factionFill(f.color), OPEN_TINT),
            label: "Open country (paler)",
            note: OPEN_COUNTRY_NOTE,
          },
        ]
      : [];
  };
  const symbols = (contested: boolean, besieged: boolean, front: boolean): LegendEntry[] => [
    ...(contested ? [{ kind: "contested" as const, label: "Contested" }] : []),
    ...(besieged ? [{ kind: "besieged" as const, label: "Besieged" }] : []),
    ...(front ? [{ kind: "front" as const, label: "Front line" }] : []),
  ];
  const unknown = (detail?: string): LegendEntry => ({
    kind: "fill",
    code: 0,
    fill: UNKNOWN_FILL,
    label: UNKNOWN_LABEL,
    detail,
  });
  if (!frame) {
    return [
      ...factions.map((f, i): LegendEntry => ({
        kind: "fill",
        code: i + 1,
        fill: factionFill(f.color),
        label: f.name,
        note: f.covers,
      })),
      ...open(1),
      ...symbols(true, true, true),
      unknown(),
    ];
  }
  const { km2 } = frame.frame;
  const total = frame.totalKm2 || 1;
  const held = factions
    .map((f, i) => ({ f, code: i + 1, km2: km2[i + 1] ?? 0 }))
    .filter((x) => x.km2 > 0)
    .sort((a, b) => b.km2 - a.km2);
  return [
    ...held.map((x): LegendEntry => ({
      kind: "fill",
      code: x.code,
      fill: factionFill(x.f.color),
      label: x.f.name,
      note: x.f.covers,
      detail: areaLabel(x.km2, total),
    })),
    ...((km2[0] ?? 0) > 0 ? [unknown(areaLabel(km2[0] ?? 0, total))] : []),
    ...open(held[0]?.code ?? 0),
    ...symbols(frame.frame.hasContested, frame.frame.hasBesieged, frame.frame.hasFront),
  ];
}

/** `"275 km² · 89%"`. */
export function areaLabel(km2: number, total: number): string {
  const share = (100 * km2) / total;
  const km = km2 >= 100 ? Math.round(km2).toLocaleString("en-GB") : km2.toFixed(km2 >= 10 ? 0 : 1);
  return `${km} km² · ${share >= 1 ? Math.round(share) : share.toFixed(1)}%`;
}
