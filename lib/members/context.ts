import "server-only";
import { and, eq } from "drizzle-orm";
import type { AuditService } from "@/lib/audit/service";
import type { ThrottleService } from "@/lib/auth/throttle";
import type { Database } from "@/lib/db";
import { memberships, users } from "@/lib/db/schema";
import { DomainError } from "@/lib/errors";
import type { MailService } from "@/lib/mail/service";

export type MembersDeps = {
  db: Database;
  /** Each change writes its line in the business's activity log, in the same transaction. */
  audit: Pick<AuditService, "recordAudit">;
  /** The invitation's email, queued in the transaction that writes it. */
  mail: Pick<MailService, "enqueue" | "link">;
  /** The limits on invitation emails per address and per business (`./limits`). */
  throttle: ThrottleService;
  now?: () => Date;
  /** How long an invitation link works (`TABLERO_INVITATION_MINUTES`). */
  invitationLifetimeMs: number;
};

/** The deps as each part of the service gets them: the clock is settled once, in `./service`. */
export type MembersContext = Omit<MembersDeps, "now"> & { now: () => Date };

/**
 * One member as changes describe them in the activity log, read in `tx`; someone who is not a
 * member of the business is "not found".
 */
export async function memberOf(tx: Database, businessId: string, userId: string) {
  const [row] = await tx
    .select({ role: memberships.role, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.businessId, businessId), eq(memberships.userId, userId)));
  if (!row) throw new DomainError("not_found", "Esa persona no es miembro de la empresa.");
  return row;
}
