import "server-only";
import { randomBytes } from "node:crypto";
import { eq, ne, sql, type Column } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { tableroInstances } from "@/lib/db/schema";
import { getLogger } from "@/lib/log";

/**
 * This process among the others on the database. It renews its heartbeat every third of the
 * lease; any instance whose heartbeat is older than the lease is dead. Times are the
 * database's, so the instances' own clocks never matter.
 */
export type Instance = {
  id: string;
  /** Whether SIGTERM arrived: it takes no new work. */
  stopping(): boolean;
  /** Writes the heartbeat now (the timer does it on its own). */
  beat(): Promise<void>;
  /** Says it is stopping: it still owns its work until `leave`. */
  markStopping(): Promise<void>;
  /** Removes it: what it still owns is now dead work, for any instance to recover. */
  leave(): Promise<void>;
};

export type InstanceOptions = {
  db: Database;
  leaseMs: number;
  /**
   * Embedded PGlite: only this process can have the database open, so every other instance
   * on record is dead, whatever its last heartbeat says.
   */
  alone: boolean;
  /** Runs after each heartbeat (recovery of dead instances' work). */
  onBeat?: () => Promise<void>;
};

/** Registers this process as an instance and keeps its heartbeat until `leave`. */
export async function joinInstances(options: InstanceOptions): Promise<Instance> {
  const { db, leaseMs } = options;
  const id = `${process.pid}-${randomBytes(6).toString("hex")}`;
  let stopping = false;
  if (options.alone) await db.delete(tableroInstances).where(ne(tableroInstances.id, id));
  await db.insert(tableroInstances).values({ id });

  const beat = async () => {
    await db
      .update(tableroInstances)
      .set({ heartbeatAt: sql`now()` })
      .where(eq(tableroInstances.id, id));
  };
  let ticking: Promise<void> | null = null;
  const timer = setInterval(
    () => {
      ticking ??= (async () => {
        try {
          await beat();
          await options.onBeat?.();
        } catch (error) {
          getLogger().error({ event: "instance.heartbeat_failed", instance: id, err: error });
        } finally {
          ticking = null;
        }
      })();
    },
    Math.max(250, Math.floor(leaseMs / 3)),
  );
  timer.unref();

  return {
    id,
    stopping: () => stopping,
    beat,
    async markStopping() {
      stopping = true;
      await db
        .update(tableroInstances)
        .set({ stoppingAt: sql`now()` })
        .where(eq(tableroInstances.id, id));
    },
    async leave() {
      clearInterval(timer);
      await ticking;
      await db.delete(tableroInstances).where(eq(tableroInstances.id, id));
    },
  };
}

/**
 * True (in SQL) when `owner` names no live instance: none with that id, or its heartbeat is
 * older than the lease.
 */
export function ownerIsDead(owner: Column, leaseMs: number) {
  return sql`not exists (select 1 from ${tableroInstances} where ${tableroInstances.id} = ${owner} and ${tableroInstances.heartbeatAt} > now() - ${`${leaseMs} milliseconds`}::interval)`;
}
