import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { recoveryCodes } from "@/lib/db/schema";
import {
  hashRecoveryCode,
  newRecoveryCode,
  normalizeRecoveryCode,
  RECOVERY_CODE_COUNT,
} from "./codes";

/** Replaces the user's recovery codes with ten new ones, in `tx`; returns them (shown once). */
export async function replaceRecoveryCodes(
  tx: Database,
  userId: string,
  at: Date,
): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(
    codes.map((code) => ({
      userId,
      codeHash: hashRecoveryCode(normalizeRecoveryCode(code)!),
      createdAt: at,
    })),
  );
  return codes;
}

/** Marks the typed code used at `at` when it is one of the user's unused codes. */
export async function spendRecoveryCode(
  db: Database,
  userId: string,
  input: string,
  at: Date,
): Promise<boolean> {
  const normalized = normalizeRecoveryCode(input);
  if (!normalized) return false;
  // One statement: two requests with the same code cannot both find it unused.
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashRecoveryCode(normalized)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ userId: recoveryCodes.userId });
  return used.length > 0;
}

/** How many of the user's recovery codes are still unused. */
export async function remainingRecoveryCodes(db: Database, userId: string): Promise<number> {
  const [left] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return left?.n ?? 0;
}
