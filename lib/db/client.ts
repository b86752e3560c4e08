import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { Pool } from "pg";
import { lockDataDir } from "./pglite-lock";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export type DatabaseHandle = {
  db: Database;
  engine: "pglite" | "postgres";
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
  if ("url" in options) {
    const pool = new Pool({ connectionString: options.url, max: 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the
    // process: the pool replaces it on the next query.
    pool.on("error", (error) =>
      console.error(`[db] conexión cerrada por PostgreSQL: ${error.message}`),
    );
    const db = drizzlePg({ client: pool, schema });
    await migratePg(db, { migrationsFolder });
    return { db, engine: "postgres", close: () => pool.end() };
  }
  const dir = options.pgliteDir;
  const release = dir === "memory" ? () => {} : lockDataDir(dir);
  try {
    const client = dir === "memory" ? new PGlite() : new PGlite(dir);
    const db = drizzlePglite({ client, schema });
    await migratePglite(db, { migrationsFolder });
    return {
      db,
      engine: "pglite",
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
