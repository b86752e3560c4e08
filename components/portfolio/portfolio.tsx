"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { roleLabels } from "@/lib/auth/permissions";
import { isCupoLow } from "@/lib/consumo/low-cupo";
import { formatCuit } from "@/lib/cuit";
import { formatCentavos, formatInteger, formatRelative } from "@/lib/format";
import { cupoLeft } from "@/lib/portfolio/alerts";
import type { PortfolioCard } from "@/lib/portfolio/service";
import { matchesNameOrCuit } from "@/lib/search-text";

const sorts = {
  nombre: "Nombre",
  cupo: "Cupo disponible (menor primero)",
  cobrar: "A cobrar (mayor primero)",
} as const;
type Sort = keyof typeof sorts;

/** Every business at a glance, from stored data: sortable, searchable, one click to open. */
export function Portfolio({ cards, now }: { cards: readonly PortfolioCard[]; now: string }) {
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<Sort>("nombre");
  const shown = useMemo(() => {
    const matching = cards.filter((card) =>
      matchesNameOrCuit(query, { name: card.razonSocial, cuit: card.cuit }),
    );
    const byName = (a: PortfolioCard, b: PortfolioCard) =>
      a.razonSocial.localeCompare(b.razonSocial, "es");
    return [...matching].sort((a, b) =>
      sort === "cupo"
        ? cupoLeft(a.consumo) - cupoLeft(b.consumo) || byName(a, b)
        : sort === "cobrar"
          ? b.receivableCentavos - a.receivableCentavos || byName(a, b)
          : byName(a, b),
    );
  }, [cards, query, sort]);
  const total = cards.reduce((sum, card) => sum + card.receivableCentavos, 0);
  return (
    <div className="mt-6 space-y-4">
      <p className="text-sm text-slate-700">
        {cards.length === 1 ? "1 empresa" : `${formatInteger(cards.length)} empresas`} · A cobrar en
        total: <strong className="tabular-nums">{formatCentavos(total)}</strong>
      </p>
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="portfolio-search" className="block text-sm font-medium text-slate-800">
            Buscar empresa
          </label>
          <input
            id="portfolio-search"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
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
            value={sort}
            onChange={(event) => setSort(event.target.value as Sort)}
            className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            {Object.entries(sorts).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="text-sm text-slate-600">Ninguna empresa coincide con «{query}».</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" aria-label="Empresas">
          {shown.map((card) => (
            <li key={card.businessId}>
              <BusinessCard card={card} now={new Date(now)} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function BusinessCard({ card, now }: { card: PortfolioCard; now: Date }) {
  const { consumo } = card;
  const used = consumo && consumo.cupo > 0 ? Math.min(consumo.generados / consumo.cupo, 1) : 0;
  const low = consumo ? isCupoLow(consumo) : false;
  return (
    <article
      aria-labelledby={`card-${card.businessId}`}
      className="h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm focus-within:border-brand-600 hover:border-brand-600"
    >
      <div className="flex items-start justify-between gap-2">
        <div>
          <h2 id={`card-${card.businessId}`} className="font-semibold">
            <Link
              href={`/empresas/${card.businessId}/consumo`}
              // Opening consumo may refresh it from TusFacturas: only a real visit should.
              prefetch={false}
              className="hover:underline"
            >
              {card.razonSocial}
            </Link>
          </h2>
          <p className="text-sm text-slate-600">CUIT {formatCuit(card.cuit)}</p>
        </div>
        <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
          {roleLabels[card.role]}
        </span>
      </div>
      <div className="mt-3">
        {consumo ? (
          <>
            <div
              role="img"
              aria-label={`${formatInteger(consumo.generados)} de ${formatInteger(consumo.cupo)} comprobantes usados`}
              className="h-2 overflow-hidden rounded-full bg-slate-200"
            >
              <div
                className={`h-full rounded-full ${low ? "bg-amber-700" : "bg-brand-600"}`}
                style={{ width: `${used * 100}%` }}
              />
            </div>
            <p className="mt-1 text-xs text-slate-700">
              {formatInteger(consumo.disponibles)} disponibles de {formatInteger(consumo.cupo)} ·
              actualizado {formatRelative(new Date(consumo.fetchedAt), now)}
            </p>
          </>
        ) : (
          <p className="text-xs text-slate-600">Sin datos de consumo.</p>
        )}
      </div>
      <p className="mt-2 text-sm">
        A cobrar:{" "}
        <strong className="tabular-nums" data-testid="a-cobrar">
          {formatCentavos(card.receivableCentavos)}
        </strong>
      </p>
      {card.alerts.length > 0 ? (
        <ul className="mt-2 space-y-1" aria-label={`Alertas de ${card.razonSocial}`}>
          {card.alerts.map((alert) => (
            <li
              key={alert.kind}
              className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900"
            >
              {alert.text}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
