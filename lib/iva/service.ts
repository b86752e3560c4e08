import "server-only";
import { and, asc, desc, eq, gt, lt, notInArray, sql } from "drizzle-orm";
import { ActionFailure, describeForLog, messages as actionMessages } from "@/lib/actions/errors";
import { can } from "@/lib/auth/permissions";
import { loadCredentials } from "@/lib/businesses/credentials";
import { listBusinessesOf } from "@/lib/businesses/service";
import type { Keyring } from "@/lib/crypto/secrets";
import type { Database } from "@/lib/db";
import {
  businesses,
  ivaBatches,
  ivaRequests,
  tusfacturasCredentials,
  users,
  type IvaRequestStatus,
} from "@/lib/db/schema";
import {
  describeTusFacturasError,
  TusFacturasError,
  type TusFacturasClient,
  type TusFacturasCredentials,
} from "@/lib/tusfacturas";
import { recordUpstream } from "@/lib/upstream/record";
import { periodCode, type Period } from "./period";
import {
  DUPLICATE_WINDOW_MS,
  duplicateQuestion,
  effectiveStatus,
  findDuplicate,
  type PriorRequest,
} from "./rules";

export const IVA_METHOD = "micuenta/iva_compras_ventas";

export type IvaDeps = {
  db: Database;
  client: TusFacturasClient;
  keyring: Keyring;
  now: () => Date;
  /** After this long a request still marked "pending" cannot be running any more. */
  pendingLimitMs: number;
};

export type IvaRequestView = {
  id: string;
  businessId: string;
  batchId: string | null;
  anio: number;
  mes: number;
  email: string;
  status: IvaRequestStatus;
  requestedAt: string;
  completedAt: string | null;
  requestedBy: string | null;
  messages: string[];
};

export type IvaRequestInput = Period & {
  businessId: string;
  userId: string;
  email: string;
  /** The browser's id for this submission: the same key twice is one request. */
  requestKey: string;
  /** False: only validate and say what would happen (the confirmation step). */
  send: boolean;
  /** The earlier request the user saw in the confirmation and chose to repeat. */
  repeatOf: string | null;
};

export type IvaRequestOutcome =
  | {
      kind: "confirm";
      duplicate: { id: string; question: string } | null;
    }
  | { kind: "done"; request: IvaRequestView };

export type IvaBusinessOption = {
  businessId: string;
  razonSocial: string;
  /** Whether the user's role may request for it (if not, it cannot even be chosen). */
  allowed: boolean;
  /** Why it cannot be requested for; null when it can. */
  unavailable: string | null;
};

export type IvaBatchInput = Period & {
  userId: string;
  email: string;
  businessIds: string[];
  requestKey: string;
  /** False: only validate and say what the confirmation must say. Default true. */
  send?: boolean;
  /** Repeat for the businesses that already asked for this period and address today. */
  repeat: boolean;
};

export type IvaBatchOutcome =
  | { kind: "confirm"; duplicates: { businessId: string; razonSocial: string; question: string }[] }
  | { kind: "started"; batchId: string };

export type IvaBatchView = Period & {
  id: string;
  email: string;
  createdAt: string;
  finished: boolean;
  items: (IvaRequestView & { razonSocial: string })[];
};

const NOT_VERIFIED =
  "Las credenciales de TusFacturas de esta empresa no están verificadas: revisalas en Credenciales.";
const NO_CREDENTIALS = "Esta empresa no tiene credenciales de TusFacturas.";
const NOT_ALLOWED = "Tu rol en esta empresa no permite solicitar reportes.";
const IN_FLIGHT =
  "Ya hay una solicitud de este período a esta dirección en curso: su resultado aparece en el historial.";
const MAYBE_SENT = "Tablero no la reintenta: revisá la casilla antes de pedirla de nuevo.";
const INTERRUPTED_QUEUED = "Tablero se detuvo antes de enviarla: no se envió.";

/**
 * IVA compras-ventas report requests. Each one is billed and emails a report, so: recorded
 * before the call and completed after it, one call per submission however often it arrives,
 * a "yes" needed to repeat one within 24 hours, and never retried.
 */
