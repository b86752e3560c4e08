/**
 * The one home of CUIT arithmetic: the check digit, validity, the messages people see, and the
 * XX-XXXXXXXX-X format. Shared by the app and the TusFacturas emulator (which validates like
 * TusFacturas does), so it stays pure: no I/O, no secrets, nothing server-only. Pages use it
 * in the browser too: its zod schema lives in cuit-schema.ts, so zod stays out of their scripts.
 */

const WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;
const PREFIXES = new Set(["20", "23", "24", "27", "30", "33", "34"]);

/**
 * Check digit for the first ten digits of a CUIT, or `null` when the base admits none
 * (a remainder of 1 would need a digit of 10, which correctly issued CUITs never have)
 * or when the input is not ten digits.
 */
export function cuitCheckDigit(firstTen: string): number | null {
  if (!/^\d{10}$/.test(firstTen)) return null;
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(firstTen[i]), 0);
  const digit = 11 - (sum % 11);
  if (digit === 11) return 0;
  if (digit === 10) return null;
  return digit;
}

/** Removes the usual separators people type: dashes, dots and spaces. */
export function normalizeCuit(input: string): string {
  return input.replace(/[\s.-]/g, "");
}

/** Why a CUIT is invalid, in Spanish, or null when it is valid. Accepts formatted input. */
export function cuitError(input: string): string | null {
  const digits = normalizeCuit(input);
  if (digits.length === 0) return "Ingresá el CUIT.";
  if (!/^\d{11}$/.test(digits)) return "El CUIT debe tener 11 dígitos.";
  if (!PREFIXES.has(digits.slice(0, 2)))
    return "El CUIT debe empezar con 20, 23, 24, 27, 30, 33 o 34.";
  if (cuitCheckDigit(digits.slice(0, 10)) !== Number(digits[10]))
    return "El CUIT no es válido: el dígito verificador no coincide.";
  return null;
}

/**
 * True for exactly 11 plain digits (no separators, as TusFacturas expects them on the wire)
 * with a known prefix and a matching check digit.
 */
export function isValidCuit(cuit: string): boolean {
  return /^\d{11}$/.test(cuit) && cuitError(cuit) === null;
}

/** `30712293841` → `30-71229384-1`. */
export function formatCuit(digits: string): string {
  return `${digits.slice(0, 2)}-${digits.slice(2, 10)}-${digits.slice(10)}`;
}
