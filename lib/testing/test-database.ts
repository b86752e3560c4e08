/**
 * Databases for tests: embedded PGlite always, and PostgreSQL too when `TEST_DATABASE_URL`
 * names a server. Test-only; the app opens its database through `getDb()`.
 */
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { openDatabase, type Database, type DatabaseHandle } from "@/lib/db/client";
import { users } from "@/lib/db/schema";

export type DatabaseEngine = {
  name: DatabaseHandle["engine"];
  /** A fresh database with the migrations applied; `close()` throws it away. */
  open(): Promise<DatabaseHandle>;
};

/** The engines to run database tests on, for `describe.each(databaseEngines())`. */
export function databaseEngines(): DatabaseEngine[] {
  const engines: DatabaseEngine[] = [
    { name: "pglite", open: () => openDatabase({ pgliteDir: "memory" }) },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url) engines.push({ name: "postgres", open: () => openScratchPostgres(url) });
  return engines;
}

async function runAdmin(url: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A uniquely named, empty database on the server behind `url`, so parallel test files (and
 * other people's runs against the same server) never share rows: its URL, and `drop()`.
 */
export async function createScratchPostgres(
  url: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `tablero_test_${randomBytes(8).toString("hex")}`;
  await runAdmin(url, `CREATE DATABASE ${name}`);
  // A plain DROP waits for the pool's last connections to finish closing; FORCE (which kills
  // them, and makes their clients emit errors nobody listens to) is only the last resort.
  const drop = async () => {
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        return await runAdmin(url, `DROP DATABASE IF EXISTS ${name}`);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await runAdmin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  const scratchUrl = new URL(url);
  scratchUrl.pathname = `/${name}`;
  return { url: scratchUrl.toString(), drop };
}

/** A scratch database (see `createScratchPostgres`) with the migrations; dropped on close. */
async function openScratchPostgres(url: string): Promise<DatabaseHandle> {
  const scratch = await createScratchPostgres(url);
  try {
    const handle = await openDatabase({ url: scratch.url });
    return {
      ...handle,
      close: async () => {
        try {
          await handle.close();
        } finally {
          await scratch.drop();
        }
      },
    };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}

/** A user row (the password hash is a placeholder: tests never sign in through it). */
export async function insertTestUser(db: Database, name = "Usuaria de prueba"): Promise<string> {
  const email = `${randomBytes(6).toString("hex")}@tablero.test`;
  const [user] = await db
    .insert(users)
    .values({ name, email, passwordHash: "not-a-hash" })
    .returning({ id: users.id });
  if (!user) throw new Error("insert returned no row");
  return user.id;
}
