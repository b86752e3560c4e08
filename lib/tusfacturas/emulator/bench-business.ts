/**
 * The account `npm run bench` adds to the emulator for the imports section: a business issuing
 * 50 comprobantes a day for a year over 300 clients, one of whom owes its last 500. Not among
 * the seeded accounts: only `startEmulator({ extraAccounts })` serves it.
 */
import { buildComprobantes } from "./comprobantes";
import { generateBusiness, type GeneratedBusinessSpec } from "./generated-business";
import type { SeededAccount, SeededClient } from "./seed";

export const BENCH_BUSINESS_SPEC = {
  seed: 20_251_231,
  desde: "2025-01-01",
  dias: 365,
  porDia: 50,
  clientes: 300,
  puntoVenta: 4,
  deudor: {
    cuit: "30715080016",
    nombre: "DISTRIBUIDORA GRAN DEUDOR S.A.",
    impagos: 500,
    parte: 0.1,
  },
} as const satisfies GeneratedBusinessSpec;

export const BENCH_BUSINESS_CREDENTIALS = {
  apikey: "9001",
  apitoken: "bench9001token",
  usertoken: "bench9001user",
} as const;

/** The bench's account, generated (about a second: build it once per process). */
export function benchBusinessAccount(): SeededAccount {
  const { puntoVenta } = BENCH_BUSINESS_SPEC;
  const clientes = new Map<string, SeededClient>(
    generateBusiness(BENCH_BUSINESS_SPEC).map((client) => [client.cuit, client]),
  );
  return {
    ...BENCH_BUSINESS_CREDENTIALS,
    razonSocial: "Mayorista del Bench S.A.",
    cuit: "30712293841",
    puntoVenta,
    consumo: {
      abonos_pendientes: 0,
      comprobantes_generados: 1_500,
      comprobantes_cupo: 2_000,
      comprobantes_disponibles: 500,
    },
    clientes,
    comprobantes: buildComprobantes(clientes.values(), [], puntoVenta),
  };
}
