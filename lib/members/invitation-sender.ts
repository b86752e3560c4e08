import "server-only";
import { eq } from "drizzle-orm";
import { roleLabels } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db";
import { businesses, users, type Role } from "@/lib/db/schema";
import { DomainError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { invitationMessage } from "@/lib/mail/messages";
import type { MembersContext } from "./context";
import { admitInvitation } from "./limits";

/**
 * Only someone who proved their own address may make Tablero email others: an account made
 * with a made-up address cannot send invitations.
 */
export const unverifiedInviterMessage = "Confirmá tu email antes de invitar a otras personas.";

export type InvitationSender = ReturnType<typeof createInvitationSender>;

/** Who may send an invitation email, and the email itself (queued with the invitation). */
export function createInvitationSender({
  db,
  mail,
  throttle,
}: Pick<MembersContext, "db" | "mail" | "throttle">) {
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

  return { canInvite, admitSender, emailInvitation };
}
