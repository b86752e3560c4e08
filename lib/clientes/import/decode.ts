/**
 * Bytes of a text file → text. Excel in es-AR saves «CSV (delimitado por comas)» in
 * Windows-1252 and «CSV UTF-8» with a BOM; other tools write UTF-8 without one. Pure.
 */

const utf8 = new TextDecoder("utf-8", { fatal: true });

// Windows-1252 is Latin-1 but for 0x80–0x9F. Decoded by hand: Node's TextDecoder reads the
// "windows-1252" label as plain Latin-1 and turns € (0x80) into a control character.
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b)),
    );
  }
  return text;
}

/**
 * UTF-8 (with or without BOM) or UTF-16 with its BOM; anything that is not valid UTF-8 is read
 * as Windows-1252 (a superset of Latin-1), so «Razón Social» and «Peña» come out right.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  try {
    return utf8.decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}
