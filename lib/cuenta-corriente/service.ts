import "server-only";
import { and, desc, eq, notInArray, sql, type Placeholder } from "drizzle-orm";
import { DomainError } from "@/lib/errors";
import { loadCredentials } from "@/lib/businesses/credentials";
import type { SpendingGuard } from "@/lib/spending/guard";
import { credentialKey } from "@/lib/tusfacturas/credentials";
import type { ClientesService } from "@/lib/clientes/service";
import type { Keyring } from "@/lib/crypto/secrets";
import type { Database } from "@/lib/db";
import type { Locks } from "@/lib/db/locks";
import {
  clients,
  cuentaCorrienteSnapshots,
  tusfacturasCredentials,
  tusfacturasRequests,
} from "@/lib/db/schema";
import { createSingleFlight, isStale, refreshLockName } from "@/lib/snapshots/freshness";
import {
  isSinComprobantesError,
  type MovimientoCuentaCorriente,
  type TusFacturasClient,
  type TusFacturasCredentials,
} from "@/lib/tusfacturas";
import { latestAttemptAndFailure } from "@/lib/upstream/latest";
import { recordUpstream } from "@/lib/upstream/record";
import type { VencimientosService } from "@/lib/vencimientos/service";
import { lookupKeysOf, unpaidOf } from "@/lib/vencimientos/unpaid";
import { agingOf } from "./aging";
import { buildLedger, summarize } from "./ledger";
import { packMovimientos } from "./packed";
import { createStoredLedgers, NOT_IN_CARTERA, ofClient } from "./stored";
import { readCartera } from "./cartera";
import type { CuentaCorrienteView } from "./view";

export const CUENTA_CORRIENTE_METHOD = "clientes/cuenta-corriente";
/** Older copies beyond these are dropped: a long ledger is megabytes. */
const SNAPSHOTS_KEPT = 3;

export type CuentaCorrienteDeps = {
  db: Database;
  client: TusFacturasClient;
  keyring: Keyring;
  /** One refresh of a client's ledger at a time across instances. */
  locks: Locks;
  freshnessMs: number;
  now: () => Date;
  /** The business's cartera: only its clients' ledgers are fetched. */
  clientes: Pick<ClientesService, "findClientByCuit" | "listClients">;
  /** The interval between explicit refreshes and the monthly budget (lib/spending). */
  spending?: Pick<SpendingGuard, "spend">;
  /** The stored due dates the view carries, and the lookups a stored ledger queues. */
  vencimientos?: Pick<VencimientosService, "forLedger" | "enqueue">;
};

export type CuentaCorrienteService = ReturnType<typeof createCuentaCorrienteService>;

