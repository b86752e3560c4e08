import { TIME_ZONE } from "@/lib/format";

export type Period = { anio: number; mes: number };

export const FIRST_YEAR = 2000;

export const monthNames = [
  "enero",
  "febrero",
  "marzo",
  "abril",
  "mayo",
  "junio",
  "julio",
  "agosto",
  "septiembre",
  "octubre",
  "noviembre",
  "diciembre",
] as const;

// Built on first use: the browser imports this module for the month names, and the first Intl
// object of a page costs it tens of milliseconds (ICU's data) on a phone.
let calendar: Intl.DateTimeFormat | undefined;

/** The month it is in Buenos Aires. */
export function currentPeriod(now: Date): Period {
  calendar ??= new Intl.DateTimeFormat("en-CA", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "numeric",
  });
  const parts = calendar.formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { anio: get("year"), mes: get("month") };
}

/** The month before the current one: what is filed, so what the form preselects. */
export function previousPeriod(now: Date): Period {
  const { anio, mes } = currentPeriod(now);
  return mes === 1 ? { anio: anio - 1, mes: 12 } : { anio, mes: mes - 1 };
}

/** "octubre de 2026". */
export function formatPeriod({ anio, mes }: Period): string {
  return `${monthNames[mes - 1]} de ${anio}`;
}

/** "10/2026", as the history shows it and as `tusfacturas_requests.subject` records it. */
export function periodCode({ anio, mes }: Period): string {
  return `${String(mes).padStart(2, "0")}/${anio}`;
}

/** Every period the form offers, newest first (the current month down to January 2000). */
export function selectableYears(now: Date): number[] {
  const { anio } = currentPeriod(now);
  return Array.from({ length: anio - FIRST_YEAR + 1 }, (_, i) => anio - i);
}

/** `?periodo=2026-10` → the period; anything else → null (the whole history). */
export function parsePeriodParam(value: string | undefined): Period | null {
  const match = /^(\d{4})-(\d{2})$/.exec(value?.trim() ?? "");
  if (!match) return null;
  const anio = Number(match[1]);
  const mes = Number(match[2]);
  return anio >= FIRST_YEAR && mes >= 1 && mes <= 12 ? { anio, mes } : null;
}
