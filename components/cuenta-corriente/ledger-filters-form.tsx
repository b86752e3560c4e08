"use client";

import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { LedgerFilters } from "@/lib/cuenta-corriente/filters";

/** Date range and text search; applied on submit and kept in the URL. */
export function LedgerFiltersForm({
  filters,
  onChange,
}: {
  filters: LedgerFilters;
  onChange: (next: Partial<LedgerFilters>) => void;
}) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === "string" && value.trim() ? value.trim() : undefined;
    };
    onChange({ desde: text("desde"), hasta: text("hasta"), q: text("q") });
  }
  const active = Boolean(filters.desde || filters.hasta || filters.q);
  return (
    <form
      // Remount when the URL changes (back/forward) so the inputs show the applied filters.
      key={`${filters.desde}|${filters.hasta}|${filters.q}`}
      onSubmit={submit}
      aria-label="Filtrar movimientos"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div>
        <label htmlFor="filtro-desde" className="block text-sm font-medium">
          Desde
        </label>
        <input
          id="filtro-desde"
          name="desde"
          type="date"
          defaultValue={filters.desde}
          className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        />
      </div>
      <div>
        <label htmlFor="filtro-hasta" className="block text-sm font-medium">
          Hasta
        </label>
        <input
          id="filtro-hasta"
          name="hasta"
          type="date"
          defaultValue={filters.hasta}
          className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        />
      </div>
      <div className="grow">
        <label htmlFor="filtro-q" className="block text-sm font-medium">
          Buscar en movimientos
        </label>
        <input
          id="filtro-q"
          name="q"
          type="search"
          defaultValue={filters.q}
          placeholder="Comprobante, número o importe"
          className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        />
      </div>
      <Button type="submit">Filtrar</Button>
      {active ? (
        <Button
          variant="secondary"
          onClick={() => onChange({ desde: undefined, hasta: undefined, q: undefined })}
        >
          Quitar filtros
        </Button>
      ) : null}
    </form>
  );
}
