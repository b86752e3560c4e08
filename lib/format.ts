/** Where Tablero's users are: every date and time is shown (and every month counted) here. */
export const TIME_ZONE = "America/Argentina/Buenos_Aires";

// Numbers are spelled out here, and Intl is asked only for what depends on the time zone's
// rules (dates and times in Buenos Aires), each formatter built on its first use. In a browser
// the first Intl object of a page loads ICU's data, tens of milliseconds on a phone; a page
// whose code shows only amounts never pays it. The spelling is Intl's own for es-AR (the tests
// compare both), so server and browser always agree.

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
function grouped(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** Rounded to at most one decimal, es-AR: `1234.56` → `1.234,6`, `2` → `2`. */
function oneDecimal(value: number): string {
  const tenths = Math.round(Math.abs(value) * 10);
  const sign = value < 0 ? "-" : "";
  const decimal = tenths % 10;
  return `${sign}${grouped(Math.floor(tenths / 10))}${decimal ? `,${decimal}` : ""}`;
}

/** Integer centavos → `$ 1.234,56` (exact: no division by 100 on the way). */
export function formatCentavos(centavos: number): string {
  const abs = Math.round(Math.abs(centavos));
  const sign = centavos < 0 ? "-" : "";
  return `${sign}$\u00a0${grouped(Math.floor(abs / 100))},${String(abs % 100).padStart(2, "0")}`;
}

/**
 * Integer centavos → a chart axis' short label: `$ 850`, `$ 1,5 mil`, `-$ 142 mil`, `$ 5 M`,
 * `$ 1.250 M`. Intl's compact notation would not do: its abbreviations change between ICU
 * versions (es-AR writes «1,5 K» but «25 k» today).
 */
export function formatCompactPesos(centavos: number): string {
  const sign = centavos < 0 ? "-" : "";
  const pesos = Math.abs(centavos) / 100;
  if (pesos >= 1e6) return `${sign}$ ${oneDecimal(pesos / 1e6)} M`;
  if (pesos >= 1e3) return `${sign}$ ${oneDecimal(pesos / 1e3)} mil`;
  return `${sign}$ ${oneDecimal(pesos)}`;
}

/** `12345` → `12.345`. */
export function formatInteger(value: number): string {
  if (!Number.isSafeInteger(value)) return decimals().format(value);
  return `${value < 0 ? "-" : ""}${grouped(Math.abs(value))}`;
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

const NAMED_DAYS: Readonly<Record<number, string>> = {
  [-2]: "anteayer",
  [-1]: "ayer",
  1: "mañana",
  2: "pasado mañana",
};

/** Intl.RelativeTimeFormat("es-AR", { numeric: "auto" })'s words, for minutes, hours and days. */
function relative(amount: number, unit: "minuto" | "hora" | "día"): string {
  const named = unit === "día" ? NAMED_DAYS[amount] : undefined;
  if (named) return named;
  const count = Math.abs(amount);
  const words = `${formatInteger(count)} ${unit}${count === 1 ? "" : "s"}`;
  return amount < 0 ? `hace ${words}` : `dentro de ${words}`;
}

/** "hace 3 minutos", "hace 2 horas", "ayer"; "recién" under a minute. */
export function formatRelative(value: Date, now: Date = new Date()): string {
  const seconds = Math.round((value.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return "recién";
  if (abs < 3600) return relative(Math.round(seconds / 60), "minuto");
  if (abs < 86_400) return relative(Math.round(seconds / 3600), "hora");
  return relative(Math.round(seconds / 86_400), "día");
}

/** The date in Buenos Aires as ISO `yyyy-mm-dd` (what aging counts from). */
export function todayIso(now: Date = new Date()): string {
  return isoDate().format(now);
}
