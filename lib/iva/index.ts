import "server-only";
import { appKeyring } from "@/lib/businesses/credentials";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getUpstreamClient } from "@/lib/upstream/client";
import { createIvaService, type IvaService } from "./service";

const globalForIva = globalThis as unknown as { tableroIva?: Promise<IvaService> };

/**
 * The process's IVA service (one, so a repeated submission finds the call in flight). A
 * request still pending after the call's timeout plus time queued behind other calls of the
 * same credentials is shown as "sin confirmar".
 */
export function getIvaService(): Promise<IvaService> {
  globalForIva.tableroIva ??= getDb().then((db) =>
    createIvaService({
      db,
      client: getUpstreamClient(),
      keyring: appKeyring(),
      now: () => new Date(),
      pendingLimitMs: env().TUSFACTURAS_TIMEOUT_MS + 120_000,
    }),
  );
  return globalForIva.tableroIva;
}
