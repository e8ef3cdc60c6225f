// Bytes of a scenario file → text, the same way in the CLI, the build and the page: UTF-8 (a
// byte-order mark is dropped) or UTF-16 with its byte-order mark. Bytes that are not UTF-8 become
// U+FFFD, which the parser then reports with its position, so a Latin-1 file is never read
// silently wrong.

export function decodeText(bytes: Uint8Array): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  // TextDecoder drops a UTF-8 byte-order mark itself.
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}
