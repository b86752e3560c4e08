import { currentPeriod } from "@/lib/iva/period";

/**
 * The first instant of the month it is in Buenos Aires (UTC−3 all year: Argentina keeps no
 * daylight saving time), as TusFacturas' monthly quota counts.
 */
export function startOfMonth(now: Date): Date {
  const { anio, mes } = currentPeriod(now);
  return new Date(`${anio}-${String(mes).padStart(2, "0")}-01T00:00:00-03:00`);
}
