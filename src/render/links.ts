// Links from scenario text: only http(s) URLs become links; anything else stays text.

/** The URL if it is an http(s) link, else `undefined`. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}
