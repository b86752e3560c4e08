import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { loadCredentials } from "@/lib/businesses/credentials";
import type { Keyring } from "@/lib/crypto/secrets";
import { buildLedger } from "@/lib/cuenta-corriente/ledger";
import { unpackMovimientos, type PackedMovimientos } from "@/lib/cuenta-corriente/packed";
import type { Database } from "@/lib/db";
import type { Locks } from "@/lib/db/locks";
import {
  comprobanteVencimientos,
  cuentaCorrienteSnapshots,
  tusfacturasCredentials,
} from "@/lib/db/schema";
import type { JobQueue } from "@/lib/jobs/queue";
import {
  isSinComprobantesError,
  MAX_LIMITE,
  type ComprobanteEmitido,
  type TusFacturasClient,
  type TusFacturasCredentials,
} from "@/lib/tusfacturas";
import type { CtacteStatus } from "@/lib/tusfacturas/types";
import { recordUpstream } from "@/lib/upstream/record";
import { planLookups, type LookupCall } from "./plan";
import { keyOf, type ComprobanteKey, type VencimientosByKey, type VencimientosView } from "./refs";
import { lookupKeysOf, unpaidOf, type UnpaidComprobante } from "./unpaid";

export const CONSULTA_METHOD = "facturacion/consulta";
export const CONSULTA_AVANZADA_METHOD = "facturacion/consulta_avanzada";
/** A page asking again within this long does not queue the same client's lookups again. */
const REQUEUE_MS = 60_000;

export type VencimientosDeps = {
  db: Database;
  client: TusFacturasClient;
  keyring: Keyring;
  /** One lookup run per business at a time, across instances. */
  locks: Locks;
  now: () => Date;
  /** Where a ledger's lookups become a job. */
  queue?: Pick<JobQueue, "send">;
  /** This instance: once it is stopping, a job hands the rest of its lookups back. */
  instance?: { stopping(): boolean };
};

type Found = { vencimiento: string | null; ctacteStatus: CtacteStatus | null } | null;

const plain = (tipo: string) =>
  tipo
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase();

/** Whether a comprobante TusFacturas returned is the one asked for. */
const isRef = (ref: ComprobanteKey) => (c: ComprobanteEmitido) =>
  plain(c.tipo) === ref.tipo && c.puntoVenta === ref.puntoVenta && c.numero === ref.numero;

const labelOf = (ref: ComprobanteKey) =>
  `${ref.tipo} ${String(ref.puntoVenta).padStart(4, "0")}-${String(ref.numero).padStart(8, "0")}`;

/**
 * Due dates and payment status of the comprobantes clients still owe, from TusFacturas' free
 * lookups: each comprobante asked about once (found or not) and stored, in a background job
 * per client ledger, never on a page's time.
 */
