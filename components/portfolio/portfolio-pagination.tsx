import Link from "next/link";
import { formatInteger } from "@/lib/format";
import { portfolioHref, type PortfolioQuery } from "@/lib/portfolio/query";

/** «Anterior · Página 2 de 13 · Siguiente»: plain links, so the URL says where the user is. */
export function PortfolioPagination({
  query,
  pageCount,
}: {
  query: PortfolioQuery;
  pageCount: number;
}) {
  if (pageCount <= 1) return null;
  const link = (page: number, label: string, rel: "prev" | "next") => (
    <Link
      href={portfolioHref({ ...query, page })}
      rel={rel}
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-100"
    >
      {label}
    </Link>
  );
  return (
    <nav
      aria-label="Páginas de empresas"
      className="flex items-center justify-center gap-4 text-sm"
    >
      {query.page > 1 ? link(query.page - 1, "Anterior", "prev") : null}
      <span className="text-slate-700" aria-current="page">
        Página {formatInteger(query.page)} de {formatInteger(pageCount)}
      </span>
      {query.page < pageCount ? link(query.page + 1, "Siguiente", "next") : null}
    </nav>
  );
}
