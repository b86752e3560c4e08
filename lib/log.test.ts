import { headers } from "next/headers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger, currentRequestId, requestLogger, type Logger } from "./log";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next/headers")>();
  return { ...actual, headers: vi.fn(actual.headers) };
});

/** A logger writing to memory, and the JSON objects it wrote. */
function capture(level: "info" | "debug" = "info") {
  const lines: string[] = [];
  const logger = createLogger({ write: (line: string) => void lines.push(line) }, { level });
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, records };
}

/** The shape of drizzle-orm's DrizzleQueryError: the SQL parameters are in its message. */
function queryError(params: string[]): Error {
  const cause = Object.assign(new Error("duplicate key value violates unique constraint"), {
    code: "23505",
    detail: `Key (apitoken)=(${params[0]}) already exists.`,
  });
  const error = new Error(`Failed query: insert into x values ($1)\nparams: ${params.join(",")}`, {
    cause,
  });
  error.name = "DrizzleQueryError";
  return Object.assign(error, { query: "insert into x values ($1)", params });
}

const SECRET_KEYS = [
  "apikey",
  "apitoken",
  "usertoken",
  "password",
  "passwordHash",
  "token",
  "secret",
  "sealed",
  "cookie",
  "authorization",
];

describe("createLogger", () => {
  it("writes one JSON object per line with level, time and msg", () => {
    const { logger, lines, records } = capture();
    logger.info({ event: "test.one", businessId: "b1" }, "primera");
    logger.debug("not at info");
    logger.warn("segunda");

    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^\{.*\}\n$/);
    const [first, second] = records();
    expect(first).toMatchObject({
      level: "info",
      msg: "primera",
      event: "test.one",
      businessId: "b1",
    });
    expect(new Date(first?.time as string).getTime()).not.toBeNaN();
    expect(second).toMatchObject({ level: "warn", msg: "segunda" });
  });

  it("carries a request id bound on a child", () => {
    const { logger, records } = capture();
    logger.child({ requestId: "req-12345678" }).info({ event: "x" }, "con id");
    expect(records()[0]).toMatchObject({ requestId: "req-12345678", msg: "con id" });
  });

  it.each(SECRET_KEYS)("redacts %s at the top level and nested", (key) => {
    const { logger, lines, records } = capture();
    logger.info({ [key]: "s3cr3t-top" }, "top");
    logger.info({ credentials: { [key]: "s3cr3t-1" } }, "one level");
    logger.info({ a: { b: { c: { [key]: "s3cr3t-3" } } } }, "three levels");
    logger.info({ list: [{ [key]: "s3cr3t-array" }] }, "in an array");
    logger.child({ [key]: "s3cr3t-child", nested: { [key]: "s3cr3t-child-2" } }).info("child");

    expect(lines.join("")).not.toContain("s3cr3t");
    const [top, one, three, array, child] = records();
    expect(top?.[key]).toBe("[redactado]");
    expect(one).toMatchObject({ credentials: { [key]: "[redactado]" } });
    expect(three).toMatchObject({ a: { b: { c: { [key]: "[redactado]" } } } });
    expect(array).toMatchObject({ list: [{ [key]: "[redactado]" }] });
    expect(child).toMatchObject({ [key]: "[redactado]", nested: { [key]: "[redactado]" } });
  });

  it("redacts header-shaped secrets and leaves other fields alone", () => {
    const { logger, records } = capture();
    logger.info({
      req: { headers: { cookie: "authjs.session-token=abc", "set-cookie": "x=y", host: "h" } },
      credentials: { apitoken: "abc", apikey: "123", puntoDeVenta: 2 },
      err: new Error("boom"),
      password: "x",
    });
    expect(records()[0]).toMatchObject({
      req: { headers: { cookie: "[redactado]", "set-cookie": "[redactado]", host: "h" } },
      credentials: { apitoken: "[redactado]", apikey: "[redactado]", puntoDeVenta: 2 },
      err: { type: "Error", message: "boom" },
      password: "[redactado]",
    });
  });
});

