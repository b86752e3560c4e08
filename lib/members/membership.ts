import "server-only";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import { can, roleLabels } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db";
import { lockForTransaction } from "@/lib/db/locks";
import { invitations, memberships, users, type Role } from "@/lib/db/schema";
import { DomainError } from "@/lib/errors";
import { memberOf, type MembersContext } from "./context";

const LAST_OWNER = "La empresa necesita al menos un dueño.";

export type Member = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  since: string;
  /** Whether they sign in with two-factor (what an owner checks before requiring it). */
  twoFactor: boolean;
};

/**
 * The member about to change, read under the business's lock: changes to one business's
 * members run one at a time, so two owners cannot demote each other.
 */
async function lockedMember(tx: Database, businessId: string, userId: string) {
  await lockForTransaction(tx, `members:${businessId}`);
  return memberOf(tx, businessId, userId);
}

/** The business would be left without an owner: its last one cannot stop being one. */
async function refuseLastOwner(tx: Database, businessId: string, role: Role): Promise<void> {
  if (role !== "owner") return;
  const [row] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.businessId, businessId), eq(memberships.role, "owner")));
  if ((row?.n ?? 0) <= 1) throw new DomainError("conflict", LAST_OWNER);
}

const membershipOf = (businessId: string, userId: string) =>
  and(eq(memberships.businessId, businessId), eq(memberships.userId, userId));

/** An owner who stops being one takes back the invitations they sent that are still open. */
async function revokeInvitationsOf(tx: Database, businessId: string, userId: string, now: Date) {
  await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.businessId, businessId),
        eq(invitations.invitedBy, userId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
}

/**
 * A business's members and their roles: changes are serialized per business so it always
 * keeps an owner, and each one is audited.
 */
export function createMembership({ db, audit, now }: Pick<MembersContext, "db" | "audit" | "now">) {
  const { recordAudit } = audit;

  async function listMembers(businessId: string): Promise<Member[]> {
    const rows = await db
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        role: memberships.role,
        since: memberships.createdAt,
        twoFactorSince: users.totpEnabledAt,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.businessId, businessId))
      .orderBy(asc(users.name));
    return rows.map(({ twoFactorSince, ...row }) => ({
      ...row,
      since: row.since.toISOString(),
      twoFactor: twoFactorSince !== null,
    }));
  }

  async function changeRole(input: {
    businessId: string;
    userId: string;
    role: Role;
    by: string;
  }): Promise<void> {
    const at = now();
    await db.transaction(async (tx) => {
      const member = await lockedMember(tx, input.businessId, input.userId);
      if (member.role === input.role) return;
      await refuseLastOwner(tx, input.businessId, member.role);
      await tx
        .update(memberships)
        .set({ role: input.role })
        .where(membershipOf(input.businessId, input.userId));
      if (!can(input.role, "members:manage")) {
        await revokeInvitationsOf(tx, input.businessId, input.userId, at);
      }
      await recordAudit(
        {
          businessId: input.businessId,
          userId: input.by,
          action: "member.role",
          subject: `${member.name} (${member.email}): ${roleLabels[member.role]} → ${roleLabels[input.role]}`,
          at,
        },
        tx,
      );
    });
  }

  async function removeMember(input: {
    businessId: string;
    userId: string;
    by: string;
  }): Promise<void> {
    const at = now();
    await db.transaction(async (tx) => {
      const member = await lockedMember(tx, input.businessId, input.userId);
      await refuseLastOwner(tx, input.businessId, member.role);
      await tx.delete(memberships).where(membershipOf(input.businessId, input.userId));
      await revokeInvitationsOf(tx, input.businessId, input.userId, at);
      await recordAudit(
        {
          businessId: input.businessId,
          userId: input.by,
          action: "member.remove",
          subject: `${member.name} (${member.email})`,
          at,
        },
        tx,
      );
    });
  }

  return { listMembers, changeRole, removeMember };
}
