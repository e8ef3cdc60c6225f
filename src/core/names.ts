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
