import Link from "next/link";
import { roleLabels } from "@/lib/auth/permissions";
import { isCupoLow } from "@/lib/consumo/low-cupo";
import { formatCuit } from "@/lib/cuit";
import { formatCentavos, formatInteger } from "@/lib/format";
import { fromEarlierCycle } from "@/lib/portfolio/alerts";
import { formatRelative } from "@/lib/relative-time";
import type { PortfolioQuery } from "@/lib/portfolio/query";
import type { PortfolioCard, PortfolioView } from "@/lib/portfolio/service";
import { PortfolioControls } from "./portfolio-controls";
import { PortfolioPagination } from "./portfolio-pagination";

/**
 * Every business at a glance, from stored data: one page of cards, searched and sorted by the
 * server over all of them, one click to open. Rendered on the server: only the controls are
 * client code.
 */
export function Portfolio({
  view,
  query,
  now,
}: {
  view: PortfolioView;
  query: PortfolioQuery;
  now: Date;
}) {
  const { cards, businessCount, matching, pageSize } = view;
  const from = (view.page - 1) * pageSize + 1;
  return (
    <div className="mt-6 space-y-4">
      <p className="text-sm text-slate-700">
        {businessCount === 1 ? "1 empresa" : `${formatInteger(businessCount)} empresas`} · A cobrar
        en total:{" "}
        <strong className="tabular-nums">{formatCentavos(view.receivableTotalCentavos)}</strong>
      </p>
      <PortfolioControls query={query} />
      {cards.length === 0 ? (
        <p role="status" className="text-sm text-slate-600">
          Ninguna empresa coincide con «{query.q}».
        </p>
      ) : (
        <>
          <p role="status" className="text-sm text-slate-600">
            {matching > cards.length
              ? `Empresas ${formatInteger(from)} a ${formatInteger(from + cards.length - 1)} de ${formatInteger(matching)}`
              : matching === 1
                ? "1 empresa"
                : `${formatInteger(matching)} empresas`}
            {query.q ? ` que coinciden con «${query.q}».` : "."}
          </p>
          <ul className="grid gap-4 sm:grid-cols-2" aria-label="Empresas">
            {cards.map((card) => (
              <li key={card.businessId}>
                <BusinessCard card={card} now={now} />
              </li>
            ))}
          </ul>
          <PortfolioPagination query={{ ...query, page: view.page }} pageCount={view.pageCount} />
        </>
      )}
    </div>
  );
}
function BusinessCard({ card, now }: { card: PortfolioCard; now: Date }) {
  const { consumo } = card;
  const used = consumo && consumo.cupo > 0 ? Math.min(consumo.generados / consumo.cupo, 1) : 0;
  // Last month's figures are not what is left: TusFacturas has renewed the cupo since.
  const low = consumo ? isCupoLow(consumo) && !fromEarlierCycle(consumo.fetchedAt, now) : false;
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
        {card.overdueCentavos !== null ? (
          <>
            {" "}
            · vencido:{" "}
            <strong className="tabular-nums" data-testid="vencido">
              {formatCentavos(card.overdueCentavos)}
            </strong>
          </>
        ) : null}
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