/** Cuentas corrientes: stored snapshots per client, refreshed from TusFacturas only when needed. */
export function createCuentaCorrienteService(deps: CuentaCorrienteDeps) {
  const { db, client, keyring, locks, freshnessMs, now, clientes, spending, vencimientos } = deps;
  const inFlight = createSingleFlight<void>();
  const stored = createStoredLedgers(db);
  const key = (businessId: string, cuit: string) => `${businessId}:${cuit}`;
  const requestsOf = (businessId: string | Placeholder, cuit: string | Placeholder) =>
    and(
      eq(tusfacturasRequests.businessId, businessId),
      eq(tusfacturasRequests.method, CUENTA_CORRIENTE_METHOD),
      eq(tusfacturasRequests.subject, cuit),
    );

  /**
   * One query (a page reads this on every visit): the client, its last stored copy (without the
   * movements), the credentials' status, the last attempt, and the last failure since that
   * copy. No row when the client is not in the business's cartera. Built and named once (on
   * PostgreSQL, also parsed and planned once per connection).
   */
  function prepareCurrent() {
    const businessId = sql.placeholder("businessId");
    const cuit = sql.placeholder("cuit");
    const snap = db
      .select({
        id: cuentaCorrienteSnapshots.id,
        fetchedAt: cuentaCorrienteSnapshots.fetchedAt,
        movimientos: cuentaCorrienteSnapshots.movimientosCount,
      })
      .from(cuentaCorrienteSnapshots)
      .where(ofClient(businessId, cuit))
      .orderBy(desc(cuentaCorrienteSnapshots.fetchedAt))
      .limit(1)
      .as("snapshot");
    const { attempt, failure } = latestAttemptAndFailure(
      db,
      requestsOf(businessId, cuit),
      snap.fetchedAt,
    );
    return db
      .select({
        cliente: { id: clients.id, cuit: clients.cuit, nombre: clients.nombre },
        snapshot: { id: snap.id, fetchedAt: snap.fetchedAt, movimientos: snap.movimientos },
        credentials: tusfacturasCredentials.status,
        lastAttemptAt: attempt.attemptAt,
        lastError: { message: failure.errorMessage, at: failure.errorAt },
      })
      .from(clients)
      .leftJoinLateral(snap, sql`true`)
      .leftJoin(tusfacturasCredentials, eq(tusfacturasCredentials.businessId, clients.businessId))
      .leftJoinLateral(attempt, sql`true`)
      .leftJoinLateral(failure, sql`true`)
      .where(and(eq(clients.businessId, businessId), eq(clients.cuit, cuit)))
      .prepare("cuenta_corriente_current");
  }
  const currentQuery = prepareCurrent();

  /**
   * The client's view as stored (see `prepareCurrent`) and whether it is stale; null when the
   * client is not in the business's cartera.
   */
  async function current(businessId: string, cuit: string) {
    const [row] = await currentQuery.execute({ businessId, cuit });
    if (!row) return null;
    const stale = isStale({
      credentialsVerified: row.credentials === "verified",
      fetchedAt: row.snapshot?.fetchedAt ?? null,
      lastAttemptAt: row.lastAttemptAt,
      now: now(),
      freshnessMs,
    });
    return { ...row, stale };
  }

  async function requireCurrent(businessId: string, cuit: string) {
    const found = await current(businessId, cuit);
    if (!found) throw new DomainError("not_found", NOT_IN_CARTERA);
    return found;
  }

  async function requireClient(businessId: string, cuit: string) {
    const cliente = await clientes.findClientByCuit(businessId, cuit);
    if (!cliente) throw new DomainError("not_found", NOT_IN_CARTERA);
    return cliente;
  }

  async function viewOf(
    businessId: string,
    found: NonNullable<Awaited<ReturnType<typeof current>>>,
  ): Promise<CuentaCorrienteView> {
    const { cliente, snapshot, lastError } = found;
    return {
      cliente,
      snapshot: snapshot
        ? {
            id: snapshot.id,
            fetchedAt: snapshot.fetchedAt.toISOString(),
            movimientos: snapshot.movimientos,
          }
        : null,
      lastError: lastError?.message
        ? { message: lastError.message, at: lastError.at.toISOString() }
        : null,
      credentials: found.credentials ?? "missing",
      // A visit queues what is still to be looked up: ledgers stored before due dates existed.
      vencimientos: vencimientos
        ? await vencimientos.forLedger(businessId, cliente.cuit, { enqueue: true })
        : { byKey: {}, pending: 0 },
    };
  }

  async function view(businessId: string, cuit: string): Promise<CuentaCorrienteView> {
    return viewOf(businessId, await requireCurrent(businessId, cuit));
  }

  async function fetchAndStore(
    businessId: string,
    cuit: string,
    userId: string | null,
    credentials: TusFacturasCredentials,
  ): Promise<void> {
    let movimientos: MovimientoCuentaCorriente[];
    try {
      movimientos = await recordUpstream(
        db,
        { businessId, userId, method: CUENTA_CORRIENTE_METHOD, subject: cuit, now },
        () => client.cuentaCorriente(credentials, cuit),
      );
    } catch (error) {
      // A known client without movements is an empty ledger, not a failure.
      if (!isSinComprobantesError(error)) throw error;
      movimientos = [];
    }
    const ledger = buildLedger(movimientos);
    const totals = summarize(ledger.rows);
    const fetchedAt = now();
    const today = fetchedAt.toISOString().slice(0, 10);
    const unpaid = unpaidOf(ledger.rows);
    await db.transaction(async (tx) => {
      await tx.insert(cuentaCorrienteSnapshots).values({
        businessId,
        cuit,
        fetchedAt,
        movimientos: packMovimientos(movimientos),
        movimientosCount: movimientos.length,
        saldoCentavos: totals.saldoCentavos,
        restaAbonarCentavos: totals.restaAbonarCentavos,
        oldestUnpaidFecha: agingOf(ledger.rows, today).oldestUnpaidFecha,
        unpaid,
      });
      // The due dates of what is owed are looked up after this copy exists, never before.
      if (vencimientos && lookupKeysOf(unpaid).length > 0)
        await vencimientos.enqueue(tx, businessId, cuit);
      const kept = tx
        .select({ id: cuentaCorrienteSnapshots.id })
        .from(cuentaCorrienteSnapshots)
        .where(ofClient(businessId, cuit))
        .orderBy(desc(cuentaCorrienteSnapshots.fetchedAt))
        .limit(SNAPSHOTS_KEPT);
      await tx
        .delete(cuentaCorrienteSnapshots)
        .where(and(ofClient(businessId, cuit), notInArray(cuentaCorrienteSnapshots.id, kept)));
    });
  }

  /**
   * Asks TusFacturas for the client's cuenta corriente (one billed request) and stores it.
   * Concurrent identical refreshes share the request; with `onlyIfStale` the stored copy is
   * checked again once the slot is held. Throws the upstream error.
   */
  async function refresh(
    businessId: string,
    cuit: string,
    userId: string | null,
    { onlyIfStale = false } = {},
  ): Promise<CuentaCorrienteView> {
    await requireClient(businessId, cuit);
    const stored = await loadCredentials(db, keyring, businessId);
    if (!stored)
      throw new DomainError("conflict", "Esta empresa no tiene credenciales de TusFacturas.");
    // This process's callers share one refresh; across instances the lock lets one call
    // through and the others find its copy when they re-read under it.
    await inFlight.run(key(businessId, cuit), stored.sealed, () =>
      locks.withLock(refreshLockName(businessId, credentialKey(stored.credentials)), async () => {
        if (onlyIfStale && !(await requireCurrent(businessId, cuit)).stale) return;
        // Under the lock, so two presses on two instances cannot both pass the interval.
        const call = () => fetchAndStore(businessId, cuit, userId, stored.credentials);
        const target = {
          businessId,
          userId,
          method: CUENTA_CORRIENTE_METHOD,
          subject: cuit,
          explicit: !onlyIfStale,
        };
        await (spending ? spending.spend(target, call) : call());
      }),
    );
    return view(businessId, cuit);
  }

  /** The stored view with no upstream call, and whether a visit would refresh it first. */
  async function peek(businessId: string, cuit: string) {
    const found = await requireCurrent(businessId, cuit);
    return {
      view: await viewOf(businessId, found),
      refreshing: found.stale || inFlight.has(key(businessId, cuit)),
    };
  }

  /**
   * What a visit shows: the stored ledger, refreshed first only when it is stale.
   * Upstream failures do not throw: the view carries them next to the last good copy.
   */
  async function load(businessId: string, cuit: string, userId: string | null) {
    const found = await requireCurrent(businessId, cuit);
    const running = found.stale
      ? refresh(businessId, cuit, userId, { onlyIfStale: true })
      : inFlight.current(key(businessId, cuit));
    // Fresh and nobody refreshing it: what was just read is the view.
    if (!running) return viewOf(businessId, found);
    try {
      await running;
    } catch (error) {
      if (error instanceof DomainError) throw error;
    }
    return view(businessId, cuit);
  }

  /** The cartera (see cartera.ts): stored figures only, no upstream call. */
  const cartera = (businessId: string) => readCartera({ db, clientes, now }, businessId);

  return { load, peek, ...stored, refresh, cartera };
}
