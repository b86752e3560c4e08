import "server-only";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { auditEvents, memberships, tusfacturasRequests, users } from "@/lib/db/schema";
import type { SecurityKind, SecurityLog } from "@/lib/security-log/service";
import { startOfMonth } from "./month";

export const auditActions = {
  "session.sign_in": "Ingresó a Tablero",
  "account.password_change": "Cambió su contraseña",
  "account.password_reset": "Eligió una contraseña nueva con un enlace por email",
  "business.create": "Creó la empresa",
  "credentials.replace": "Cambió las credenciales de TusFacturas",
  "credentials.remove": "Quitó las credenciales de TusFacturas",
  "consumo.refresh": "Actualizó el consumo",
  "cuentaCorriente.refresh": "Actualizó una cuenta corriente",
  "iva.request": "Pidió un reporte de IVA compras-ventas",
  "spending.refused": "No se hizo un request a TusFacturas:",
  "business.budget": "Cambió el presupuesto mensual de requests:",
  "client.add": "Agregó un cliente",
  "client.update": "Editó un cliente",
  "client.remove": "Quitó un cliente",
  "client.import": "Importó clientes desde un archivo:",
  "client.importTusfacturas": "Importó clientes desde TusFacturas:",
  "member.invite": "Invitó a",
  "member.revoke": "Revocó la invitación de",
  "member.accept": "Aceptó la invitación",
  "member.role": "Cambió el rol de",
  "member.remove": "Quitó de la empresa a",
  "twoFactor.enable": "Activó la verificación en dos pasos",
  "twoFactor.disable": "Desactivó la verificación en dos pasos",
  "twoFactor.recovery": "Ingresó con un código de recuperación",
  "business.requireTwoFactor": "Cambió la verificación en dos pasos obligatoria:",
} as const;

export type AuditAction = keyof typeof auditActions;

export type AuditEvent = {
  businessId: string;
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

export type AuditDeps = {
  db: Database;
  /** The clock that says which month "this month" is. Default: the wall clock. */
  now?: () => Date;
  /** Where the account's security changes also go (lib/security-log), when given. */
  security?: Pick<SecurityLog, "record">;
};

/** Account and business events that are security events too. */
const securityKindOf: Partial<Record<AuditAction, SecurityKind>> = {
  "twoFactor.enable": "two_factor.enabled",
  "twoFactor.disable": "two_factor.disabled",
  "twoFactor.recovery": "two_factor.recovery_used",
  "business.requireTwoFactor": "two_factor.required",
  "account.password_change": "password.changed",
  "account.password_reset": "password.reset",
};

export type AuditService = ReturnType<typeof createAuditService>;

/** The activity log of each business: what was done, by whom, and the TusFacturas requests. */
export function createAuditService({ db, now = () => new Date(), security }: AuditDeps) {
  /**
   * Writes one line of a business's audit log; pass `tx` to write it in that transaction
   * (with what it records).
   */
  async function recordAudit(event: AuditEvent, tx: Database = db): Promise<void> {
    const kind = securityKindOf[event.action];
    if (kind && security) {
      await security.record(
        {
          kind,
          userId: event.userId,
          businessId: event.businessId,
          subject: event.subject ?? null,
        },
        tx,
      );
    }
    await tx.insert(auditEvents).values({
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

  /** The business's log, newest first. */
  async function listAudit(
    businessId: string,
    { limit = 200 }: { limit?: number } = {},
  ): Promise<AuditEntry[]> {
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
      .where(eq(auditEvents.businessId, businessId))
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

  /**
   * Something done to the person's account (a sign-in, two-factor turned on or off), written in
   * the log of every business the user belongs to at that moment (so it stays there after the
   * member is removed).
   */
  async function recordAccountEvent(
    userId: string,
    action: Extract<AuditAction, "session.sign_in" | `twoFactor.${string}` | `account.${string}`>,
    tx: Database = db,
  ): Promise<void> {
    const businessIds = await tx
      .select({ businessId: memberships.businessId })
      .from(memberships)
      .where(eq(memberships.userId, userId));
    const kind = securityKindOf[action];
    if (kind && security) {
      // One per business, so each owner sees it; one with no business when there is none.
      const about = businessIds.length > 0 ? businessIds.map((b) => b.businessId) : [null];
      for (const businessId of about) await security.record({ kind, userId, businessId }, tx);
    }
    if (businessIds.length === 0) return;
    await tx.insert(auditEvents).values(
      businessIds.map(({ businessId }) => ({
        businessId,
        userId,
        action,
        outcome: "ok" as const,
      })),
    );
  }

  /** A sign-in, in the log of every business the user belongs to. */
  function recordSignIn(userId: string): Promise<void> {
    return recordAccountEvent(userId, "session.sign_in");
  }

  /**
   * Billed TusFacturas requests Tablero made for the business since the 1st of this month, by
   * method (the free lookups are recorded but not counted).
   */
  async function requestsThisMonth(
    businessId: string,
  ): Promise<{ method: string; requests: number }[]> {
    return db
      .select({ method: tusfacturasRequests.method, requests: sql<number>`count(*)::int` })
      .from(tusfacturasRequests)
      .where(
        and(
          eq(tusfacturasRequests.businessId, businessId),
          eq(tusfacturasRequests.billed, true),
          gte(tusfacturasRequests.at, startOfMonth(now())),
        ),
      )
      .groupBy(tusfacturasRequests.method)
      .orderBy(tusfacturasRequests.method);
  }

  return { recordAudit, listAudit, recordSignIn, recordAccountEvent, requestsThisMonth };
}
