import "server-only";
import { and, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { ivaBatches, ivaRequests } from "@/lib/db/schema";
import { ownerIsDead } from "@/lib/runtime/instances";
import { ivaMessages, type IvaDeps } from "./context";

/**
 * What happens to a "pending" request whose owner stopped before its outcome was written.
 * Only the owner changes its own work while it lives; afterwards:
 * - it may have reached TusFacturas (marked "sending"): "sin confirmar", never sent again;
 * - it surely did not, in a run: queued again, so its job (retried by the queue) sends it;
 * - it surely did not, asked alone: "no enviado" (the person who asked is told to retry).
 */
export function createIvaRecovery({ db, now, instance, leaseMs, queue }: IvaDeps) {
  async function settle(tx: Database, abandoned: SQL | undefined): Promise<number> {
    const pending = and(eq(ivaRequests.status, "pending"), abandoned);
    const unconfirmed = await tx
      .update(ivaRequests)
      .set({ status: "unconfirmed", completedAt: now() })
      .where(and(pending, isNotNull(ivaRequests.sendingAt)))
      .returning({ id: ivaRequests.id });
    const requeued = await tx
      .update(ivaRequests)
      .set({ status: "queued", leaseOwner: null })
      .where(and(pending, isNull(ivaRequests.sendingAt), isNotNull(ivaRequests.batchId)))
      .returning({ id: ivaRequests.id });
    // Its job may be gone (completed by an instance that found it in flight): a new one, with
    // it. A duplicate job is harmless: only a request still queued is claimed.
    for (const { id } of requeued) await queue.send(tx, "iva-report", { requestId: id });
    const cancelled = await tx
      .update(ivaRequests)
      .set({ status: "cancelled", messages: [ivaMessages.notSent], completedAt: now() })
      .where(and(pending, isNull(ivaRequests.sendingAt), isNull(ivaRequests.batchId)))
      .returning({ id: ivaRequests.id });
    return unconfirmed.length + requeued.length + cancelled.length;
  }

  return {
    /** Settles the requests of dead instances (of one business, or all); returns how many. */
    settleDead(tx: Database, businessId?: string): Promise<number> {
      return settle(
        tx,
        and(
          businessId ? eq(ivaRequests.businessId, businessId) : undefined,
          ownerIsDead(ivaRequests.leaseOwner, leaseMs),
        ),
      );
    },
    /** At shutdown: this instance's own requests whose call did not finish. */
    handBack(): Promise<number> {
      return settle(db, eq(ivaRequests.leaseOwner, instance.id));
    },
  };
}

export type IvaRecovery = ReturnType<typeof createIvaRecovery>;

/** Marks a run finished once none of its requests is waiting or in flight. */
export async function finishBatchIfDone(db: Database, batchId: string, at: Date): Promise<void> {
  await db
    .update(ivaBatches)
    .set({ finishedAt: at })
    .where(
      and(
        eq(ivaBatches.id, batchId),
        isNull(ivaBatches.finishedAt),
        sql`not exists (select 1 from ${ivaRequests} where ${ivaRequests.batchId} = ${ivaBatches.id} and ${ivaRequests.status} in ('queued', 'pending'))`,
      ),
    );
}
