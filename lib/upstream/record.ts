import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { createAuditService, type AuditAction } from "@/lib/audit/service";
import type { Database } from "@/lib/db";
import { tusfacturasRequests } from "@/lib/db/schema";
import {
  describeTusFacturasError,
  TusFacturasError,
  type TusFacturasErrorCode,
} from "@/lib/tusfacturas";

/** The line each method writes in the business's audit log. */
const auditActionOf: Record<string, AuditAction> = {
  "micuenta/consumo": "consumo.refresh",
  "clientes/cuenta-corriente": "cuentaCorriente.refresh",
  "micuenta/iva_compras_ventas": "iva.request",
};

type Attempt = { at: Date; ok: boolean; code?: TusFacturasErrorCode; billed: boolean };
type AttemptLog = { log: Attempt[]; now: () => Date };

// One store per process, whichever copy of this module is asking: Next bundles server code
// once per layer (instrumentation, pages, actions), and the process-wide TusFacturas client
// reports its attempts to the copy that built it.
const attempts = ((
  globalThis as { tableroUpstreamAttempts?: AsyncLocalStorage<AttemptLog> }
).tableroUpstreamAttempts ??= new AsyncLocalStorage<AttemptLog>());

/**
 * The adapter's per-attempt hook (`onCall`): every HTTP attempt is recorded against the business
 * that caused it, retries included. Most are billed by TusFacturas; the adapter marks the free
 * lookups `billed: false` (an event without the mark counts as billed, the safe side).
 */
export function reportAttempt(event: {
  ok: boolean;
  code?: TusFacturasErrorCode;
  billed?: boolean;
}): void {
  const store = attempts.getStore();
  store?.log.push({
    at: store.now(),
    ok: event.ok,
    code: event.code,
    billed: event.billed ?? true,
  });
}

export type UpstreamCall = {
  businessId: string;
  userId: string | null;
  /** The TusFacturas method, e.g. `micuenta/consumo`. */
  method: string;
  /** What the call is about, when the method takes one (a client's CUIT, a period). */
  subject?: string;
  /**
   * The caller's clock for the rows' `at`: freshness is decided by comparing them with
   * snapshot times from that same clock. Default: the wall clock.
   */
  now?: () => Date;
};

/**
 * Runs one logical TusFacturas call and writes a `tusfacturas_requests` row per attempt,
 * billed or free (the last failed attempt carries the message the user was shown), and one
 * line in the business's audit log saying how many billed requests it used.
 */
export async function recordUpstream<T>(
  db: Database,
  call: UpstreamCall,
  fn: () => Promise<T>,
): Promise<T> {
  const log: Attempt[] = [];
  let failure: unknown;
  try {
    return await attempts.run({ log, now: call.now ?? (() => new Date()) }, fn);
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    if (log.length > 0) {
      const finalMessage =
        failure instanceof TusFacturasError ? describeTusFacturasError(failure) : null;
      await db.insert(tusfacturasRequests).values(
        log.map((attempt, i) => ({
          businessId: call.businessId,
          userId: call.userId,
          method: call.method,
          subject: call.subject ?? null,
          at: attempt.at,
          outcome: attempt.ok ? ("ok" as const) : ("error" as const),
          errorCode: attempt.ok ? null : (attempt.code ?? "unavailable"),
          errorMessage: !attempt.ok && i === log.length - 1 ? finalMessage : null,
          billed: attempt.billed,
        })),
      );
      const action = auditActionOf[call.method];
      if (action) {
        // The log of the database the requests went to (a transaction's, when given one).
        await createAuditService({ db }).recordAudit({
          businessId: call.businessId,
          userId: call.userId,
          action,
          subject: call.subject ?? null,
          outcome: failure === undefined ? "ok" : "error",
          requests: log.filter((attempt) => attempt.billed).length,
          detail: failure === undefined ? null : finalMessage,
          at: log[log.length - 1]!.at,
        });
      }
    }
  }
}
