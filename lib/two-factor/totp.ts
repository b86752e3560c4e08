import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { verify as verifyTotp } from "otplib";
import type { Database } from "@/lib/db";
import { users } from "@/lib/db/schema";

export const PERIOD_SECONDS = 30;
/** One step either side: a phone clock 30 s off still works, no more. */
const TOLERANCE_SECONDS = PERIOD_SECONDS;

/** Names a set-up by a digest of its sealed key (see `TwoFactorSetup.setupId`). */
export const setupIdOf = (sealed: string) =>
  createHash("sha256").update(sealed).digest("base64url");

export function sameSetup(sealed: string, setupId: string): boolean {
  const expected = Buffer.from(setupIdOf(sealed));
  const given = Buffer.from(setupId);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The time step `code` belongs to, when it is right for `secret` at `epoch` (seconds; ±1 step)
 * and later than `afterStep`; null otherwise.
 */
export async function matchingStep(
  secret: string,
  code: string,
  afterStep: number | null,
  epoch: number,
): Promise<number | null> {
  const result = await verifyTotp({
    secret,
    token: code,
    epoch,
    period: PERIOD_SECONDS,
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep !== null && { afterTimeStep: afterStep }),
  });
  return result.valid ? Math.floor(epoch / PERIOD_SECONDS) + result.delta : null;
}

/** Stores a step as used, only if no later (or equal) one was: two requests with one code, one wins. */
export async function claimStep(db: Database, userId: string, step: number): Promise<boolean> {
  const claimed = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return claimed.length > 0;
}
