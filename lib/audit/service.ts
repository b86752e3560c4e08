import "server-only";
import { and, desc, eq, gte, inArray, isNull, or, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { auditEvents, memberships, tusfacturasRequests, users } from "@/lib/db/schema";
import { startOfMonth } from "./month";

export const auditActions = {
  "session.sign_in": "Ingresó a Tablero",
  "business.create": "Creó la empresa",
  "credentials.replace": "Cambió las credenciales de TusFacturas",
  "credentials.remove": "Quitó las credenciales de TusFacturas",
  "consumo.refresh": "Actualizó el consumo",
  "cuentaCorriente.refresh": "Actualizó una cuenta corriente",
  "iva.request": "Pidió un reporte de IVA compras-ventas",
  "client.add": "Agregó un cliente",
  "client.update": "Editó un cliente",
  "client.remove": "Quitó un cliente",
  "member.invite": "Invitó a",
  "member.revoke": "Revocó la invitación de",
  "member.accept": "Aceptó la invitación",
  "member.role": "Cambió el rol de",
  "member.remove": "Quitó de la empresa a",
} as const;

export type AuditAction = keyof typeof auditActions;

export type AuditEvent = {
  businessId: string | null;
  userId: string | null;
  action: AuditAction;
  subject?: string | null;
  outcome?: "ok" | "error";
  /** TusFacturas requests it used. */
  requests?: number;
  /** The reason of a failure, in Spanish; never a credential value. */
  detail?: string | null;
  at?: Date;
};

/** Writes one line of a business's audit log. */
export async function recordAudit(db: Database, event: AuditEvent): Promise<void> {
  await db.insert(auditEvents).values({
    businessId: event.businessId,
    userId: event.userId,
    action: event.action,
    subject: event.subject ?? null,
    outcome: event.outcome ?? "ok",
    requests: event.requests ?? 0,
    detail: event.detail ?? null,
    ...(event.at ? { at: event.at } : {}),
  });
}

export type AuditEntry = {
  id: string;
  at: string;
  who: string | null;
  action: AuditAction;
  label: string;
  subject: string | null;
  outcome: "ok" | "error";
  requests: number;
  detail: string | null;
};

/**
 * The business's log, newest first: its own events and the sign-ins of its current members
 * (a sign-in belongs to no business).
 */
export async function listAudit(
  db: Database,
  businessId: string,
  { limit = 200 }: { limit?: number } = {},
): Promise<AuditEntry[]> {
  const members = db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(eq(memberships.businessId, businessId));
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      who: users.name,
      action: auditEvents.action,
      subject: auditEvents.subject,
      outcome: auditEvents.outcome,
      requests: auditEvents.requests,
      detail: auditEvents.detail,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(
      or(
        eq(auditEvents.businessId, businessId),
        and(
          isNull(auditEvents.businessId),
          eq(auditEvents.action, "session.sign_in"),
          inArray(auditEvents.userId, members),
        ),
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
  return rows.map((row) => {
    const action = row.action as AuditAction;
    return {
      ...row,
      action,
      label: auditActions[action] ?? row.action,
      at: row.at.toISOString(),
    };
  });
}

/** TusFacturas requests Tablero made for the business since the start of this month, by method. */
export async function requestsThisMonth(
  db: Database,
  businessId: string,
  now: Date,
): Promise<{ method: string; requests: number }[]> {
  return db
    .select({ method: tusfacturasRequests.method, requests: sql<number>`count(*)::int` })
    .from(tusfacturasRequests)
    .where(
      and(
        eq(tusfacturasRequests.businessId, businessId),
        gte(tusfacturasRequests.at, startOfMonth(now)),
      ),
    )
    .groupBy(tusfacturasRequests.method)
    .orderBy(tusfacturasRequests.method);
}
