import "server-only";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { roleLabels } from "@/lib/auth/permissions";
import { newToken } from "@/lib/auth/tokens";
import {
  invitations,
  memberships,
  outboundEmails,
  users,
  type OutboundEmailStatus,
  type Role,
} from "@/lib/db/schema";
import { DomainError } from "@/lib/errors";
import type { MembersContext } from "./context";
import type { InvitationSender } from "./invitation-sender";

const NOT_PENDING = "Esa invitación ya no está pendiente.";

export type PendingInvitation = {
  id: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  /** How the email with the link went (null: sent before invitations were emailed). */
  emailStatus: OutboundEmailStatus | null;
};

/** A link just made (invited or re-sent): the only time its token exists in clear. */
export type IssuedInvitation = { token: string; expiresAt: string; email: string };

/**
 * Invitations an owner sends, re-sends, lists and revokes: only the token's hash is stored,
 * and its email is queued in the transaction that writes it.
 */
export function createInvitations(
  {
    db,
    audit,
    now,
    invitationLifetimeMs,
  }: Pick<MembersContext, "db" | "audit" | "now" | "invitationLifetimeMs">,
  { admitSender, emailInvitation }: Pick<InvitationSender, "admitSender" | "emailInvitation">,
) {
  const { recordAudit } = audit;

  /** Invitations not yet accepted, revoked or expired. */
  async function listPendingInvitations(businessId: string): Promise<PendingInvitation[]> {
    const at = now();
    const rows = await db
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        invitedBy: users.name,
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
        emailStatus: outboundEmails.status,
      })
      .from(invitations)
      .leftJoin(users, eq(users.id, invitations.invitedBy))
      .leftJoin(outboundEmails, eq(outboundEmails.id, invitations.emailId))
      .where(
        and(
          eq(invitations.businessId, businessId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, at),
        ),
      )
      .orderBy(desc(invitations.createdAt));
    return rows.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
    }));
  }

  /**
   * Creates an invitation, emails its link to the invitee (queued in the same transaction) and
   * returns its token: the only time it exists in clear (the owner sees the link once to copy
   * it; only its hash is stored). A pending invitation to the same email is replaced.
   */
  async function invite(input: {
    businessId: string;
    invitedBy: string;
    email: string;
    role: Role;
  }): Promise<IssuedInvitation> {
    const at = now();
    const email = input.email.trim().toLowerCase();
    const [member] = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.businessId, input.businessId), eq(users.email, email)));
    if (member) {
      throw new DomainError("conflict", "Esa persona ya es miembro de la empresa.", {
        email: ["Esa persona ya es miembro de la empresa."],
      });
    }
    await admitSender({ businessId: input.businessId, userId: input.invitedBy, email });
    const { token, hash } = newToken();
    const expiresAt = new Date(at.getTime() + invitationLifetimeMs);
    await db.transaction(async (tx) => {
      await tx
        .update(invitations)
        .set({ revokedAt: at })
        .where(
          and(
            eq(invitations.businessId, input.businessId),
            eq(invitations.email, email),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
          ),
        );
      const emailId = await emailInvitation(tx, { ...input, email }, token, expiresAt);
      await tx.insert(invitations).values({
        businessId: input.businessId,
        email,
        role: input.role,
        tokenHash: hash,
        invitedBy: input.invitedBy,
        createdAt: at,
        expiresAt,
        emailId,
      });
      await recordAudit(
        {
          businessId: input.businessId,
          userId: input.invitedBy,
          action: "member.invite",
          subject: `${email} (${roleLabels[input.role]})`,
          at,
        },
        tx,
      );
    });
    return { token, expiresAt: expiresAt.toISOString(), email };
  }

  /**
   * "Reenviar": a pending invitation gets a new link (the previous one stops working), a new
   * expiry and a new email, as if just sent; the audit log says it was sent again.
   */
  async function resendInvitation(input: {
    businessId: string;
    invitationId: string;
    userId: string;
  }): Promise<IssuedInvitation> {
    const at = now();
    const pending = and(
      eq(invitations.id, input.invitationId),
      eq(invitations.businessId, input.businessId),
      isNull(invitations.acceptedAt),
      isNull(invitations.revokedAt),
      gt(invitations.expiresAt, at),
    );
    const [found] = await db.select({ email: invitations.email }).from(invitations).where(pending);
    if (!found) throw new DomainError("not_found", NOT_PENDING);
    await admitSender({ businessId: input.businessId, userId: input.userId, email: found.email });
    const { token, hash } = newToken();
    const expiresAt = new Date(at.getTime() + invitationLifetimeMs);
    const email = await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ id: invitations.id, email: invitations.email, role: invitations.role })
        .from(invitations)
        .where(pending)
        .for("update");
      if (!row) throw new DomainError("not_found", NOT_PENDING);
      const invitee = {
        businessId: input.businessId,
        invitedBy: input.userId,
        email: row.email,
        role: row.role,
      };
      const emailId = await emailInvitation(tx, invitee, token, expiresAt);
      await tx
        .update(invitations)
        // The owner re-sending it answers for it now (acceptance checks they still may invite).
        .set({ tokenHash: hash, expiresAt, emailId, invitedBy: input.userId })
        .where(eq(invitations.id, row.id));
      await recordAudit(
        {
          businessId: input.businessId,
          userId: input.userId,
          action: "member.invite",
          subject: `${row.email} (${roleLabels[row.role]}), enviada de nuevo`,
          at,
        },
        tx,
      );
      return row.email;
    });
    return { token, expiresAt: expiresAt.toISOString(), email };
  }

  async function revokeInvitation(input: {
    businessId: string;
    invitationId: string;
    userId: string;
  }): Promise<void> {
    const at = now();
    const [revoked] = await db
      .update(invitations)
      .set({ revokedAt: at })
      .where(
        and(
          eq(invitations.id, input.invitationId),
          eq(invitations.businessId, input.businessId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ email: invitations.email });
    if (!revoked) throw new DomainError("not_found", NOT_PENDING);
    await recordAudit({
      businessId: input.businessId,
      userId: input.userId,
      action: "member.revoke",
      subject: revoked.email,
      at,
    });
  }

  return { listPendingInvitations, invite, resendInvitation, revokeInvitation };
}
