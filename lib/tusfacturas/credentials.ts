import "server-only";
import { createHash } from "node:crypto";
import type { TusFacturasCredentials } from "./types";

/**
 * Opaque key for one credential set (SHA-256), so maps and queues never hold the secrets
 * themselves and nothing that could be logged reveals them.
 */
export function credentialKey(credentials: TusFacturasCredentials): string {
  return createHash("sha256")
    .update(`${credentials.apikey}\u0000${credentials.apitoken}\u0000${credentials.usertoken}`)
    .digest("hex");
}

/** True when a credential is blank: no point paying for a request that must fail. */
export function hasBlankCredential(credentials: TusFacturasCredentials): boolean {
  return [credentials.apikey, credentials.apitoken, credentials.usertoken].some(
    (value) => value.trim().length === 0,
  );
}

/**
 * Replaces the secret tokens if an upstream message ever echoes them. The apikey is a plain
 * account number that can legitimately look like other numbers, so it is left alone.
 */
export function scrubSecrets(text: string, credentials: TusFacturasCredentials): string {
  let out = text;
  for (const secret of [credentials.apitoken, credentials.usertoken]) {
    if (secret.length >= 6) out = out.split(secret).join("***");
  }
  return out;
}
