import "server-only";
import { appKeyring } from "@/lib/businesses/credentials";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getUpstreamClient } from "@/lib/upstream/client";
import { createCuentaCorrienteService, type CuentaCorrienteService } from "./service";

const globalForService = globalThis as unknown as {
  tableroCuentaCorriente?: Promise<CuentaCorrienteService>;
};

/** The process's cuenta corriente service (one, so concurrent refreshes share a call). */
export function getCuentaCorrienteService(): Promise<CuentaCorrienteService> {
  globalForService.tableroCuentaCorriente ??= getDb().then((db) =>
    createCuentaCorrienteService({
      db,
      client: getUpstreamClient(),
      keyring: appKeyring(),
      freshnessMs: env().TABLERO_FRESHNESS_MINUTES * 60_000,
      now: () => new Date(),
    }),
  );
  return globalForService.tableroCuentaCorriente;
}
