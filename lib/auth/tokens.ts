import { createHash, randomBytes } from "node:crypto";

/** What is stored for a link's token: its SHA-256, never the token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A random token for a link (256 bits, URL-safe) and the hash to store. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** Whether a string has the shape of a token from `newToken` (checked before any query). */
export function isTokenShaped(value: string): boolean {
  return /^[\w-]{43}$/.test(value);
}
