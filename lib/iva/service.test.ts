import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { auditEvents, ivaBatches, ivaRequests, tusfacturasCredentials } from "@/lib/db/schema";
import { databaseEngines } from "@/lib/testing/test-database";
import { IVA_METHOD } from "./service";
import {
  done,
  EMAIL,
  HOUR,
  iso,
  PERIOD,
  START,
  startIvaHarness,
  type IvaHarness,
} from "@/lib/testing/iva-harness";

const NOT_VERIFIED =
  "Las credenciales de TusFacturas de esta empresa no están verificadas: revisalas en Credenciales.";
const NO_CREDENTIALS = "Esta empresa no tiene credenciales de TusFacturas.";
const IN_FLIGHT =
  "Ya hay una solicitud de este período a esta dirección en curso: su resultado aparece en el historial.";
const ASKED_AT_10_42 = "Ya lo solicitaste hoy a las 10:42. ¿Enviar de nuevo?";
const UNCONFIRMED_AT_10_42 =
  "Ya lo solicitaste hoy a las 10:42 y TusFacturas no confirmó si lo envió. ¿Enviar de nuevo?";

describe.each(databaseEngines())("IVA requests on $name", (engine) => {
  let h: IvaHarness;
  beforeAll(async () => {
    h = await startIvaHarness(engine);
  });
  afterAll(() => h?.close());
  beforeEach(() => h.reset());

  it("ten reports a day per business: the eleventh is refused, logged, and possible a day later", async () => {
    const { service, input, businessId } = await h.scenario();
    for (let mes = 1; mes <= 10; mes++) {
      const outcome = await service.request(input({ anio: 2025, mes }));
      expect(outcome).toMatchObject({ kind: "done", request: { status: "sent" } });
      h.advance(HOUR);
    }
    const limit =
      "Se alcanzó el máximo de 10 reportes de IVA en 24 horas para esta empresa (cada uno se cobra del plan): probá de nuevo mañana.";
    await expect(service.request(input({ anio: 2025, mes: 11 }))).rejects.toThrow(limit);
    expect(await h.calls("1007")).toBe(10);
    const logged = await h.db
      .select({
        action: auditEvents.action,
        subject: auditEvents.subject,
        detail: auditEvents.detail,
      })
      .from(auditEvents)
      .where(eq(auditEvents.businessId, businessId));
    expect(logged).toContainEqual({
      action: "spending.refused",
      subject: "IVA 11/2025",
      detail: limit,
    });

    h.advance(15 * HOUR);
    await service.request(input({ anio: 2025, mes: 11 }));
    expect(await h.calls("1007")).toBe(11);
  });

  it("a preview asks for a plain confirmation and calls nobody", async () => {
    const { service, input, businessId } = await h.scenario();

    expect(await service.request(input({ send: false }))).toEqual({
      kind: "confirm",
      duplicate: null,
    });
    expect(await h.calls("1007")).toBe(0);
    expect(await h.rows(businessId)).toEqual([]);
    expect(await h.upstreamLog(businessId)).toEqual([]);
  });

  it("sending makes one billed call: the report goes out, the request is sent and logged", async () => {
    const { service, input, businessId, userId } = await h.scenario();
    const submission = input();

    const outcome = await service.request(submission);

    expect(outcome).toEqual({
      kind: "done",
      request: {
        id: expect.any(String) as string,
        businessId,
        batchId: null,
        ...PERIOD,
        email: EMAIL,
        status: "sent",
        requestedAt: iso(START),
        completedAt: iso(START + 1),
        requestedBy: "Luis Gómez",
        messages: [],
      },
    });
    expect(await h.calls("1007")).toBe(1);
    expect(await h.outbox()).toEqual([{ apikey: "1007", ...PERIOD, email: EMAIL, at: iso(START) }]);
    expect(await h.upstreamLog(businessId)).toEqual([
      { method: IVA_METHOD, subject: "10/2026", outcome: "ok", errorCode: null },
    ]);
    expect(await h.rows(businessId)).toMatchObject([
      { userId, requestKey: submission.requestKey, status: "sent", errorCode: null },
    ]);
  });

  it("the same submission twice at once is one call, and both get its outcome", async () => {
    const { service, input, businessId } = await h.scenario();
    const submission = input();

    const [first, second] = await Promise.all([
      service.request(submission),
      service.request(submission),
    ]);

    expect(done(first).status).toBe("sent");
    expect(second).toEqual(first);
    // Arriving again later, even at another server process, it is still that one request.
    expect(await h.service().request(submission)).toEqual(first);
    expect(await h.calls("1007")).toBe(1);
    expect(await h.outbox()).toHaveLength(1);
    expect(await h.rows(businessId)).toHaveLength(1);
  });

  it("asking again within 24 hours needs a yes naming the earlier request; after that it does not", async () => {
    const { service, input, businessId } = await h.scenario();
    const first = done(await service.request(input()));
    h.advance(HOUR);

    // The same address in other capitals is the same mailbox.
    const again = input({ email: "Contador@Estudio.com.ar" });
    expect(await service.request(again)).toEqual({
      kind: "confirm",
      duplicate: { id: first.id, question: ASKED_AT_10_42 },
    });
    expect(await h.calls("1007")).toBe(1);
    expect(await h.rows(businessId)).toHaveLength(1);

    // Another member is told who asked.
    const ana = await h.user("Ana Pérez");
    await h.addMember(ana, businessId);
    expect(await service.request({ ...again, userId: ana, requestKey: randomUUID() })).toEqual({
      kind: "confirm",
      duplicate: {
        id: first.id,
        question: "Luis Gómez ya lo solicitó hoy a las 10:42. ¿Enviar de nuevo?",
      },
    });

    // Another period or another address is not a repeat.
    expect(await service.request(input({ mes: 9, send: false }))).toEqual({
      kind: "confirm",
      duplicate: null,
    });
    expect(await service.request(input({ email: "otra@estudio.com.ar", send: false }))).toEqual({
      kind: "confirm",
      duplicate: null,
    });

    const repeated = done(await service.request({ ...again, repeatOf: first.id }));
    expect(repeated).toMatchObject({ status: "sent", email: "Contador@Estudio.com.ar" });
    expect(await h.calls("1007")).toBe(2);

    h.advance(24 * HOUR);
    expect(await service.request(input({ send: false }))).toEqual({
      kind: "confirm",
      duplicate: null,
    });
    expect(done(await service.request(input())).status).toBe("sent");
    expect(await h.calls("1007")).toBe(3);
    expect((await h.outbox()).map((entry) => entry.email)).toEqual([
      EMAIL,
      "Contador@Estudio.com.ar",
      EMAIL,
    ]);
  });

  it("a request in flight blocks another of the same period and address until it ends", async () => {
    const { service, input, businessId } = await h.scenario();
    const release = h.holdAnswers();

    const first = service.request(input());
    await expect.poll(() => h.calls("1007"), { interval: 5 }).toBe(1);
    expect((await service.history(businessId)).map((r) => r.status)).toEqual(["pending"]);
    for (const send of [false, true]) {
      const error = await service
        .request(input({ email: "CONTADOR@estudio.com.ar", send }))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: "conflict", message: IN_FLIGHT });
    }
    release();

    expect(done(await first).status).toBe("sent");
    expect(await h.calls("1007")).toBe(1);
    expect(await h.rows(businessId)).toHaveLength(1);
  });

  it("a live instance's pending request holds its slot; once that instance dies it is unconfirmed and can be repeated", async () => {
    const { service, input, businessId, userId } = await h.scenario();
    const other = h.service();
    // Written by another instance whose call has left and not come back.
    const [stale] = await h.db
      .insert(ivaRequests)
      .values({
        businessId,
        userId,
        requestKey: randomUUID(),
        ...PERIOD,
        email: EMAIL,
        status: "pending",
        leaseOwner: other.instanceId,
        sendingAt: h.now(),
        requestedAt: h.now(),
      })
      .returning({ id: ivaRequests.id });

    h.advance(60 * 60_000);
    expect((await service.history(businessId)).map((r) => r.status)).toEqual(["pending"]);
    await expect(service.request(input({ send: false }))).rejects.toMatchObject({
      code: "conflict",
      message: IN_FLIGHT,
    });
    expect((await service.history(businessId)).map((r) => r.status)).toEqual(["pending"]);

    await h.killInstance(other.instanceId);
    expect(await service.request(input({ send: false }))).toEqual({
      kind: "confirm",
      duplicate: { id: stale!.id, question: UNCONFIRMED_AT_10_42 },
    });
    const repeated = done(await service.request(input({ repeatOf: stale!.id })));
    expect(repeated.status).toBe("sent");
    expect(await h.calls("1007")).toBe(1);
    expect((await service.history(businessId)).map((r) => r.status)).toEqual([
      "sent",
      "unconfirmed",
    ]);
  });

  it("a dead instance's work is settled: a call that may have left is unconfirmed, one that never left is not sent, a run's goes back to the queue", async () => {
    const { service, businessId, userId } = await h.scenario();
    const dead = h.service();
    const live = h.service();
    const [run] = await h.db
      .insert(ivaBatches)
      .values({ userId, requestKey: randomUUID(), ...PERIOD, email: "otra@estudio.com.ar" })
      .returning({ id: ivaBatches.id });
    const row = (email: string, mes: number, owner: string, sending: boolean) => ({
      businessId,
      userId,
      requestKey: randomUUID(),
      anio: 2026,
      mes,
      email,
      status: "pending" as const,
      leaseOwner: owner,
      sendingAt: sending ? h.now() : null,
      requestedAt: h.now(),
    });
    await h.db
      .insert(ivaRequests)
      .values([
        row(EMAIL, 10, dead.instanceId, true),
        row(EMAIL, 9, dead.instanceId, false),
        { ...row("otra@estudio.com.ar", 10, dead.instanceId, false), batchId: run!.id },
        row(EMAIL, 8, live.instanceId, true),
      ]);
    await h.killInstance(dead.instanceId);
    h.advance(5_000);

    expect(await service.settleDead()).toBe(3);

    const settled = (history: Awaited<ReturnType<typeof service.history>>) =>
      history
        .filter((r) => r.email === EMAIL)
        .map((r) => [r.mes, r.status, r.messages, r.completedAt])
        .sort();
    expect(settled(await service.history(businessId))).toEqual(
      [
        [10, "unconfirmed", [], iso(START + 5_000)],
        [9, "cancelled", ["Tablero se detuvo antes de enviarla: no se envió."], iso(START + 5_000)],
        // The live instance's call is its own business.
        [8, "pending", [], null],
      ].sort(),
    );
    // The run's request, which surely never left, goes back to the queue with a job of its
    // own, and a live instance sends it once.
    await expect
      .poll(
        async () => (await service.history(businessId)).find((r) => r.email !== EMAIL)?.status,
        { timeout: 10_000 },
      )
      .toBe("sent");
    expect(await h.calls("1007")).toBe(1);
  });

  it("history narrows to one period, newest first, with who asked", async () => {
    const { service, input, businessId } = await h.scenario();
    const ana = await h.user("Ana Pérez");
    await h.addMember(ana, businessId);
    const other = await h.scenario();
    await other.service.request(other.input());

    const october = done(await service.request(input()));
    h.advance(60_000);
    const september = done(await service.request(input({ mes: 9 })));
    h.advance(60_000);
    const byAna = done(await service.request(input({ userId: ana, email: "ana@estudio.com.ar" })));

    // Three calls so far, each a millisecond of fake time.
    expect(byAna).toMatchObject({
      requestedBy: "Ana Pérez",
      requestedAt: iso(START + 3 + 120_000),
    });
    expect(await service.history(businessId, PERIOD)).toEqual([byAna, october]);
    expect(await service.history(businessId, { anio: 2026, mes: 9 })).toEqual([september]);
    expect(await service.history(businessId, { anio: 2025, mes: 10 })).toEqual([]);
    expect((await service.history(businessId)).map((r) => r.id)).toEqual([
      byAna.id,
      september.id,
      october.id,
    ]);
  });

  it("businessOptions says why a business cannot be asked for", async () => {
    const userId = await h.user();
    const ready = await h.business(userId, "1007");
    const unverified = await h.business(userId, "1009", { verified: false });
    const missing = await h.business(userId, "1010");
    await h.db.delete(tusfacturasCredentials).where(eq(tusfacturasCredentials.businessId, missing));

    expect(await h.service().businessOptions(userId)).toEqual([
      { businessId: ready, razonSocial: "Empresa 1007", allowed: true, unavailable: null },
      {
        businessId: unverified,
        razonSocial: "Empresa 1009",
        allowed: true,
        unavailable: NOT_VERIFIED,
      },
      {
        businessId: missing,
        razonSocial: "Empresa 1010",
        allowed: true,
        unavailable: NO_CREDENTIALS,
      },
    ]);
  });
});
