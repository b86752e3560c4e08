import { createHash, randomBytes } from "node:crypto";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** How many recovery codes a set-up (or "Generar códigos nuevos") hands out. */
export const RECOVERY_CODE_COUNT = 10;

/** RFC 4648 base32 without padding; 10 bytes give exactly 16 characters. */
function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/**
 * A recovery code as shown: 80 random bits in 16 base32 characters, `XXXX-XXXX-XXXX-XXXX`.
 * That much entropy is why a plain SHA-256 (no slow hash) is enough to store it.
 */
export function newRecoveryCode(): string {
  return base32(randomBytes(10)).match(/.{4}/g)!.join("-");
}

/** What a person may type for a recovery code: any case, with or without dashes and spaces. */
export function normalizeRecoveryCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  return /^[A-Z2-7]{16}$/.test(compact) ? compact : null;
}

/** The stored form of a recovery code (normalized first, so the typed form does not matter). */
export function hashRecoveryCode(normalized: string): string {
  return createHash("sha256").update(normalized).digest("hex");
}

/** A TOTP code: six digits, spaces allowed ("123 456" as some apps show it). */
export function normalizeTotpCode(input: string): string | null {
  const compact = input.replace(/\s/g, "");
  return /^\d{6}$/.test(compact) ? compact : null;
}
