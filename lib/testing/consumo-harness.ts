/**
 * Test-only: the consumo service wired to a real database, the real TusFacturas client and an
 * in-process emulator, with a fake clock.
 */
import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { createAuditService } from "@/lib/audit/service";
import { createBusinessesService } from "@/lib/businesses/service";
import { createSpendingGuard } from "@/lib/spending/guard";
import type { Keyring } from "@/lib/crypto/secrets";
import { consumoSnapshots, tusfacturasCredentials, tusfacturasRequests } from "@/lib/db/schema";
import { insertTestUser, type DatabaseEngine } from "./test-database";
import { createTusFacturasClient, type TusFacturasCredentials } from "@/lib/tusfacturas";
import {
  createEmulatorControl,
  type EmulatorControl,
  type FaultSpec,
} from "@/lib/tusfacturas/emulator/control";
import { startEmulator } from "@/lib/tusfacturas/emulator/server";
import { reportAttempt } from "@/lib/upstream/record";
import { CONSUMO_METHOD, createConsumoService } from "@/lib/consumo/service";

export const FRESHNESS_MS = 15 * 60_000;

/** One of the emulator's public test accounts (lib/tusfacturas/fixtures/accounts.json). */
export const testAccount = (apikey: "1003" | "1004" | "1005" | "1006"): TusFacturasCredentials => ({
  apikey,
  apitoken: `test${apikey}token`,
  usertoken: `test${apikey}user`,
});

export type ConsumoHarness = Awaited<ReturnType<typeof startConsumoHarness>>;
export type ConsumoScenario = Awaited<ReturnType<ConsumoHarness["scenario"]>>;

/** A fresh database on `engine` and an emulator on a free port; `reset()` before each test. */
export async function startConsumoHarness(engine: DatabaseEngine) {
  const [handle, emulator] = await Promise.all([
    engine.open(),
    startEmulator({ port: 0, quiet: true }),
  ]);
  const control: EmulatorControl = createEmulatorControl(emulator.url);
  const { db } = handle;

  /** A user with one business on `credentials`, and a consumo service with its own clock. */
  async function scenario(
    credentials: TusFacturasCredentials,
    { refreshIntervalMs }: { refreshIntervalMs?: number } = {},
  ) {
    let clock = Date.parse("2026-11-20T12:00:00.000Z");
    let held: Promise<void> | undefined;
    const keyring: Keyring = new Map([[1, randomBytes(32)]]);
    const client = createTusFacturasClient({
      baseUrl: emulator.url,
      retryBaseDelayMs: 1,
      // Each attempt takes a millisecond of fake time, so attempts are ordered as they happened.
      onCall: (event) => {
        clock += 1;
        reportAttempt(event);
      },
      // The emulator answers at once; a test may keep the answer from Tablero meanwhile.
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        await held;
        return response;
      },
    });
    const now = () => new Date(clock);
    // With an interval: the spending guard of the app, on this clock.
    const spending =
      refreshIntervalMs === undefined
        ? undefined
        : createSpendingGuard({
            db,
            audit: createAuditService({ db, now }),
            now,
            refreshIntervalMs,
          });
    // Every select the service runs is counted as it runs, built per call or prepared once:
    // both kinds come from the session's `prepareQuery`, and run by `execute`.
    let selects = 0;
    const session = db._.session;
    const countedSession = new Proxy(session, {
      get(target, key, receiver) {
        if (key !== "prepareQuery") return Reflect.get(target, key, receiver) as unknown;
        return (...args: Parameters<typeof session.prepareQuery>) => {
          const query = target.prepareQuery(...args);
          if (args[5]?.type !== "select") return query;
          const execute = query.execute.bind(query);
          query.execute = (...values) => {
            selects += 1;
            return execute(...values);
          };
          return query;
        };
      },
    });
    const countedDb = new Proxy(db, {
      get(target, key, receiver) {
        if (key === "session") return countedSession;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const service = createConsumoService({
      db: countedDb,
      client,
      keyring,
      locks: handle.locks,
      freshnessMs: FRESHNESS_MS,
      now,
      spending,
    });
    // Credentials are stored with the wall clock, as the app does.
    const businesses = createBusinessesService({ db, keyring });
    const userId = await insertTestUser(db);
    const businessId = await businesses.insertBusiness(userId, {
      razonSocial: `Empresa ${credentials.apikey}`,
      cuit: "20055361682",
      credentials,
    });

    return {
      service,
      spending,
      businesses,
      keyring,
      userId,
      businessId,
      now: () => new Date(clock),
      advance(ms: number) {
        clock += ms;
      },
      /** `select` queries the service has run so far. */
      selects: () => selects,
      /** Stores a snapshot as if fetched at `fetchedAt` (no TusFacturas call). */
      storeSnapshot: async (
        fetchedAt: string,
        figures: { generados: number; cupo: number; disponibles: number },
      ) => {
        await db.insert(consumoSnapshots).values({
          businessId,
          fetchedAt: new Date(fetchedAt),
          abonosPendientes: 0,
          comprobantesGenerados: figures.generados,
          comprobantesCupo: figures.cupo,
          comprobantesDisponibles: figures.disponibles,
        });
      },
      /** Requests the emulator received for this business's apikey. */
      calls: async () => (await control.calls(credentials.apikey)).total,
      snapshots: () =>
        db
          .select()
          .from(consumoSnapshots)
          .where(eq(consumoSnapshots.businessId, businessId))
          .orderBy(asc(consumoSnapshots.fetchedAt)),
      /** The billed-request log, oldest first. */
      requests: () =>
        db
          .select({
            userId: tusfacturasRequests.userId,
            method: tusfacturasRequests.method,
            at: tusfacturasRequests.at,
            outcome: tusfacturasRequests.outcome,
            errorCode: tusfacturasRequests.errorCode,
            errorMessage: tusfacturasRequests.errorMessage,
          })
          .from(tusfacturasRequests)
          .where(eq(tusfacturasRequests.businessId, businessId))
          .orderBy(asc(tusfacturasRequests.at)),
      credentialsRow: async () => {
        const [row] = await db
          .select()
          .from(tusfacturasCredentials)
          .where(eq(tusfacturasCredentials.businessId, businessId));
        return row;
      },
      /** Answers the emulator already gave stay in transit until the returned release. */
      holdAnswers(): () => void {
        let release!: () => void;
        held = new Promise<void>((resolve) => (release = resolve));
        return () => {
          held = undefined;
          release();
        };
      },
    };
  }

  return {
    db,
    control,
    scenario,
    /** The next `count` consumo calls of `apikey` fail this way. */
    fault: (apikey: string, spec: Omit<FaultSpec, "apikey" | "method">) =>
      control.injectFault({ apikey, method: CONSUMO_METHOD, ...spec }),
    close: () => Promise.all([handle.close(), emulator.close()]).then(() => undefined),
  };
}
