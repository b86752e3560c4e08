import "server-only";
import { eq } from "drizzle-orm";
import { openSecret, sealSecret, sealedKeyVersion, type Keyring } from "@/lib/crypto/secrets";
import type { Database } from "@/lib/db";
import { tusfacturasCredentials } from "@/lib/db/schema";
import { credentialsSchema } from "./schemas";
import { env } from "@/lib/env";
import type { TusFacturasCredentials } from "@/lib/tusfacturas";

/** The keyring from `TABLERO_ENCRYPTION_KEYS` (and `TABLERO_ENCRYPTION_KEY` as version 1). */
export function appKeyring(): Keyring {
  return env().encryptionKeys;
}

/** Seals a credential set for one business (the business id is the associated data). */
export function sealCredentials(
  businessId: string,
  credentials: TusFacturasCredentials,
  keyring: Keyring,
): { sealed: string; keyVersion: number } {
  const sealed = sealSecret(JSON.stringify(credentials), businessId, keyring);
  return { sealed, keyVersion: sealedKeyVersion(sealed) };
}

/** The business's credentials, opened; null when none are stored. Server-only, never rendered. */
export async function loadCredentials(
  db: Database,
  keyring: Keyring,
  businessId: string,
): Promise<{ credentials: TusFacturasCredentials; sealed: string } | null> {
  const [row] = await db
    .select({ sealed: tusfacturasCredentials.sealed })
    .from(tusfacturasCredentials)
    .where(eq(tusfacturasCredentials.businessId, businessId));
  if (!row) return null;
  const credentials = credentialsSchema.parse(
    JSON.parse(openSecret(row.sealed, businessId, keyring)),
  );
  return { credentials, sealed: row.sealed };
}
