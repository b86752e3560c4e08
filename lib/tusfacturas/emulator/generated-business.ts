/**
 * A whole business generated from a seed (for `npm run bench`): a fixed number of comprobantes
 * a day over a date range, numbered across the business and spread over many clients, and one
 * client who still owes exactly its last `impagos` facturas and notas de débito. Built at
 * start-up instead of stored as a fixture; same spec, same ledgers.
 */
import { cuitCheckDigit } from "../../cuit";
import { addDays } from "./comprobantes";
import {
  buildLedger,
  type ComprobanteTipo,
  type LedgerEntry,
  type WireLedgerRow,
} from "./ledger-builder";
import { createPrng, randomInt } from "./prng";

export type GeneratedBusinessSpec = {
  seed: number;
  /** ISO first day. */
  desde: string;
  dias: number;
  /** Facturas, notas de débito and notas de crédito issued each day (receipts not counted). */
  porDia: number;
  /** Clients besides the debtor. */
  clientes: number;
  puntoVenta: number;
  deudor: {
    cuit: string;
    nombre: string;
    /** Its last facturas and notas de débito left (wholly or partly) unpaid. */
    impagos: number;
    /** Share of the day's comprobantes that are its own (it gets no credit notes). */
    parte: number;
  };
};

export type GeneratedClient = { cuit: string; nombre: string; rows: WireLedgerRow[] };

type Draft = { cuit: string; nombre: string; entries: LedgerEntry[] };

const isDebit = (tipo: ComprobanteTipo) => tipo !== "RECIBO X" && tipo !== "NOTA DE CREDITO A";

/** The `i`-th valid CUIT of a made-up "30-7xxxxxxx" series (bases without a digit skipped). */
function cuitsFrom(count: number): string[] {
  const cuits: string[] = [];
  for (let base = 70_000_000; cuits.length < count; base++) {
    const firstTen = `30${base}`;
    const digit = cuitCheckDigit(firstTen);
    if (digit !== null) cuits.push(`${firstTen}${digit}`);
  }
  return cuits;
}

/** Stable by date, a day's debits before its receipts. */
function chronological(entries: LedgerEntry[]): LedgerEntry[] {
  return entries
    .map((entry, i) => ({ entry, i }))
    .sort(
      (a, b) =>
        a.entry.fecha.localeCompare(b.entry.fecha) ||
        Number(isDebit(b.entry.tipo)) - Number(isDebit(a.entry.tipo)) ||
        a.i - b.i,
    )
    .map(({ entry }) => entry);
}

function firstOfNextMonth(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1, 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The debtor's payments: on each month's first day, what it owed 60 days before, never past
 * everything but its last `impagos` debits (the oldest of those half paid); the rest, if short,
 * on the last day. Receipts settle the oldest debits first (ledger-builder.ts).
 */
function debtorPayments(debits: LedgerEntry[], impagos: number, hasta: string) {
  const paid = debits.length - impagos;
  if (paid < 1) throw new RangeError("El deudor necesita más comprobantes que impagos.");
  const target =
    debits.slice(0, paid).reduce((sum, d) => sum + d.centavos, 0) +
    Math.floor((debits[paid]?.centavos ?? 0) / 2);
  const payments: { fecha: string; centavos: number }[] = [];
  let total = 0;
  const pay = (fecha: string, centavos: number) => {
    if (centavos <= 0) return;
    payments.push({ fecha, centavos });
    total += centavos;
  };
  let month = firstOfNextMonth(debits[0]!.fecha);
  while (month <= hasta) {
    const cutoff = addDays(month, -60);
    const owed = debits.filter((d) => d.fecha <= cutoff).reduce((sum, d) => sum + d.centavos, 0);
    pay(month, Math.min(owed, target) - total);
    month = firstOfNextMonth(month);
  }
  pay(hasta, target - total);
  return payments;
}

/** Every client's ledger, the debtor's first; same spec, same rows. */
export function generateBusiness(spec: GeneratedBusinessSpec): GeneratedClient[] {
  const random = createPrng(spec.seed);
  const { deudor } = spec;
  const others: Draft[] = cuitsFrom(spec.clientes + 1)
    .filter((cuit) => cuit !== deudor.cuit)
    .slice(0, spec.clientes)
    .map((cuit, i) => ({
      cuit,
      nombre: `COMERCIO ${String(i + 1).padStart(3, "0")} S.R.L.`,
      entries: [],
    }));
  const debtor: Draft = { cuit: deudor.cuit, nombre: deudor.nombre, entries: [] };
  const numbers = new Map<ComprobanteTipo, number>();
  const next = (tipo: ComprobanteTipo) => {
    const numero = (numbers.get(tipo) ?? 0) + 1;
    numbers.set(tipo, numero);
    return numero;
  };
  const hasta = addDays(spec.desde, spec.dias - 1);

  for (let day = 0; day < spec.dias; day++) {
    const fecha = addDays(spec.desde, day);
    for (let i = 0; i < spec.porDia; i++) {
      const ownsIt = random() < deudor.parte;
      // A few clients buy much more often than the rest.
      const client = ownsIt ? debtor : others[Math.floor(others.length * random() ** 2)]!;
      const roll = random();
      const tipo: ComprobanteTipo =
        roll < 0.04
          ? "NOTA DE DEBITO A"
          : roll < 0.1 && !ownsIt
            ? "NOTA DE CREDITO A"
            : "FACTURA A";
      const centavos =
        tipo === "FACTURA A"
          ? randomInt(random, 1_000, 5_000_000)
          : randomInt(random, 500, 500_000);
      client.entries.push({ fecha, tipo, numero: next(tipo), centavos });
    }
  }

  // The other clients pay nine debits in ten, within 40 days when the range allows.
  for (const client of others) {
    const receipts = client.entries.filter(
      (e) => isDebit(e.tipo) && random() < 0.9 && addDays(e.fecha, 40) <= hasta,
    );
    for (const debit of receipts) {
      const fecha = addDays(debit.fecha, randomInt(random, 0, 40));
      client.entries.push({
        fecha,
        tipo: "RECIBO X",
        numero: next("RECIBO X"),
        centavos: debit.centavos,
      });
    }
  }
  for (const { fecha, centavos } of debtorPayments(debtor.entries, deudor.impagos, hasta))
    debtor.entries.push({ fecha, tipo: "RECIBO X", numero: next("RECIBO X"), centavos });

  return [debtor, ...others].map(({ cuit, nombre, entries }) => ({
    cuit,
    nombre,
    rows: buildLedger(chronological(entries), spec.puntoVenta, nombre),
  }));
}
