/**
 * "hace 3 minutos", "ayer", "dentro de 2 horas": in the words of
 * Intl.RelativeTimeFormat("es-AR", { numeric: "auto" }), spelled out so that a browser builds no
 * Intl object for them (see lib/format.ts); the tests compare both.
 */
import { formatInteger } from "./format";

const NAMED_DAYS: Readonly<Record<number, string>> = {
  [-2]: "anteayer",
  [-1]: "ayer",
  1: "mañana",
  2: "pasado mañana",
};

/** The words for an amount of minutes, hours or days before (negative) or after now. */
function relative(amount: number, unit: "minuto" | "hora" | "día"): string {
  const named = unit === "día" ? NAMED_DAYS[amount] : undefined;
  if (named) return named;
  const count = Math.abs(amount);
  const words = `${formatInteger(count)} ${unit}${count === 1 ? "" : "s"}`;
  return amount < 0 ? `hace ${words}` : `dentro de ${words}`;
}

const DAY_MS = 86_400_000;
// Buenos Aires keeps UTC−3 all year (Argentina has no daylight saving time; lib/audit/month.ts).
const BUENOS_AIRES_OFFSET_MS = -3 * 3_600_000;

/** The calendar day an instant falls on in Buenos Aires, as a count of days. */
function dayNumber(at: Date): number {
  return Math.floor((at.getTime() + BUENOS_AIRES_OFFSET_MS) / DAY_MS);
}

/**
 * "hace 3 minutos", "hace 2 horas", "ayer"; "recién" under a minute. The unit is chosen after
 * rounding (59 min 40 s is "hace 1 hora", never "hace 60 minutos"), and days are calendar days
 * in Buenos Aires: 23:00 two days ago, read at 05:00, was «anteayer».
 */
export function formatRelative(value: Date, now: Date = new Date()): string {
  const seconds = Math.round((value.getTime() - now.getTime()) / 1000);
  if (Math.abs(seconds) < 60) return "recién";
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return relative(minutes, "minuto");
  const hours = Math.round(seconds / 3600);
  const days = dayNumber(value) - dayNumber(now);
  // About a day apart but on the same calendar day (00:10 and 23:50): still hours.
  if (Math.abs(hours) < 24 || days === 0) return relative(hours, "hora");
  return relative(days, "día");
}
