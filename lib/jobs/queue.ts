import "server-only";
import { sql, type SQL } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { Database, DatabaseHandle } from "@/lib/db";
import { MIGRATION_LOCK } from "@/lib/db/client";
import { getLogger } from "@/lib/log";

/** The queues Tablero works, with what each job carries. */
export type JobPayloads = {
  /** One business's IVA report of a run (`iva_requests.id`). */
  "iva-report": { requestId: string };
  /** An email to deliver (`outbound_emails.id`). */
  email: { emailId: string };
  /** Walks a client import (`client_imports.id`) from its stored position. */
  "client-import": { importId: string };
  /** The free due-date lookups of a client's stored ledger (lib/vencimientos). */
  vencimientos: { businessId: string; cuit: string };
};
export type QueueName = keyof JobPayloads;

export type JobQueueOptions = {
  /** How often expired jobs are failed (and retried); at most the instances' lease. */
  maintenanceSeconds: number;
  /** A job still active after this long is taken back and retried. */
  expireSeconds: number;
  /**
   * Emails: attempts in all, and the first wait between them (doubling each time). The mail
   * service schedules its own retries (lib/mail/service.ts); the queue's are for a job that
   * threw before its attempt was settled (the database went away).
   */
  emailAttempts: number;
  emailRetrySeconds: number;
};

/**
 * Background work on pg-boss, in the database Tablero already uses (PostgreSQL, or PGlite in
 * one process). A job is sent in the transaction that records what it is about, so neither
 * exists without the other; any instance may work it.
 */
export type JobQueue = {
  /**
   * Enqueues a job as part of `tx`: it exists only if `tx` commits; with `startAfter`, no
   * instance takes it before that many seconds.
   */
  send<Q extends QueueName>(
    tx: Database,
    queue: Q,
    data: JobPayloads[Q],
    options?: { priority?: number; startAfter?: number },
  ): Promise<void>;
  /** Works the queue's jobs one at a time in this process until `stopTaking`. */
  work<Q extends QueueName>(
    queue: Q,
    handler: (data: JobPayloads[Q]) => Promise<void>,
  ): Promise<void>;
  /** Takes no more jobs; the job being worked goes on. */
  stopTaking(): Promise<void>;
  /** Stops: jobs still active are failed, so another instance retries them. */
  stop(): Promise<void>;
  /** Whether this process's queue is started and not stopping. */
  running(): boolean;
};

const QUEUES: QueueName[] = ["iva-report", "email", "client-import", "vencimientos"];

function queueSettings(name: QueueName, options: JobQueueOptions) {
  if (name === "email") {
    // The database gone for a while gets minutes to recover (an SMTP server refusing is the
    // mail service's own retry).
    return {
      name,
      expireInSeconds: 60,
      retryLimit: options.emailAttempts - 1,
      retryDelay: options.emailRetrySeconds,
      retryBackoff: true,
    };
  }
  return {
    name,
    expireInSeconds: options.expireSeconds,
    retryLimit: 20,
    retryDelay: 1,
    retryBackoff: true,
  };
}

/** Starts pg-boss on `handle`, creating its schema and queues under the migrations' lock. */
export async function startJobQueue(
  handle: DatabaseHandle,
  options: JobQueueOptions,
): Promise<JobQueue> {
  const connection =
    "connectionString" in handle.queue
      ? { connectionString: handle.queue.connectionString, max: 3 }
      : { db: { executeSql: handle.queue.executeSql } };
  const boss = new PgBoss({
    ...connection,
    application_name: "tablero-jobs",
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceSeconds,
  });
  boss.on("error", (error) => getLogger().error({ event: "jobs.error", err: error }));
  await handle.locks.withLock(MIGRATION_LOCK, async () => {
    await boss.start();
    for (const name of QUEUES) {
      const settings = queueSettings(name, options);
      // Settings follow the configuration (a longer upstream timeout, say) on every start.
      if (await boss.getQueue(name)) await boss.updateQueue(name, settings);
      else await boss.createQueue(name, settings);
    }
  });
  let running = true;
  return {
    async send(tx, queue, data, { priority, startAfter } = {}) {
      await boss.send(queue, data, {
        ...(priority !== undefined && { priority }),
        // A time, not pg-boss's seconds: through `executorOf` each use of a placeholder is a
        // parameter of its own, and the one read as a timestamp must hold one. The database's
        // clock, as for every lease.
        ...(startAfter !== undefined && { startAfter: await databaseTimeIn(tx, startAfter) }),
        db: executorOf(tx),
      });
    },
    async work(queue, handler) {
      await boss.work<JobPayloads[typeof queue]>(
        queue,
        { batchSize: 1, pollingIntervalSeconds: 0.5 },
        async ([job]) => {
          if (job) await handler(job.data);
        },
      );
    },
    async stopTaking() {
      running = false;
      await Promise.all(QUEUES.map((name) => boss.offWork(name)));
    },
    async stop() {
      running = false;
      // The caller already waited for its work: a job still active a second later is failed,
      // which hands it back to the queue for another instance.
      await boss.stop({ graceful: true, timeout: 1000, close: true, wait: true });
    },
    running: () => running,
  };
}

/** The database's clock, `seconds` from now. */
async function databaseTimeIn(db: Database, seconds: number): Promise<Date> {
  const result = (await db.execute(
    sql`select now() + ${seconds} * interval '1 second' as "at"`,
  )) as unknown as { rows: { at: Date | string }[] };
  return new Date(result.rows[0]!.at);
}

/**
 * pg-boss's statements run through a Drizzle database or transaction: its `$n` placeholders
 * become Drizzle parameters, so the job is written with the caller's rows, or not at all.
 */
export function executorOf(db: Database): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const parts = text.split(/\$(\d+)/);
      const chunks: SQL[] = parts.map((part, i) =>
        i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1] ?? null}`,
      );
      const result = (await db.execute(sql.join(chunks))) as unknown as { rows: unknown[] };
      return { rows: result.rows };
    },
  };
}
