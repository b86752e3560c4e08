import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { accountTokens, type AccountTokenPurpose } from "@/lib/db/schema";
import { hashToken, isTokenShaped, newToken } from "@/lib/auth/tokens";

export type AccountTokensDeps = { db: Database; now: () => Date };

/** How long each kind of emailed link works. */
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  "verify-email": 24 * 3_600_000,
  "reset-password": 3_600_000,
};

export type UsedToken = { userId: string; email: string };

/**
 * The links Tablero emails to verify an address or reset a password: random, stored as a
 * SHA-256, single use, expiring. Issuing a new one of a purpose retires the user's earlier
 * ones, so only the latest email works; a password changed from the account retires the reset
 * links too.
 */
export function createAccountTokensService({ db, now }: AccountTokensDeps) {
  /** Ends, in `tx`, every link of `purpose` the user still holds. */
  async function retire(tx: Database, userId: string, purpose: AccountTokenPurpose) {
    await tx
      .update(accountTokens)
      .set({ usedAt: now() })
      .where(
        and(
          eq(accountTokens.userId, userId),
          eq(accountTokens.purpose, purpose),
          isNull(accountTokens.usedAt),
        ),
      );
  }

  return {
    retire,

    /** A new link's token for `userId` and `email`, written in `tx` (with the email). */
    async issue(
      tx: Database,
      input: { userId: string; email: string; purpose: AccountTokenPurpose },
    ): Promise<string> {
      await retire(tx, input.userId, input.purpose);
      const at = now();
      const { token, hash } = newToken();
      await tx.insert(accountTokens).values({
        userId: input.userId,
        purpose: input.purpose,
        email: input.email.toLowerCase(),
        tokenHash: hash,
        createdAt: at,
        expiresAt: new Date(at.getTime() + TOKEN_LIFETIME_MS[input.purpose]),
      });
      return token;
    },

    /**
     * Uses a token once, in `tx`: the user and address it was issued for, or null when it is
     * unknown, used, expired or of another purpose. Two concurrent uses: one wins.
     */
    async consume(
      tx: Database,
      token: string,
      purpose: AccountTokenPurpose,
    ): Promise<UsedToken | null> {
      if (!isTokenShaped(token)) return null;
      const at = now();
      const [row] = await tx
        .update(accountTokens)
        .set({ usedAt: at })
        .where(
          and(
            eq(accountTokens.tokenHash, hashToken(token)),
            eq(accountTokens.purpose, purpose),
            isNull(accountTokens.usedAt),
            gt(accountTokens.expiresAt, at),
          ),
        )
        .returning({ userId: accountTokens.userId, email: accountTokens.email });
      return row ?? null;
    },

    /** Whether a token would still work, without using it (to show the form it opens). */
    async isUsable(token: string, purpose: AccountTokenPurpose): Promise<boolean> {
      if (!isTokenShaped(token)) return false;
      const [row] = await db
        .select({ id: accountTokens.id })
        .from(accountTokens)
        .where(
          and(
            eq(accountTokens.tokenHash, hashToken(token)),
            eq(accountTokens.purpose, purpose),
            isNull(accountTokens.usedAt),
            gt(accountTokens.expiresAt, now()),
          ),
        );
      return Boolean(row);
    },
  };
}

export type AccountTokensService = ReturnType<typeof createAccountTokensService>;
