import "server-only";
import { eq } from "drizzle-orm";
import type { AuditService } from "@/lib/audit/service";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { signInKeys } from "@/lib/auth/sign-in-limits";
import {
  addressKey,
  describeWait,
  throttleRules,
  type ThrottleRule,
  type ThrottleService,
} from "@/lib/auth/throttle";
import type { Database } from "@/lib/db";
import { recoveryCodes, users } from "@/lib/db/schema";
import { DomainError } from "@/lib/errors";
import { getLogger } from "@/lib/log";
import { passwordChangedMessage, resetPasswordMessage } from "@/lib/mail/messages";
import type { MailService } from "@/lib/mail/service";
import type { SessionsService } from "@/lib/sessions/service";
import type { AccountTokensService } from "./tokens";

/** Where "¿Olvidaste tu contraseña?" lives; emails link here too. */
export const FORGOT_PASSWORD_PATH = "/olvide-mi-contrasena";

const HOUR = 3_600_000;

/**
 * Reset emails, counted whether or not the address has an account (so the limit says nothing
 * about it). Past `free` in the hour the key waits out the hour: a doubling wait would promise
 * a time after which the next request is refused again. Both windows are at most the longest
 * of `throttleRules`, so the throttle's `prune` keeps their rows while they count.
 */
export const resetLimits = {
  /** Links to one address: enough to retry a lost email, too few to flood an inbox. */
  email: { name: "reset:email", free: 3, windowMs: HOUR, baseDelayMs: HOUR, maxDelayMs: HOUR },
  /** Requests from one connection, whichever addresses it names. */
  address: { name: "reset:address", free: 20, windowMs: HOUR, baseDelayMs: HOUR, maxDelayMs: HOUR },
} satisfies Record<string, ThrottleRule>;

export const LINK_NOT_USABLE = "El enlace venció o ya se usó: pedí uno nuevo.";

export type PasswordResetDeps = {
  db: Database;
  now: () => Date;
  tokens: AccountTokensService;
  mail: MailService;
  sessions: SessionsService;
  audit: AuditService;
  throttle: ThrottleService;
};

/**
 * "¿Olvidaste tu contraseña?": a link by email (1 h, single use, only the latest works) that
 * sets a new password and ends every session of the account.
 */
export function createPasswordResetService(deps: PasswordResetDeps) {
  const { db, now, tokens, mail, sessions, audit, throttle } = deps;

  const tooMany = (rule: ThrottleRule, wait: number) =>
    new DomainError(
      "invalid",
      rule === resetLimits.email
        ? `Ya pedimos varios enlaces para ese email. Probá de nuevo en ${describeWait(wait)}.`
        : `Se pidieron demasiados enlaces desde esta conexión. Probá de nuevo en ${describeWait(wait)}.`,
    );

  return {
    /**
     * Counts a request for `email` from `address`, or refuses it (DomainError, with when to try
     * again). Email off: refused before counting, since no link could be sent.
     */
    async admit(email: string, address: string): Promise<void> {
      if (!mail.enabled) {
        throw new DomainError(
          "invalid",
          "Este servidor de Tablero no puede enviar emails. Pedile al administrador que te ayude a recuperar el acceso.",
        );
      }
      const keys: [ThrottleRule, string][] = [
        [resetLimits.email, email.toLowerCase()],
        [resetLimits.address, addressKey(address)],
      ];
      // A key already waiting is refused without counting: the wait it was told stays true.
      for (const [rule, key] of keys) {
        const wait = await throttle.waitFor(rule, key);
        if (wait > 0) throw tooMany(rule, wait);
      }
      for (const [rule, key] of keys) {
        const wait = await throttle.fail(rule, key);
        if (wait > 0) throw tooMany(rule, wait);
      }
    },

    /**
     * Emails a reset link when `email` has an account; nothing otherwise. Run after the answer
     * has left, so how long it takes tells the requester nothing.
     */
    async sendLink(email: string): Promise<void> {
      try {
        await db.transaction(async (tx) => {
          const [user] = await tx
            .select({ id: users.id, name: users.name, email: users.email })
            .from(users)
            .where(eq(users.email, email.toLowerCase()));
          if (!user) return;
          const token = await tokens.issue(tx, {
            userId: user.id,
            email: user.email,
            purpose: "reset-password",
          });
          const url = mail.link(`/restablecer/${token}`);
          await mail.enqueue(tx, user.email, resetPasswordMessage({ name: user.name, url }));
        });
      } catch (error) {
        // Nobody waits for this answer: the operator's log is the only place it can go.
        getLogger().error({ event: "password_reset.link_failed", err: error }, "Reset link failed");
      }
    },

    /**
     * Sets `password` with the link's `token`, in one transaction: uses the token, changes the
     * hash, ends every session, marks the address verified (the link reached it) and queues
     * the "your password changed" email. An account whose address was never verified also
     * loses its two-factor (key and recovery codes): it may be a stranger's, set up before the
     * address's owner ever saw the account. A refused password leaves the link usable.
     * `address` is the connection's: its failed sign-ins with the old password are forgotten.
     */
    async reset(token: string, password: string, address: string | null): Promise<void> {
      const email = await db.transaction(async (tx) => {
        const used = await tokens.consume(tx, token, "reset-password");
        if (!used) throw new DomainError("conflict", LINK_NOT_USABLE);
        const [user] = await tx
          .select({
            id: users.id,
            name: users.name,
            email: users.email,
            emailVerifiedAt: users.emailVerifiedAt,
            totpEnabledAt: users.totpEnabledAt,
          })
          .from(users)
          .where(eq(users.id, used.userId))
          .for("update");
        if (!user) throw new DomainError("conflict", LINK_NOT_USABLE);
        const problem = passwordProblem(password, [user.name, user.email]);
        if (problem) throw new DomainError("invalid", problem, { password: [problem] });
        // Only proof for the address the account has now, not one it had when the link left.
        const unverified = user.emailVerifiedAt === null;
        const verifies = unverified && used.email === user.email;
        await tx
          .update(users)
          .set({
            passwordHash: await hashPassword(password),
            ...(verifies && { emailVerifiedAt: now() }),
            ...(unverified && {
              totpSealed: null,
              totpKeyVersion: null,
              totpEnabledAt: null,
              totpLastStep: null,
            }),
          })
          .where(eq(users.id, user.id));
        // Never verified before: whoever set up two-factor had only signed up with this address
        // (perhaps not its owner); the person the link reached now decides. Off, codes gone.
        if (unverified) await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
        if (unverified && user.totpEnabledAt !== null)
          await audit.recordAccountEvent(user.id, "twoFactor.disable", tx);
        await sessions.endOthers(user.id, null, tx);
        await audit.recordAccountEvent(user.id, "account.password_reset", tx);
        await mail.enqueue(
          tx,
          user.email,
          passwordChangedMessage({ name: user.name, resetUrl: mail.link(FORGOT_PASSWORD_PATH) }),
        );
        return user.email;
      });
      // Someone locked out by guessing the old one must be able to sign in with the new one now.
      await throttle.clear(throttleRules.signInPair, signInKeys(email, address).pair);
      getLogger().info({ event: "password_reset.done" }, "Password reset with an emailed link");
    },
  };
}

export type PasswordResetService = ReturnType<typeof createPasswordResetService>;
