import "server-only";
import { and, desc, eq, gte, isNull, sql } from "drizzle-orm";
import { startOfMonth } from "@/lib/audit/month";
import type { AuditService } from "@/lib/audit/service";
import type { Database } from "@/lib/db";
import { auditEvents, businesses, consumoSnapshots, tusfacturasRequests } from "@/lib/db/schema";
import { DomainError } from "@/lib/errors";
import { formatInteger, formatTime } from "@/lib/format";

/** The budget when an owner set none: 5% of the plan's cupo as last seen, at least this. */
export const MIN_DEFAULT_BUDGET = 20;
export const DEFAULT_BUDGET_SHARE = 0.05;

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
  async function budget(businessId: string): Promise<Budget> {
    const [[business], [cupo], [spent]] = await Promise.all([
      db
        .select({ budget: businesses.requestBudget })
        .from(businesses)
        .where(eq(businesses.id, businessId)),
      db
        .select({ cupo: consumoSnapshots.comprobantesCupo })
        .from(consumoSnapshots)
        .where(eq(consumoSnapshots.businessId, businessId))
        .orderBy(desc(consumoSnapshots.fetchedAt))
        .limit(1),
      db
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

  return {
    budget,

    /**
     * Whether a refresh may spend a request now. An explicit one refused throws a DomainError
     * saying why and when it will be possible; a visit's refresh refused returns false (the
     * page shows the stored copy).
     */
    async admit(target: SpendingTarget): Promise<boolean> {
      if (target.explicit) {
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
      const current = await budget(target.businessId);
      if (current.used < current.limit) return true;
      const message = `Se alcanzó el presupuesto de ${formatInteger(current.limit)} requests de TusFacturas de este mes para esta empresa: se muestra la copia guardada. Un dueño puede subirlo en Actividad.`;
      await refuse(target, message);
      if (target.explicit) throw new DomainError("conflict", message);
      return false;
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
