import "server-only";
import { createHash } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { DomainError } from "@/lib/errors";
import { loadCredentials } from "@/lib/businesses/credentials";
import type { SpendingGuard } from "@/lib/spending/guard";
import { credentialKey } from "@/lib/tusfacturas/credentials";
import type { Keyring } from "@/lib/crypto/secrets";
import type { Database } from "@/lib/db";
import type { Locks } from "@/lib/db/locks";
import {
  businesses,
  consumoSnapshots,
  tusfacturasCredentials,
  tusfacturasRequests,
} from "@/lib/db/schema";
import {
  describeTusFacturasError,
  TusFacturasError,
  type TusFacturasClient,
  type TusFacturasCredentials,
} from "@/lib/tusfacturas";
import { createSingleFlight, isStale, refreshLockName } from "@/lib/snapshots/freshness";
import { latestAttemptAndFailure } from "@/lib/upstream/latest";
import { recordUpstream } from "@/lib/upstream/record";
import { createConsumoHistory } from "./history";
import type { ConsumoView } from "./view";

export const CONSUMO_METHOD = "micuenta/consumo";

export type ConsumoDeps = {
  db: Database;
  client: TusFacturasClient;
  keyring: Keyring;
  /** One refresh of a business at a time across instances (advisory locks on PostgreSQL). */
  locks: Locks;
  /** How long a snapshot (or a failed attempt) spares the plan another request. */
  freshnessMs: number;
  now: () => Date;
  /** The interval between explicit refreshes and the monthly budget (lib/spending). */
  spending?: Pick<SpendingGuard, "spend">;
};

export type ConsumoService = ReturnType<typeof createConsumoService>;

