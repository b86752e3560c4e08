import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { tusfacturasCredentials } from "@/lib/db/schema";
import { databaseEngines } from "@/lib/testing/test-database";
import { IVA_METHOD } from "./service";
import {
  done,
  ivaAccount,
  iso,
  START,
  startIvaHarness,
  type IvaHarness,
} from "@/lib/testing/iva-harness";

const NOT_VERIFIED =
  "Las credenciales de TusFacturas de esta empresa no están verificadas: revisalas en Credenciales.";
const NO_CREDENTIALS = "Esta empresa no tiene credenciales de TusFacturas.";
const MAYBE_SENT = "Tablero no la reintenta: revisá la casilla antes de pedirla de nuevo.";
const TIMED_OUT = "TusFacturas no respondió a tiempo. Probá de nuevo en unos minutos.";
const UNAVAILABLE =
  "TusFacturas no está disponible en este momento. Probá de nuevo en unos minutos.";
const UNCONFIRMED_AT_10_42 =
  "Ya lo solicitaste hoy a las 10:42 y TusFacturas no confirmó si lo envió. ¿Enviar de nuevo?";

// Each IVA request is billed and emails a report: a failure is never retried.
describe.each(databaseEngines())("IVA request failures on $name", (engine) => {
  let h: IvaHarness;
  beforeAll(async () => {
    h = await startIvaHarness(engine);
  });
  afterAll(() => h?.close());
  beforeEach(() => h.reset());

  it("a rejection shows TusFacturas' messages, and the next request needs no confirmation", async () => {
    const { service, input, businessId } = await h.scenario();
    await h.fault("1007", {
      kind: "rejected",
      count: 1,
      messages: ["  El período solicitado no tiene comprobantes.  ", "Verificá el período. "],
    });

    const rejected = done(await service.request(input()));

    expect(rejected).toMatchObject({
      status: "rejected",
      messages: ["El período solicitado no tiene comprobantes.", "Verificá el período."],
      completedAt: iso(START + 1),
    });
    expect(await h.calls("1007")).toBe(1);
    expect(await h.outbox()).toEqual([]);
    expect(await h.upstreamLog(businessId)).toEqual([
      { method: IVA_METHOD, subject: "10/2026", outcome: "error", errorCode: "rejected" },
    ]);

    expect(await service.request(input({ send: false }))).toEqual({
      kind: "confirm",
      duplicate: null,
    });
    expect(done(await service.request(input())).status).toBe("sent");
    expect(await h.calls("1007")).toBe(2);
  });

  it("a rejection without a reason says so", async () => {
    const { service, input } = await h.scenario();
    await h.fault("1007", { kind: "rejected", count: 1, messages: [] });

    expect(done(await service.request(input()))).toMatchObject({
      status: "rejected",
      messages: ["TusFacturas rechazó el pedido sin indicar el motivo."],
    });
  });

  it("a timeout fails without a retry and warns that the report may have gone out", async () => {
    const { service, input, businessId } = await h.scenario({ timeoutMs: 50 });
    await h.fault("1007", { kind: "latency", count: 1, latencyMs: 300 });

    const failed = done(await service.request(input()));

    expect(failed).toMatchObject({ status: "failed", messages: [TIMED_OUT, MAYBE_SENT] });
    expect(await h.calls("1007")).toBe(1);
    expect(await h.upstreamLog(businessId)).toEqual([
      { method: IVA_METHOD, subject: "10/2026", outcome: "error", errorCode: "unavailable" },
    ]);
    // Which it did: TusFacturas finished the request after Tablero stopped waiting.
    await expect.poll(() => h.outbox(), { interval: 20 }).toHaveLength(1);
    expect(await service.request(input({ send: false }))).toEqual({
      kind: "confirm",
      duplicate: { id: failed.id, question: UNCONFIRMED_AT_10_42 },
    });
    expect(await h.calls("1007")).toBe(1);
  });

  it("an HTTP 500 fails without a retry and warns that the report may have gone out", async () => {
    const { service, input } = await h.scenario();
    await h.fault("1007", { kind: "http500", count: 3 });

    expect(done(await service.request(input()))).toMatchObject({
      status: "failed",
      messages: [UNAVAILABLE, MAYBE_SENT],
    });
    expect(await h.calls("1007")).toBe(1);
  });

  it.each([
    [
      "a 429",
      "rate_limited",
      "TusFacturas recibió demasiadas solicitudes seguidas. Esperá unos segundos y probá de nuevo.",
    ],
    ["a 401", "invalid_credentials", "Las credenciales de TusFacturas no son válidas."],
  ])(
    "%s was refused before any work: rejected, not retried, nothing to confirm next time",
    async (_, errorCode, message) => {
      const expired = { ...ivaAccount("1007"), apitoken: "token-vencido" };
      const { service, input, businessId } = await h.scenario(
        errorCode === "invalid_credentials" ? { credentials: expired } : {},
      );
      if (errorCode === "rate_limited") await h.fault("1007", { kind: "http429", count: 1 });

      const refused = done(await service.request(input()));

      expect(refused).toMatchObject({ status: "rejected", messages: [message] });
      expect(await h.rows(businessId)).toMatchObject([{ status: "rejected", errorCode }]);
      expect(await h.calls("1007")).toBe(1);
      expect(await h.outbox()).toEqual([]);
      expect(await service.request(input({ send: false }))).toEqual({
        kind: "confirm",
        duplicate: null,
      });
    },
  );

  it.each([
    ["unverified", NOT_VERIFIED],
    ["missing", NO_CREDENTIALS],
  ])("%s credentials: a conflict, no call and no request stored", async (state, message) => {
    const { service, input, businessId } = await h.scenario({ verified: false });
    if (state === "missing") {
      await h.db
        .delete(tusfacturasCredentials)
        .where(eq(tusfacturasCredentials.businessId, businessId));
    }

    for (const send of [false, true]) {
      const error = await service.request(input({ send })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: "conflict", message });
    }
    expect(await h.calls("1007")).toBe(0);
    expect(await h.rows(businessId)).toEqual([]);
  });
});
