/**
 * Dates an account's fixtures relative to another day: every date moves by the same whole number
 * of days, so amounts, order and saldos stay exactly as stored. What is derived from those dates
 * (due dates, CAE expiry, the lookups' order) follows by itself.
 */
import { parseWireDate, toWireDate } from "../fecha";
import type { AccountFixture } from "../fixtures/load";
import { addDays } from "./comprobantes";

const DAY_MS = 24 * 60 * 60 * 1000;

const buenosAiresDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "America/Argentina/Buenos_Aires",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day `at` falls on in Buenos Aires, as "yyyy-mm-dd". */
export function buenosAiresDay(at: Date): string {
  return buenosAiresDate.format(at);
}

/** Whole days from the ISO day `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function shiftWireDate(wire: string, days: number): string {
  const iso = parseWireDate(wire);
  return iso === null ? wire : toWireDate(addDays(iso, days));
}

/** The dates inside a status sentence ("APROBADO Y EN COLA. SE EMITE EL 17/11/2025"). */
const shiftSentence = (text: string, days: number): string =>
  text.replace(/\b\d{2}\/\d{2}\/\d{4}\b/g, (wire) => shiftWireDate(wire, days));

/** `account` with every date `days` days later (earlier when negative); 0 returns it as is. */
export function shiftAccount(account: AccountFixture, days: number): AccountFixture {
  if (days === 0) return account;
  const { clientes, generatedClients, lookupOnly } = account;
  return {
    ...account,
    clientes: clientes.map((client) => ({
      ...client,
      cuentaCorriente: client.cuentaCorriente.map((row) => ({
        ...row,
        fecha: shiftWireDate(row.fecha, days),
      })),
    })),
    // A generated ledger's dates all count from its first one.
    ...(generatedClients && {
      generatedClients: generatedClients.map((spec) => ({
        ...spec,
        desde: addDays(spec.desde, days),
      })),
    }),
    ...(lookupOnly && {
      lookupOnly: lookupOnly.map((entry) => ({
        ...entry,
        fecha: addDays(entry.fecha, days),
        vencimientoPago:
          entry.vencimientoPago === null ? null : addDays(entry.vencimientoPago, days),
        ...(entry.status !== undefined && { status: shiftSentence(entry.status, days) }),
      })),
    }),
  };
}
