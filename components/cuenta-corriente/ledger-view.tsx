"use client";

import { useDeferredValue, useMemo } from "react";
import { Alert } from "@/components/ui/alert";
import { useKeptWhileEqual } from "@/components/ui/use-kept-while-equal";
import { RefreshControl, refreshFailure } from "@/components/snapshots/refresh-control";
import { useSnapshot } from "@/components/snapshots/use-snapshot";
import { FetchedAt } from "@/components/consumo/fetched-at";
import { cuentaCorrientePath } from "@/lib/api/paths";
import { refreshCuentaCorriente } from "@/lib/cuenta-corriente/actions";
import { ledgerScreen, type LedgerFirstScreen } from "@/lib/cuenta-corriente/screen";
import type { CuentaCorrienteView } from "@/lib/cuenta-corriente/view";
import { formatCuit } from "@/lib/cuit";
import { formatInteger } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";
import { AgingBlock } from "./aging-block";
import { DueAgingBlock } from "./due-aging-block";
import { ExportButtons } from "./export-buttons";
import { LedgerFiltersForm } from "./ledger-filters-form";
import { LedgerTable } from "./ledger-table";
import { LedgerTotals } from "./ledger-totals";
import { MonthlyChart } from "./monthly-chart";
import { SaldoChart } from "./saldo-chart";
import { SaldoRows } from "./saldo-rows";
import { useFullLedger } from "./use-full-ledger";
import { useLedgerFilters } from "./use-ledger-filters";

const VENCIMIENTOS_POLL_MS = 2_000;
const VENCIMIENTOS_POLLS = 60;

export function LedgerView({
  businessId,
  cuit,
  today,
  empresa,
  firstScreen,
  canRefresh,
  refreshing,
}: {
  businessId: string;
  cuit: string;
  /** ISO date in Buenos Aires, decided by the server so both renders agree. */
  today: string;
  empresa: { razonSocial: string; cuit: string };
  firstScreen: LedgerFirstScreen | null;
  canRefresh: boolean;
  refreshing: boolean;
}) {
  const { query, refresh } = useSnapshot<CuentaCorrienteView>({
    queryKey: queryKeys.cuentaCorriente(businessId, cuit),
    // The stored copy only: reading it again never spends a request ("Actualizar" does).
    path: cuentaCorrientePath({ businessId, cuit, stored: true }),
    refresh: () => refreshCuentaCorriente({ businessId, cuit }),
    // While due dates are being looked up in the background, read the stored view again now
    // and then (a database read), for two minutes at most.
    refetchInterval: (data, updates) =>
      data && data.vencimientos.pending > 0 && updates < VENCIMIENTOS_POLLS
        ? VENCIMIENTOS_POLL_MS
        : false,
  });
  if (!query.data) {
    return (
      <Alert tone="error">{query.error?.message ?? "No pudimos cargar la cuenta corriente."}</Alert>
    );
  }
  return (
    <LedgerContent
      businessId={businessId}
      today={today}
      empresa={empresa}
      view={query.data}
      firstScreen={firstScreen}
      canRefresh={canRefresh}
      refreshing={refreshing}
      busy={refresh.isPending}
      refreshFailure={refreshFailure(refresh)}
      onRefresh={() => refresh.mutate()}
    />
  );
}

/**
 * The ledger as shown: the server's first screen until every movement has arrived, then all
 * of it computed here (filters, scrolling and exports need the whole ledger). Rendered on its
 * own (without the query cache) while the server is still asking TusFacturas, so the stored
 * copy and the refreshed one never share a cache entry during hydration.
 */
