/**
 * Test-only: the IVA service wired to a real database, the real TusFacturas client and an
 * in-process emulator, with one fake clock shared by Tablero and the emulator.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { createBusinessesService } from "@/lib/businesses/service";
import type { Keyring } from "@/lib/crypto/secrets";
import {
  ivaBatches,
  ivaRequests,
  memberships,
  tusfacturasCredentials,
  tusfacturasRequests,
} from "@/lib/db/schema";
import { insertTestUser, type DatabaseEngine } from "./test-database";
import { createTusFacturasClient, type TusFacturasCredentials } from "@/lib/tusfacturas";
import { createAuditService } from "@/lib/audit/service";
import { startJobQueue } from "@/lib/jobs/queue";
import { tableroInstances } from "@/lib/db/schema";
import { createEmulatorControl, type FaultSpec } from "@/lib/tusfacturas/emulator/control";
import { startEmulator } from "@/lib/tusfacturas/emulator/server";
import { reportAttempt } from "@/lib/upstream/record";
import {
  createIvaService,
  IVA_METHOD,
  type IvaService,
  type IvaRequestInput,
  type IvaRequestOutcome,
} from "@/lib/iva/service";

/**
 * The fake clock's start: 20 November 2026, 10:42 in Buenos Aires. Only `advance()` moves it,
 * and each upstream attempt, by a millisecond (so attempts are ordered as they happened).
 */
export const START = Date.parse("2026-11-20T13:42:00.000Z");
export const HOUR = 60 * 60_000;
/** Real time (heartbeats are the database's): test instances never expire by themselves. */
const LEASE_MS = 10 * 60_000;
/** Long enough for any answer the emulator gives at once, even one a test holds for a while. */
const TIMEOUT_MS = 5_000;

/** The emulator's accounts for IVA tests (lib/tusfacturas/fixtures/accounts.json). */
const CUITS = {
  "1007": "30712345671",
  "1008": "30712345698",
  "1009": "27203040593",
  "1010": "20556677884",
} as const;
export type IvaApikey = keyof typeof CUITS;

export const ivaAccount = (apikey: IvaApikey): TusFacturasCredentials => ({
  apikey,
  apitoken: `test${apikey}token`,
  usertoken: `test${apikey}user`,
});

export const EMAIL = "contador@estudio.com.ar";
export const PERIOD = { anio: 2026, mes: 10 };

export const iso = (ms: number) => new Date(ms).toISOString();

/** The request of an outcome that must be "done". */
export function done(outcome: IvaRequestOutcome) {
  if (outcome.kind !== "done") throw new Error(`expected "done", got ${JSON.stringify(outcome)}`);
  return outcome.request;
}

export type IvaHarness = Awaited<ReturnType<typeof startIvaHarness>>;

type BusinessOptions = { verified?: boolean; credentials?: TusFacturasCredentials };

