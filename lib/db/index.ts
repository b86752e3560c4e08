import "server-only";
import { env } from "@/lib/env";
import { openDatabase, type Database, type DatabaseHandle } from "./client";

export type { Database, Transaction } from "./client";

const globalForDb = globalThis as unknown as { tableroDb?: Promise<DatabaseHandle> };

/**
 * The process's one database, opened lazily on first use (migrations applied then).
 * Kept on globalThis so development reloads do not open the PGlite folder twice.
 */
export function getDb(): Promise<Database> {
  globalForDb.tableroDb ??= openFromEnv();
  return globalForDb.tableroDb.then((handle) => handle.db);
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
