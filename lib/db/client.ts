import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { Pool } from "pg";
import { createLocalLocks, createPostgresLocks, type Locks } from "./locks";
import { lockDataDir } from "./pglite-lock";
import * as schema from "./schema";
import { getLogger } from "@/lib/log";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Runs one SQL text (several statements when it has no values), as pg-boss asks its `db` to. */
export type ExecuteSql = (
  text: string,
  values?: unknown[],
) => Promise<{ rows: Record<string, unknown>[]; rowCount: number }>;

export type DatabaseHandle = {
  db: Database;
  engine: "pglite" | "postgres";
  /** Locks that may be held while taking others (`lanes`) and querying. */
  locks: Locks;
  /** Locks held around one upstream HTTP attempt: nothing else is taken while holding one. */
  lanes: Locks;
  /** For the job queue: its own connection string on PostgreSQL, the one client on PGlite. */
  queue: { connectionString: string } | { executeSql: ExecuteSql };
  close(): Promise<void>;
};

export type OpenDatabaseOptions =
  /** A PostgreSQL connection string. */
  | { url: string }
  /** A PGlite data folder, or "memory" for a throwaway in-memory database. */
  | { pgliteDir: string | "memory" };

const migrationsFolder = path.join(process.cwd(), "drizzle");

/**
 * Opens a database and applies the checked-in migrations. The same schema and migrations
 * serve embedded PGlite and PostgreSQL.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  return "url" in options ? openPostgres(options.url) : openPglite(options.pgliteDir);
}

/** Instances starting together take turns: the migrator is not safe to run twice at once. */
export const MIGRATION_LOCK = "tablero:migrations";

async function openPostgres(url: string): Promise<DatabaseHandle> {
  // An idle connection dropped by the server (restart, failover) must not crash the process:
  // the pool replaces it on the next query.
  const onError = (error: Error) =>
    getLogger().warn(
      { event: "db.connection_closed", err: error },
      "PostgreSQL closed a connection",
    );
  const pool = new Pool({ connectionString: url, max: 10 });
  // A lock lives as long as its connection: keepalives notice a vanished holder in about a
  // minute instead of the system's two hours.
  const lockOptions = { connectionString: url, max: 5, idleTimeoutMillis: 10_000, keepAlive: true };
  const lockPool = new Pool(lockOptions);
  const lanePool = new Pool(lockOptions);
  for (const p of [pool, lockPool, lanePool]) p.on("error", onError);
  const close = () => Promise.all([pool, lockPool, lanePool].map((p) => p.end())).then(() => {});
  try {
    const db = drizzlePg({ client: pool, schema });
    const locks = createPostgresLocks(lockPool);
    await locks.withLock(MIGRATION_LOCK, () => migratePg(db, { migrationsFolder }));
    return {
      db,
      engine: "postgres",
      locks,
      lanes: createPostgresLocks(lanePool),
      queue: { connectionString: url },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function openPglite(dir: string): Promise<DatabaseHandle> {
  const release = dir === "memory" ? () => {} : lockDataDir(dir);
  try {
    const client = dir === "memory" ? new PGlite() : new PGlite(dir);
    const db = drizzlePglite({ client, schema });
    await migratePglite(db, { migrationsFolder });
    return {
      db,
      engine: "pglite",
      locks: createLocalLocks(),
      lanes: createLocalLocks(),
      queue: { executeSql: pgliteExecutor(client) },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * pg-boss over PGlite: its schema scripts hold several statements, which only `exec` runs
 * (a prepared statement takes one); everything with values goes through `query`.
 */
function pgliteExecutor(client: PGlite): ExecuteSql {
  return async (text, values) => {
    if (!values || values.length === 0) {
      const results = await client.exec(text);
      const last = results.at(-1);
      return {
        rows: (last?.rows ?? []) as Record<string, unknown>[],
        rowCount: last?.affectedRows ?? 0,
      };
    }
    const result = await client.query<Record<string, unknown>>(text, values);
    return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
  };
}
