/**
 * Integer centavos as plain decimal text with a decimal comma ("1234,56", "-10,50"), built with
 * integer arithmetic: exact, and much faster than `Intl` over tens of thousands of rows.
 */

import { groupThousands } from "@/lib/format";

/**
 * `123456` → `"1234,56"`; with `grouping`, `"1.234,56"` (es-AR thousands separator).
 * No currency sign, so spreadsheets and text search can use it as is.
 */
export function centavosToDecimalText(centavos: number, grouping = false): string {
  const negative = centavos < 0;
  const abs = Math.abs(centavos);
  const whole = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, "0");
  return `${negative ? "-" : ""}${grouping ? groupThousands(whole) : whole},${cents}`;
}

/** Rounded to at most one decimal: `1234.56` → `1.234,6`, `2` → `2`. */
function oneDecimal(value: number): string {
  const tenths = Math.round(value * 10);
  const decimal = tenths % 10;
  return `${groupThousands(Math.floor(tenths / 10))}${decimal ? `,${decimal}` : ""}`;
}

/**
 * Integer centavos → a chart axis' short label: `$ 850`, `$ 1,5 mil`, `-$ 142 mil`, `$ 5 M`,
 * `$ 1.250 M`. Intl's compact notation would not do: its abbreviations change between ICU
 * versions (es-AR writes «1,5 K» but «25 k» today), and the server's label must be the
 * browser's.
 */
export function formatCompactPesos(centavos: number): string {
  const sign = centavos < 0 ? "-" : "";
  const pesos = Math.abs(centavos) / 100;
  if (pesos >= 1e6) return `${sign}$ ${oneDecimal(pesos / 1e6)} M`;
  if (pesos >= 1e3) return `${sign}$ ${oneDecimal(pesos / 1e3)} mil`;
  return `${sign}$ ${oneDecimal(pesos)}`;
}
