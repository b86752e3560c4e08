import "server-only";
import { env } from "@/lib/env";
import { createTusFacturasClient, type TusFacturasClient } from "@/lib/tusfacturas";
import { reportAttempt } from "./record";

// One client per process (kept across dev reloads): its per-credential spacing queues and
// shared in-flight calls only work if every feature goes through the same one.
const globalForClient = globalThis as unknown as { tableroTusFacturas?: TusFacturasClient };

/** The process's TusFacturas client, configured from the validated environment. */
export function getUpstreamClient(): TusFacturasClient {
  const { TUSFACTURAS_API_URL, TUSFACTURAS_TIMEOUT_MS } = env();
  globalForClient.tableroTusFacturas ??= createTusFacturasClient({
    baseUrl: TUSFACTURAS_API_URL,
    timeoutMs: TUSFACTURAS_TIMEOUT_MS,
    onCall: reportAttempt,
  });
  return globalForClient.tableroTusFacturas;
}
