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

/** "hace 3 minutos", "hace 2 horas", "ayer"; "recién" under a minute. */
export function formatRelative(value: Date, now: Date = new Date()): string {
  const seconds = Math.round((value.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return "recién";
  if (abs < 3600) return relative(Math.round(seconds / 60), "minuto");
  if (abs < 86_400) return relative(Math.round(seconds / 3600), "hora");
  return relative(Math.round(seconds / 86_400), "día");
}
