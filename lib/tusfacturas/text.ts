/**
 * Text clean-up for TusFacturas strings: padding and UTF-8 text that was decoded as
 * Latin-1/Windows-1252 and encoded again ("INFORM\u00c3\u0081TICA" for "INFORMÁTICA").
 * Pure.
 */

// Windows-1252 puts printable characters where Latin-1 has C1 controls; mojibake may use either.
const CP1252_BYTES = new Map<number, number>([
  [0x20ac, 0x80],
  [0x201a, 0x82],
  [0x0192, 0x83],
  [0x201e, 0x84],
  [0x2026, 0x85],
  [0x2020, 0x86],
  [0x2021, 0x87],
  [0x02c6, 0x88],
  [0x2030, 0x89],
  [0x0160, 0x8a],
  [0x2039, 0x8b],
  [0x0152, 0x8c],
  [0x017d, 0x8e],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x02dc, 0x98],
  [0x2122, 0x99],
  [0x0161, 0x9a],
  [0x203a, 0x9b],
  [0x0153, 0x9c],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
]);

const decoder = new TextDecoder("utf-8", { fatal: true });

function byteOf(char: string): number {
  const code = char.charCodeAt(0);
  if (code <= 0xff) return code;
  return CP1252_BYTES.get(code) ?? -1;
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * What double-encoded Spanish text stands for: accented letters, ñ, ¿, ¡, º (U+00A0–U+017F) and
 * typographic punctuation and symbols (“ ” – …, €, ™). Anything else that happens to decode
 * (an accented capital before a typographic quote: "CAFÉ”" would be "CAFɔ") is correct text.
 */
function isMojibakeTarget(repaired: string): boolean {
  const code = repaired.codePointAt(0) ?? 0;
  return (
    (code >= 0xa0 && code <= 0x17f) ||
    (code >= 0x2000 && code <= 0x206f) ||
    (code >= 0x20a0 && code <= 0x20cf) ||
    (code >= 0x2100 && code <= 0x214f)
  );
}

/**
 * Repairs double-encoded UTF-8 sequences and leaves everything else alone, so text that mixes
 * correct accents ("Panadería") with broken ones still comes out right.
 */
export function repairEncoding(text: string): string {
  const chars = Array.from(text);
  let out = "";
  let i = 0;
  while (i < chars.length) {
    const lead = byteOf(chars[i] ?? "");
    const length = sequenceLength(lead);
    if (length > 0 && i + length <= chars.length) {
      const bytes = chars.slice(i, i + length).map(byteOf);
      const continuation = bytes.slice(1).every((b) => b >= 0x80 && b <= 0xbf);
      if (continuation) {
        try {
          const repaired = decoder.decode(Uint8Array.from(bytes));
          if (isMojibakeTarget(repaired)) {
            out += repaired;
            i += length;
            continue;
          }
        } catch {
          // Not a valid UTF-8 sequence: keep the original characters.
        }
      }
    }
    out += chars[i] ?? "";
    i += 1;
  }
  return out;
}

/** Trimmed, encoding-repaired, NFC-normalized text. */
export function cleanText(text: string): string {
  return repairEncoding(text.trim()).normalize("NFC").trim();
}
