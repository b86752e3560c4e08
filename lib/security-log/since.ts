/**
 * "24h", "7d", "30m" or a date ("2026-11-29", an ISO time) as the moment it names, before
 * `now`; null when it is none of those.
 */
export function parseSince(value: string, now: Date): Date | null {
  const relative = /^(\d{1,5})([mhd])$/.exec(value.trim());
  if (relative) {
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[relative[2] as "m" | "h" | "d"];
    return new Date(now.getTime() - Number(relative[1]) * unit);
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
