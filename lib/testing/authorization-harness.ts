/**
 * Test-only: the app as its server actions and pages see it, for the authorization matrix.
 * The real `getDb()` (embedded PGlite in a temporary folder), the real process-wide services and
 * TusFacturas client (pointed at an in-process emulator), the real `lib/auth/session.ts`; only
 * Auth.js' `auth()` is replaced, so each case chooses who is signed in (or nobody).
 *
 * Each test file needs, before anything imports the app:
 *   vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
 *   vi.mock("@/lib/auth/index", async () =>
 *     (await import("@/lib/testing/authorization-harness")).authModule());
 * (next-auth cannot load under Vitest: it imports `next/server` without an extension.)
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql, type SQL } from "drizzle-orm";
import { generate } from "otplib";
import { expect, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import {
  clientImportFound,
  clientImports,
  clients,
  invitations,
  ivaBatches,
  memberships,
  tusfacturasCredentials,
  users,
  userSessions,
  type Role,
} from "@/lib/db/schema";
import { todayIso } from "@/lib/format";
import { createEmulatorControl } from "@/lib/tusfacturas/emulator/control";
import type { CallCounter } from "@/lib/tusfacturas/emulator/control-schemas";
import { startEmulator } from "@/lib/tusfacturas/emulator/server";
import { createScratchPostgres, type DatabaseEngine } from "./test-database";

/** Emulator account 1010 (lib/tusfacturas/fixtures/accounts.json) and a client of its cartera. */
export const ACCOUNT = { apikey: "1010", apitoken: "test1010token", usertoken: "test1010user" };
export const BUSINESS_CUIT = "20556677884";
export const CLIENT_CUIT = "30555666779";
/** A valid CUIT that no fixture's directory holds. */
export const NEW_CLIENT_CUIT = "30708123451";

export type Actor = "owner" | "accountant" | "viewer" | "outsider" | "signedOut";
export const actors = ["owner", "accountant", "viewer", "outsider", "signedOut"] as const;
export const memberRoles: Record<Exclude<Actor, "outsider" | "signedOut">, Role> = {
  owner: "owner",
  accountant: "accountant",
  viewer: "viewer",
};

export type FixtureUser = { id: string; name: string; email: string };

/**
 * One business on account 1010 with verified credentials, a client, an owner (with two-factor
 * sign-in on), an accountant, a viewer and a pending invitation; an outsider with a business
 * of their own (holding the same client CUIT); a user the invitation is for; and an IVA batch
 * of the owner's.
 */
export type Fixture = {
  tag: string;
  businessId: string;
  razonSocial: string;
  clientId: string;
  clientNombre: string;
  invitationId: string;
  invitationToken: string;
  ownerBatchId: string;
  /**
   * A TusFacturas client import of the business that failed before its one day (today),
   * having found NEW_CLIENT_CUIT.
   */
  importId: string;
  outsiderBusinessId: string;
  outsiderClientId: string;
  period: { anio: number; mes: number };
  users: Record<"owner" | "accountant" | "viewer" | "outsider" | "invitee", FixtureUser>;
};

export type AnyAction = (input: unknown) => Promise<ActionResult<unknown>>;

export const root = process.cwd();

/** The files under `dir` (relative to the repository), as `a/b/c.ts`, sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .map((file) => file.split(path.sep).join("/"))
    .sort();
}

/**
 * Every export of every `lib/**\/actions.ts` (each one a public endpoint), imported as the app
 * imports them, by `file#export`. Call after `startWorld()`.
 */
export async function discoverActions(): Promise<Record<string, unknown>> {
  const files = (await filesUnder("lib")).filter((file) => file.endsWith("/actions.ts"));
  const found: Record<string, unknown> = {};
  for (const file of files) {
    const exports = (await import(/* @vite-ignore */ path.join(root, file))) as object;
    for (const [name, value] of Object.entries(exports)) found[`${file}#${name}`] = value;
  }
  return found;
}

