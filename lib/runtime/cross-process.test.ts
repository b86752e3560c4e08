import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { Pool } from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createBusinessesService } from "@/lib/businesses/service";
import { createConsumoService } from "@/lib/consumo/service";
import type { Keyring } from "@/lib/crypto/secrets";
import type { DatabaseHandle } from "@/lib/db/client";
import { createPostgresLocks, type Locks } from "@/lib/db/locks";
import { tusfacturasCredentials } from "@/lib/db/schema";
import { databaseEngines, insertTestUser } from "@/lib/testing/test-database";
import { createTusFacturasClient, type TusFacturasCredentials } from "@/lib/tusfacturas";
import { createEmulatorControl, type EmulatorControl } from "@/lib/tusfacturas/emulator/control";
import { startEmulator, type RunningEmulator } from "@/lib/tusfacturas/emulator/server";

vi.mock("server-only", () => ({}));

/** Seeded emulator account (lib/tusfacturas/fixtures/accounts.json). */
const account = (apikey: "1005" | "1006"): TusFacturasCredentials => ({
  apikey,
  apitoken: `test${apikey}token`,
  usertoken: `test${apikey}user`,
});

/**
 * Two server processes on one database, as far as TusFacturas can tell: each has its own
 * client (own in-process lanes and de-duplication) and its own lock connections.
 */
describe.each(databaseEngines())("two processes on $name", (engine) => {
  let handle: DatabaseHandle;
  let emulator: RunningEmulator;
  let control: EmulatorControl;
  const pools: Pool[] = [];
  /** Each process's locks and lanes (PGlite: one process, so the same ones). */
  let processes: { locks: Locks; lanes: Locks }[];

  beforeAll(async () => {
    [handle, emulator] = await Promise.all([
      engine.open(),
      startEmulator({ port: 0, quiet: true }),
    ]);
    control = createEmulatorControl(emulator.url);
    const second = (kind: "locks" | "lanes") => {
      if (!("connectionString" in handle.queue)) return handle[kind];
      const pool = new Pool({ connectionString: handle.queue.connectionString, max: 3 });
      pools.push(pool);
      return createPostgresLocks(pool);
    };
    processes = [
      { locks: handle.locks, lanes: handle.lanes },
      { locks: second("locks"), lanes: second("lanes") },
    ];
  });
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    await Promise.all([handle?.close(), emulator?.close()]);
  });
  beforeEach(() => control.reset());

  /** A client as a process builds it; `spans` records each HTTP attempt's start and end. */
  function clientOf(lanes: Locks | null, spans: { start: number; end: number }[]) {
    return createTusFacturasClient({
      baseUrl: emulator.url,
      maxRetries: 0,
      ...(lanes ? { exclusive: (key, task) => lanes.withLock(`tusfacturas:${key}`, task) } : {}),
      fetch: async (input, init) => {
        const start = performance.now();
        try {
          return await fetch(input, init);
        } finally {
          spans.push({ start, end: performance.now() });
        }
      },
    });
  }

  async function callsFromBoth(lanes: (Locks | null)[], credentials: TusFacturasCredentials) {
    const spans: { start: number; end: number }[] = [];
    await control.injectFault({
      apikey: credentials.apikey,
      kind: "latency",
      latencyMs: 80,
      count: 6,
    });
    await Promise.all(
      lanes.map(async (shared) => {
        const client = clientOf(shared, spans);
        for (let i = 0; i < 3; i++) await client.consumo(credentials).catch(() => undefined);
      }),
    );
    return spans.sort((a, b) => a.start - b.start);
  }

  it("calls of one credential set never overlap and start 100 ms apart across processes", async () => {
    const spans = await callsFromBoth(
      processes.map((p) => p.lanes),
      account("1005"),
    );
    expect(spans).toHaveLength(6);
    expect(await control.throttled("1005")).toBe(0);
    const gaps = spans.slice(1).map((span, i) => span.start - spans[i]!.end);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(99);
  });

  it.runIf(engine.name === "postgres")(
    "without the shared turn the same calls overlap, and TusFacturas answers 429",
    async () => {
      await callsFromBoth([null, null], account("1006"));
      expect(await control.throttled("1006")).toBeGreaterThan(0);
    },
  );

  it("20 visits to a stale consumo over both processes make one billed call", async () => {
    const keyring: Keyring = new Map([[1, randomBytes(32)]]);
    const credentials = account("1005");
    const userId = await insertTestUser(handle.db);
    const businessId = await createBusinessesService({ db: handle.db, keyring }).insertBusiness(
      userId,
      {
        razonSocial: "Empresa 1005",
        cuit: "30712340025",
        credentials,
      },
    );
    await handle.db
      .update(tusfacturasCredentials)
      .set({ status: "verified" })
      .where(eq(tusfacturasCredentials.businessId, businessId));
    const services = processes.map(({ locks, lanes }) =>
      createConsumoService({
        db: handle.db,
        client: clientOf(lanes, []),
        keyring,
        locks,
        freshnessMs: 15 * 60_000,
        now: () => new Date(),
      }),
    );
    await control.injectFault({ apikey: "1005", kind: "latency", latencyMs: 500, count: 5 });

    const views = await Promise.all(
      Array.from({ length: 20 }, (_, i) => services[i % 2]!.load(businessId, userId)),
    );

    expect((await control.calls("1005")).total).toBe(1);
    expect(await control.throttled("1005")).toBe(0);
    const fetchedAt = new Set(views.map((view) => view.snapshot?.fetchedAt));
    expect(fetchedAt.size).toBe(1);
    expect([...fetchedAt][0]).toBeTruthy();
  });
});
