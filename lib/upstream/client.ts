import "server-only";
import type { Locks } from "@/lib/db/locks";
import { env } from "@/lib/env";
import { createTusFacturasClient, type TusFacturasClient } from "@/lib/tusfacturas";
import { reportAttempt } from "./record";

/**
 * The TusFacturas client configured from the validated environment. `lanes` holds each
 * credential set's turn across every instance on the database, so their calls never overlap
 * and stay spaced (the key is the set's SHA-256, never a secret).
 */
export function createUpstreamClient(lanes: Locks): TusFacturasClient {
  const { TUSFACTURAS_API_URL, TUSFACTURAS_TIMEOUT_MS } = env();
  return createTusFacturasClient({
    baseUrl: TUSFACTURAS_API_URL,
    timeoutMs: TUSFACTURAS_TIMEOUT_MS,
    onCall: reportAttempt,
    exclusive: (key, task) => lanes.withLock(`tusfacturas:${key}`, task),
  });
}
