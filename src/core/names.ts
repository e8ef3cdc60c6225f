// Name matching for look-ups: case-insensitive, ignoring diacritics and apostrophe-like marks, so
// "Hajin", "Hajīn" and "HAJĪN" are one name, as are "Ras al-Ain" and "Ra’s al ‘Ayn" apart from
// the spelling itself.

/** Lower case, no diacritics, no apostrophes or ʿ ʾ marks, hyphens and runs of spaces as one space. */
export function foldName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u02bb\u02bc\u02be\u02bf\u0060\u00b4'ʿʾ]/g, "")
    .toLowerCase()
    .replace(/[-_\s]+/g, " ")
    .trim();
}

// Arabic articles as they are romanised, assimilated or not ("al-", "el-", "ar-", "ash-" …).
const ARTICLES = new Set(["al", "el", "il", "ul", "ar", "as", "ash", "at", "ath", "ad", "adh", "az", "an"]);
// "Tall", "Tell", "Tal" and "Til" are one word (a mound, in place names).
const TELL = new Set(["tal", "tall", "tell", "tel", "til"]);

/** A forgiving key for finding a place whatever its romanisation: `foldName`, then without articles
 * (al-, el-, ash- …), with Tall/Tell/Tal as one word, a final -ah as -a, x as kh, y as i, doubled
 * letters as one and no spaces or hyphens. "Tal Afar" and "Tall ‘Afar", "Qayyarah" and "Al Qayyārah", "Rutba" and
 * "Ar Ruţbah" share a key. */
export function looseName(name: string): string {
  // One pass can make a key a second pass would change ("A h" → "ah" → "a", "t el" → "tel" → "tal"):
  // repeat to the fixed point, so a key is its own key. After the first pass the key is one word with
  // no x or y, and each further change shortens it or maps it to "tal", so this ends.
  let key = loosePass(name);
  for (let next = loosePass(key); next !== key; next = loosePass(key)) key = next;
  return key;
}

function loosePass(name: string): string {
  const words = foldName(name)
    .replace(/[^a-z0-9 ]/g, " ")
    .split(" ")
    .filter((w) => w !== "");
  return words
    .filter((w, i) => !(ARTICLES.has(w) && i < words.length - 1))
    .map((w) => (TELL.has(w) ? "tal" : w.replace(/ah$/, "a")))
    .join("")
    .replace(/x/g, "kh") // Kurdish Latin x is kh: Zaxo, Mexmur
    .replace(/y/g, "i") // ay/ai, iy/i: Bayji and Baiji
    .replace(/(.)\1+/g, "$1");
}