/** A fresh database on `engine` and an emulator on a free port; `reset()` before each test. */
export async function startIvaHarness(engine: DatabaseEngine) {
  let clock = START;
  let held: Promise<void> | undefined;
  const now = () => new Date(clock);
  const [handle, emulator] = await Promise.all([
    engine.open(),
    startEmulator({ port: 0, quiet: true, now }),
  ]);
  const control = createEmulatorControl(emulator.url);
  const { db } = handle;
  // The real job queue on this engine; its worker hands each job to the latest service.
  const queue = await startJobQueue(handle, {
    maintenanceSeconds: 1,
    expireSeconds: 30,
    emailAttempts: 3,
    emailRetrySeconds: 1,
  });
  let current: IvaService | undefined;
  // Several workers, so jobs stuck with a "dead" service do not hold up the others.
  for (let i = 0; i < 4; i++) {
    await queue.work("iva-report", async ({ requestId }) => {
      await current?.work(requestId);
    });
  }
  // Instances on record before any service exists, so each is alive from its first query.
  const INSTANCES = 100;
  await db
    .insert(tableroInstances)
    .values(Array.from({ length: INSTANCES }, (_, i) => ({ id: `test-instance-${i + 1}` })));
  let instances = 0;
  const keyring: Keyring = new Map([[1, randomBytes(32)]]);
  const businesses = createBusinessesService({ db, keyring });

  /**
   * A service with its own client, as one server process (a live instance) has; the queue's
   * jobs go to the latest one.
   */
  function service(options: { timeoutMs?: number; answersLost?: boolean } = {}) {
    const client = createTusFacturasClient({
      baseUrl: emulator.url,
      timeoutMs: options.timeoutMs ?? TIMEOUT_MS,
      minSpacingMs: 0,
      onCall: (event) => {
        clock += 1;
        reportAttempt(event);
      },
      // The emulator answers at once; a test may keep the answer from Tablero meanwhile.
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        await held;
        // As for a process killed mid-call: TusFacturas got the request, the answer never lands.
        if (options.answersLost) await new Promise<never>(() => {});
        return response;
      },
    });
    const instance = { id: `test-instance-${++instances}`, stopping: () => false };
    current = createIvaService({
      db,
      client,
      keyring,
      now,
      instance,
      queue,
      leaseMs: LEASE_MS,
      businesses,
      audit: createAuditService({ db, now }),
    });
    return Object.assign(current, { instanceId: instance.id });
  }

  /** A business of `userId` named "Empresa <apikey>", its credentials marked verified unless told. */
  async function business(
    userId: string,
    apikey: IvaApikey,
    options: BusinessOptions = {},
  ): Promise<string> {
    const businessId = await businesses.insertBusiness(userId, {
      razonSocial: `Empresa ${apikey}`,
      cuit: CUITS[apikey],
      credentials: options.credentials ?? ivaAccount(apikey),
    });
    if (options.verified !== false) {
      await db
        .update(tusfacturasCredentials)
        .set({ status: "verified" })
        .where(eq(tusfacturasCredentials.businessId, businessId));
    }
    return businessId;
  }

  /**
   * "Luis Gómez" with a business on account 1007 (credentials verified unless told), a
   * service, and submissions of October 2026 to `EMAIL`, each with a new key.
   */
  async function scenario(options: BusinessOptions & { timeoutMs?: number } = {}) {
    const userId = await insertTestUser(db, "Luis Gómez");
    const businessId = await business(userId, "1007", options);
    const input = (overrides: Partial<IvaRequestInput> = {}): IvaRequestInput => ({
      businessId,
      userId,
      ...PERIOD,
      email: EMAIL,
      requestKey: randomUUID(),
      send: true,
      repeatOf: null,
      ...overrides,
    });
    return { userId, businessId, service: service(options), input };
  }

  return {
    db,
    control,
    now,
    service,
    business,
    scenario,
    user: (name = "Luis Gómez") => insertTestUser(db, name),
    addMember: (userId: string, businessId: string) =>
      db
        .insert(memberships)
        .values({ userId, businessId, role: "owner" })
        .then(() => undefined),
    advance(ms: number) {
      clock += ms;
    },
    /** IVA calls the emulator received for this apikey. */
    calls: async (apikey: IvaApikey) => (await control.calls(apikey)).byMethod[IVA_METHOD] ?? 0,
    outbox: () => control.outbox(),
    /** The next `count` IVA calls of `apikey` fail this way. */
    fault: (apikey: IvaApikey, spec: Omit<FaultSpec, "apikey" | "method">) =>
      control.injectFault({ apikey, method: IVA_METHOD, ...spec }),
    /** The stored requests of a business, oldest first. */
    rows: (businessId: string) =>
      db
        .select()
        .from(ivaRequests)
        .where(eq(ivaRequests.businessId, businessId))
        .orderBy(asc(ivaRequests.requestedAt)),
    batchRows: (userId: string) =>
      db.select().from(ivaBatches).where(eq(ivaBatches.userId, userId)),
    /** The billed-request log of a business, oldest first. */
    upstreamLog: (businessId: string) =>
      db
        .select({
          method: tusfacturasRequests.method,
          subject: tusfacturasRequests.subject,
          outcome: tusfacturasRequests.outcome,
          errorCode: tusfacturasRequests.errorCode,
        })
        .from(tusfacturasRequests)
        .where(eq(tusfacturasRequests.businessId, businessId))
        .orderBy(asc(tusfacturasRequests.at)),
    /** Answers the emulator already gave stay in transit until the returned release. */
    holdAnswers(): () => void {
      let release!: () => void;
      held = new Promise<void>((resolve) => (release = resolve));
      return () => {
        held = undefined;
        release();
      };
    },
    async reset() {
      clock = START;
      held = undefined;
      await control.reset();
    },
    /** The instance stops for good (its heartbeat row is gone): its work is dead work. */
    killInstance: (id: string) =>
      db
        .delete(tableroInstances)
        .where(eq(tableroInstances.id, id))
        .then(() => undefined),
    async close() {
      await queue.stop();
      await Promise.all([handle.close(), emulator.close()]);
    },
  };
}
