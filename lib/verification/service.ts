import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { AccountTokensService } from "@/lib/account/tokens";
import { hashPassword } from "@/lib/auth/password";
import type { ThrottleService } from "@/lib/auth/throttle";
import { hashToken, isTokenShaped } from "@/lib/auth/tokens";
import type { Database } from "@/lib/db";
import { accountTokens, users, type OutboundEmailStatus } from "@/lib/db/schema";
import { DomainError } from "@/lib/errors";
import { accountExistsMessage, verifyEmailMessage } from "@/lib/mail/messages";
import type { MailService } from "@/lib/mail/service";
import { admitEmail, verificationRules } from "./limits";

export type VerificationDeps = {
  db: Database;
  mail: Pick<MailService, "enabled" | "enqueue" | "link" | "latest">;
  tokens: Pick<AccountTokensService, "issue" | "consume">;
  throttle: ThrottleService;
  now: () => Date;
};

/** What opening a verification link did. */
export type VerifyOutcome =
  | { outcome: "verified"; email: string }
  | { outcome: "already_verified" | "used" | "expired" | "email_changed" | "invalid" };

/** Where a person's address stands, for the banner and the invitation page. */
export type VerificationStatus = {
  verified: boolean;
  email: string;
  /** How the latest verification email went; null when none was sent. */
  lastEmail: OutboundEmailStatus | null;
  mailEnabled: boolean;
};

export const MAIL_OFF =
  "Este servidor de Tablero no tiene configurado el envío de emails, así que no puede mandarte el enlace para confirmar tu email. Avisale a quien lo administra.";

const INVITATION = /^[\w-]{20,100}$/;

/** `?invitacion=…` for a link that should end on that invitation, when the token looks like one. */
function invitationQuery(invitation: string | undefined): string {
  return invitation && INVITATION.test(invitation)
    ? `?invitacion=${encodeURIComponent(invitation)}`
    : "";
}

/**
 * Verified addresses: sign-up answers the same whether or not the email has an account (the
 * difference only reaches the address's owner, by email), a link proves the address, and
 * "Reenviar email" sends a new one. Every email is limited per address it goes to.
 */
export function createVerificationService({ db, mail, tokens, throttle, now }: VerificationDeps) {
  /** Queues a new verification link for `user` in `tx` (earlier links stop working). */
  async function sendLink(
    tx: Database,
    user: { id: string; name: string; email: string },
    invitation?: string,
  ) {
    const token = await tokens.issue(tx, {
      userId: user.id,
      email: user.email,
      purpose: "verify-email",
    });
    const url = mail.link(`/verificar/${token}${invitationQuery(invitation)}`);
    await mail.enqueue(tx, user.email, verifyEmailMessage({ name: user.name, url }));
  }

  /** Why a token that could not be used was refused, for the page that explains it. */
  async function whyRefused(token: string): Promise<VerifyOutcome> {
    if (!isTokenShaped(token)) return { outcome: "invalid" };
    const [row] = await db
      .select({
        purpose: accountTokens.purpose,
        email: accountTokens.email,
        usedAt: accountTokens.usedAt,
        verifiedAt: users.emailVerifiedAt,
        current: users.email,
      })
      .from(accountTokens)
      .innerJoin(users, eq(users.id, accountTokens.userId))
      .where(eq(accountTokens.tokenHash, hashToken(token)));
    if (!row || row.purpose !== "verify-email") return { outcome: "invalid" };
    if (row.verifiedAt && row.current === row.email) return { outcome: "already_verified" };
    return { outcome: row.usedAt ? "used" : "expired" };
  }

  return {
    /**
     * "Crear cuenta", after the per-connection limit and the password rules: a new email gets
     * an unverified account and a verification link; an email with an account gets nothing
     * new, and its owner is told by email. The caller answers both the same way.
     */
    async signUp(input: {
      name: string;
      email: string;
      password: string;
      invitation?: string;
    }): Promise<{ mailEnabled: boolean }> {
      const email = input.email.toLowerCase();
      await admitEmail(throttle, [[verificationRules.emailsTo, email]]);
      // Hashed either way, so both answers take as long.
      const passwordHash = await hashPassword(input.password);
      await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(users)
          .values({ name: input.name, email, passwordHash })
          .onConflictDoNothing({ target: users.email })
          .returning({ id: users.id, name: users.name, email: users.email });
        if (created) return sendLink(tx, created, input.invitation);
        const [owner] = await tx
          .select({ name: users.name })
          .from(users)
          .where(eq(users.email, email));
        await mail.enqueue(
          tx,
          email,
          accountExistsMessage({
            // The owner's own name: the one typed in the form is whoever tried.
            name: owner?.name ?? email,
            signInUrl: mail.link(`/ingresar${invitationQuery(input.invitation)}`),
            resetUrl: mail.link("/olvide-mi-contrasena"),
          }),
        );
      });
      return { mailEnabled: mail.enabled };
    },

    /** "Reenviar email": a new link to the user's current address (limited per address). */
    async resend(userId: string, clientAddress: string): Promise<{ status: "sent" | "verified" }> {
      const [user] = await db
        .select({
          id: users.id,
          name: users.name,
          email: users.email,
          verifiedAt: users.emailVerifiedAt,
        })
        .from(users)
        .where(eq(users.id, userId));
      if (!user) throw new DomainError("not_found", "No encontramos tu cuenta.");
      if (user.verifiedAt) return { status: "verified" };
      if (!mail.enabled) throw new DomainError("conflict", MAIL_OFF);
      await admitEmail(throttle, [
        [verificationRules.emailsTo, user.email],
        [verificationRules.resendFrom, clientAddress],
      ]);
      await db.transaction((tx) => sendLink(tx, user));
      return { status: "sent" };
    },

    /**
     * Opens a verification link: once, before it expires, and only while the account still
     * has the address the link was sent to.
     */
    async verify(token: string): Promise<VerifyOutcome> {
      const result = await db.transaction(async (tx): Promise<VerifyOutcome | null> => {
        const used = await tokens.consume(tx, token, "verify-email");
        if (!used) return null;
        const [user] = await tx
          .select({ verifiedAt: users.emailVerifiedAt })
          .from(users)
          .where(and(eq(users.id, used.userId), eq(users.email, used.email)));
        if (!user) return { outcome: "email_changed" };
        if (!user.verifiedAt) {
          await tx
            .update(users)
            .set({ emailVerifiedAt: now() })
            .where(
              and(
                eq(users.id, used.userId),
                eq(users.email, used.email),
                isNull(users.emailVerifiedAt),
              ),
            );
        }
        return { outcome: "verified", email: used.email };
      });
      return result ?? whyRefused(token);
    },

    /** Whether `userId` verified their current address, and how the last link's email went. */
    async status(userId: string): Promise<VerificationStatus> {
      const [user] = await db
        .select({ email: users.email, verifiedAt: users.emailVerifiedAt })
        .from(users)
        .where(eq(users.id, userId));
      if (!user) throw new DomainError("not_found", "No encontramos tu cuenta.");
      const verified = user.verifiedAt !== null;
      const last = verified ? null : await mail.latest(user.email, "verify-email");
      return {
        verified,
        email: user.email,
        lastEmail: last?.status ?? null,
        mailEnabled: mail.enabled,
      };
    },
  };
}

export type VerificationService = ReturnType<typeof createVerificationService>;
