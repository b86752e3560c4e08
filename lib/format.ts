/** Where Tablero's users are: every date and time is shown (and every month counted) here. */
export const TIME_ZONE = "America/Argentina/Buenos_Aires";

// Numbers are spelled out here (relative times in lib/relative-time.ts), and Intl is asked only
// for what depends on the time zone's rules (dates and times in Buenos Aires), each formatter
// built on its first use. In a browser the first Intl object of a page loads ICU's data, tens of
// milliseconds on a phone; a page whose code shows only amounts never pays it. The spelling is
// Intl's own for es-AR (the tests compare both), so server and browser always agree.

/** Built on the first call, then reused. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const DAY: Intl.DateTimeFormatOptions = { day: "2-digit", month: "2-digit", year: "numeric" };
// Not `hour12: false`: with it, es-AR writes the hour after midnight as "24:05".
const HOUR: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
const inBuenosAires = (options: Intl.DateTimeFormatOptions) =>
  once(() => new Intl.DateTimeFormat("es-AR", { timeZone: TIME_ZONE, ...options }));

const date = inBuenosAires(DAY);
const dateTime = inBuenosAires({ ...DAY, ...HOUR });
const time = inBuenosAires(HOUR);
const isoDate = once(() => new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }));
const decimals = once(() => new Intl.NumberFormat("es-AR"));

/** A non-negative integer's digits with a dot every three: `1234567` → `1.234.567`. */
export function groupThousands(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** Integer centavos → `$ 1.234,56` (exact: no division by 100 on the way). */
export function formatCentavos(centavos: number): string {
  const abs = Math.round(Math.abs(centavos));
  const sign = centavos < 0 ? "-" : "";
  return `${sign}$\u00a0${groupThousands(Math.floor(abs / 100))},${String(abs % 100).padStart(2, "0")}`;
}

/** `12345` → `12.345`. */
export function formatInteger(value: number): string {
  if (!Number.isSafeInteger(value)) return decimals().format(value);
  return `${value < 0 ? "-" : ""}${groupThousands(Math.abs(value))}`;
}

/** A date as `dd/mm/aaaa` in Buenos Aires time. */
export function formatDate(value: Date): string {
  return date().format(value);
}

/** A date as `dd/mm` in Buenos Aires time (when the year goes without saying). */
export function formatDayMonth(value: Date): string {
  // From the full date: es-AR's own day-month pattern drops the leading zeros ("4/12").
  return formatDate(value).slice(0, 5);
}

/** `dd/mm/aaaa hh:mm` in Buenos Aires time. */
export function formatDateTime(value: Date): string {
  return dateTime().format(value).replace(",", "");
}

/** `hh:mm` in Buenos Aires time. */
export function formatTime(value: Date): string {
  return time().format(value);
}

/** The date in Buenos Aires as ISO `yyyy-mm-dd` (what aging counts from). */
export function todayIso(now: Date = new Date()): string {
  return isoDate().format(now);
}
