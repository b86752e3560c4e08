/**
 * The emulator's seeded accounts: accounts.json plus the generated large ledgers, dated as stored
 * or moved by a whole number of days. Ledgers never change at run time, so each dating is built
 * once per process and shared by every emulator dated alike.
 */
import { loadAccountsFixture, type AccountFixture, type ConsumoFigures } from "../fixtures/load";
import { buildComprobantes, type SeededComprobante } from "./comprobantes";
import { buenosAiresDay, daysBetween, shiftAccount } from "./dating";
import { generateLedger } from "./generated-ledger";
import type { WireLedgerRow } from "./ledger-builder";

export type SeededClient = { cuit: string; nombre: string; rows: readonly WireLedgerRow[] };

export type SeededAccount = Omit<
  AccountFixture,
  "clientes" | "generatedClients" | "consumo" | "lookupOnly"
> & {
  consumo: Readonly<ConsumoFigures>;
  clientes: ReadonlyMap<string, SeededClient>;
  /** What the lookups serve, most recent first (see `comprobantes.ts`). */
  comprobantes: readonly SeededComprobante[];
};

/** By the days every date was moved (0: as stored). */
const cached = new Map<number, ReadonlyMap<string, SeededAccount>>();

function seedAccount(account: AccountFixture): SeededAccount {
  const { clientes, generatedClients = [], lookupOnly = [], ...rest } = account;
  const byCuit = new Map<string, SeededClient>();
  for (const client of clientes) {
    byCuit.set(client.cuit, {
      cuit: client.cuit,
      nombre: client.nombre,
      rows: client.cuentaCorriente,
    });
  }
  for (const spec of generatedClients) {
    const rows = generateLedger({ ...spec, puntoVenta: account.puntoVenta });
    byCuit.set(spec.cuit, { cuit: spec.cuit, nombre: spec.nombre, rows });
  }
  const comprobantes = buildComprobantes(byCuit.values(), lookupOnly, account.puntoVenta);
  return { ...rest, clientes: byCuit, comprobantes };
}

/**
 * Seeded accounts by apikey, with every date `days` days after the stored one (built on first
 * use, then reused).
 */
export function seededAccounts(days = 0): ReadonlyMap<string, SeededAccount> {
  let accounts = cached.get(days);
  if (!accounts) {
    const fixture = loadAccountsFixture();
    accounts = new Map(fixture.accounts.map((a) => [a.apikey, seedAccount(shiftAccount(a, days))]));
    cached.set(days, accounts);
  }
  return accounts;
}

/**
 * The days to move the fixtures by so that the day they describe (accounts.json `asOf`) becomes
 * the day `asOf` falls on in Buenos Aires.
 */
export function daysToDate(asOf: Date): number {
  return daysBetween(loadAccountsFixture().asOf, buenosAiresDay(asOf));
}
