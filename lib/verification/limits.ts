import "server-only";
import { DomainError } from "@/lib/errors";
import { describeWait, type ThrottleRule, type ThrottleService } from "@/lib/auth/throttle";

const MINUTE = 60_000;

/**
 * The limits on emails about an account (verification links, "ya tenés cuenta"), shared by
 * every instance through the `throttles` table. Whoever types an address can make Tablero write
 * to it, so each address gets a few an hour whatever asks for them.
 */
export const verificationRules = {
  /** Emails to one address, from sign-up or "Reenviar email" alike. */
  emailsTo: {
    name: "account-email:to",
    free: 3,
    windowMs: 60 * MINUTE,
    baseDelayMs: MINUTE,
    maxDelayMs: 60 * MINUTE,
  },
  /** "Reenviar email" from one client address, whichever accounts it uses. */
  resendFrom: {
    name: "verify-resend:address",
    free: 20,
    windowMs: 60 * MINUTE,
    baseDelayMs: MINUTE,
    maxDelayMs: 60 * MINUTE,
  },
} satisfies Record<string, ThrottleRule>;

/** A limit was reached: the message says when to try again. */
export function tooManyEmails(waitMs: number): DomainError {
  return new DomainError(
    "invalid",
    `Pediste demasiados emails seguidos. Probá de nuevo en ${describeWait(Math.max(waitMs, 1000))}.`,
  );
}

/**
 * Counts one more email under each (rule, key) and throws `tooManyEmails` when any of them has
 * to wait, before anything is written: the attempt over the limit is itself refused.
 */
export async function admitEmail(
  throttle: ThrottleService,
  limits: readonly (readonly [ThrottleRule, string])[],
): Promise<void> {
  const waits = await Promise.all(limits.map(([rule, key]) => throttle.waitFor(rule, key)));
  if (Math.max(0, ...waits) > 0) throw tooManyEmails(Math.max(...waits));
  const after = await Promise.all(limits.map(([rule, key]) => throttle.fail(rule, key)));
  if (Math.max(0, ...after) > 0) throw tooManyEmails(Math.max(...after));
}