export function createIvaService({ db, client, keyring, now, pendingLimitMs }: IvaDeps) {
  // Calls running in this process, by request id: a repeated submission waits for its outcome.
  const inFlight = new Map<string, Promise<void>>();
  const runningBatches = new Set<string>();

  const requestColumns = {
    id: ivaRequests.id,
    businessId: ivaRequests.businessId,
    batchId: ivaRequests.batchId,
    anio: ivaRequests.anio,
    mes: ivaRequests.mes,
    email: ivaRequests.email,
    status: ivaRequests.status,
    requestedAt: ivaRequests.requestedAt,
    completedAt: ivaRequests.completedAt,
    messages: ivaRequests.messages,
    requestedBy: users.name,
  };

  function selectRequests() {
    return db
      .select(requestColumns)
      .from(ivaRequests)
      .leftJoin(users, eq(users.id, ivaRequests.userId));
  }

  /**
   * A request's status as shown. A call of this process is still running, however long it
   * has waited behind other calls of the same credentials: never "sin confirmar".
   */
  function statusOf(row: { id: string; status: IvaRequestStatus; requestedAt: Date }) {
    return inFlight.has(row.id) ? row.status : effectiveStatus(row, now(), pendingLimitMs);
  }

  function toView(row: Awaited<ReturnType<typeof selectRequests>>[number]): IvaRequestView {
    return {
      ...row,
      status: statusOf(row),
      requestedAt: row.requestedAt.toISOString(),
      completedAt: row.completedAt?.toISOString() ?? null,
    };
  }

  async function requestView(id: string): Promise<IvaRequestView> {
    const [row] = await selectRequests().where(eq(ivaRequests.id, id));
    if (!row) throw new Error(`iva request ${id} vanished`);
    return toView(row);
  }

  /** The view once this process's call for it (if any) is over. */
  async function settled(id: string): Promise<IvaRequestView> {
    await inFlight.get(id);
    return requestView(id);
  }

  /** Requests of this business, period and address in the last 24 hours, newest first. */
  async function priorRequests(tx: Database, businessId: string, period: Period, email: string) {
    const since = new Date(now().getTime() - DUPLICATE_WINDOW_MS);
    const rows = await tx
      .select({
        id: ivaRequests.id,
        status: ivaRequests.status,
        requestedAt: ivaRequests.requestedAt,
        userId: ivaRequests.userId,
        name: users.name,
      })
      .from(ivaRequests)
      .leftJoin(users, eq(users.id, ivaRequests.userId))
      .where(
        and(
          eq(ivaRequests.businessId, businessId),
          eq(ivaRequests.anio, period.anio),
          eq(ivaRequests.mes, period.mes),
          sql`lower(${ivaRequests.email}) = ${email.toLowerCase()}`,
          gt(ivaRequests.requestedAt, since),
        ),
      )
      .orderBy(desc(ivaRequests.requestedAt));
    return rows.map((row): PriorRequest => ({
      id: row.id,
      status: statusOf(row),
      requestedAt: row.requestedAt,
      requestedBy: row.userId && row.name ? { id: row.userId, name: row.name } : null,
    }));
  }

  /** Serializes every reservation of one business, across processes sharing the database. */
  async function lockBusiness(tx: Database, businessId: string): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`iva:${businessId}`}))`);
  }

  /**
   * Stores as "unconfirmed" what is already shown so: a request still "pending" past the limit.
   * Left "pending", its row would hold the one pending slot of its period and address, and
   * the repeat the user confirms would fail on the unique index.
   */
  async function settleStale(tx: Database, businessId: string, period: Period, email: string) {
    await tx
      .update(ivaRequests)
      .set({ status: "unconfirmed", completedAt: now() })
      .where(
        and(
          eq(ivaRequests.businessId, businessId),
          eq(ivaRequests.anio, period.anio),
          eq(ivaRequests.mes, period.mes),
          sql`lower(${ivaRequests.email}) = ${email.toLowerCase()}`,
          eq(ivaRequests.status, "pending"),
          lt(ivaRequests.requestedAt, new Date(now().getTime() - pendingLimitMs)),
          // A call of this process still waiting its turn behind others is not stale.
          inFlight.size > 0 ? notInArray(ivaRequests.id, [...inFlight.keys()]) : undefined,
        ),
      );
  }

  async function verifiedCredentials(businessId: string): Promise<TusFacturasCredentials> {
    const status = await credentialStatusOf(businessId);
    if (status === null) throw new ActionFailure("conflict", NO_CREDENTIALS);
    if (status !== "verified") throw new ActionFailure("conflict", NOT_VERIFIED);
    const stored = await loadCredentials(db, keyring, businessId);
    if (!stored) throw new ActionFailure("conflict", NO_CREDENTIALS);
    return stored.credentials;
  }

  async function credentialStatusOf(businessId: string) {
    const [row] = await db
      .select({ status: tusfacturasCredentials.status })
      .from(tusfacturasCredentials)
      .where(eq(tusfacturasCredentials.businessId, businessId));
    return row?.status ?? null;
  }

  /**
   * The call itself: billed, never retried, and its outcome written to the row whatever
   * happens. Registered in `inFlight` so repeated submissions wait for it.
   */
  function send(
    request: { id: string; businessId: string; userId: string | null } & Period & {
        email: string;
      },
    credentials: TusFacturasCredentials,
  ): Promise<void> {
    const call = (async () => {
      let outcome: { status: IvaRequestStatus; errorCode: string | null; messages: string[] };
      try {
        await recordUpstream(
          db,
          {
            businessId: request.businessId,
            userId: request.userId,
            method: IVA_METHOD,
            subject: periodCode(request),
            now,
          },
          () =>
            client.ivaComprasVentas(credentials, {
              anio: request.anio,
              mes: request.mes,
              email: request.email,
            }),
        );
        outcome = { status: "sent", errorCode: null, messages: [] };
      } catch (error) {
        outcome = failureOutcome(error);
      }
      await db
        .update(ivaRequests)
        .set({ ...outcome, completedAt: now() })
        .where(eq(ivaRequests.id, request.id));
    })();
    const tracked = call.finally(() => inFlight.delete(request.id));
    inFlight.set(request.id, tracked);
    return tracked;
  }

  /**
   * "Solicitar reporte" for one business. With `send: false` it only checks and answers
   * what the confirmation must say; with `send: true` it records the request, calls
   * TusFacturas once and answers the outcome.
   */
  async function request(input: IvaRequestInput): Promise<IvaRequestOutcome> {
    const period = { anio: input.anio, mes: input.mes };
    const credentials = await verifiedCredentials(input.businessId);
    const reserved = await db.transaction(async (tx) => {
      await lockBusiness(tx, input.businessId);
      const [again] = await tx
        .select({ id: ivaRequests.id })
        .from(ivaRequests)
        .where(
          and(
            eq(ivaRequests.businessId, input.businessId),
            eq(ivaRequests.requestKey, input.requestKey),
          ),
        );
      if (again) return { kind: "existing" as const, id: again.id };
      await settleStale(tx, input.businessId, period, input.email);
      const prior = await priorRequests(tx, input.businessId, period, input.email);
      if (prior.some((p) => p.status === "pending" || p.status === "queued")) {
        throw new ActionFailure("conflict", IN_FLIGHT);
      }
      const duplicate = findDuplicate(prior, now());
      if (!input.send || (duplicate && duplicate.id !== input.repeatOf)) {
        return {
          kind: "confirm" as const,
          duplicate: duplicate
            ? { id: duplicate.id, question: duplicateQuestion(duplicate, input.userId, now()) }
            : null,
        };
      }
      const [row] = await tx
        .insert(ivaRequests)
        .values({
          businessId: input.businessId,
          userId: input.userId,
          requestKey: input.requestKey,
          ...period,
          email: input.email,
          status: "pending",
          requestedAt: now(),
        })
        .returning({ id: ivaRequests.id });
      return { kind: "new" as const, id: row!.id };
    });
    if (reserved.kind === "confirm") return reserved;
    if (reserved.kind === "new") {
      await send(
        {
          id: reserved.id,
          businessId: input.businessId,
          userId: input.userId,
          ...period,
          email: input.email,
        },
        credentials,
      );
    }
    return { kind: "done", request: await settled(reserved.id) };
  }

  /** The business's requests, newest first; `period` narrows them to one month. */
  async function history(businessId: string, period?: Period): Promise<IvaRequestView[]> {
    const rows = await selectRequests()
      .where(
        and(
          eq(ivaRequests.businessId, businessId),
          period ? eq(ivaRequests.anio, period.anio) : undefined,
          period ? eq(ivaRequests.mes, period.mes) : undefined,
        ),
      )
      .orderBy(desc(ivaRequests.requestedAt))
      .limit(500);
    return rows.map(toView);
  }

  /** Every business of the user, with the reason it cannot be requested for, if any. */
  async function businessOptions(userId: string): Promise<IvaBusinessOption[]> {
    const rows = await listBusinessesOf(db, userId);
    return rows.map((row) => ({
      businessId: row.id,
      razonSocial: row.razonSocial,
      allowed: can(row.role, "iva:request"),
      unavailable: !can(row.role, "iva:request")
        ? NOT_ALLOWED
        : row.credentialStatus === null
          ? NO_CREDENTIALS
          : row.credentialStatus !== "verified"
            ? NOT_VERIFIED
            : null,
    }));
  }

  /**
   * "Solicitar para varias empresas": records the run (businesses that cannot be requested
   * for as skipped, with the reason) and sends one request after another in the background.
   * A business id the user is not a member of fails the whole run as "not found".
   */
  async function startBatch(input: IvaBatchInput): Promise<IvaBatchOutcome> {
    const period = { anio: input.anio, mes: input.mes };
    const [existing] = await db
      .select({ id: ivaBatches.id })
      .from(ivaBatches)
      .where(and(eq(ivaBatches.userId, input.userId), eq(ivaBatches.requestKey, input.requestKey)));
    if (existing) return { kind: "started", batchId: existing.id };

    const options = new Map(
      (await businessOptions(input.userId)).map((option) => [option.businessId, option]),
    );
    const chosen = [...new Set(input.businessIds)].map((id) => {
      const option = options.get(id);
      if (!option) throw new ActionFailure("not_found", actionMessages.notFound);
      return option;
    });
    if (chosen.some((option) => !option.allowed)) {
      throw new ActionFailure("forbidden", NOT_ALLOWED);
    }

    const duplicates: { businessId: string; razonSocial: string; question: string }[] = [];
    const busy = new Set<string>();
    for (const option of chosen) {
      if (option.unavailable) continue;
      const prior = await priorRequests(db, option.businessId, period, input.email);
      if (prior.some((p) => p.status === "pending" || p.status === "queued")) {
        busy.add(option.businessId);
        continue;
      }
      const duplicate = findDuplicate(prior, now());
      if (duplicate) {
        duplicates.push({
          businessId: option.businessId,
          razonSocial: option.razonSocial,
          question: duplicateQuestion(duplicate, input.userId, now()),
        });
      }
    }
    if (input.send === false || (duplicates.length > 0 && !input.repeat)) {
      return { kind: "confirm", duplicates };
    }

    const batchId = await db.transaction(async (tx) => {
      const [batch] = await tx
        .insert(ivaBatches)
        .values({
          userId: input.userId,
          requestKey: input.requestKey,
          ...period,
          email: input.email,
        })
        .returning({ id: ivaBatches.id });
      const at = now();
      await tx.insert(ivaRequests).values(
        chosen.map((option) => {
          const reason = option.unavailable ?? (busy.has(option.businessId) ? IN_FLIGHT : null);
          return {
            businessId: option.businessId,
            userId: input.userId,
            batchId: batch!.id,
            requestKey: crypto.randomUUID(),
            ...period,
            email: input.email,
            status: reason ? ("skipped" as const) : ("queued" as const),
            requestedAt: at,
            completedAt: reason ? at : null,
            messages: reason ? [reason] : [],
          };
        }),
      );
      return batch!.id;
    });
    void runBatch(batchId, input.userId);
    return { kind: "started", batchId };
  }

  /** Sends a run's queued requests one after another, each checked again before its call. */
  async function runBatch(batchId: string, userId: string): Promise<void> {
    runningBatches.add(batchId);
    try {
      const queued = await db
        .select({
          id: ivaRequests.id,
          businessId: ivaRequests.businessId,
          anio: ivaRequests.anio,
          mes: ivaRequests.mes,
          email: ivaRequests.email,
        })
        .from(ivaRequests)
        .innerJoin(businesses, eq(businesses.id, ivaRequests.businessId))
        .where(and(eq(ivaRequests.batchId, batchId), eq(ivaRequests.status, "queued")))
        .orderBy(asc(businesses.razonSocial), asc(ivaRequests.id));
      for (const item of queued) {
        try {
          await sendQueued(item, userId);
        } catch (error) {
          console.error(`[iva batch] ${describeForLog(error)}`);
          await db
            .update(ivaRequests)
            .set({
              status: "failed",
              errorCode: "internal",
              messages: [actionMessages.internal],
              completedAt: now(),
            })
            .where(and(eq(ivaRequests.id, item.id), eq(ivaRequests.status, "queued")));
        }
      }
    } finally {
      await db.update(ivaBatches).set({ finishedAt: now() }).where(eq(ivaBatches.id, batchId));
      runningBatches.delete(batchId);
    }
  }

  async function sendQueued(
    item: { id: string; businessId: string; email: string } & Period,
    userId: string,
  ): Promise<void> {
    const skip = async (reason: string): Promise<void> => {
      await db
        .update(ivaRequests)
        .set({ status: "skipped", messages: [reason], completedAt: now() })
        .where(and(eq(ivaRequests.id, item.id), eq(ivaRequests.status, "queued")));
    };
    // Membership, role and credentials may have changed since the run started.
    const option = (await businessOptions(userId)).find((o) => o.businessId === item.businessId);
    if (!option) return skip("Ya no sos miembro de esta empresa.");
    if (option.unavailable) return skip(option.unavailable);
    const credentials = await verifiedCredentials(item.businessId).catch((error: unknown) => {
      if (error instanceof ActionFailure) return null;
      throw error;
    });
    if (!credentials) return skip(NO_CREDENTIALS);
    const started = await db.transaction(async (tx) => {
      await lockBusiness(tx, item.businessId);
      await settleStale(tx, item.businessId, item, item.email);
      const prior = await priorRequests(tx, item.businessId, item, item.email);
      if (prior.some((p) => p.status === "pending")) return "busy" as const;
      // Only a row still queued is sent: another process starting up may have cancelled it
      // (and said so), and then it must stay unsent.
      const [claimed] = await tx
        .update(ivaRequests)
        .set({ status: "pending", requestedAt: now() })
        .where(and(eq(ivaRequests.id, item.id), eq(ivaRequests.status, "queued")))
        .returning({ id: ivaRequests.id });
      return claimed ? ("claimed" as const) : ("gone" as const);
    });
    if (started === "busy") return skip(IN_FLIGHT);
    if (started === "claimed") await send({ ...item, userId }, credentials);
  }

  /** A run of this user's, with each business's outcome so far; null when it is not theirs. */
  async function batch(userId: string, batchId: string): Promise<IvaBatchView | null> {
    const [run] = await db
      .select()
      .from(ivaBatches)
      .where(and(eq(ivaBatches.id, batchId), eq(ivaBatches.userId, userId)));
    if (!run) return null;
    const rows = await db
      .select({ ...requestColumns, razonSocial: businesses.razonSocial })
      .from(ivaRequests)
      .innerJoin(businesses, eq(businesses.id, ivaRequests.businessId))
      .leftJoin(users, eq(users.id, ivaRequests.userId))
      .where(eq(ivaRequests.batchId, batchId))
      .orderBy(asc(businesses.razonSocial), asc(ivaRequests.id));
    const items = rows.map((row) => ({ ...toView(row), razonSocial: row.razonSocial }));
    return {
      id: run.id,
      anio: run.anio,
      mes: run.mes,
      email: run.email,
      createdAt: run.createdAt.toISOString(),
      finished:
        !runningBatches.has(run.id) &&
        items.every((item) => item.status !== "queued" && item.status !== "pending"),
      items,
    };
  }

  /** The user's latest run, if any. */
  async function latestBatchId(userId: string): Promise<string | null> {
    const [run] = await db
      .select({ id: ivaBatches.id })
      .from(ivaBatches)
      .where(eq(ivaBatches.userId, userId))
      .orderBy(desc(ivaBatches.createdAt))
      .limit(1);
    return run?.id ?? null;
  }

  async function sweepInterrupted(): Promise<void> {
    await sweepInterruptedIvaRequests(db, now());
  }

  return { request, history, businessOptions, startBatch, batch, latestBatchId, sweepInterrupted };
}

export type IvaService = ReturnType<typeof createIvaService>;

function failureOutcome(error: unknown): {
  status: IvaRequestStatus;
  errorCode: string;
  messages: string[];
} {
  if (error instanceof TusFacturasError) {
    // A rejection, a 401 or a 429 was refused before any work, so it sent nothing: "rejected",
    // which asks for no "send again". Anything else may have been delivered.
    if (error.code !== "unavailable" && error.code !== "bad_response") {
      return {
        status: "rejected",
        errorCode: error.code,
        messages:
          error.code === "rejected" && error.messages.length > 0
            ? error.messages
            : [describeTusFacturasError(error)],
      };
    }
    return {
      status: "failed",
      errorCode: error.code,
      messages: [describeTusFacturasError(error), MAYBE_SENT],
    };
  }
  console.error(`[iva request] ${describeForLog(error)}`);
  return { status: "failed", errorCode: "internal", messages: [actionMessages.internal] };
}

/**
 * At start-up nothing of this process is running: requests left "pending" may or may not
 * have reached TusFacturas ("sin confirmar"); queued ones were never sent. Needs only the
 * database, so start-up does not build the TusFacturas client.
 */
export async function sweepInterruptedIvaRequests(db: Database, at: Date): Promise<void> {
  await db
    .update(ivaRequests)
    .set({ status: "unconfirmed", completedAt: at })
    .where(eq(ivaRequests.status, "pending"));
  await db
    .update(ivaRequests)
    .set({ status: "cancelled", messages: [INTERRUPTED_QUEUED], completedAt: at })
    .where(eq(ivaRequests.status, "queued"));
  await db
    .update(ivaBatches)
    .set({ finishedAt: at })
    .where(sql`${ivaBatches.finishedAt} is null`);
}