// On globalThis: a world on another engine re-imports the app (`vi.resetModules`), and with it
// this module for the mocked `auth()`; both copies must agree on who is signed in.
const testGlobal = globalThis as unknown as {
  tableroTestSession?: { userId: string | null };
  tableroTestSessionIds?: Map<string, Promise<string>>;
  tableroRuntime?: unknown;
};
const session = (testGlobal.tableroTestSession ??= { userId: null });
/** One real server-side session per user, opened the first time they are signed in as. */
const sessionIds = (testGlobal.tableroTestSessionIds ??= new Map<string, Promise<string>>());

async function sessionOf(userId: string) {
  const { getRuntime } = await import("@/lib/runtime");
  if (!sessionIds.has(userId)) {
    const opening = getRuntime().then((runtime) =>
      runtime.sessions
        .open({ userId, userAgent: "vitest", address: "127.0.0.1" })
        .then((id) => id!),
    );
    sessionIds.set(userId, opening);
  }
  return { user: { id: userId }, sessionId: await sessionIds.get(userId)! };
}

/** The module `vi.mock("@/lib/auth/index")` answers with: a session of the chosen user. */
export function authModule() {
  const unused = () => Promise.reject(new Error("Auth.js is not exercised by these tests"));
  return {
    auth: () => (session.userId ? sessionOf(session.userId) : Promise.resolve(null)),
    sessionClaims: async () => {
      if (!session.userId) return null;
      const { user, sessionId } = await sessionOf(session.userId);
      return { userId: user.id, sessionId };
    },
    signIn: unused,
    signOut: unused,
    handlers: { GET: unused, POST: unused },
  };
}

export type World = Awaited<ReturnType<typeof startWorld>>;

/**
 * Environment, emulator and database; call in `beforeAll`, `close()` in `afterAll`. The app's
 * database is embedded PGlite, or with `engine: "postgres"` a scratch database on the server
 * of `TEST_DATABASE_URL` (`databaseEngines()` says whether there is one). Several worlds in one
 * file run one after the other: each `close()` lets the next import the app afresh.
 */
