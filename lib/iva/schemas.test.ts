import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ivaBatchSchema, ivaRequestSchema } from "./schemas";

const KEY = "5b0f8a4e-2c1d-4e6f-9a7b-3c2d1e0f9a8b";
const BUSINESS = "0d6c1a7e-4b3f-4a2e-8c9d-1e2f3a4b5c6d";

function errorsOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

// The action schemas read the wall clock: 20 November 2026 in Buenos Aires.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-20T12:00:00Z"));
});
afterEach(() => vi.useRealTimers());

describe("ivaRequestSchema", () => {
  const valid = {
    businessId: BUSINESS,
    mes: "10",
    anio: "2026",
    email: " ana@example.com ",
    requestKey: KEY,
    send: false,
    repeatOf: null,
  };

  it("parses the form's fields", () => {
    expect(ivaRequestSchema.parse(valid)).toEqual({
      ...valid,
      mes: 10,
      anio: 2026,
      email: "ana@example.com",
    });
    expect(ivaRequestSchema.parse({ ...valid, repeatOf: KEY }).repeatOf).toBe(KEY);
  });

  it("refuses a future period by the current date", () => {
    expect(errorsOf(ivaRequestSchema.safeParse({ ...valid, mes: 12 }))).toEqual({
      mes: "No se puede pedir un período futuro: el último es noviembre de 2026.",
    });
    vi.setSystemTime(new Date("2026-12-01T03:00:00Z"));
    expect(ivaRequestSchema.safeParse({ ...valid, mes: 12 }).success).toBe(true);
  });

  it("needs a submission key and a repeat target that are ids", () => {
    const result = ivaRequestSchema.safeParse({ ...valid, requestKey: "1", repeatOf: "x" });
    expect(Object.keys(errorsOf(result))).toEqual(["requestKey", "repeatOf"]);
  });
});

describe("ivaBatchSchema", () => {
  const valid = {
    mes: 10,
    anio: 2026,
    email: "ana@example.com",
    businessIds: [BUSINESS],
    requestKey: KEY,
    send: true,
    repeat: false,
  };

  it("parses a run over some businesses", () => {
    expect(ivaBatchSchema.parse(valid)).toEqual(valid);
  });

  it.each([[[]], [undefined]])("asks for at least one business: %j", (businessIds) => {
    expect(errorsOf(ivaBatchSchema.safeParse({ ...valid, businessIds }))).toEqual({
      businessIds: "Elegí al menos una empresa.",
    });
  });

  it("checks the period and the address like the single request", () => {
    expect(errorsOf(ivaBatchSchema.safeParse({ ...valid, anio: 2027 }))).toEqual({
      anio: "El año va de 2000 a 2026.",
    });
    expect(errorsOf(ivaBatchSchema.safeParse({ ...valid, email: "a@b.com,c@d.com" }))).toEqual({
      email: "Indicá una sola dirección de email.",
    });
  });
});
