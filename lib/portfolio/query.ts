/**
 * What the portfolio shows, as it lives in the URL (`/empresas?q=…&orden=…&pagina=…`): the
 * search, the order and the page work without JavaScript, survive a reload and can be shared.
 * Pure, shared by the page, the service and the controls.
 */
import { NAVIGATION_QUERY_MAX } from "@/lib/navigation/query";

/** Cards per page: a screenful or two, whatever the number of businesses. */
export const PORTFOLIO_PAGE_SIZE = 24;

export const portfolioSorts = {
  nombre: "Nombre",
  cupo: "Cupo disponible (menor primero)",
  cobrar: "A cobrar (mayor primero)",
} as const;
export type PortfolioSort = keyof typeof portfolioSorts;

export type PortfolioQuery = { q: string; sort: PortfolioSort; page: number };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) ?? "";

const isSort = (value: string): value is PortfolioSort => Object.hasOwn(portfolioSorts, value);

/** The query of `/empresas`'s search params; anything unexpected falls back to the default. */
export function parsePortfolioQuery(params: SearchParams): PortfolioQuery {
  const sort = first(params.orden);
  const page = Number.parseInt(first(params.pagina), 10);
  return {
    q: first(params.q).trim().slice(0, NAVIGATION_QUERY_MAX),
    sort: isSort(sort) ? sort : "nombre",
    page: Number.isSafeInteger(page) && page > 1 ? page : 1,
  };
}

/** `/empresas` with the query's non-default parts. */
export function portfolioHref({ q, sort, page }: PortfolioQuery): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (sort !== "nombre") params.set("orden", sort);
  if (page > 1) params.set("pagina", String(page));
  const search = params.toString();
  return search ? `/empresas?${search}` : "/empresas";
}
