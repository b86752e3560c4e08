import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { databaseEngines } from "@/lib/testing/test-database";
import { TusFacturasError, type TusFacturasErrorCode } from "@/lib/tusfacturas";
import {
  FRESHNESS_MS,
  startConsumoHarness,
  testAccount,
  type ConsumoHarness,
} from "@/lib/testing/consumo-harness";

const UNAVAILABLE =
  "TusFacturas no está disponible en este momento. Probá de nuevo en unos minutos.";

type FailureCase = {
  name: string;
  arrange: (h: ConsumoHarness, apikey: string) => Promise<void>;
  /** Billed attempts (the client retries 500s, 524s and 429s twice). */
  attempts: number;
  code: TusFacturasErrorCode;
  /** What the user reads. */
  message: string;
};

const cases: FailureCase[] = [
  {
    name: "HTTP 500 on every attempt",
    arrange: (h, apikey) => h.fault(apikey, { kind: "http500", count: 3 }),
    attempts: 3,
    code: "unavailable",
    message: UNAVAILABLE,
  },
  {
    name: "Cloudflare 524 with an HTML page",
    arrange: (h, apikey) => h.fault(apikey, { kind: "http524", count: 3 }),
    attempts: 3,
    code: "unavailable",
    message: UNAVAILABLE,
  },
  {
    name: "HTTP 429 on every attempt",
    arrange: (h, apikey) => h.fault(apikey, { kind: "http429", count: 3 }),
    attempts: 3,
    code: "rate_limited",
    message:
      "TusFacturas recibió demasiadas solicitudes seguidas. Esperá unos segundos y probá de nuevo.",
  },
  {
    name: "a cut-off JSON body",
    arrange: (h, apikey) => h.fault(apikey, { kind: "malformed", count: 1 }),
    attempts: 1,
    code: "bad_response",
    message: "TusFacturas respondió algo que Tablero no pudo interpretar.",
  },
  {
    name: 'error "S" with TusFacturas\' messages',
    arrange: (h, apikey) =>
      h.fault(apikey, {
        kind: "rejected",
        count: 1,
        messages: ["  La cuenta se encuentra suspendida. ", "Contacte a soporte."],
      }),
    attempts: 1,
    code: "rejected",
    message:
      "TusFacturas rechazó el pedido: La cuenta se encuentra suspendida.; Contacte a soporte.",
  },
  {
    name: 'error "S" without messages',
    arrange: (h, apikey) => h.fault(apikey, { kind: "rejected", count: 1, messages: [] }),
    attempts: 1,
    code: "rejected",
    message: "TusFacturas rechazó el pedido sin indicar el motivo.",
  },
  {
    name: "the plan's requests exhausted",
    arrange: (h, apikey) => h.control.setRequestsRemaining(apikey, 0),
    attempts: 1,
    code: "rejected",
    message: "TusFacturas rechazó el pedido: Has superado la cantidad de requests de tu plan.",
  },
];

describe.each(databaseEngines())("consumo upstream failures on $name", (engine) => {
  let h: ConsumoHarness;
  beforeAll(async () => {
    h = await startConsumoHarness(engine);
  });
  afterAll(() => h?.close());
  beforeEach(() => h.control.reset());

  it.each(cases)(
    "$name: load keeps the last snapshot, shows the message and logs every attempt",
    async ({ arrange, attempts, code, message }) => {
      const t = await h.scenario(testAccount("1006"));
      const good = await t.service.refresh(t.businessId, t.userId);
      t.advance(FRESHNESS_MS);
      await arrange(h, "1006");

      const view = await t.service.load(t.businessId, t.userId);

      expect(view).toEqual({
        snapshot: good.snapshot,
        lastError: { message, at: t.now().toISOString() },
        credentials: good.credentials,
      });
      expect(await t.calls()).toBe(1 + attempts);
      expect(await t.snapshots()).toHaveLength(1);
      const failures = (await t.requests()).slice(1);
      expect(failures).toHaveLength(attempts);
      for (const [i, row] of failures.entries()) {
        expect(row).toMatchObject({ outcome: "error", errorCode: code, userId: t.userId });
        // Only the attempt that ended the call carries the message the user saw.
        expect(row.errorMessage).toBe(i === attempts - 1 ? message : null);
      }
    },
  );

  it("an explicit refresh that fails throws the upstream error and keeps the snapshot", async () => {
    const t = await h.scenario(testAccount("1003"));
    const good = await t.service.refresh(t.businessId, t.userId);
    t.advance(1_000);
    await h.fault("1003", { kind: "http500", count: 3 });

    const error = await t.service.refresh(t.businessId, t.userId).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TusFacturasError);
    expect((error as TusFacturasError).code).toBe("unavailable");
    const view = await t.service.load(t.businessId, t.userId);
    expect(view.snapshot).toEqual(good.snapshot);
    expect(view.lastError?.message).toBe(UNAVAILABLE);
    expect(view.credentials.status).toBe("verified");
    expect(await t.calls()).toBe(4);
  });

  it("a retry that succeeds logs both billed attempts and shows no error", async () => {
    const t = await h.scenario(testAccount("1004"));
    await h.fault("1004", { kind: "http500", count: 1 });

    const view = await t.service.refresh(t.businessId, t.userId);

    expect(view.snapshot?.comprobantesCupo).toBe(500);
    expect(view.lastError).toBeNull();
    expect(view.credentials.status).toBe("verified");
    expect(await t.calls()).toBe(2);
    expect((await t.requests()).map((r) => [r.outcome, r.errorCode, r.errorMessage])).toEqual([
      ["error", "unavailable", null],
      ["ok", null, null],
    ]);
  });
});
