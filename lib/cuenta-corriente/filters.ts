/**
 * Filters of a ledger view, kept in the URL so a view can be shared and reloaded. Parsing never
 * throws: a value that makes no sense is ignored and its default applies.
 */
import { centavosToDecimalText } from "./amount-text";
import { isIsoDate } from "./iso-date";
import type { LedgerRow } from "./ledger";

export type LedgerOrden = "asc" | "desc";

export type LedgerFilters = {
  /** ISO date, inclusive. */
  desde?: string;
  /** ISO date, inclusive. */
  hasta?: string;
  /** Trimmed text, at most 100 characters. */
  q?: string;
  orden: LedgerOrden;
};

const Q_MAX = 100;

/** A repeated parameter (`?q=a&q=b`) counts with its first value; only text counts. */
function text(value: unknown): string | undefined {
  const firstValue: unknown = Array.isArray(value) ? value[0] : value;
  return typeof firstValue === "string" ? firstValue : undefined;
}

// Hand-written rather than zod: the ledger's page parses them in the browser too, and zod
// would be most of its script.
function dateParam(value: unknown): string | undefined {
  const date = text(value)?.trim();
  return date !== undefined && isIsoDate(date) ? date : undefined;
}

function qParam(value: unknown): string | undefined {
  const q = Array.from((text(value) ?? "").replace(/\s+/g, " ").trim())
    .slice(0, Q_MAX)
    .join("")
    .trim();
  return q.length > 0 ? q : undefined;
}

function ordenParam(value: unknown): LedgerOrden {
  return text(value) === "desc" ? "desc" : "asc";
}

type SearchParamsInput = Record<string, string | string[] | undefined> | URLSearchParams;

/** Filters from a page's `searchParams` (Next.js object or `URLSearchParams`). */
export function parseLedgerFilters(searchParams: SearchParamsInput): LedgerFilters {
  const raw: Record<string, unknown> =
    searchParams instanceof URLSearchParams
      ? Object.fromEntries(
          ["desde", "hasta", "q", "orden"].map((key) => [key, searchParams.get(key) ?? undefined]),
        )
      : searchParams;
  const desde = dateParam(raw.desde);
  const hasta = dateParam(raw.hasta);
  const q = qParam(raw.q);
  const orden = ordenParam(raw.orden);
  return {
    ...(desde && { desde }),
    ...(hasta && { hasta }),
    ...(q && { q }),
    orden,
  };
}

/**
 * The query string for some filters, like `location.search`: `""` when everything is at its
 * default, else `"?desde=2025-01-01&q=factura"` with only the non-default values.
 */
export function ledgerFiltersToSearch(filters: Partial<LedgerFilters>): string {
  const clean = parseLedgerFilters({ ...filters });
  const params = new URLSearchParams();
  if (clean.desde) params.set("desde", clean.desde);
  if (clean.hasta) params.set("hasta", clean.hasta);
  if (clean.q) params.set("q", clean.q);
  if (clean.orden !== "asc") params.set("orden", clean.orden);
  const search = params.toString();
  return search.length > 0 ? `?${search}` : "";
}

/** Lower case, no accents, single spaces: "Crédito  A" and "credito a" compare equal. */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ");
}

function searchableText(row: LedgerRow): string {
  const amounts = [
    row.debeCentavos,
    row.haberCentavos,
    row.restaAbonarCentavos,
    row.saldoCentavos,
  ].flatMap((centavos) => [
    centavosToDecimalText(centavos, true),
    centavosToDecimalText(centavos, false),
  ]);
  return fold([row.concepto, row.comprobante?.label ?? "", ...amounts].join("\n"));
}

/**
 * The rows in the date range (inclusive) whose concepto, comprobante or amounts contain `q`
 * (ignoring case and accents; amounts as "1.234,56", "1234,56" or "$ 1.234,56"), newest first
 * for `desc`.
 * Returns a new array; the rows themselves are not copied.
 */
export function filterLedger(rows: readonly LedgerRow[], filters: LedgerFilters): LedgerRow[] {
  const { desde, hasta } = filters;
  // An amount as the table shows it ("$ 1.234,56", "-$ 10,50") is searched without its sign.
  const needle = filters.q ? fold(filters.q).replace(/^(-?) ?\$ ?/, "$1") : "";
  const result = rows.filter(
    (row) =>
      (!desde || row.fecha >= desde) &&
      (!hasta || row.fecha <= hasta) &&
      (needle.length === 0 || searchableText(row).includes(needle)),
  );
  return filters.orden === "desc" ? result.reverse() : result;
}
