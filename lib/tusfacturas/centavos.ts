/**
 * Exact conversion of TusFacturas amounts (pesos with decimals) to integer centavos.
 * Pure: works on the decimal text, never on `amount * 100`, so 112.1 is 11210 and not 11209.999….
 */

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?$/;

/** True when `value` is a finite number or a JS-number-like string (padding spaces allowed). */
export function isDecimalLike(value: unknown): value is number | string {
  return toCentavosOrNull(value) !== null;
}

/**
 * Integer centavos for a number or numeric string such as `112.1`, `"40 "`, `"-15234.99"`, `"1e6"`.
 * Extra decimals are rounded half away from zero on the decimal digits (PHP may send
 * `224.20000000000002`). Returns `null` for anything else, including `"1.234,56"` and values
 * beyond `Number.MAX_SAFE_INTEGER` centavos.
 */
export function toCentavosOrNull(value: unknown): number | null {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    text = String(value);
  } else if (typeof value === "string") {
    text = value.trim();
  } else {
    return null;
  }
  const match = DECIMAL_TEXT.exec(text);
  if (!match) return null;
  const [, sign = "", intPart = "", fracPart = "", expPart = "0"] = match;
  const digits = intPart + fracPart;
  if (digits.length === 0) return null;

  // Position of the decimal point inside `digits` once the amount is expressed in centavos.
  const point = intPart.length + Number(expPart) + 2;
  let whole: string;
  let rest: string;
  if (point <= 0) {
    whole = "0";
    rest = "0".repeat(-point) + digits;
  } else if (point >= digits.length) {
    whole = digits + "0".repeat(point - digits.length);
    rest = "";
  } else {
    whole = digits.slice(0, point);
    rest = digits.slice(point);
  }
  let centavos = BigInt(whole);
  if (rest.length > 0 && rest.charCodeAt(0) >= "5".charCodeAt(0)) centavos += BigInt(1);
  if (centavos > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const result = Number(centavos);
  return sign === "-" && result !== 0 ? -result : result;
}

/** Like {@link toCentavosOrNull} but throws a `RangeError` for values that are not amounts. */
export function toCentavos(value: unknown): number {
  const centavos = toCentavosOrNull(value);
  if (centavos === null) throw new RangeError("El importe no es un número válido.");
  return centavos;
}
