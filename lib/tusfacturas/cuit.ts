/**
 * CUIT arithmetic shared by the emulator (which validates like TusFacturas does) and the tests.
 * Pure: no I/O, no secrets.
 */

const WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;
const PREFIXES = new Set(["20", "23", "24", "27", "30", "33", "34"]);

/**
 * Check digit for the first ten digits of a CUIT, or `null` when the base admits none
 * (a remainder of 1 would need a digit of 10, which correctly issued CUITs never have).
 */
export function cuitCheckDigit(firstTen: string): number | null {
  if (!/^\d{10}$/.test(firstTen)) return null;
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(firstTen[i]) * (WEIGHTS[i] ?? 0);
  const digit = 11 - (sum % 11);
  if (digit === 11) return 0;
  if (digit === 10) return null;
  return digit;
}

/** True for 11 plain digits with a known prefix and a matching check digit. */
export function isValidCuit(cuit: string): boolean {
  if (!/^\d{11}$/.test(cuit) || !PREFIXES.has(cuit.slice(0, 2))) return false;
  return cuitCheckDigit(cuit.slice(0, 10)) === Number(cuit[10]);
}
