import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Pool } from "pg";
import type { Database } from "./client";

/**
 * Named mutual exclusion across every process on one database. On PostgreSQL a session-level
 * advisory lock held on a connection of its own: if the process dies, PostgreSQL drops the
 * connection and the lock with it, so nothing waits for a dead holder. On embedded PGlite one
 * process owns the database (the data folder is locked), so a lock in memory is enough.
 */
export type Locks = {
  /** Runs `fn` holding the lock `name`; callers of the same name run one at a time. */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
};

/**
 * The advisory lock id of a name: 64 bits of its SHA-256, as PostgreSQL's signed bigint. A
 * name may contain a secret's digest, never the secret; the id reveals neither.
 */
export function advisoryLockId(name: string): string {
  return createHash("sha256").update(name).digest().readBigInt64BE(0).toString();
}

/** One holder at a time per name, inside this process. */
export function createLocalLocks(): Locks {
  const tails = new Map<string, Promise<void>>();
  return {
    async withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
      const previous = tails.get(name) ?? Promise.resolve();
      let release!: () => void;
      const tail = new Promise<void>((resolve) => (release = resolve));
      tails.set(name, tail);
      try {
        await previous;
        return await fn();
      } finally {
        if (tails.get(name) === tail) tails.delete(name);
        release();
      }
    },
  };
}

/**
 * Advisory locks on `pool`, a pool used for nothing else: a waiting holder keeps its
 * connection, so sharing the queries' pool could starve them. Waiters of one name in this
 * process queue in memory first, so each name takes at most one connection per process.
 */
export function createPostgresLocks(pool: Pool): Locks {
  const local = createLocalLocks();
  return {
    withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
      return local.withLock(name, async () => {
        const id = advisoryLockId(name);
        const connection = await pool.connect();
        // A connection whose lock state is unknown is destroyed: that releases the lock.
        let broken: Error | undefined;
        try {
          await connection.query("select pg_advisory_lock($1::bigint)", [id]).catch((e) => {
            broken = e as Error;
            throw e;
          });
          try {
            return await fn();
          } finally {
            const unlocked = await connection
              .query<{ ok: boolean }>("select pg_advisory_unlock($1::bigint) as ok", [id])
              .catch((e: Error) => e);
            // Not held by this connection (a pooler in between?): dropping it is the only
            // sure way to free whatever it holds.
            if (unlocked instanceof Error) broken = unlocked;
            else if (unlocked.rows[0]?.ok !== true) broken = new Error(`lock ${name} was not held`);
          }
        } finally {
          connection.release(broken);
        }
      });
    },
  };
}

/**
 * Holds `name` until the transaction `tx` ends (a transaction-level advisory lock): for the
 * short critical sections that read and write in one transaction. On PGlite one connection
 * runs one transaction at a time, which serializes them already.
 */
export async function lockForTransaction(tx: Database, name: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${name}))`);
}
