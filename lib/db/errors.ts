/** A unique constraint said no (PostgreSQL 23505), whether the driver's error or Drizzle's. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { cause?: { code?: string }; code?: string }).cause?.code;
  return code === "23505" || (error as { code?: string }).code === "23505";
}
