"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";
import { NAVIGATION_QUERY_MAX } from "@/lib/navigation/query";
import {
  portfolioHref,
  portfolioSorts,
  type PortfolioQuery,
  type PortfolioSort,
} from "@/lib/portfolio/query";

const DEBOUNCE_MS = 200;

/**
 * Search and order of the portfolio: a GET form, so both work without JavaScript (the
 * «Buscar» button); with it, the page follows typing and the select as they change. The server
 * searches and sorts every business and sends one page.
 */
export function PortfolioControls({ query }: { query: PortfolioQuery }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  function go(next: Partial<PortfolioQuery>) {
    clearTimeout(timer.current);
    const href = portfolioHref({ ...query, ...next, page: 1 });
    startTransition(() => router.replace(href, { scroll: false }));
  }

  return (
    <form
      action="/empresas"
      method="get"
      role="search"
      aria-label="Búsqueda de empresas"
      aria-busy={pending}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        go({ q: String(data.get("q") ?? "").trim(), sort: data.get("orden") as PortfolioSort });
      }}
      className="flex flex-wrap items-end gap-4"
    >
      <div>
        <label htmlFor="portfolio-search" className="block text-sm font-medium text-slate-800">
          Buscar empresa
        </label>
        <input
          id="portfolio-search"
          name="q"
          type="search"
          defaultValue={query.q}
          maxLength={NAVIGATION_QUERY_MAX}
          onChange={(event) => {
            const q = event.target.value.trim();
            clearTimeout(timer.current);
            timer.current = setTimeout(() => go({ q }), DEBOUNCE_MS);
          }}
          placeholder="Razón social o CUIT"
          className="mt-1 w-64 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        />
      </div>
      <div>
        <label htmlFor="portfolio-sort" className="block text-sm font-medium text-slate-800">
          Ordenar por
        </label>
        <select
          id="portfolio-sort"
          name="orden"
          defaultValue={query.sort}
          onChange={(event) => go({ sort: event.target.value as PortfolioSort })}
          className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        >
          {Object.entries(portfolioSorts).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
      >
        Buscar
      </button>
    </form>
  );
}
