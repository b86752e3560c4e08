/**
 * TusFacturas dates ("dd/mm/yyyy", sometimes JSON-escaped as "11\/05\/2017") to ISO dates.
 * Pure.
 */

const WIRE_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids DST surprises.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * ISO "yyyy-mm-dd" for a wire date "dd/mm/yyyy" (padding spaces allowed), or `null` when the
 * text is not a real calendar date (e.g. "31/02/2020" or "00/01/2020").
 */
export function parseWireDate(value: string): string | null {
  const match = WIRE_DATE.exec(value.trim());
  if (!match) return null;
  const [, d = "", m = "", y = ""] = match;
  const day = Number(d);
  const month = Number(m);
  const year = Number(y);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Wire "dd/mm/yyyy" for an ISO "yyyy-mm-dd" date (used by the emulator and fixtures). */
export function toWireDate(iso: string): string {
  const [y = "", m = "", d = ""] = iso.split("-");
  return `${d}/${m}/${y}`;
}
