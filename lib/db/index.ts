import "server-only";
import { env } from "@/lib/env";
import { openDatabase, type Database, type DatabaseHandle } from "./client";

export type { Database, DatabaseHandle, Transaction } from "./client";

const globalForDb = globalThis as unknown as { tableroDb?: Promise<DatabaseHandle> };

/**
 * The process's one database with its locks, opened lazily on first use (migrations applied
 * then). Kept on globalThis so development reloads and Next's bundle layers share it.
 */
export function getDatabase(): Promise<DatabaseHandle> {
  globalForDb.tableroDb ??= openFromEnv();
  return globalForDb.tableroDb;
}

/** The process's Drizzle database (see `getDatabase`). */
export function getDb(): Promise<Database> {
  return getDatabase().then((handle) => handle.db);
}

/** Closes the process's database, if it was opened; the next `getDatabase` opens it again. */
export async function closeDatabase(): Promise<void> {
  const opening = globalForDb.tableroDb;
  globalForDb.tableroDb = undefined;
  if (opening) await (await opening).close();
}

function openFromEnv(): Promise<DatabaseHandle> {
  const { DATABASE_URL, pgliteDir } = env();
  const opening = openDatabase(DATABASE_URL ? { url: DATABASE_URL } : { pgliteDir });
  // A failed open must not be cached: the next request tries again and reports the cause.
  opening.catch(() => {
    globalForDb.tableroDb = undefined;
  });
  return opening;
}
