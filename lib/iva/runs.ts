import "server-only";
import { and, eq } from "drizzle-orm";
import { ivaBatches, ivaRequests } from "@/lib/db/schema";
import { DomainError } from "@/lib/errors";
import type { IvaCalls } from "./calls";
import {
  ivaDailyLimitReached,
  ivaMessages,
  lockBusiness,
  verifiedCredentials,
  type IvaDeps,
} from "./context";
import type { Period } from "./period";
import { finishBatchIfDone, type IvaRecovery } from "./recovery";
import { duplicateQuestion, findDuplicate } from "./rules";
import type { IvaViews } from "./views";

export type IvaBatchInput = Period & {
  userId: string;
  email: string;
  businessIds: string[];
  requestKey: string;
  /** False: only validate and say what the confirmation must say. Default true. */
  send?: boolean;
  /** Repeat for the businesses that already asked for this period and address today. */
  repeat: boolean;
};

export type IvaBatchOutcome =
  | { kind: "confirm"; duplicates: { businessId: string; razonSocial: string; question: string }[] }
  | { kind: "started"; batchId: string };

const NOT_FOUND = "No encontramos esa empresa.";

/**
 * "Solicitar para varias empresas": a run is recorded with one queued request per business
 * and one job per request, in one transaction; any instance works the jobs, and each request
 * is checked again and claimed under its business's lock before its one call.
 */