describe("errors", () => {
  it("keeps an error's type, message, code, stack and cause", () => {
    const { logger, records } = capture();
    const cause = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    logger.error({ event: "x", err: new TypeError("bad input", { cause }) }, "falló");

    const err = records()[0]?.err as Record<string, unknown>;
    expect(err).toMatchObject({
      type: "TypeError",
      message: "bad input",
      cause: { type: "Error", message: "connect ECONNREFUSED", code: "ECONNREFUSED" },
    });
    expect(err.stack).toMatch(/^TypeError: bad input\n\s+at /);
  });

  it("never logs a query error's SQL parameters, however it is passed", () => {
    const { logger, lines, records } = capture();
    const sealed = "v1.aXY.dGFn.c2VjcmV0";
    const hash = "$argon2id$v=19$hash";
    const error = () => queryError([sealed, hash]);

    logger.error({ event: "db.failed", err: error() }, "consulta fallida");
    logger.error(error());
    logger.error({ err: error() });
    logger.error({ event: "nested", detail: { error: error() }, errors: [error()] });

    const text = lines.join("");
    expect(text).not.toContain(sealed);
    expect(text).not.toContain("argon2id");
    expect(text).not.toContain("insert into");
    const [first, second, third, fourth] = records();
    expect(first?.err).toMatchObject({
      type: "DrizzleQueryError",
      code: "23505",
      message: "duplicate key value violates unique constraint",
    });
    expect((first?.err as { stack: string }).stack).toMatch(
      /^DrizzleQueryError: duplicate key value violates unique constraint\n\s+at /,
    );
    // pino takes the message of a lone error from the safe copy.
    expect(second?.msg).toBe("duplicate key value violates unique constraint");
    expect(third?.msg).toBe("duplicate key value violates unique constraint");
    expect(fourth).toMatchObject({
      detail: { error: { type: "DrizzleQueryError" } },
      errors: [{ type: "DrizzleQueryError" }],
    });
  });

  it("logs a thrown value that is not an error by its type only", () => {
    const { logger, lines, records } = capture();
    logger.error({ event: "x", err: "apitoken-123" });
    expect(lines.join("")).not.toContain("apitoken-123");
    expect(records()[0]).toMatchObject({ err: { type: "string" } });
  });
});

describe("requestLogger", () => {
  const slot = globalThis as { tableroLogger?: Logger };
  afterEach(() => {
    delete slot.tableroLogger;
    vi.mocked(headers).mockClear();
  });

  it("binds the request id the proxy set", async () => {
    const { logger, records } = capture();
    slot.tableroLogger = logger;
    vi.mocked(headers).mockResolvedValueOnce(
      new Headers({ "x-request-id": "req-12345678" }) as Awaited<ReturnType<typeof headers>>,
    );

    (await requestLogger({ action: "createBusiness" })).info({ event: "x" }, "en un pedido");
    expect(records()[0]).toMatchObject({
      requestId: "req-12345678",
      action: "createBusiness",
      msg: "en un pedido",
    });
  });

  it("works outside a request, with no request id", async () => {
    const { logger, records } = capture();
    slot.tableroLogger = logger;

    await expect(currentRequestId()).resolves.toBeUndefined();
    (await requestLogger({ job: "iva-batch" })).info("fuera de un pedido");
    expect(records()[0]).toMatchObject({ job: "iva-batch", msg: "fuera de un pedido" });
    expect(records()[0]).not.toHaveProperty("requestId");
  });

  it("ignores a request id header that the proxy would not have let through", async () => {
    vi.mocked(headers).mockResolvedValueOnce(
      new Headers({ "x-request-id": "has spaces in it" }) as Awaited<ReturnType<typeof headers>>,
    );
    await expect(currentRequestId()).resolves.toBeUndefined();
  });
});
