import "server-only";
import { appKeyring } from "@/lib/businesses/credentials";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getUpstreamClient } from "@/lib/upstream/client";
import { createConsumoService, type ConsumoService } from "./service";

const globalForConsumo = globalThis as unknown as { tableroConsumo?: Promise<ConsumoService> };

/** The process's consumo service (one, so concurrent refreshes of a business share a call). */
export function getConsumoService(): Promise<ConsumoService> {
  globalForConsumo.tableroConsumo ??= getDb().then((db) =>
    createConsumoService({
      db,
      client: getUpstreamClient(),
      keyring: appKeyring(),
      freshnessMs: env().TABLERO_FRESHNESS_MINUTES * 60_000,
      now: () => new Date(),
    }),
  );
  return globalForConsumo.tableroConsumo;
}
