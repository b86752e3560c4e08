import "server-only";
import { and, asc, count, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { DomainError } from "@/lib/errors";
import type { AuditService } from "@/lib/audit/service";
import type { ThrottleService } from "@/lib/auth/throttle";
import { can, roleLabels } from "@/lib/auth/permissions";
import { hashToken, newToken } from "@/lib/auth/tokens";
import type { Database } from "@/lib/db";
import {
  businesses,
  invitations,
  memberships,
  outboundEmails,
  users,
  type OutboundEmailStatus,
  type Role,
} from "@/lib/db/schema";
import { formatDateTime } from "@/lib/format";
import { invitationMessage } from "@/lib/mail/messages";
import type { MailService } from "@/lib/mail/service";
import { admitInvitation } from "./limits";

const LAST_OWNER = "La empresa necesita al menos un dueño.";
const NOT_PENDING = "Esa invitación ya no está pendiente.";

/**
 * Only someone who proved their own address may make Tablero email others: an account made
 * with a made-up address cannot send invitations.
 */
export const unverifiedInviterMessage = "Confirmá tu email antes de invitar a otras personas.";

export type Member = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  since: string;
  /** Whether they sign in with two-factor (what an owner checks before requiring it). */
  twoFactor: boolean;
};
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

/** Serializes changes to one business's members, so two owners cannot demote each other. */
async function lockMembers(tx: Database, businessId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`members:${businessId}`}))`);
}

async function ownerCount(tx: Database, businessId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.businessId, businessId), eq(memberships.role, "owner")));
  return row?.n ?? 0;
}

async function memberOf(tx: Database, businessId: string, userId: string) {
  const [row] = await tx
    .select({ role: memberships.role, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.businessId, businessId), eq(memberships.userId, userId)));
  if (!row) throw new DomainError("not_found", "Esa persona no es miembro de la empresa.");
  return row;
}

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

export type InvitationState =
  "pending" | "accepted" | "revoked" | "expired" | "wrong_email" | "not_found";

export type InvitationInfo = {
  state: InvitationState;
  businessId: string | null;
  razonSocial: string | null;
  role: Role | null;
  invitedBy: string | null;
};

/** Where an invitation stands for someone signed in with `email` (null: nobody yet). */
function stateOf(
  row: { email: string; acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  email: string | null,
  now: Date,
): InvitationState {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now) return "expired";
  if (email !== null && email.toLowerCase() !== row.email) return "wrong_email";
  return "pending";
}

const notFound: InvitationInfo = {
  state: "not_found",
  businessId: null,
  razonSocial: null,
  role: null,
  invitedBy: null,
};

export const invitationMessages: Record<Exclude<InvitationState, "pending">, string> = {
  accepted: "Esta invitación ya fue usada.",
  revoked: "Esta invitación fue revocada. Pedile a quien te invitó una nueva.",
  expired: "Esta invitación venció. Pedile a quien te invitó una nueva.",
  wrong_email: "Esta invitación no es para tu cuenta: ingresá con el email al que te invitaron.",
  not_found: "No encontramos esa invitación. Revisá que el enlace esté completo.",
};

/** The invited person has not confirmed their email yet: accepting proves the address. */
export const unverifiedMessage =
  "Para aceptar la invitación, primero confirmá tu email con el enlace que te enviamos.";

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

export type MembersService = ReturnType<typeof createMembersService>;

/**
 * A business's members and invitations: only the token's hash is stored, changes are
 * serialized per business so it always keeps an owner, and every change is audited.
 */
export function createMembersService({
  db,
  audit,
  mail,
  throttle,
  now = () => new Date(),
  invitationLifetimeMs,
}: MembersDeps) {
  const { recordAudit } = audit;

  /** Whether `userId` confirmed their own address (what inviting and re-sending need). */
  async function canInvite(userId: string): Promise<boolean> {
    const [row] = await db
      .select({ verifiedAt: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.id, userId));
    return Boolean(row?.verifiedAt);
  }

  /**
   * Before an invitation email is written: the sender confirmed their address, and the limits
   * per address and per business admit one more. Refused, nothing of the invitation is written.
   */
  async function admitSender(input: { businessId: string; userId: string; email: string }) {
    if (!(await canInvite(input.userId))) {
      throw new DomainError("forbidden", unverifiedInviterMessage);
    }
    await admitInvitation(throttle, { businessId: input.businessId, email: input.email });
  }

  /** Queues the email that carries an invitation's link, in `tx`; returns the email's id. */
  async function emailInvitation(
    tx: Database,
    input: { businessId: string; invitedBy: string; email: string; role: Role },
    token: string,
    expiresAt: Date,
  ): Promise<string> {
    const [[business], [inviter]] = await Promise.all([
      tx
        .select({ razonSocial: businesses.razonSocial })
        .from(businesses)
        .where(eq(businesses.id, input.businessId)),
      tx.select({ name: users.name }).from(users).where(eq(users.id, input.invitedBy)),
    ]);
    return mail.enqueue(
      tx,
      input.email,
      invitationMessage({
        businessName: business?.razonSocial ?? "una empresa",
        inviterName: inviter?.name ?? "Un dueño",
        roleLabel: roleLabels[input.role],
        url: mail.link(`/invitacion/${token}`),
        expiresOn: formatDateTime(expiresAt),
      }),
    );
  }

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

  async function changeRole(input: {
    businessId: string;
    userId: string;
    role: Role;
    by: string;
  }): Promise<void> {
    const at = now();
    await db.transaction(async (tx) => {
      await lockMembers(tx, input.businessId);
      const member = await memberOf(tx, input.businessId, input.userId);
      if (member.role === input.role) return;
      if (member.role === "owner" && (await ownerCount(tx, input.businessId)) <= 1) {
        throw new DomainError("conflict", LAST_OWNER);
      }
      await tx
        .update(memberships)
        .set({ role: input.role })
        .where(
          and(eq(memberships.businessId, input.businessId), eq(memberships.userId, input.userId)),
        );
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
      await lockMembers(tx, input.businessId);
      const member = await memberOf(tx, input.businessId, input.userId);
      if (member.role === "owner" && (await ownerCount(tx, input.businessId)) <= 1) {
        throw new DomainError("conflict", LAST_OWNER);
      }
      await tx
        .delete(memberships)
        .where(
          and(eq(memberships.businessId, input.businessId), eq(memberships.userId, input.userId)),
        );
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

  return {
    canInvite,
    listMembers,
    listPendingInvitations,
    invite,
    resendInvitation,
    revokeInvitation,
    changeRole,
    removeMember,
    invitationInfo,
    acceptInvitation,
  };
}
