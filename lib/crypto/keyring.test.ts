import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseAuthSecrets, parseKeyring, weakKeyProblem } from "./keyring";

const key = () => randomBytes(32).toString("base64");

describe("keys from the environment", () => {
  it("refuses keys of one repeated byte or a handful of values, and takes random ones", () => {
    expect(weakKeyProblem(Buffer.alloc(32))).toMatch(/no tiene entropía/);
    expect(weakKeyProblem(Buffer.alloc(32, 0xff))).toMatch(/no tiene entropía/);
    expect(weakKeyProblem(Buffer.from("abababababababababababababababab"))).toMatch(
      /poca entropía/,
    );
    expect(weakKeyProblem(randomBytes(32))).toBeNull();
  });

  it("parses versions, keeps the single key as version 1 and names each problem", () => {
    const [one, two] = [key(), key()];
    const parsed = parseKeyring(`1:${one}, 2:${two}`, one);
    expect(parsed.problems).toEqual([]);
    expect([...parsed.keys.keys()].sort()).toEqual([1, 2]);

    expect(parseKeyring(`1:${two}`, one).problems).toEqual([
      "TABLERO_ENCRYPTION_KEY: hay dos claves distintas para la versión 1",
    ]);
    expect(parseKeyring("tres", undefined).problems[0]).toMatch(/"versión:clave"/);
    expect(parseKeyring("0:" + one, undefined).problems[0]).toMatch(/versión desde 1/);
    expect(parseKeyring("2:c2hvcnQ=", undefined).problems[0]).toMatch(/versión 2.*32 bytes/);
    expect(parseKeyring(undefined, Buffer.alloc(32).toString("base64")).problems[0]).toMatch(
      /TABLERO_ENCRYPTION_KEY: la clave no tiene entropía/,
    );
    expect(parseKeyring(undefined, undefined)).toEqual({ keys: new Map(), problems: [] });
  });

  it("splits AUTH_SECRET on commas and checks each value", () => {
    const [a, b] = [key(), key()];
    expect(parseAuthSecrets(`${a},${b}`)).toEqual({ secrets: [a, b], problems: [] });
    expect(parseAuthSecrets(`${a},corta`).problems).toEqual([
      "AUTH_SECRET (valor 2): es muy corta (mínimo 32 caracteres; generá una con `openssl rand -base64 32`)",
    ]);
    expect(parseAuthSecrets(undefined).problems[0]).toMatch(/AUTH_SECRET: falta/);
  });
});
