import "server-only";
import { and, count, desc, eq, gte, isNull, lt, sql } from "drizzle-orm";
import { startOfMonth } from "@/lib/audit/month";
import type { AuditService } from "@/lib/audit/service";
import type { Database } from "@/lib/db";
import { lockForTransaction } from "@/lib/db/locks";
import {
  auditEvents,
  businesses,
  consumoSnapshots,
  spendingReservations,
  tusfacturasRequests,
} from "@/lib/db/schema";
import { DomainError } from "@/lib/errors";
import { formatInteger, formatTime } from "@/lib/format";

/** The budget when an owner set none: 5% of the plan's cupo as last seen, at least this. */
export const MIN_DEFAULT_BUDGET = 20;
export const DEFAULT_BUDGET_SHARE = 0.05;
/**
 * Longer than any call holds a reservation: TusFacturas' timeout with its retries, and the
 * credential set's queue before them.
 */
const RESERVATION_TTL_MS = 15 * 60_000;

export type SpendingDeps = {
  db: Database;
  audit: AuditService;
  now: () => Date;
  /** An explicit refresh of one resource waits this long after its last request. */
  refreshIntervalMs: number;
};

export type Budget = {
  /** Requests Tablero may spend on the business this month. */
  limit: number;
  /** Whether an owner set it (otherwise it follows the plan's cupo). */
  custom: boolean;
  /** Billed requests spent since the 1st (free lookups do not count). */
  used: number;
  /** The plan's cupo as last seen (what the default follows); null before any consumo. */
  cupo: number | null;
};

/** What a refresh is about: a method, and the CUIT for a client's ledger. */
export type SpendingTarget = {
  businessId: string;
  userId: string | null;
  method: string;
  subject?: string | null;
  /** "Actualizar" (true), or a visit refreshing a stale copy (false). */
  explicit: boolean;
  /**
   * The first call with credentials just saved, to verify them: no interval since the last
   * request (made with the set they replace, maybe a typo seconds ago); the budget still holds.
   */
  newCredentials?: boolean;
};

/** The default budget for a plan's cupo (null: never seen). */
export function defaultBudget(cupo: number | null): number {
  return Math.max(MIN_DEFAULT_BUDGET, Math.ceil((cupo ?? 0) * DEFAULT_BUDGET_SHARE));
}

/**
 * What keeps anyone with a session (a Contador, or whoever stole one) from spending a
 * business's plan: an explicit refresh of the same thing at most once per interval, and a
 * monthly budget of requests that owners set. Checked on the server, under the refresh's
 * lock, from the requests Tablero recorded; every refusal goes to the activity log.
 */