/** Consumo snapshots: served from the database, refreshed from TusFacturas only when needed. */
export function createConsumoService({
  db,
  client,
  keyring,
  locks,
  freshnessMs,
  now,
  spending,
}: ConsumoDeps) {
  // Per business: the refresh running and the sealed credentials it called with.
  const inFlight = createSingleFlight<ConsumoView>();

  // One query (a page reads this on every visit): the business's last snapshot, its
  // credentials' status, the last attempt, and the last failure since that snapshot. Built and
  // named once (on PostgreSQL, also parsed and planned once per connection).
  function prepareView() {
    const snap = db
      .select()
      .from(consumoSnapshots)
      .where(eq(consumoSnapshots.businessId, businesses.id))
      .orderBy(desc(consumoSnapshots.fetchedAt))
      .limit(1)
      .as("snapshot");
    const { attempt, failure } = latestAttemptAndFailure(
      db,
      and(
        eq(tusfacturasRequests.businessId, businesses.id),
        eq(tusfacturasRequests.method, CONSUMO_METHOD),
      ),
      snap.fetchedAt,
    );
    return db
      .select({
        snapshot: {
          fetchedAt: snap.fetchedAt,
          abonosPendientes: snap.abonosPendientes,
          comprobantesGenerados: snap.comprobantesGenerados,
          comprobantesCupo: snap.comprobantesCupo,
          comprobantesDisponibles: snap.comprobantesDisponibles,
        },
        credentials: {
          status: tusfacturasCredentials.status,
          detail: tusfacturasCredentials.statusDetail,
          lastVerifiedAt: tusfacturasCredentials.lastVerifiedAt,
        },
        lastAttemptAt: attempt.attemptAt,
        lastError: { message: failure.errorMessage, at: failure.errorAt },
      })
      .from(businesses)
      .leftJoinLateral(snap, sql`true`)
      .leftJoin(tusfacturasCredentials, eq(tusfacturasCredentials.businessId, businesses.id))
      .leftJoinLateral(attempt, sql`true`)
      .leftJoinLateral(failure, sql`true`)
      .where(eq(businesses.id, sql.placeholder("businessId")))
      .prepare("consumo_view");
  }
  const currentView = prepareView();

  async function view(businessId: string): Promise<ConsumoView & { lastAttemptAt: Date | null }> {
    const [row] = await currentView.execute({ businessId });
    const snapshot = row?.snapshot;
    const credentials = row?.credentials;
    const lastError = row?.lastError;
    return {
      snapshot: snapshot
        ? {
            abonosPendientes: snapshot.abonosPendientes,
            comprobantesGenerados: snapshot.comprobantesGenerados,
            comprobantesCupo: snapshot.comprobantesCupo,
            comprobantesDisponibles: snapshot.comprobantesDisponibles,
            fetchedAt: snapshot.fetchedAt.toISOString(),
          }
        : null,
      lastError: lastError?.message
        ? { message: lastError.message, at: lastError.at.toISOString() }
        : null,
      credentials: credentials
        ? {
            status: credentials.status,
            detail: credentials.detail,
            lastVerifiedAt: credentials.lastVerifiedAt?.toISOString() ?? null,
          }
        : { status: "missing", detail: null, lastVerifiedAt: null },
      lastAttemptAt: row?.lastAttemptAt ?? null,
    };
  }

  async function fetchAndStore(
    businessId: string,
    userId: string | null,
    stored: { credentials: TusFacturasCredentials; sealed: string },
  ): Promise<void> {
    // Only the credential set that was called may be marked: a replacement saved meanwhile
    // must not inherit this answer.
    // Compared by digest so the sealed value never travels as a query parameter (which
    // would put it in any error message about the query).
    const sameCredentials = and(
      eq(tusfacturasCredentials.businessId, businessId),
      sql`md5(${tusfacturasCredentials.sealed}) = ${createHash("md5").update(stored.sealed).digest("hex")}`,
    );
    try {
      const consumo = await recordUpstream(
        db,
        { businessId, userId, method: CONSUMO_METHOD, now },
        () => client.consumo(stored.credentials),
      );
      const fetchedAt = now();
      await db.transaction(async (tx) => {
        await tx.insert(consumoSnapshots).values({ businessId, fetchedAt, ...consumo });
        await tx
          .update(tusfacturasCredentials)
          .set({ status: "verified", statusDetail: null, lastVerifiedAt: fetchedAt })
          .where(sameCredentials);
      });
    } catch (error) {
      if (error instanceof TusFacturasError) {
        const invalid = error.code === "invalid_credentials";
        await db
          .update(tusfacturasCredentials)
          .set(
            invalid
              ? { status: "unverified", statusDetail: describeTusFacturasError(error) }
              : { statusDetail: describeTusFacturasError(error) },
          )
          .where(
            invalid
              ? sameCredentials
              : and(sameCredentials, eq(tusfacturasCredentials.status, "unverified")),
          );
      }
      throw error;
    }
  }

  function stale(current: ConsumoView & { lastAttemptAt: Date | null }): boolean {
    return isStale({
      credentialsVerified: current.credentials.status === "verified",
      fetchedAt: current.snapshot?.fetchedAt ?? null,
      lastAttemptAt: current.lastAttemptAt,
      now: now(),
      freshnessMs,
    });
  }

  /**
   * Asks TusFacturas for the consumo (one billed request) and stores it. Concurrent
   * refreshes of one business, in any instance, share that request, unless the credentials were replaced
   * meanwhile: the old set's answer says nothing about the new one. With `onlyIfStale`, the
   * stored copy is checked again once this refresh holds the business's slot, so a visit
   * that read a stale copy just before another refresh finished does not pay for a second
   * one. With `verifying` (credentials just saved), the interval between presses does not
   * apply: the last request was made with the set they replace. Throws the upstream error.
   */
  async function refresh(
    businessId: string,
    userId: string | null,
    { onlyIfStale = false, verifying = false } = {},
  ): Promise<ConsumoView> {
    const stored = await loadCredentials(db, keyring, businessId);
    if (!stored)
      throw new DomainError("conflict", "Esta empresa no tiene credenciales de TusFacturas.");
    // Shared by this process's callers, then one holder per business and credential set
    // across instances; the stored copy is read again under the lock, where another
    // instance's refresh shows. Replaced credentials do not wait for the old set's call.
    return inFlight.run(businessId, stored.sealed, () =>
      locks.withLock(refreshLockName(businessId, credentialKey(stored.credentials)), async () => {
        if (onlyIfStale) {
          const current = await view(businessId);
          if (!stale(current)) return publicView(current);
        }
        // Under the lock, so two presses on two instances cannot both pass the interval.
        const call = () => fetchAndStore(businessId, userId, stored);
        const target = {
          businessId,
          userId,
          method: CONSUMO_METHOD,
          explicit: !onlyIfStale,
          newCredentials: verifying,
        };
        await (spending ? spending.spend(target, call) : call());
        return publicView(await view(businessId));
      }),
    );
  }

  /**
   * The stored view with no upstream call, and whether a visit would refresh it first (so a
   * page can show the stored copy while the refresh runs).
   */
  async function peek(businessId: string): Promise<{ view: ConsumoView; refreshing: boolean }> {
    const current = await view(businessId);
    return { view: publicView(current), refreshing: stale(current) || inFlight.has(businessId) };
  }

  /**
   * What a visit shows: the stored snapshot, refreshed first only when credentials are
   * verified and neither a snapshot nor an attempt is younger than the freshness window.
   * Upstream failures do not throw: the view carries them next to the last good snapshot.
   */
  async function load(businessId: string, userId: string | null): Promise<ConsumoView> {
    const current = await view(businessId);
    const running = stale(current)
      ? refresh(businessId, userId, { onlyIfStale: true })
      : inFlight.current(businessId);
    if (!running) return publicView(current);
    try {
      return await running;
    } catch (error) {
      if (!(error instanceof TusFacturasError)) throw error;
      return publicView(await view(businessId));
    }
  }

  return { load, peek, refresh, history: createConsumoHistory(db, now) };
}

function publicView({ lastAttemptAt: _, ...rest }: ConsumoView & { lastAttemptAt: Date | null }) {
  return rest;
}