export function createVencimientosService(deps: VencimientosDeps) {
  const { db, client, keyring, locks, now, queue, instance } = deps;
  const queuedAt = new Map<string, number>();

  // A ledger page asks these on every visit (`forLedger`): built and named once (on
  // PostgreSQL, also parsed and planned once per connection).
  const latestSnapshot = db
    .select({ id: cuentaCorrienteSnapshots.id, unpaid: cuentaCorrienteSnapshots.unpaid })
    .from(cuentaCorrienteSnapshots)
    .where(
      and(
        eq(cuentaCorrienteSnapshots.businessId, sql.placeholder("businessId")),
        eq(cuentaCorrienteSnapshots.cuit, sql.placeholder("cuit")),
      ),
    )
    .orderBy(desc(cuentaCorrienteSnapshots.fetchedAt))
    .limit(1)
    .prepare("vencimientos_latest");
  const credentialStatus = db
    .select({ status: tusfacturasCredentials.status })
    .from(tusfacturasCredentials)
    .where(eq(tusfacturasCredentials.businessId, sql.placeholder("businessId")))
    .prepare("vencimientos_credentials");

  async function latest(businessId: string, cuit: string) {
    const [snapshot] = await latestSnapshot.execute({ businessId, cuit });
    return snapshot
      ? { id: snapshot.id, unpaid: snapshot.unpaid as UnpaidComprobante[] | null }
      : null;
  }

  /** The stored lookups of `refs`, by key. */
  async function stored(businessId: string, refs: readonly ComprobanteKey[]) {
    if (refs.length === 0) return {};
    const v = comprobanteVencimientos;
    const rows = await db
      .select({
        tipo: v.tipo,
        puntoVenta: v.puntoVenta,
        numero: v.numero,
        found: v.found,
        vencimiento: v.vencimiento,
        ctacteStatus: v.ctacteStatus,
      })
      .from(v)
      .where(
        and(
          eq(v.businessId, businessId),
          inArray(
            sql<string>`${v.tipo} || '|' || ${v.puntoVenta} || '|' || ${v.numero}`,
            refs.map(keyOf),
          ),
        ),
      );
    const byKey: VencimientosByKey = {};
    for (const row of rows) {
      byKey[keyOf(row)] = {
        found: row.found,
        vence: row.vencimiento,
        estado: row.ctacteStatus as CtacteStatus | null,
      };
    }
    return byKey;
  }

  async function verified(businessId: string) {
    const [row] = await credentialStatus.execute({ businessId });
    return row?.status === "verified";
  }

  /**
   * Queues the client's lookups as part of `tx` (the one storing its ledger), at most once a
   * minute per client in this process: the job itself never asks twice.
   */
  async function enqueueFor(tx: Database, businessId: string, cuit: string) {
    if (!queue) return;
    const key = `${businessId}:${cuit}`;
    const last = queuedAt.get(key);
    const at = now().getTime();
    if (last !== undefined && at - last <= REQUEUE_MS) return;
    // Only recent entries matter: forget the rest before the map grows large.
    if (queuedAt.size >= 10_000) {
      for (const [k, t] of queuedAt) if (at - t > REQUEUE_MS) queuedAt.delete(k);
    }
    queuedAt.set(key, at);
    await queue.send(tx, "vencimientos", { businessId, cuit });
  }

  /**
   * The stored lookups of the client's latest ledger and how many are missing. With `enqueue`
   * (a visit), the missing ones are queued for the background (`enqueue`). Never calls
   * TusFacturas.
   */
  async function forLedger(
    businessId: string,
    cuit: string,
    { enqueue = false } = {},
  ): Promise<VencimientosView> {
    const snapshot = await latest(businessId, cuit);
    if (!snapshot) return { byKey: {}, pending: 0 };
    const refs = snapshot.unpaid ? lookupKeysOf(snapshot.unpaid) : null;
    const byKey = refs ? await stored(businessId, refs) : {};
    const missing = refs ? new Set(refs.map(keyOf).filter((k) => !byKey[k])).size : 1;
    const pending = missing > 0 && (await verified(businessId)) ? missing : 0;
    if (enqueue && pending > 0) await enqueueFor(db, businessId, cuit);
    return { byKey, pending };
  }

  async function lookUp(
    businessId: string,
    credentials: TusFacturasCredentials,
    call: LookupCall,
  ): Promise<[ComprobanteKey, Found][]> {
    const recorded = <T>(method: string, subject: string, fn: () => Promise<T>) =>
      recordUpstream(db, { businessId, userId: null, method, subject, now }, fn);
    const found = (c: ComprobanteEmitido | undefined): Found =>
      c ? { vencimiento: c.vencimientoPago, ctacteStatus: c.ctacteStatus } : null;
    if (call.kind === "single") {
      try {
        const c = await recorded(CONSULTA_METHOD, labelOf(call.ref), () =>
          client.consultaComprobante(credentials, call.ref),
        );
        return [[call.ref, found(isRef(call.ref)(c) ? c : undefined)]];
      } catch (error) {
        if (isSinComprobantesError(error)) return [[call.ref, null]];
        throw error;
      }
    }
    const all: ComprobanteEmitido[] = [];
    const subject = `${labelOf(call.refs[0]!)} a ${call.numeroHasta}`;
    for (let pagina = 0; ; pagina++) {
      const page = await recorded(CONSULTA_AVANZADA_METHOD, subject, () =>
        client.consultaAvanzadaPorNumeros(credentials, {
          tipo: call.tipo,
          puntoVenta: call.puntoVenta,
          numeroDesde: call.numeroDesde,
          numeroHasta: call.numeroHasta,
          pagina,
          limite: MAX_LIMITE,
        }),
      );
      all.push(...page.comprobantes);
      if (page.comprobantes.length === 0 || all.length >= page.total) break;
    }
    return call.refs.map((ref) => [ref, found(all.find(isRef(ref)))]);
  }

  /** The unpaid comprobantes of a snapshot, filled in on copies stored before the column. */
  async function unpaidOfSnapshot(snapshot: { id: string; unpaid: UnpaidComprobante[] | null }) {
    if (snapshot.unpaid) return snapshot.unpaid;
    const [row] = await db
      .select({ movimientos: cuentaCorrienteSnapshots.movimientos })
      .from(cuentaCorrienteSnapshots)
      .where(eq(cuentaCorrienteSnapshots.id, snapshot.id));
    if (!row) return [];
    const ledger = buildLedger(unpackMovimientos(row.movimientos as PackedMovimientos));
    const unpaid = unpaidOf(ledger.rows);
    await db
      .update(cuentaCorrienteSnapshots)
      .set({ unpaid })
      .where(eq(cuentaCorrienteSnapshots.id, snapshot.id));
    return unpaid;
  }

  /**
   * The job: looks up every unpaid comprobante of the client's latest ledger not stored yet,
   * in as few free calls as `planLookups` finds, and stores each answer as it arrives (so a
   * failure part-way keeps what was learnt; the job's retry asks only for the rest). Returns
   * the number of lookups made.
   */
  async function work({ businessId, cuit }: { businessId: string; cuit: string }) {
    return locks.withLock(`vencimientos:${businessId}`, async () => {
      const snapshot = await latest(businessId, cuit);
      if (!snapshot) return 0;
      const refs = lookupKeysOf(await unpaidOfSnapshot(snapshot));
      const plan = planLookups(refs, new Set(Object.keys(await stored(businessId, refs))));
      if (plan.length === 0 || !(await verified(businessId))) return 0;
      const credentials = (await loadCredentials(db, keyring, businessId))?.credentials;
      if (!credentials) return 0;
      for (const call of plan) {
        // Between calls: a stop waits only for the call in flight, and another instance's
        // retry of this job asks only for what is still missing.
        if (instance?.stopping()) throw new Error("instance stopping: job handed back");
        const results = await lookUp(businessId, credentials, call);
        await db
          .insert(comprobanteVencimientos)
          .values(
            results.map(([ref, found]) => ({
              businessId,
              ...ref,
              found: found !== null,
              vencimiento: found?.vencimiento ?? null,
              ctacteStatus: found?.ctacteStatus ?? null,
              lookedUpAt: now(),
            })),
          )
          .onConflictDoNothing();
      }
      return plan.length;
    });
  }

  return { forLedger, enqueue: enqueueFor, work };
}

export type VencimientosService = ReturnType<typeof createVencimientosService>;
