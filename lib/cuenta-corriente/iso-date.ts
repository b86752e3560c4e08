/**
 * ISO calendar dates ("yyyy-mm-dd") as the ledger carries them. All arithmetic happens on UTC
 * midnight so a date never shifts with the machine's time zone or daylight saving.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A day in milliseconds: consecutive dates' UTC midnights are this far apart. */
export const DAY_MS = 86_400_000;

/**
 * True for a real calendar date written "yyyy-mm-dd" ("2024-02-29" yes, "2023-02-29" no).
 * Years before 100 are rejected (Date.UTC maps them to the 1900s), which no ledger needs.
 */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y = "", m = "", d = ""] = match;
  const date = new Date(isoToUtcMs(value));
  return (
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() + 1 === Number(m) &&
    date.getUTCDate() === Number(d)
  );
}

/** Epoch milliseconds of UTC midnight of an ISO date (not validated: callers pass clean dates). */
export function isoToUtcMs(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

/** Whole days since 1970-01-01 of an ISO date. */
export function isoToEpochDay(iso: string): number {
  return Math.round(isoToUtcMs(iso) / DAY_MS);
}

/** "2025-03-07" → "07/03/2025". */
export function isoToDmy(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
