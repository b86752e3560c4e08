import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { startedRuntime } from "./index";

export type Health = {
  status: "ok" | "starting" | "stopping" | "unavailable";
  /** This instance's id (as written on the work it owns); null before it joined. */
  instance: string | null;
  checks: { database: boolean; migrations: boolean; queue: boolean };
};

/**
 * Whether this instance can serve: the database answers, every checked-in migration is
 * applied, and the job queue runs. Says nothing about any business or user.
 */
export async function checkHealth(): Promise<Health> {
  const starting = startedRuntime();
  const runtime = starting ? await starting.catch(() => undefined) : undefined;
  const down: Health["checks"] = { database: false, migrations: false, queue: false };
  if (!runtime) {
    return { status: starting ? "unavailable" : "starting", instance: null, checks: down };
  }
  const checks = { ...down, queue: runtime.queue.running() };
  try {
    const [{ applied }, expected] = await Promise.all([
      runtime.handle.db
        .execute(sql`select count(*)::int as applied from drizzle.__drizzle_migrations`)
        .then((result) => (result as unknown as { rows: { applied: number }[] }).rows[0]!),
      checkedInMigrations(),
    ]);
    checks.database = true;
    checks.migrations = applied >= expected;
  } catch {
    // Unreachable or unreadable: reported as false.
  }
  const ok = checks.database && checks.migrations && checks.queue;
  return {
    status: runtime.instance.stopping() ? "stopping" : ok ? "ok" : "unavailable",
    instance: runtime.instance.id,
    checks,
  };
}

let expectedCount: Promise<number> | undefined;

function checkedInMigrations(): Promise<number> {
  expectedCount ??= readFile(path.join(process.cwd(), "drizzle/meta/_journal.json"), "utf8").then(
    (text) => (JSON.parse(text) as { entries: unknown[] }).entries.length,
  );
  return expectedCount;
}
