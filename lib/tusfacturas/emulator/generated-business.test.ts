import { describe, expect, it } from "vitest";
import { isValidCuit } from "@/lib/cuit";
import { BENCH_BUSINESS_SPEC, benchBusinessAccount } from "./bench-business";
import { generateBusiness } from "./generated-business";

const account = benchBusinessAccount();
const { deudor, dias, porDia } = BENCH_BUSINESS_SPEC;

describe("the bench's generated business", () => {
  it("issues exactly 50 comprobantes on each of 365 days, and none outside them", () => {
    const perDay = new Map<string, number>();
    for (const c of account.comprobantes) perDay.set(c.fecha, (perDay.get(c.fecha) ?? 0) + 1);
    expect(dias).toBe(365);
    expect(perDay.size).toBe(365);
    expect([...perDay.keys()].sort()).toEqual(
      expect.arrayContaining(["2025-01-01", "2025-06-30", "2025-12-31"]),
    );
    expect([...perDay.values()].every((n) => n === porDia)).toBe(true);
    expect(account.comprobantes).toHaveLength(365 * 50);
  });

  it("spreads them over the debtor and 300 clients with valid CUITs, numbered across the business", () => {
    expect(account.clientes.size).toBe(301);
    expect([...account.clientes.keys()].every(isValidCuit)).toBe(true);
    const buyers = new Set(account.comprobantes.map((c) => c.documentoNro));
    expect(buyers.size).toBeGreaterThan(250);
    const facturas = account.comprobantes.filter((c) => c.tipo === "FACTURA A");
    expect(new Set(facturas.map((c) => c.numero)).size).toBe(facturas.length);
  });

  it("leaves the debtor owing exactly its last 500 facturas and notas de débito", () => {
    const rows = account.clientes.get(deudor.cuit)!.rows;
    const owed = rows.filter((r) => r.resta_abonar_de_este_comprobante > 0);
    expect(owed).toHaveLength(500);
    expect(owed.every((r) => /^(FACTURA|NOTA DE DEBITO) A /.test(r.concepto))).toBe(true);
    const debits = rows.filter((r) => r.debe > 0);
    expect(debits.slice(-500)).toEqual(owed);
    // One of them half paid, the rest not at all.
    expect(owed.filter((r) => r.resta_abonar_de_este_comprobante < r.debe)).toHaveLength(1);
    const unpaid = account.comprobantes.filter(
      (c) => c.documentoNro === deudor.cuit && c.ctacteStatus !== "PAGADA",
    );
    expect(unpaid).toHaveLength(500);
    // The saldo of the last row is what is owed.
    const saldo = Math.round(rows.at(-1)!.saldo * 100);
    const resta = owed.reduce(
      (sum, r) => sum + Math.round(r.resta_abonar_de_este_comprobante * 100),
      0,
    );
    expect(saldo).toBe(resta);
  });

  it("is the same business for the same seed, another for another", () => {
    const small = { ...BENCH_BUSINESS_SPEC, dias: 30, deudor: { ...deudor, impagos: 20 } };
    expect(generateBusiness(small)).toEqual(generateBusiness(small));
    expect(generateBusiness({ ...small, seed: 1 })).not.toEqual(generateBusiness(small));
  });
});
