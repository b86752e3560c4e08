import "server-only";
import { and, desc, eq, gt, isNull, ne, sql, type Placeholder } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { users, userSessions } from "@/lib/db/schema";
import { describeDevice } from "./device";

export type SessionsDeps = {
  db: Database;
  now: () => Date;
  /** A session ends this long after sign-in, however active (ASVS L2: 12 h). */
  absoluteMs: number;
  /** …or after this long without a request (ASVS L2: 30 min). */
  idleMs: number;
  /**
   * How long a sign-in or "Confirmá que sos vos" vouches for the person before a sensitive
   * action asks again (default 10 minutes).
   */
  reauthMs?: number;
};

export type ActiveSession = {
  id: string;
  device: string;
  address: string | null;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
};

/** The account a live session belongs to, as every page needs it. */
export type SessionAccount = {
  id: string;
  name: string;
  email: string;
  /** Whether the account signs in with a second factor (businesses may require it). */
  twoFactor: boolean;
  /** Whether the person confirmed their email address. */
  emailVerified: boolean;
};

/** A request's last use is written at most this often: a page load makes several checks. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Server-side sessions: the cookie names one, and each request checks it here. Ending one
 * (sign-out, "Cerrar", a password change) works at once on every instance.
 */
export function createSessionsService({
  db,
  now,
  absoluteMs,
  idleMs,
  reauthMs = 10 * 60_000,
}: SessionsDeps) {
  /** Not ended, expired or idle, at `at` with `idleSince` as the idle limit (or placeholders). */
  const liveAt = (at: Date | Placeholder, idleSince: Date | Placeholder) =>
    and(
      isNull(userSessions.revokedAt),
      gt(userSessions.expiresAt, at),
      gt(userSessions.lastSeenAt, idleSince),
    );
  const idleLimit = (at: Date) => new Date(at.getTime() - idleMs);
  const live = () => {
    const at = now();
    return liveAt(at, idleLimit(at));
  };

  // Every request asks it: built and named once (on PostgreSQL, also parsed and planned once
  // per connection).
  const accountOfSession = db
    .select({
      lastSeenAt: userSessions.lastSeenAt,
      id: users.id,
      name: users.name,
      email: users.email,
      twoFactorSince: users.totpEnabledAt,
      emailVerifiedAt: users.emailVerifiedAt,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(
      and(
        eq(userSessions.id, sql.placeholder("sessionId")),
        eq(userSessions.userId, sql.placeholder("userId")),
        liveAt(sql.placeholder("at"), sql.placeholder("idleSince")),
      ),
    )
    .prepare("session_account");

  async function userOf(sessionId: string, userId: string): Promise<SessionAccount | null> {
    if (!/^[0-9a-f-]{36}$/.test(sessionId)) return null;
    const at = now();
    const [row] = await accountOfSession.execute({
      sessionId,
      userId,
      at,
      idleSince: idleLimit(at),
    });
    if (!row) return null;
    if (at.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
      await db.update(userSessions).set({ lastSeenAt: at }).where(eq(userSessions.id, sessionId));
    }
    return {
      id: row.id,
      name: row.name,
      email: row.email,
      twoFactor: row.twoFactorSince !== null,
      emailVerified: row.emailVerifiedAt !== null,
    };
  }

  return {
    /**
     * Records a sign-in; returns the id the session cookie carries. With `passwordHash`, only
     * while the account's password is still that one (null otherwise): a password changed
     * meanwhile ended every other session, and this one must not outlive it.
     */
    async open(input: {
      userId: string;
      userAgent: string | null;
      address: string | null;
      passwordHash?: string;
    }): Promise<string | null> {
      const at = now();
      return db.transaction(async (tx) => {
        if (input.passwordHash !== undefined) {
          const [user] = await tx
            .select({ passwordHash: users.passwordHash })
            .from(users)
            .where(eq(users.id, input.userId))
            .for("update");
          if (user?.passwordHash !== input.passwordHash) return null;
        }
        const [row] = await tx
          .insert(userSessions)
          .values({
            userId: input.userId,
            createdAt: at,
            lastSeenAt: at,
            authenticatedAt: at,
            expiresAt: new Date(at.getTime() + absoluteMs),
            userAgent: input.userAgent?.slice(0, 400) ?? null,
            address: input.address?.slice(0, 100) ?? null,
          })
          .returning({ id: userSessions.id });
        return row!.id;
      });
    },

    /**
     * The account behind a session that is still good for this user (not ended, not expired,
     * not idle too long), noting the session's use; null otherwise. One query: a page asks
     * this on every request.
     */
    userOf,

    /** Whether the session is still good for this user (see `userOf`), noting its use. */
    async check(sessionId: string, userId: string): Promise<boolean> {
      return (await userOf(sessionId, userId)) !== null;
    },

    /**
     * Whether the person proved who they are in this session (signing in, or "Confirmá que sos
     * vos") within the re-authentication window: sensitive actions ask again after that.
     */
    async recentlyAuthenticated(sessionId: string, userId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: userSessions.id })
        .from(userSessions)
        .where(
          and(
            eq(userSessions.id, sessionId),
            eq(userSessions.userId, userId),
            gt(userSessions.authenticatedAt, new Date(now().getTime() - reauthMs)),
            live(),
          ),
        );
      return Boolean(row);
    },

    /** Notes that the person just proved who they are again in this (live) session. */
    async markAuthenticated(sessionId: string, userId: string): Promise<boolean> {
      const marked = await db
        .update(userSessions)
        .set({ authenticatedAt: now() })
        .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), live()))
        .returning({ id: userSessions.id });
      return marked.length > 0;
    },

    /** The user's live sessions, most recently used first. */
    async list(userId: string, currentId: string | null): Promise<ActiveSession[]> {
      const rows = await db
        .select()
        .from(userSessions)
        .where(and(eq(userSessions.userId, userId), live()))
        .orderBy(desc(userSessions.lastSeenAt));
      return rows.map((row) => ({
        id: row.id,
        device: describeDevice(row.userAgent),
        address: row.address,
        createdAt: row.createdAt.toISOString(),
        lastSeenAt: row.lastSeenAt.toISOString(),
        current: row.id === currentId,
      }));
    },

    /** Ends one of the user's sessions; false when it is not theirs or already over. */
    async end(userId: string, sessionId: string): Promise<boolean> {
      const ended = await db
        .update(userSessions)
        .set({ revokedAt: now() })
        .where(
          and(
            eq(userSessions.id, sessionId),
            eq(userSessions.userId, userId),
            isNull(userSessions.revokedAt),
          ),
        )
        .returning({ id: userSessions.id });
      return ended.length > 0;
    },

    /**
     * Ends every session of the user but `keepId` (all of them when null); returns how many.
     * With `tx`, as part of it: a password change ends them in the same commit.
     */
    async endOthers(userId: string, keepId: string | null, tx: Database = db): Promise<number> {
      const ended = await tx
        .update(userSessions)
        .set({ revokedAt: now() })
        .where(
          and(
            eq(userSessions.userId, userId),
            isNull(userSessions.revokedAt),
            keepId ? ne(userSessions.id, keepId) : undefined,
          ),
        )
        .returning({ id: userSessions.id });
      return ended.length;
    },

    /** Drops sessions over for a day (kept that long so "why was I signed out" can be read). */
    async prune(): Promise<void> {
      await db
        .delete(userSessions)
        .where(
          sql`coalesce(${userSessions.revokedAt}, ${userSessions.expiresAt}) < ${new Date(now().getTime() - 86_400_000)}`,
        );
    },
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
