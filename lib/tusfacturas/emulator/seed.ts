/**
 * The emulator's seeded accounts: accounts.json plus the generated large ledgers.
 * Ledgers never change at run time, so they are built once per process and shared.
 */
import { loadAccountsFixture, type AccountFixture, type ConsumoFigures } from "../fixtures/load";
import { buildComprobantes, type SeededComprobante } from "./comprobantes";
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

let cached: ReadonlyMap<string, SeededAccount> | undefined;

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

/** Seeded accounts by apikey (built on first use, then reused). */
export function seededAccounts(): ReadonlyMap<string, SeededAccount> {
  cached ??= new Map(loadAccountsFixture().accounts.map((a) => [a.apikey, seedAccount(a)]));
  return cached;
}
