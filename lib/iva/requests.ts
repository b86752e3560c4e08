import "server-only";
import { and, eq } from "drizzle-orm";
import { ivaRequests } from "@/lib/db/schema";
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
import type { IvaRecovery } from "./recovery";
import { duplicateQuestion, findDuplicate } from "./rules";
import type { IvaRequestView, IvaViews } from "./views";

export type IvaRequestInput = Period & {
  businessId: string;
  userId: string;
  email: string;
  /** The browser's id for this submission: the same key twice is one request. */
  requestKey: string;
  /** False: only validate and say what would happen (the confirmation step). */
  send: boolean;
  /** The earlier request the user saw in the confirmation and chose to repeat. */
  repeatOf: string | null;
};

export type IvaRequestOutcome =
  | { kind: "confirm"; duplicate: { id: string; question: string } | null }
  | { kind: "done"; request: IvaRequestView };

/**
 * "Solicitar reporte" for one business, answered in the request that asked: recorded as
 * "pending" and owned by this instance before its one call, under the business's lock, with
 * the 24-hour rule and one call in flight per period and address.
 */
export function createIvaRequests(
  deps: IvaDeps,
  { calls, views, recovery }: { calls: IvaCalls; views: IvaViews; recovery: IvaRecovery },
) {
  const { db, now, instance } = deps;

  /**
   * With `send: false` it only checks and answers what the confirmation must say; with
   * `send: true` it records the request, calls TusFacturas once and answers the outcome.
   */
  async function request(input: IvaRequestInput): Promise<IvaRequestOutcome> {
    const period = { anio: input.anio, mes: input.mes };
    const credentials = await verifiedCredentials(deps, input.businessId);
    const reserved = await db.transaction(async (tx) => {
      await lockBusiness(tx, input.businessId);
      const [again] = await tx
        .select({ id: ivaRequests.id })
        .from(ivaRequests)
        .where(
          and(
            eq(ivaRequests.businessId, input.businessId),
            eq(ivaRequests.requestKey, input.requestKey),
          ),
        );
      if (again) return { kind: "existing" as const, id: again.id };
      // A dead instance's request would hold the one pending slot of its period and address.
      await recovery.settleDead(tx, input.businessId);
      const prior = await views.priorRequests(tx, input.businessId, period, input.email);
      if (prior.some((p) => p.status === "pending" || p.status === "queued")) {
        throw new DomainError("conflict", ivaMessages.inFlight);
      }
      const duplicate = findDuplicate(prior, now());
      if (!input.send || (duplicate && duplicate.id !== input.repeatOf)) {
        return {
          kind: "confirm" as const,
          duplicate: duplicate
            ? { id: duplicate.id, question: duplicateQuestion(duplicate, input.userId, now()) }
            : null,
        };
      }
      if (instance.stopping()) throw new DomainError("conflict", ivaMessages.stopping);
      if (await ivaDailyLimitReached(tx, input.businessId, now()))
        return { kind: "limit" as const };
      const [row] = await tx
        .insert(ivaRequests)
        .values({
          businessId: input.businessId,
          userId: input.userId,
          requestKey: input.requestKey,
          ...period,
          email: input.email,
          status: "pending",
          leaseOwner: instance.id,
          requestedAt: now(),
        })
        .returning({ id: ivaRequests.id });
      return { kind: "new" as const, id: row!.id };
    });
    if (reserved.kind === "confirm") return reserved;
    if (reserved.kind === "limit") {
      await deps.audit?.recordAudit({
        businessId: input.businessId,
        userId: input.userId,
        action: "spending.refused",
        subject: `IVA ${String(period.mes).padStart(2, "0")}/${period.anio}`,
        outcome: "error",
        detail: ivaMessages.dailyLimit,
      });
      throw new DomainError("conflict", ivaMessages.dailyLimit);
    }
    if (reserved.kind === "new") {
      await calls.send(
        {
          id: reserved.id,
          businessId: input.businessId,
          userId: input.userId,
          ...period,
          email: input.email,
        },
        credentials,
      );
    }
    await calls.settled(reserved.id);
    return { kind: "done", request: await views.request(reserved.id) };
  }

  return { request };
}
