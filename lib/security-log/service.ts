import "server-only";
import { and, desc, eq, gte } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { securityEvents, users } from "@/lib/db/schema";
import { getLogger } from "@/lib/log";

/** What the security log records, with the words the activity page shows. */
export const securityKinds = {
  "sign_in.failed": "Ingreso fallido",
  "sign_in.throttled": "Ingreso frenado por demasiados intentos",
  "sign_in.two_factor_failed": "Código de verificación incorrecto al ingresar",
  "authorization.refused": "Acceso denegado",
  "two_factor.enabled": "Activó la verificación en dos pasos",
  "two_factor.disabled": "Desactivó la verificación en dos pasos",
  "two_factor.recovery_used": "Ingresó con un código de recuperación",
  "two_factor.required": "Cambió la verificación en dos pasos obligatoria",
  "session.revoked": "Cerró sesiones",
  "password.changed": "Cambió su contraseña",
  "password.reset": "Eligió una contraseña nueva con un enlace por email",
  "business.deleted": "Eliminó la empresa",
} as const;

export type SecurityKind = keyof typeof securityKinds;

export type SecurityEventInput = {
  kind: SecurityKind;
  userId?: string | null;
  businessId?: string | null;
  email?: string | null;
  address?: string | null;
  subject?: string | null;
  detail?: string | null;
  requestId?: string | null;
};

export type SecurityEntry = {
  id: string;
  at: string;
  kind: SecurityKind;
  label: string;
  who: string | null;
  userId: string | null;
  businessId: string | null;
  email: string | null;
  address: string | null;
  subject: string | null;
  detail: string | null;
  requestId: string | null;
};

export type SecurityLogDeps = { db: Database; now: () => Date };

/**
 * The security log: a table no deletion reaches (no foreign keys) and the JSON log, so an
 * operator finds the same events in either. Writing it never fails what it records.
 */
export function createSecurityLog({ db, now }: SecurityLogDeps) {
  /** Records one event; pass `tx` to write it with what it records (a deletion). */
  async function record(event: SecurityEventInput, tx: Database = db): Promise<void> {
    const row = {
      at: now(),
      kind: event.kind,
      userId: event.userId ?? null,
      businessId: event.businessId ?? null,
      email: event.email?.toLowerCase().slice(0, 320) ?? null,
      address: event.address?.slice(0, 100) ?? null,
      subject: event.subject?.slice(0, 300) ?? null,
      detail: event.detail?.slice(0, 500) ?? null,
      requestId: event.requestId ?? null,
    };
    getLogger().warn(
      { event: "security", ...row, at: row.at.toISOString() },
      securityKinds[row.kind],
    );
    if (tx !== db) return void (await tx.insert(securityEvents).values(row));
    // Outside a transaction, a failure to write is logged, never thrown at the user's request.
    await db
      .insert(securityEvents)
      .values(row)
      .catch((error: unknown) =>
        getLogger().error(
          { event: "security.write_failed", err: error },
          "Security log write failed",
        ),
      );
  }

  /** Events since `since`, newest first; of one business when given. */
  async function list({
    since,
    businessId,
    limit = 500,
  }: {
    since: Date;
    businessId?: string;
    limit?: number;
  }): Promise<SecurityEntry[]> {
    const rows = await db
      .select({ event: securityEvents, who: users.name })
      .from(securityEvents)
      .leftJoin(users, eq(users.id, securityEvents.userId))
      .where(
        and(
          gte(securityEvents.at, since),
          businessId ? eq(securityEvents.businessId, businessId) : undefined,
        ),
      )
      .orderBy(desc(securityEvents.at))
      .limit(limit);
    return rows.map(({ event, who }) => ({
      ...event,
      at: event.at.toISOString(),
      kind: event.kind as SecurityKind,
      label: securityKinds[event.kind as SecurityKind] ?? event.kind,
      who,
    }));
  }

  /** What owners see on Actividad: their business's events of the last 30 days. */
  function recentOfBusiness(businessId: string): Promise<SecurityEntry[]> {
    return list({ businessId, since: new Date(now().getTime() - 30 * 86_400_000), limit: 200 });
  }

  return { record, list, recentOfBusiness };
}

export type SecurityLog = ReturnType<typeof createSecurityLog>;