export function createIvaRuns(
  deps: IvaDeps,
  { calls, views, recovery }: { calls: IvaCalls; views: IvaViews; recovery: IvaRecovery },
) {
  const { db, now, instance, queue } = deps;

  /** Records the run (businesses that cannot be requested for as skipped) and its jobs. */
  async function startBatch(input: IvaBatchInput): Promise<IvaBatchOutcome> {
    const period = { anio: input.anio, mes: input.mes };
    const [existing] = await db
      .select({ id: ivaBatches.id })
      .from(ivaBatches)
      .where(and(eq(ivaBatches.userId, input.userId), eq(ivaBatches.requestKey, input.requestKey)));
    if (existing) return { kind: "started", batchId: existing.id };

    // A dead instance's request must not look in flight to the checks below.
    await recovery.settleDead(db);
    const options = new Map(
      (await views.businessOptions(input.userId)).map((option) => [option.businessId, option]),
    );
    const chosen = [...new Set(input.businessIds)]
      .map((id) => {
        const option = options.get(id);
        if (!option) throw new DomainError("not_found", NOT_FOUND);
        return option;
      })
      .sort((a, b) => a.razonSocial.localeCompare(b.razonSocial, "es"));
    if (chosen.some((option) => !option.allowed)) {
      throw new DomainError("forbidden", ivaMessages.notAllowed);
    }

    const duplicates: { businessId: string; razonSocial: string; question: string }[] = [];
    const busy = new Set<string>();
    // Per business, the earlier request the confirmation showed: what "repeat" agrees to.
    const confirmed = new Map<string, string>();
    for (const option of chosen) {
      if (option.unavailable) continue;
      const prior = await views.priorRequests(db, option.businessId, period, input.email);
      if (prior.some((p) => p.status === "pending" || p.status === "queued")) {
        busy.add(option.businessId);
        continue;
      }
      const duplicate = findDuplicate(prior, now());
      if (duplicate) {
        confirmed.set(option.businessId, duplicate.id);
        duplicates.push({
          businessId: option.businessId,
          razonSocial: option.razonSocial,
          question: duplicateQuestion(duplicate, input.userId, now()),
        });
      }
    }
    if (input.send === false || (duplicates.length > 0 && !input.repeat)) {
      return { kind: "confirm", duplicates };
    }

    const batchId = await db.transaction(async (tx) => {
      const [batch] = await tx
        .insert(ivaBatches)
        .values({
          userId: input.userId,
          requestKey: input.requestKey,
          ...period,
          email: input.email,
          createdAt: now(),
        })
        .returning({ id: ivaBatches.id });
      const at = now();
      const rows = await tx
        .insert(ivaRequests)
        .values(
          chosen.map((option) => {
            const reason =
              option.unavailable ?? (busy.has(option.businessId) ? ivaMessages.inFlight : null);
            return {
              businessId: option.businessId,
              userId: input.userId,
              batchId: batch!.id,
              repeatOf: input.repeat ? (confirmed.get(option.businessId) ?? null) : null,
              requestKey: crypto.randomUUID(),
              ...period,
              email: input.email,
              status: reason ? ("skipped" as const) : ("queued" as const),
              requestedAt: at,
              completedAt: reason ? at : null,
              messages: reason ? [reason] : [],
            };
          }),
        )
        .returning({ id: ivaRequests.id, status: ivaRequests.status });
      // Sent in the order shown (by razón social): the higher the priority, the sooner.
      for (const [i, row] of rows.entries()) {
        if (row.status !== "queued") continue;
        // Negative: a later run's items do not jump ahead of an earlier run's.
        await queue.send(tx, "iva-report", { requestId: row.id }, { priority: -i });
      }
      await finishBatchIfDone(tx, batch!.id, at);
      return batch!.id;
    });
    return { kind: "started", batchId };
  }

  /**
   * A job: sends one queued request of a run. Whatever the job's history (retried after its
   * instance died, delivered twice), only a request still "queued" is claimed and sent.
   */
  async function work(requestId: string): Promise<void> {
    const read = async () => {
      const [row] = await db
        .select({
          id: ivaRequests.id,
          businessId: ivaRequests.businessId,
          userId: ivaRequests.userId,
          batchId: ivaRequests.batchId,
          anio: ivaRequests.anio,
          mes: ivaRequests.mes,
          email: ivaRequests.email,
          repeatOf: ivaRequests.repeatOf,
          status: ivaRequests.status,
        })
        .from(ivaRequests)
        .where(eq(ivaRequests.id, requestId));
      return row;
    };
    let item = await read();
    if (item?.status === "pending") {
      // Its job came back because its instance died: settle it (a live owner keeps it).
      const { businessId } = item;
      await db.transaction(async (tx) => {
        await lockBusiness(tx, businessId);
        await recovery.settleDead(tx, businessId);
      });
      item = await read();
    }
    if (!item) return;
    if (item.status === "queued") {
      await sendQueued(item);
      // Taken back before its call left (this instance looked dead): the job must come back.
      if ((await read())?.status === "queued") throw new Error(`iva request ${requestId} requeued`);
    }
    if (item.batchId) await finishBatchIfDone(db, item.batchId, now());
  }

  async function sendQueued(
    item: Period & {
      id: string;
      businessId: string;
      userId: string | null;
      batchId: string | null;
      email: string;
      repeatOf: string | null;
    },
  ): Promise<void> {
    const skip = async (reason: string): Promise<void> => {
      await db
        .update(ivaRequests)
        .set({ status: "skipped", messages: [reason], completedAt: now() })
        .where(and(eq(ivaRequests.id, item.id), eq(ivaRequests.status, "queued")));
    };
    // Membership, role and credentials may have changed since the run started.
    const option = item.userId
      ? (await views.businessOptions(item.userId)).find((o) => o.businessId === item.businessId)
      : undefined;
    if (!option) return skip(ivaMessages.noLongerMember);
    if (option.unavailable) return skip(option.unavailable);
    const credentials = await verifiedCredentials(deps, item.businessId).catch((error: unknown) => {
      if (error instanceof DomainError) return null;
      throw error;
    });
    if (!credentials) return skip(ivaMessages.noCredentials);
    const claimed = await db.transaction(async (tx) => {
      await lockBusiness(tx, item.businessId);
      // A stopping instance claims nothing: the job goes back to the queue untouched.
      if (instance.stopping()) throw new Error("instance stopping: job handed back");
      await recovery.settleDead(tx, item.businessId);
      const prior = (await views.priorRequests(tx, item.businessId, item, item.email)).filter(
        (p) => p.id !== item.id,
      );
      if (prior.some((p) => p.status === "pending")) return "busy" as const;
      // The 24-hour rule again, under the lock: only the request the user saw and chose to
      // repeat may precede this one; any other (a colleague's, another run's started at the
      // same moment) was never confirmed, and one report is enough.
      const duplicate = findDuplicate(prior, now());
      if (duplicate && duplicate.id !== item.repeatOf) return "repeated" as const;
      if (await ivaDailyLimitReached(tx, item.businessId, now())) return "limit" as const;
      const [row] = await tx
        .update(ivaRequests)
        .set({ status: "pending", leaseOwner: instance.id, requestedAt: now() })
        .where(and(eq(ivaRequests.id, item.id), eq(ivaRequests.status, "queued")))
        .returning({ id: ivaRequests.id });
      return row ? ("claimed" as const) : ("gone" as const);
    });
    if (claimed === "busy") return skip(ivaMessages.inFlight);
    if (claimed === "repeated") return skip(ivaMessages.sentMeanwhile);
    if (claimed === "limit") {
      await deps.audit?.recordAudit({
        businessId: item.businessId,
        userId: item.userId,
        action: "spending.refused",
        subject: `IVA ${String(item.mes).padStart(2, "0")}/${item.anio}`,
        outcome: "error",
        detail: ivaMessages.dailyLimit,
      });
      return skip(ivaMessages.dailyLimit);
    }
    if (claimed === "claimed") await calls.send(item, credentials);
  }

  return { startBatch, work };
}
