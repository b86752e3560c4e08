/**
 * Deterministic synthetic ledgers (for the 20 000-movement benchmark client): generated from a
 * seed at start-up instead of stored as a multi-megabyte fixture.
 */
import { addDays } from "./comprobantes";
import {
  buildLedger,
  type ComprobanteTipo,
  type LedgerEntry,
  type WireLedgerRow,
} from "./ledger-builder";
import { createPrng, randomInt } from "./prng";

export type GeneratedLedgerSpec = {
  seed: number;
  movimientos: number;
  /** ISO date of the first movement. */
  desde: string;
  puntoVenta: number;
  nombre: string;
  /** Chance that a movement falls 1–3 days after the previous one. Default 0.08. */
  probabilidadNuevoDia?: number;
};

/** Comprobantes with plausible amounts: mostly invoices, payments of part of what is owed. */
export function generateEntries(spec: GeneratedLedgerSpec): LedgerEntry[] {
  const random = createPrng(spec.seed);
  const numbers = new Map<ComprobanteTipo, number>();
  const entries: LedgerEntry[] = [];
  let fecha = spec.desde;
  let saldo = 0;
  for (let i = 0; i < spec.movimientos; i++) {
    // By default ~6 movements per active day, so 20 000 of them span about nine years.
    if (i > 0 && random() < (spec.probabilidadNuevoDia ?? 0.08))
      fecha = addDays(fecha, randomInt(random, 1, 3));
    const roll = random();
    let tipo: ComprobanteTipo;
    let centavos: number;
    if (saldo > 0 && roll < 0.3) {
      tipo = "RECIBO X";
      centavos = Math.max(1, Math.round(saldo * (0.3 + 0.7 * random())));
    } else if (saldo > 0 && roll < 0.33) {
      tipo = "NOTA DE CREDITO A";
      centavos = Math.max(1, Math.min(saldo, randomInt(random, 500, 2_000_000)));
    } else if (roll < 0.36) {
      tipo = "NOTA DE DEBITO A";
      centavos = randomInt(random, 500, 500_000);
    } else {
      tipo = "FACTURA A";
      centavos = randomInt(random, 1_000, 5_000_000);
    }
    const numero = (numbers.get(tipo) ?? 0) + 1;
    numbers.set(tipo, numero);
    saldo += tipo === "RECIBO X" || tipo === "NOTA DE CREDITO A" ? -centavos : centavos;
    entries.push({ fecha, tipo, numero, centavos });
  }
  return entries;
}

/** Wire rows for a generated ledger; same seed, same rows. */
export function generateLedger(spec: GeneratedLedgerSpec): WireLedgerRow[] {
  return buildLedger(generateEntries(spec), spec.puntoVenta, spec.nombre);
}
