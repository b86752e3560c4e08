const TIME_ZONE = "America/Argentina/Buenos_Aires";

const parts = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
});

/**
 * The first instant of the month it is in Buenos Aires (UTC−3 all year: Argentina keeps no
 * daylight saving time), as TusFacturas' monthly quota counts.
 */
export function startOfMonth(now: Date): Date {
  const found = parts.formatToParts(now);
  const year = found.find((p) => p.type === "year")?.value;
  const month = found.find((p) => p.type === "month")?.value;
  return new Date(`${year}-${month}-01T00:00:00-03:00`);
}