export async function startWorld({ engine = "pglite" }: { engine?: DatabaseEngine["name"] } = {}) {
  const dataDir = await mkdtemp(path.join(tmpdir(), "tablero-authz-"));
  const emulator = await startEmulator({ port: 0, quiet: true });
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (engine === "postgres" && !serverUrl) throw new Error("postgres needs TEST_DATABASE_URL");
  const scratch = engine === "postgres" ? await createScratchPostgres(serverUrl!) : null;
  vi.stubEnv("NODE_ENV", "test");
  vi.stubEnv("DATABASE_URL", scratch?.url ?? "");
  vi.stubEnv("AUTH_SECRET", randomBytes(32).toString("base64"));
  vi.stubEnv("TABLERO_ENCRYPTION_KEY", randomBytes(32).toString("base64"));
  vi.stubEnv("TABLERO_DATA_DIR", dataDir);
  vi.stubEnv("TUSFACTURAS_API_URL", emulator.url);
  vi.stubEnv("TUSFACTURAS_TIMEOUT_MS", "10000");
  vi.stubEnv("TABLERO_INVITATION_MINUTES", "60");

  const [{ getRuntime }, { previousPeriod }] = await Promise.all([
    import("@/lib/runtime"),
    import("@/lib/iva/period"),
  ]);
  // The process's services, as the app's pages and actions get them.
  const runtime = await getRuntime();
  const { db } = runtime.handle;
  const control = createEmulatorControl(emulator.url);
  // Both drivers answer `execute` with `{ rows }`; the shared Database type does not say so.
  const rowsOf = async <T>(query: SQL) =>
    ((await db.execute(query)) as unknown as { rows: T[] }).rows;
  const tableRows = await rowsOf<{ table_name: string }>(
    sql`select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE'
          and table_name not in ('tablero_instances', 'user_sessions', 'throttles',
                                 'security_events', 'comprobante_vencimientos')
        order by table_name`,
  );
  const tables = tableRows.map((row) => row.table_name);
  if (tables.length < 10) throw new Error(`unexpected schema: ${tables.join(", ")}`);
  // Every row of every table, as a count and a digest per table: one query. The free due-date
  // lookups that stored ledgers queue (lib/vencimientos) run in the background whoever reads:
  // their table, their free requests and the unpaid list they fill in are left out.
  const digestQuery = sql.raw(
    tables
      .map(
        (table) =>
          `select '${table}' as name, count(*)::int as n, ` +
          `coalesce(md5(string_agg((to_jsonb(t) - 'unpaid')::text, '|' ` +
          `order by (to_jsonb(t) - 'unpaid')::text)), '') as digest from "${table}" t` +
          (table === "tusfacturas_requests" ? " where t.billed" : ""),
      )
      .join(" union all "),
  );

  async function insertUser(label: string, tag: string): Promise<FixtureUser> {
    const [user] = await db
      .insert(users)
      .values({
        name: `${label} ${tag}`,
        email: `${label}-${tag}@tablero.test`,
        passwordHash: "not-a-hash",
        // Verified, as people who use Tablero are: accepting an invitation needs it.
        emailVerifiedAt: new Date(),
      })
      .returning({ id: users.id, name: users.name, email: users.email });
    return user!;
  }

  async function fixture(): Promise<Fixture> {
    const tag = randomBytes(5).toString("hex");
    const [owner, accountant, viewer, outsider, invitee] = await Promise.all(
      ["owner", "accountant", "viewer", "outsider", "invitee"].map((label) =>
        insertUser(label, tag),
      ),
    );
    // The owner signs in with two-factor (needed to require it of the business's members).
    const { secret, setupId } = await runtime.twoFactor.beginSetup(owner!);
    await runtime.twoFactor.confirmSetup(owner!.id, await generate({ secret }), setupId);
    const razonSocial = `Empresa ${tag}`;
    const businessId = await runtime.businesses.insertBusiness(owner!.id, {
      razonSocial,
      cuit: BUSINESS_CUIT,
      puntoVenta: 1,
      credentials: ACCOUNT,
    });
    await db
      .update(tusfacturasCredentials)
      .set({ status: "verified", lastVerifiedAt: new Date() })
      .where(eq(tusfacturasCredentials.businessId, businessId));
    await db.insert(memberships).values([
      { userId: accountant!.id, businessId, role: "accountant" },
      { userId: viewer!.id, businessId, role: "viewer" },
    ]);
    const clientNombre = `Cliente ${tag}`;
    const [client] = await db
      .insert(clients)
      .values({ businessId, cuit: CLIENT_CUIT, nombre: clientNombre })
      .returning({ id: clients.id });
    const { token } = await runtime.members.invite({
      businessId,
      invitedBy: owner!.id,
      email: invitee!.email,
      role: "accountant",
    });
    const [invitation] = await db
      .select({ id: invitations.id })
      .from(invitations)
      .where(eq(invitations.businessId, businessId));
    const period = previousPeriod(new Date());
    const [batch] = await db
      .insert(ivaBatches)
      .values({
        userId: owner!.id,
        requestKey: randomUUID(),
        ...period,
        email: owner!.email,
        finishedAt: new Date(),
      })
      .returning({ id: ivaBatches.id });
    const today = todayIso();
    const [clientImport] = await db
      .insert(clientImports)
      .values({
        businessId,
        userId: owner!.id,
        desde: today,
        hasta: today,
        daysTotal: 1,
        status: "failed",
        error: "No pudimos comunicarnos con TusFacturas.",
      })
      .returning({ id: clientImports.id });
    await db.insert(clientImportFound).values({
      importId: clientImport!.id,
      businessId,
      documentoTipo: "CUIT",
      documentoNro: NEW_CLIENT_CUIT,
      razonSocial: `Encontrado ${tag}`,
      comprobantes: 1,
      ultimaFecha: today,
    });
    const outsiderBusinessId = await runtime.businesses.insertBusiness(outsider!.id, {
      razonSocial: `Ajena ${tag}`,
      cuit: BUSINESS_CUIT,
      credentials: ACCOUNT,
    });
    const [outsiderClient] = await db
      .insert(clients)
      .values({ businessId: outsiderBusinessId, cuit: CLIENT_CUIT, nombre: `Otro ${tag}` })
      .returning({ id: clients.id });
    return {
      tag,
      businessId,
      razonSocial,
      clientId: client!.id,
      clientNombre,
      invitationId: invitation!.id,
      invitationToken: token,
      ownerBatchId: batch!.id,
      importId: clientImport!.id,
      outsiderBusinessId,
      outsiderClientId: outsiderClient!.id,
      period,
      users: {
        owner: owner!,
        accountant: accountant!,
        viewer: viewer!,
        outsider: outsider!,
        invitee: invitee!,
      },
    };
  }

  const lookups = (counter: CallCounter | undefined) =>
    counter
      ? (counter.byMethod["facturacion/consulta"] ?? 0) +
        (counter.byMethod["facturacion/consulta_avanzada"] ?? 0)
      : 0;
  const besidesLookups = (counter: CallCounter | undefined) =>
    counter ? counter.total - lookups(counter) : 0;

  async function state() {
    const [rows, calls] = await Promise.all([
      rowsOf<{ name: string; n: number; digest: string }>(digestQuery),
      control.allCalls(),
    ]);
    return {
      tables: Object.fromEntries(rows.map((row) => [row.name, `${row.n} rows ${row.digest}`])),
      upstreamCalls: Object.values(calls.byApikey).reduce((sum, c) => sum + besidesLookups(c), 0),
      upstreamCalls1010: besidesLookups(calls.byApikey[ACCOUNT.apikey]),
    };
  }

  /**
   * The free lookups (facturacion/consulta*) of the fixture's account: apart from `state`,
   * because background due-date lookups add to them at any moment; they only ever grow.
   */
  async function lookups1010(): Promise<number> {
    return lookups(await control.calls(ACCOUNT.apikey));
  }

  return {
    db,
    runtime,
    control,
    fixture,
    /** Everything a call could change: each table's rows, and the calls the emulator got. */
    state,
    lookups1010,
    /** Runs `call` as `user` (null: signed out) asserting it changed no row and called nobody. */
    async expectNoEffect<T>(user: FixtureUser | null, call: () => Promise<T>): Promise<T> {
      session.userId = user?.id ?? null;
      const before = await state();
      const result = await call();
      expect(await state(), "changed data or called TusFacturas").toEqual(before);
      return result;
    },
    /**
     * Sets when `user` last proved who they are in their session (sign-in or "Confirmá que sos
     * vos"): sensitive actions ask again once it is over 10 minutes old.
     */
    async setAuthenticatedAt(user: FixtureUser, at: Date) {
      const { sessionId } = await sessionOf(user.id);
      await db
        .update(userSessions)
        .set({ authenticatedAt: at })
        .where(eq(userSessions.id, sessionId));
    },
    /** Who the next calls run as; null = signed out. */
    signInAs(user: FixtureUser | null) {
      session.userId = user?.id ?? null;
    },
    userOf(fx: Fixture, actor: Actor): FixtureUser | null {
      return actor === "signedOut" ? null : fx.users[actor];
    },
    async close() {
      session.userId = null;
      // The runtime (heartbeat, job queue) stops first, then the database closes.
      sessionIds.clear();
      await (await import("@/lib/runtime/shutdown")).shutdownRuntime(0);
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true });
      await scratch?.drop();
      vi.unstubAllEnvs();
      // The next world starts its own runtime, with its environment parsed again.
      testGlobal.tableroRuntime = undefined;
      vi.resetModules();
    },
  };
}

/** Polls until `done` holds (background work such as an IVA batch run), or fails. */
export async function eventually(done: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error("background work did not finish in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A refusal: `ok: false` with this code, and nothing else (no data; field errors if invalid). */
export function expectRefused(result: ActionResult<unknown>, code: string) {
  const error = { code, message: expect.any(String) };
  expect(result).toEqual({
    ok: false,
    error: code === "invalid" ? expect.objectContaining(error) : error,
  });
}
