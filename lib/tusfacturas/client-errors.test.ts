import { describe, expect, it } from "vitest";
import { createTusFacturasClient, type TusFacturasCallEvent } from "./client";
import { describeTusFacturasError, TusFacturasError, type TusFacturasErrorCode } from "./errors";
import {
  CONSUMO_OK,
  CREDENTIALS_A,
  CUENTA_CORRIENTE_OK,
} from "@/lib/testing/tusfacturas/credentials";
import { createFakeFetch, json, type FakeReply } from "@/lib/testing/tusfacturas/fake-fetch";

function clientWith(script: FakeReply[], extra: { timeoutMs?: number } = {}) {
  const fake = createFakeFetch(script);
  const events: TusFacturasCallEvent[] = [];
  const client = createTusFacturasClient({
    baseUrl: "https://tf.test/app/api/",
    fetch: fake.fetch,
    maxRetries: 0,
    minSpacingMs: 0,
    retryBaseDelayMs: 1,
    onCall: (event) => events.push(event),
    ...extra,
  });
  return { client, fake, events };
}

async function consumoError(script: FakeReply[], extra = {}): Promise<TusFacturasError> {
  const { client } = clientWith(script, extra);
  const error: unknown = await client.consumo(CREDENTIALS_A).catch((e: unknown) => e);
  if (!(error instanceof TusFacturasError))
    throw new Error(`expected TusFacturasError: ${String(error)}`);
  return error;
}

// What Cloudflare sends when the origin is too slow: HTML, not JSON.
const CLOUDFLARE_524_HTML =
  "<!DOCTYPE html><html><head><title>www.tusfacturas.app | 524: A timeout occurred</title></head></html>";

const denied = { error: "S", errores: ["Acceso denegado"] };

describe("status and body classification", () => {
  it.each<[string, FakeReply, TusFacturasErrorCode, number | undefined]>([
    ["401", json(denied, 401), "invalid_credentials", 401],
    ["403 HTML", { status: 403, body: "<h1>Forbidden</h1>" }, "invalid_credentials", 403],
    ["429", json({ error: "S", errores: ["Too many requests"] }, 429), "rate_limited", 429],
    ["500", json({ error: "S", errores: ["boom"] }, 500), "unavailable", 500],
    ["502 HTML", { status: 502, body: "<html>Bad gateway</html>" }, "unavailable", 502],
    ["524 Cloudflare HTML", { status: 524, body: CLOUDFLARE_524_HTML }, "unavailable", 524],
    ["200 HTML", { status: 200, body: "<html>mantenimiento</html>" }, "bad_response", 200],
    [
      "200 truncated JSON",
      { status: 200, body: '{"error":"N","errores":[],"abonos_pe' },
      "bad_response",
      200,
    ],
    ["200 JSON without the figures", json({ error: "N", errores: [] }), "bad_response", 200],
    ["200 JSON array", json([1, 2]), "bad_response", 200],
    [
      "400 error S with messages",
      json({ error: "S", errores: ["JSON inválido"] }, 400),
      "rejected",
      400,
    ],
    ["400 not JSON", { status: 400, body: "Bad Request" }, "bad_response", 400],
    ["404 HTML", { status: 404, body: "<h1>Not found</h1>" }, "bad_response", 404],
    ["405 error S without messages", json({ error: "S", errores: [] }, 405), "bad_response", 405],
    [
      "302 redirect",
      { status: 302, body: "", headers: { Location: "/login" } },
      "bad_response",
      302,
    ],
    ["200 error S", json({ error: "S", errores: [" Falta algo "] }), "rejected", 200],
    ["200 error S no messages", json({ error: "S", errores: [] }), "rejected", 200],
  ])("%s → %s", async (_label, reply, code, status) => {
    const error = await consumoError([reply]);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.timedOut).toBe(false);
  });

  it("keeps TusFacturas' messages, cleaned, for rejections", async () => {
    const error = await consumoError([json({ error: "S", errores: [" Falta algo ", ""] })]);
    expect(error.messages).toEqual(["Falta algo"]);
    expect(describeTusFacturasError(error)).toBe("TusFacturas rechazó el pedido: Falta algo");
  });

  it("network error → unavailable without status", async () => {
    const error = await consumoError([{ network: true }]);
    expect(error.code).toBe("unavailable");
    expect(error.status).toBeUndefined();
    expect(error.timedOut).toBe(false);
    expect(error.message).toContain("ECONNREFUSED");
  });

  it("timeout → unavailable with timedOut, aborting the request", async () => {
    const started = performance.now();
    const error = await consumoError([{ hang: true }], { timeoutMs: 40 });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(error.code).toBe("unavailable");
    expect(error.timedOut).toBe(true);
    expect(describeTusFacturasError(error)).toBe(
      "TusFacturas no respondió a tiempo. Probá de nuevo en unos minutos.",
    );
  });

  it("a slow body counts against the same timeout", async () => {
    const error = await consumoError([{ ...json(CONSUMO_OK), delayMs: 200 }], { timeoutMs: 30 });
    expect(error.timedOut).toBe(true);
  });
});

