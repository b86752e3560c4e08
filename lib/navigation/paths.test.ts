import { describe, expect, it } from "vitest";
import { businessIdIn, switchBusinessHref } from "./paths";

const A = "0b6f3f0e-4a51-4c43-9d4e-2f1c6f1e8a01";
const B = "5d2c7e9a-1b3f-4e8d-a6c0-9f8e7d6c5b02";

describe("switching business", () => {
  it.each([
    [`/empresas/${A}/consumo`, `/empresas/${B}/consumo`],
    [`/empresas/${A}/clientes`, `/empresas/${B}/clientes`],
    [`/empresas/${A}/clientes/30712293841`, `/empresas/${B}/clientes`],
    [`/empresas/${A}/clientes/30712293841/resumen`, `/empresas/${B}/clientes`],
    [`/empresas/${A}/iva`, `/empresas/${B}/iva`],
    [`/empresas/${A}/credenciales`, `/empresas/${B}/credenciales`],
    [`/empresas/${A}`, `/empresas/${B}/consumo`],
    ["/empresas", `/empresas/${B}/consumo`],
    ["/empresas/nueva", `/empresas/${B}/consumo`],
    ["/iva", `/empresas/${B}/consumo`],
  ])("from %s goes to %s", (from, to) => {
    expect(switchBusinessHref(from, B)).toBe(to);
  });

  it("finds the business of a path, and none outside one", () => {
    expect(businessIdIn(`/empresas/${A}/clientes/30712293841`)).toBe(A);
    expect(businessIdIn(`/empresas/${A}`)).toBe(A);
    expect(businessIdIn("/empresas/nueva")).toBeNull();
    expect(businessIdIn("/iva")).toBeNull();
  });
});
