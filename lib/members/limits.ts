import "server-only";
import { DomainError } from "@/lib/errors";
import { describeWait, type ThrottleRule, type ThrottleService } from "@/lib/auth/throttle";

const HOUR = 3_600_000;

/**
 * The limits on invitation emails, shared by every instance through the `throttles` table:
 * anyone can create a business, so without them anyone could make Tablero write to any
 * address without end. Past `free` in the hour the key waits out the hour (a doubling wait
 * would promise a time after which the next one is refused again). Both windows are at most
 * the longest of `throttleRules`, so the throttle's `prune` keeps their rows while they count.
 */
export const invitationLimits = {
  /** Invitation emails to one address, from every business and owner together. */
  to: { name: "invitation:to", free: 5, windowMs: HOUR, baseDelayMs: HOUR, maxDelayMs: HOUR },
  /** Invitation emails from one business, to whichever addresses. */
  business: {
    name: "invitation:business",
    free: 30,
    windowMs: HOUR,
    baseDelayMs: HOUR,
    maxDelayMs: HOUR,
  },
} satisfies Record<string, ThrottleRule>;

/** A limit was reached: the message says when to try again. */
export function tooManyInvitations(waitMs: number): DomainError {
  return new DomainError(
    "invalid",
    `Se enviaron demasiadas invitaciones seguidas. Probá de nuevo en ${describeWait(Math.max(waitMs, 1000))}.`,
  );
}

/**
 * Counts one more invitation email to `email` from `businessId`, or throws
 * `tooManyInvitations` (before the invitation or its email is written: the caller writes
 * nothing). The attempt over the limit is itself refused.
 */
export async function admitInvitation(
  throttle: ThrottleService,
  { businessId, email }: { businessId: string; email: string },
): Promise<void> {
  const limits = [
    [invitationLimits.to, email.toLowerCase()],
    [invitationLimits.business, businessId],
  ] as const;
  const waits = await Promise.all(limits.map(([rule, key]) => throttle.waitFor(rule, key)));
  if (Math.max(0, ...waits) > 0) throw tooManyInvitations(Math.max(...waits));
  const after = await Promise.all(limits.map(([rule, key]) => throttle.fail(rule, key)));
  if (Math.max(0, ...after) > 0) throw tooManyInvitations(Math.max(...after));
}