describe("requests", () => {
  it("posts JSON with only the three credentials to {base}/v2/{method}", async () => {
    const { client, fake } = clientWith([json(CUENTA_CORRIENTE_OK)]);
    const wider = { ...CREDENTIALS_A, businessId: 7, note: "no debe viajar" };
    await client.cuentaCorriente(wider, "30-55566677-9");
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.url).toBe("https://tf.test/app/api/v2/clientes/cuenta-corriente");
    expect(fake.requests[0]?.body).toEqual({
      ...CREDENTIALS_A,
      cliente: { documento_tipo: "CUIT", documento_nro: "30555666779" },
    });
  });

  it("sends the IVA period as numbers and one address", async () => {
    const { client, fake } = clientWith([json({ error: "N", errores: [] })]);
    await client.ivaComprasVentas(CREDENTIALS_A, { anio: 2024, mes: 11, email: " a@b.com " });
    expect(fake.requests[0]?.url).toBe("https://tf.test/app/api/v2/micuenta/iva_compras_ventas");
    expect(fake.requests[0]?.body).toEqual({
      ...CREDENTIALS_A,
      anio: 2024,
      mes: 11,
      email: "a@b.com",
    });
  });

  it.each([
    [
      "a CUIT without 11 digits",
      (c: ReturnType<typeof clientWith>["client"]) =>
        c.cuentaCorriente(CREDENTIALS_A, "2112321321"),
    ],
    [
      "mes 13",
      (c: ReturnType<typeof clientWith>["client"]) =>
        c.ivaComprasVentas(CREDENTIALS_A, { anio: 2024, mes: 13, email: "a@b.com" }),
    ],
    [
      "two addresses",
      (c: ReturnType<typeof clientWith>["client"]) =>
        c.ivaComprasVentas(CREDENTIALS_A, { anio: 2024, mes: 1, email: "a@b.com,c@d.com" }),
    ],
  ])("rejects %s with a RangeError before any billed request", async (_label, run) => {
    const { client, fake } = clientWith([json(CONSUMO_OK)]);
    await expect(run(client)).rejects.toBeInstanceOf(RangeError);
    expect(fake.requests).toHaveLength(0);
  });

  it("blank credentials fail as invalid_credentials without calling upstream", async () => {
    const { client, fake } = clientWith([json(CONSUMO_OK)]);
    await expect(client.consumo({ ...CREDENTIALS_A, apitoken: " " })).rejects.toMatchObject({
      code: "invalid_credentials",
    });
    expect(fake.requests).toHaveLength(0);
  });

  it("reports every attempt to onCall", async () => {
    const { client, events } = clientWith([json(CONSUMO_OK)]);
    await client.consumo(CREDENTIALS_A);
    expect(events).toEqual([
      {
        method: "micuenta/consumo",
        ok: true,
        status: 200,
        durationMs: expect.any(Number) as number,
        billed: true,
      },
    ]);
    const failing = clientWith([json(denied, 401)]);
    await failing.client.consumo(CREDENTIALS_A).catch(() => undefined);
    expect(failing.events).toEqual([
      {
        method: "micuenta/consumo",
        ok: false,
        status: 401,
        code: "invalid_credentials",
        durationMs: expect.any(Number) as number,
        billed: true,
      },
    ]);
  });

  it("a throwing onCall listener does not break the call", async () => {
    const fake = createFakeFetch([json(CONSUMO_OK)]);
    const client = createTusFacturasClient({
      baseUrl: "https://tf.test",
      fetch: fake.fetch,
      onCall: () => {
        throw new Error("listener roto");
      },
    });
    await expect(client.consumo(CREDENTIALS_A)).resolves.toMatchObject({ comprobantesCupo: 200 });
  });
});

describe("secrets", () => {
  it("never carries credentials in thrown errors, even if upstream echoes them", async () => {
    const echo = `token ${CREDENTIALS_A.apitoken} y ${CREDENTIALS_A.usertoken} inválidos`;
    const cases: FakeReply[] = [
      json({ error: "S", errores: [echo] }),
      json({ error: "S", errores: [echo] }, 401),
      { network: true },
      { status: 524, body: CLOUDFLARE_524_HTML },
    ];
    for (const reply of cases) {
      const error = await consumoError([reply]);
      const dump = [
        error.message,
        String(error),
        JSON.stringify(error),
        error.messages.join(" "),
        describeTusFacturasError(error),
        error.stack ?? "",
      ].join("\n");
      expect(dump).not.toContain(CREDENTIALS_A.apitoken);
      expect(dump).not.toContain(CREDENTIALS_A.usertoken);
      expect(dump).not.toContain("tf.test");
    }
    expect((await consumoError([json({ error: "S", errores: [echo] })])).messages).toEqual([
      "token *** y *** inválidos",
    ]);
  });
});
