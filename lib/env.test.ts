import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";

const valid = {
  NODE_ENV: "production",
  AUTH_SECRET: randomBytes(32).toString("base64"),
  TABLERO_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
};

async function loadEnv(values: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(values)) vi.stubEnv(key, value);
  return (await import("./env")).env;
}

describe("env", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("refuses to start in production without the encryption key, saying how to make one", async () => {
    const env = await loadEnv({ ...valid, TABLERO_ENCRYPTION_KEY: undefined });
    expect(() => env()).toThrow(/Falta TABLERO_ENCRYPTION_KEY.*openssl rand -base64 32/s);
  });

  it("rejects a key that is not 32 bytes and a short AUTH_SECRET", async () => {
    const env = await loadEnv({ ...valid, TABLERO_ENCRYPTION_KEY: "c2hvcnQ=", AUTH_SECRET: "x" });
    expect(() => env()).toThrow(/TABLERO_ENCRYPTION_KEY: debe ser una clave de 32 bytes/);
    expect(() => env()).toThrow(/AUTH_SECRET: es muy corta/);
  });

  it("refuses a key of zeros and an AUTH_SECRET of one repeated character, saying why", async () => {
    const env = await loadEnv({
      ...valid,
      TABLERO_ENCRYPTION_KEY: Buffer.alloc(32).toString("base64"),
      AUTH_SECRET: "a".repeat(40),
    });
    expect(() => env()).toThrow(/TABLERO_ENCRYPTION_KEY: la clave no tiene entropía/);
    expect(() => env()).toThrow(/AUTH_SECRET: no tiene entropía/);
  });

  it("reads a keyring whose newest key seals, keeping the single key as version 1", async () => {
    const second = randomBytes(32).toString("base64");
    const env = await loadEnv({ ...valid, TABLERO_ENCRYPTION_KEYS: `2:${second}` });
    expect([...env().encryptionKeys.keys()]).toEqual([2, 1]);
    expect(env().encryptionKeys.get(2)!.toString("base64")).toBe(second);
    expect(env().encryptionKeys.get(1)!.toString("base64")).toBe(valid.TABLERO_ENCRYPTION_KEY);
  });

  it("in production, sending email needs TABLERO_URL for the links", async () => {
    const missing = await loadEnv({ ...valid, SMTP_URL: "smtp://127.0.0.1:2525", TABLERO_URL: "" });
    expect(() => missing()).toThrow(/TABLERO_URL: falta la dirección pública de Tablero/);
    const given = await loadEnv({
      ...valid,
      SMTP_URL: "smtp://127.0.0.1:2525",
      TABLERO_URL: "https://tablero.example.com",
    });
    expect(given().TABLERO_URL).toBe("https://tablero.example.com");
    const noEmail = await loadEnv({ ...valid, SMTP_URL: "", TABLERO_URL: "" });
    expect(noEmail().TABLERO_URL).toBe("http://localhost:3000");
  });

  it("takes several AUTH_SECRET values, the first one signing", async () => {
    const old = randomBytes(32).toString("base64");
    const env = await loadEnv({ ...valid, AUTH_SECRET: `${valid.AUTH_SECRET}, ${old}` });
    expect(env().authSecrets).toEqual([valid.AUTH_SECRET, old]);
  });

  it("defaults to the real TusFacturas API, the embedded database and a 15-minute window", async () => {
    const env = await loadEnv({
      ...valid,
      DATABASE_URL: "",
      TUSFACTURAS_API_URL: undefined,
      TABLERO_DATA_DIR: undefined,
      TABLERO_FRESHNESS_MINUTES: undefined,
      TUSFACTURAS_TIMEOUT_MS: undefined,
    });
    expect(env()).toMatchObject({
      TUSFACTURAS_API_URL: "https://www.tusfacturas.app/app/api",
      TUSFACTURAS_TIMEOUT_MS: 30_000,
      TABLERO_FRESHNESS_MINUTES: 15,
      DATABASE_URL: undefined,
    });
    expect(env().encryptionKeys.get(1)).toHaveLength(32);
    expect(env().pgliteDir).toMatch(/\.data\/pglite$/);
  });

  it("logs at info unless TABLERO_LOG_LEVEL names a pino level, which env() checks", async () => {
    vi.resetModules();
    const { logLevel } = await import("./env");
    vi.stubEnv("TABLERO_LOG_LEVEL", "");
    expect(logLevel()).toBe("info");
    vi.stubEnv("TABLERO_LOG_LEVEL", "debug");
    expect(logLevel()).toBe("debug");
    vi.stubEnv("TABLERO_LOG_LEVEL", "verbose");
    expect(logLevel()).toBe("info");
    const invalid = await loadEnv({ ...valid, TABLERO_LOG_LEVEL: "verbose" });
    expect(() => invalid()).toThrow(/TABLERO_LOG_LEVEL/);
    const unset = await loadEnv({ ...valid, TABLERO_LOG_LEVEL: undefined });
    expect(unset().TABLERO_LOG_LEVEL).toBe("info");
  });
});
