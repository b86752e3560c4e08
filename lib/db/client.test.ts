import { sql, type SQL } from "drizzle-orm";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client";
import { users } from "./schema";
import { databaseEngines, insertTestUser } from "@/lib/testing/test-database";

const migrationsFolder = path.join(process.cwd(), "drizzle");
const journal = JSON.parse(
  readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"),
) as { entries: unknown[] };

const tables = [
  "account_tokens",
  "audit_events",
  "businesses",
  "client_import_found",
  "client_imports",
  "clients",
  "comprobante_vencimientos",
  "consumo_snapshots",
  "cuenta_corriente_snapshots",
  "invitations",
  "iva_batches",
  "iva_requests",
  "memberships",
  "outbound_emails",
  "recovery_codes",
  "security_events",
  "spending_reservations",
  "tablero_instances",
  "throttles",
  "tusfacturas_credentials",
  "tusfacturas_requests",
  "user_sessions",
  "users",
];

describe.each(databaseEngines())("migrations on $name", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await engine.open();
  });
  afterAll(() => handle?.close());

  // Both drivers answer raw SQL with `{ rows }`; the shared Database type cannot say so.
  async function rows<T>(query: SQL): Promise<T[]> {
    return ((await handle.db.execute(query)) as unknown as { rows: T[] }).rows;
  }

  async function publicTables(): Promise<string[]> {
    const found = await rows<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    return found.map((row) => row.table_name);
  }

  async function appliedMigrations(): Promise<number> {
    const [row] = await rows<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    return row?.n ?? -1;
  }

  it("creates every table on a fresh database and records each checked-in migration", async () => {
    expect(handle.engine).toBe(engine.name);
    expect(await publicTables()).toEqual(tables);
    expect(await appliedMigrations()).toBe(journal.entries.length);
  });

  it("applying the migrations again changes nothing and keeps the rows", async () => {
    const userId = await insertTestUser(handle.db, "Persiste");
    if (handle.engine === "postgres") {
      await migratePg(handle.db as Parameters<typeof migratePg>[0], { migrationsFolder });
    } else {
      await migratePglite(handle.db as Parameters<typeof migratePglite>[0], { migrationsFolder });
    }
    expect(await appliedMigrations()).toBe(journal.entries.length);
    expect(await publicTables()).toEqual(tables);
    const rows = await handle.db.select({ id: users.id, name: users.name }).from(users);
    expect(rows).toContainEqual({ id: userId, name: "Persiste" });
  });
});
