import "server-only";
import { and, eq } from "drizzle-orm";
import { can, roleLabels } from "@/lib/auth/permissions";
import { hashToken } from "@/lib/auth/tokens";
import { businesses, invitations, memberships, users } from "@/lib/db/schema";
import { DomainError } from "@/lib/errors";
import { memberOf, type MembersContext } from "./context";
import {
  invitationMessages,
  notFound,
  stateOf,
  unverifiedMessage,
  type InvitationInfo,
} from "./invitation-states";

/** The invitation link's side: what it shows, and joining the business with it. */
export function createInvitationAcceptance({
  db,
  audit,
  now,
}: Pick<MembersContext, "db" | "audit" | "now">) {
  const { recordAudit } = audit;

  /** What the invitation link page shows; `email` is the signed-in user's, when there is one. */
  async function invitationInfo(token: string, email: string | null): Promise<InvitationInfo> {
    const [row] = await db
      .select({
        businessId: invitations.businessId,
        razonSocial: businesses.razonSocial,
        role: invitations.role,
        email: invitations.email,
        invitedBy: users.name,
        acceptedAt: invitations.acceptedAt,
        revokedAt: invitations.revokedAt,
        expiresAt: invitations.expiresAt,
      })
      .from(invitations)
      .innerJoin(businesses, eq(businesses.id, invitations.businessId))
      .leftJoin(users, eq(users.id, invitations.invitedBy))
      .where(eq(invitations.tokenHash, hashToken(token)));
    if (!row) return notFound;
    const state = stateOf(row, email, now());
    // Details of a business are for the invited person only.
    if (state !== "pending") return { ...notFound, state };
    return {
      state,
      businessId: row.businessId,
      razonSocial: row.razonSocial,
      role: row.role,
      invitedBy: row.invitedBy,
    };
  }

  /**
   * Accepts an invitation for `user`: once, before it expires, and only with the invited email.
   * Returns the business it gives access to.
   */
  async function acceptInvitation(
    token: string,
    user: { id: string; email: string },
  ): Promise<{ businessId: string }> {
    const at = now();
    return db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(invitations)
        .where(eq(invitations.tokenHash, hashToken(token)))
        .for("update");
      if (!row) throw new DomainError("not_found", invitationMessages.not_found);
      // The address as stored now, and whether its owner proved it: not what the session says.
      const [account] = await tx
        .select({ email: users.email, verifiedAt: users.emailVerifiedAt })
        .from(users)
        .where(eq(users.id, user.id));
      const state = stateOf(row, account?.email ?? user.email, at);
      if (state !== "pending") throw new DomainError("conflict", invitationMessages[state]);
      if (!account?.verifiedAt) throw new DomainError("conflict", unverifiedMessage);
      // Whoever sent it must still be able to invite: one removed meanwhile cannot let anyone in.
      const [inviter] = row.invitedBy
        ? await tx
            .select({ role: memberships.role })
            .from(memberships)
            .where(
              and(
                eq(memberships.businessId, row.businessId),
                eq(memberships.userId, row.invitedBy),
              ),
            )
        : [];
      if (!inviter || !can(inviter.role, "members:manage")) {
        throw new DomainError("conflict", invitationMessages.revoked);
      }
      await tx
        .update(invitations)
        .set({ acceptedAt: at, acceptedBy: user.id })
        .where(eq(invitations.id, row.id));
      // Someone who is already a member keeps the role they have: an invitation never changes it.
      const [joined] = await tx
        .insert(memberships)
        .values({ userId: user.id, businessId: row.businessId, role: row.role })
        .onConflictDoNothing()
        .returning({ role: memberships.role });
      const current = joined ?? (await memberOf(tx, row.businessId, user.id));
      await recordAudit(
        {
          businessId: row.businessId,
          userId: user.id,
          action: "member.accept",
          subject: joined
            ? roleLabels[joined.role]
            : `${roleLabels[row.role]} (ya era miembro como ${roleLabels[current.role]})`,
          at,
        },
        tx,
      );
      return { businessId: row.businessId };
    });
  }

  return { invitationInfo, acceptInvitation };
}
