/**
 * The date range of «Importar clientes desde TusFacturas»: pure, shared by the form (in the
 * browser) and the server. Days are ISO `yyyy-mm-dd`, counted in Buenos Aires; people type and
 * read them as dd/mm/aaaa.
 */
import { todayIso } from "@/lib/format";

/** At most 12 months of days in one import. */
export const MAX_IMPORT_DAYS = 366;
/** What the form offers first: the last 90 days, today included. */
export const DEFAULT_IMPORT_DAYS = 90;

const DAY_MS = 86_400_000;

/** `iso` moved by `days` (negative: back). */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `desde` to `hasta`, both included (0 when `hasta` is before `desde`). */
export function daysInRange(desde: string, hasta: string): number {
  const days = (Date.parse(`${hasta}T00:00:00Z`) - Date.parse(`${desde}T00:00:00Z`)) / DAY_MS;
  return Math.max(0, Math.round(days) + 1);
}

/** `2025-11-14` → `14/11/2025`. */
export function isoToDmy(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** `14/11/2025` (or `4/1/2025`) → ISO, or null when it is not a day of the calendar. */
export function dmyToIso(text: string): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const iso = `${match[3]}-${match[2]!.padStart(2, "0")}-${match[1]!.padStart(2, "0")}`;
  // 31/02 is not a day: the round trip through Date would move it.
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : null;
}

/** The range the form starts with: the last 90 days up to today, as dd/mm/aaaa. */
export function defaultImportRange(now: Date): { desde: string; hasta: string } {
  const hasta = todayIso(now);
  return { desde: isoToDmy(addDays(hasta, 1 - DEFAULT_IMPORT_DAYS)), hasta: isoToDmy(hasta) };
}

export type RangeErrors = { desde?: string; hasta?: string };

/** What is wrong with a typed range, per field, in Spanish; empty when it can be walked. */
export function importRangeErrors(desde: string, hasta: string, now: Date): RangeErrors {
  const from = dmyToIso(desde);
  const to = dmyToIso(hasta);
  const errors: RangeErrors = {};
  if (!from) errors.desde = "Ingresá la fecha «desde» como dd/mm/aaaa.";
  if (!to) errors.hasta = "Ingresá la fecha «hasta» como dd/mm/aaaa.";
  if (!from || !to) return errors;
  if (to > todayIso(now)) return { hasta: "La fecha «hasta» no puede ser posterior a hoy." };
  if (from > to) return { desde: "La fecha «desde» tiene que ser anterior a «hasta»." };
  if (daysInRange(from, to) > MAX_IMPORT_DAYS)
    return { desde: "El período puede abarcar hasta 12 meses." };
  return errors;
}
