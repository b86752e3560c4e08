/** Where Tablero's users are: every date and time is shown (and every month counted) here. */
export const TIME_ZONE = "America/Argentina/Buenos_Aires";

const money = new Intl.NumberFormat("es-AR", { style: "currency", currency: "ARS" });
const integer = new Intl.NumberFormat("es-AR");
const oneDecimal = new Intl.NumberFormat("es-AR", { maximumFractionDigits: 1 });
const date = new Intl.DateTimeFormat("es-AR", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
const dateTime = new Intl.DateTimeFormat("es-AR", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  // Not `hour12: false`: with it, es-AR writes the hour after midnight as "24:05".
  hourCycle: "h23",
});
const time = new Intl.DateTimeFormat("es-AR", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  // Not `hour12: false`: with it, es-AR writes the hour after midnight as "24:05".
  hourCycle: "h23",
});
const isoDate = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE });
const relative = new Intl.RelativeTimeFormat("es-AR", { numeric: "auto" });

/** Integer centavos → `$ 1.234,56` (exact: the division happens once, at the edge). */
export function formatCentavos(centavos: number): string {
  return money.format(centavos / 100);
}

/**
 * Integer centavos → a chart axis' short label: `$ 850`, `$ 1,5 mil`, `-$ 142 mil`, `$ 5 M`,
 * `$ 1.250 M`. Spelled out here rather than with Intl's compact notation, whose abbreviations
 * change between ICU versions (es-AR writes «1,5 K» but «25 k» today): the server's label must
 * be the browser's, or hydrating the chart fails.
 */
export function formatCompactPesos(centavos: number): string {
  const sign = centavos < 0 ? "-" : "";
  const pesos = Math.abs(centavos) / 100;
  if (pesos >= 1e6) return `${sign}$ ${oneDecimal.format(pesos / 1e6)} M`;
  if (pesos >= 1e3) return `${sign}$ ${oneDecimal.format(pesos / 1e3)} mil`;
  return `${sign}$ ${oneDecimal.format(pesos)}`;
}

/** `12345` → `12.345`. */
export function formatInteger(value: number): string {
  return integer.format(value);
}

/** A date as `dd/mm/aaaa` in Buenos Aires time. */
export function formatDate(value: Date): string {
  return date.format(value);
}

/** A date as `dd/mm` in Buenos Aires time (when the year goes without saying). */
export function formatDayMonth(value: Date): string {
  // From the full date: es-AR's own day-month pattern drops the leading zeros ("4/12").
  return formatDate(value).slice(0, 5);
}

/** `dd/mm/aaaa hh:mm` in Buenos Aires time. */
export function formatDateTime(value: Date): string {
  return dateTime.format(value).replace(",", "");
}

/** `hh:mm` in Buenos Aires time. */
export function formatTime(value: Date): string {
  return time.format(value);
}

/** "hace 3 minutos", "hace 2 horas", "ayer"; "recién" under a minute. */
export function formatRelative(value: Date, now: Date = new Date()): string {
  const seconds = Math.round((value.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return "recién";
  if (abs < 3600) return relative.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return relative.format(Math.round(seconds / 3600), "hour");
  return relative.format(Math.round(seconds / 86_400), "day");
}

/** The date in Buenos Aires as ISO `yyyy-mm-dd` (what aging counts from). */
export function todayIso(now: Date = new Date()): string {
  return isoDate.format(now);
}
