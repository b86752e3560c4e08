/**
 * TusFacturas warns admins when less than this share of the cupo remains; so does Tablero,
 * everywhere it shows a cupo (consumo page, gauge, portfolio card and alerts).
 */
export const LOW_CUPO_PERCENT = 20;

/**
 * True when fewer than {@link LOW_CUPO_PERCENT}% of the cupo remains, as TusFacturas reported
 * it. A plan with no cupo is never low. Integer arithmetic, so exactly 20% is never low.
 */
export function isCupoLow({ cupo, disponibles }: { cupo: number; disponibles: number }): boolean {
  return cupo > 0 && disponibles * 100 < cupo * LOW_CUPO_PERCENT;
}