export function LedgerContent({
  businessId,
  today,
  empresa,
  view,
  firstScreen,
  canRefresh,
  refreshing,
  busy: refreshPending = false,
  refreshFailure,
  onRefresh,
}: {
  businessId: string;
  today: string;
  empresa: { razonSocial: string; cuit: string };
  view: CuentaCorrienteView;
  /** Computed by the server for the URL's filters from `view.snapshot`. */
  firstScreen: LedgerFirstScreen | null;
  canRefresh: boolean;
  refreshing: boolean;
  busy?: boolean;
  refreshFailure?: string;
  onRefresh?: () => void;
}) {
  const { filters, setFilters } = useLedgerFilters();

  // The movements are not fetched for a copy about to be replaced by a refresh.
  const full = useFullLedger({
    businessId,
    cuit: view.cliente.cuit,
    snapshotId: view.snapshot?.id,
    enabled: !refreshing,
  });
  // Every movement arriving re-renders the whole panel: in the background, a slice at a time,
  // so the page keeps answering meanwhile (the first screen stays until it is done).
  const ledger = useDeferredValue(full.ledger);
  const whole = useMemo(
    () => (ledger ? ledgerScreen(ledger, filters, today, view.vencimientos.byKey) : undefined),
    [ledger, filters, today, view.vencimientos.byKey],
  );
  const screen = whole ?? firstScreen;
  const rows = whole ? whole.shown : (firstScreen?.rows ?? []);
  // The whole ledger's figures are mostly the first screen's again: the charts keep theirs.
  const series = useKeptWhileEqual(screen?.series);
  const monthly = useKeptWhileEqual(screen?.monthly);
  const aging = useKeptWhileEqual(screen?.aging);
  // Exports hold every row of the period, of the copy whose date is on screen.
  const exportable = full.current && ledger === full.ledger ? whole?.period : undefined;

  const failure = refreshFailure ?? view.lastError?.message;
  const busy = refreshPending || refreshing || !onRefresh;
  const meta = {
    razonSocial: empresa.razonSocial,
    cuitEmpresa: empresa.cuit,
    cliente: view.cliente.nombre,
    cuitCliente: view.cliente.cuit,
    desde: filters.desde,
    hasta: filters.hasta,
  };

  return (
    <section aria-labelledby="ledger-title" className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 id="ledger-title" className="text-lg font-semibold">
            Cuenta corriente de {view.cliente.nombre}
          </h2>
          <p className="text-sm text-slate-600">CUIT {formatCuit(view.cliente.cuit)}</p>
          {view.snapshot ? <FetchedAt iso={view.snapshot.fetchedAt} /> : null}
          {refreshing ? (
            <p role="status" className="mt-1 text-sm text-slate-600">
              Consultando TusFacturas por datos más recientes…
            </p>
          ) : null}
        </div>
        <RefreshControl
          canRefresh={canRefresh}
          busy={busy}
          disabled={view.credentials === "missing"}
          onRefresh={onRefresh}
        />
      </div>

      {view.credentials !== "verified" ? (
        <Alert tone="warning" title="Credenciales de TusFacturas">
          {view.credentials === "missing"
            ? "Esta empresa no tiene credenciales cargadas: no se puede consultar la cuenta corriente."
            : "Las credenciales de esta empresa no están verificadas: Tablero no consulta TusFacturas solo."}
        </Alert>
      ) : null}
      {failure ? (
        <Alert tone="error" title="No se pudo actualizar la cuenta corriente">
          {failure}
          {view.snapshot ? " Se muestran los últimos datos obtenidos." : null}
        </Alert>
      ) : null}

      {!view.snapshot ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          Todavía no hay una cuenta corriente guardada de este cliente.
          {canRefresh && view.credentials !== "missing"
            ? " Presioná «Actualizar» para consultarla."
            : ""}
        </p>
      ) : !screen ? (
        <p role="status" className="text-sm text-slate-600">
          Cargando movimientos…
        </p>
      ) : screen.movimientos === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          Este cliente no tiene movimientos en su cuenta corriente.
        </p>
      ) : (
        <>
          {full.failed ? (
            <Alert tone="error" title="No pudimos cargar todos los movimientos">
              Se muestran los primeros. Recargá la página para intentar de nuevo.
            </Alert>
          ) : null}
          {screen.mismatches > 0 ? (
            <Alert tone="warning" title="Saldos distintos a los de TusFacturas">
              {formatInteger(screen.mismatches)}{" "}
              {screen.mismatches === 1 ? "movimiento tiene" : "movimientos tienen"} un saldo que no
              coincide con la suma de debe y haber. Tablero muestra el saldo recalculado y marca
              esas filas con el saldo que informó TusFacturas.
            </Alert>
          ) : null}
          {screen.reordered ? (
            <Alert tone="info">
              TusFacturas envió los movimientos desordenados: se muestran por fecha, conservando el
              orden original dentro de cada día.
            </Alert>
          ) : null}
          <LedgerFiltersForm filters={filters} onChange={setFilters} />
          <LedgerTotals summary={screen.summary} />
          <div className="grid gap-6 lg:grid-cols-2">
            <SaldoRows value={whole?.period}>
              <SaldoChart points={series ?? screen.series} />
            </SaldoRows>
            <MonthlyChart months={monthly ?? screen.monthly} />
          </div>
          <DueAgingBlock
            aging={screen.dueAging}
            pending={view.vencimientos.pending}
            filtered={Boolean(filters.desde || filters.hasta || filters.q)}
          />
          <AgingBlock
            aging={aging ?? screen.aging}
            filtered={Boolean(filters.desde || filters.hasta || filters.q)}
          />
          <ExportButtons
            businessId={businessId}
            rows={exportable}
            meta={meta}
            summary={screen.summary}
            aging={screen.aging}
            vencimientos={view.vencimientos.byKey}
          />
          <LedgerTable
            rows={rows}
            count={screen.summary.movimientos}
            orden={filters.orden}
            onToggleOrden={() => setFilters({ orden: filters.orden === "asc" ? "desc" : "asc" })}
            vencimientos={view.vencimientos.byKey}
          />
        </>
      )}
    </section>
  );
}