export function createSpendingGuard({ db, audit, now, refreshIntervalMs }: SpendingDeps) {
  async function budget(businessId: string, tx: Database = db): Promise<Budget> {
    const [[business], [cupo], [spent]] = await Promise.all([
      tx
        .select({ budget: businesses.requestBudget })
        .from(businesses)
        .where(eq(businesses.id, businessId)),
      tx
        .select({ cupo: consumoSnapshots.comprobantesCupo })
        .from(consumoSnapshots)
        .where(eq(consumoSnapshots.businessId, businessId))
        .orderBy(desc(consumoSnapshots.fetchedAt))
        .limit(1),
      tx
        .select({ used: sql<number>`count(*)::int` })
        .from(tusfacturasRequests)
        .where(
          and(
            eq(tusfacturasRequests.businessId, businessId),
            eq(tusfacturasRequests.billed, true),
            gte(tusfacturasRequests.at, startOfMonth(now())),
          ),
        ),
    ]);
    const custom = business?.budget ?? null;
    const lastCupo = cupo?.cupo ?? null;
    return {
      limit: custom ?? defaultBudget(lastCupo),
      custom: custom !== null,
      used: spent?.used ?? 0,
      cupo: lastCupo,
    };
  }

  async function refuse(target: SpendingTarget, message: string): Promise<void> {
    // Visits over budget would write a line each: one an hour says it well enough.
    if (!target.explicit) {
      const [recent] = await db
        .select({ at: auditEvents.at })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.businessId, target.businessId),
            eq(auditEvents.action, "spending.refused"),
            gte(auditEvents.at, new Date(now().getTime() - 3_600_000)),
          ),
        )
        .limit(1);
      if (recent) return;
    }
    await audit.recordAudit({
      businessId: target.businessId,
      userId: target.userId,
      action: "spending.refused",
      subject: target.subject ?? null,
      outcome: "error",
      detail: message,
      at: now(),
    });
  }

  /** An explicit refresh of the same thing at most once per interval: refused, it throws. */
  async function checkInterval(target: SpendingTarget): Promise<void> {
    const [last] = await db
      .select({ at: tusfacturasRequests.at })
      .from(tusfacturasRequests)
      .where(
        and(
          eq(tusfacturasRequests.businessId, target.businessId),
          eq(tusfacturasRequests.method, target.method),
          target.subject
            ? eq(tusfacturasRequests.subject, target.subject)
            : isNull(tusfacturasRequests.subject),
        ),
      )
      .orderBy(desc(tusfacturasRequests.at))
      .limit(1);
    const nextAt = last ? last.at.getTime() + refreshIntervalMs : 0;
    if (nextAt > now().getTime()) {
      const message = `Ya se actualizó hace menos de ${Math.round(refreshIntervalMs / 1000)} segundos: se muestra la copia guardada. Podés volver a actualizar desde las ${formatTime(new Date(nextAt))}.`;
      await refuse(target, message);
      throw new DomainError("conflict", message);
    }
  }

  /**
   * One request of the business's budget set aside (its id), or the budget when none is left.
   * Counted and written under the business's lock, so two admissions anywhere never both take
   * the last one. A reservation older than a call can last (a process that died mid-call)
   * stops counting and is dropped.
   */
  async function reserve(businessId: string): Promise<string | Budget> {
    const at = now();
    return db.transaction(async (tx) => {
      await lockForTransaction(tx, `spending:${businessId}`);
      await tx
        .delete(spendingReservations)
        .where(
          and(
            eq(spendingReservations.businessId, businessId),
            lt(spendingReservations.reservedAt, new Date(at.getTime() - RESERVATION_TTL_MS)),
          ),
        );
      const [current, [inFlight]] = await Promise.all([
        budget(businessId, tx),
        tx
          .select({ n: count() })
          .from(spendingReservations)
          .where(eq(spendingReservations.businessId, businessId)),
      ]);
      if (current.used + (inFlight?.n ?? 0) >= current.limit) return current;
      const [row] = await tx
        .insert(spendingReservations)
        .values({ businessId, reservedAt: at })
        .returning({ id: spendingReservations.id });
      return row!.id;
    });
  }

  return {
    budget,

    /**
     * Runs `call` (a refresh that spends requests) if it may spend one now, holding one request
     * of the budget while it runs: its requests are recorded only when it ends, and admissions
     * meanwhile (other clients of the business, other instances) must count it. An explicit
     * refresh refused throws a DomainError saying why and when it will be possible; a visit's
     * refresh refused returns false without calling (the page shows the stored copy).
     */
    async spend(target: SpendingTarget, call: () => Promise<void>): Promise<boolean> {
      if (target.explicit && !target.newCredentials) await checkInterval(target);
      const reservation = await reserve(target.businessId);
      if (typeof reservation !== "string") {
        const message = `Se alcanzó el presupuesto de ${formatInteger(reservation.limit)} requests de TusFacturas de este mes para esta empresa: se muestra la copia guardada. Un dueño puede subirlo en Actividad.`;
        await refuse(target, message);
        if (target.explicit) throw new DomainError("conflict", message);
        return false;
      }
      try {
        await call();
      } finally {
        await db.delete(spendingReservations).where(eq(spendingReservations.id, reservation));
      }
      return true;
    },

    /** An owner's monthly budget for the business; null goes back to the default. */
    async setBudget(businessId: string, limit: number | null): Promise<void> {
      await db
        .update(businesses)
        .set({ requestBudget: limit })
        .where(eq(businesses.id, businessId));
    },
  };
}

export type SpendingGuard = ReturnType<typeof createSpendingGuard>;
