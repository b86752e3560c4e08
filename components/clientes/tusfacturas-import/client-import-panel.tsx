"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { QueryProvider } from "@/components/query-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { getJson } from "@/lib/api/client";
import { clientImportPath } from "@/lib/api/paths";
import { cancelClientImport, resumeClientImport } from "@/lib/clientes/tusfacturas-import/actions";
import { isoToDmy } from "@/lib/clientes/tusfacturas-import/range";
import type { ClientImportView } from "@/lib/clientes/tusfacturas-import/service";
import { formatInteger } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";
import { ClientImportForm } from "./client-import-form";
import { ClientImportResults } from "./client-import-results";

const UNREACHABLE = "No pudimos conectar con Tablero. Revisá tu conexión y probá de nuevo.";

type PanelProps = {
  businessId: string;
  initial: ClientImportView | null;
  canManage: boolean;
  deniedReason: string;
  defaults: { desde: string; hasta: string };
};

/** Loaded by lazy-client-import-panel.tsx: the panel inside the query cache. */
export function ClientImportPanel(props: PanelProps) {
  return (
    <QueryProvider>
      <ImportPanel {...props} />
    </QueryProvider>
  );
}

/**
 * «Importar clientes desde TusFacturas»: the business's latest import, read from Tablero
 * every second while it runs (never from TusFacturas), so leaving and coming back shows the
 * same one; the form to start another once it is over.
 */
function ImportPanel({ businessId, initial, canManage, deniedReason, defaults }: PanelProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const key = queryKeys.clientImport(businessId);
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => getJson<ClientImportView | null>(clientImportPath(businessId), signal),
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.status === "running" ? 1000 : false),
  });
  const view = query.data;
  const [formOpen, setFormOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const refetch = () => queryClient.invalidateQueries({ queryKey: key });

  function act(action: () => Promise<ActionResult<unknown>>) {
    startTransition(async () => {
      try {
        const result = await action();
        setError(result.ok ? null : result.error.message);
      } catch {
        setError(UNREACHABLE);
      }
      await refetch();
    });
  }

  const showForm = canManage && (view === null || (formOpen && view.status !== "running"));
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Tablero consulta los comprobantes que emitiste, día por día, y arma la lista de tus
        clientes. Estas consultas no usan ningún request de tu plan de TusFacturas.
      </p>
      {!canManage ? <p className="text-sm text-slate-600">{deniedReason}</p> : null}
      <div aria-live="polite">
        {notice ? <Alert tone="info">{notice}</Alert> : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        {query.isError ? (
          <Alert tone="error">
            No pudimos leer el progreso: {query.error.message} Lo intentamos de nuevo en un momento.
          </Alert>
        ) : null}
      </div>
      {showForm ? (
        <ClientImportForm
          businessId={businessId}
          defaults={defaults}
          onCancel={view ? () => setFormOpen(false) : undefined}
          onStarted={(started) => {
            setFormOpen(false);
            setError(null);
            setNotice(
              started ? null : "Ya había una importación en curso para esta empresa: es esta.",
            );
            void refetch();
          }}
        />
      ) : null}
      {view && !showForm ? (
        <div className="space-y-4">
          <p className="text-sm text-slate-700">
            Período del {isoToDmy(view.desde)} al {isoToDmy(view.hasta)}.
          </p>
          <ImportState view={view} />
          <div className="flex flex-wrap gap-2">
            {canManage && view.status === "running" ? (
              <Button
                variant="secondary"
                disabled={pending}
                onClick={() => act(() => cancelClientImport({ businessId, importId: view.id }))}
              >
                Cancelar
              </Button>
            ) : null}
            {canManage && view.status === "failed" ? (
              <>
                <Button
                  disabled={pending}
                  onClick={() => act(() => resumeClientImport({ businessId, importId: view.id }))}
                >
                  Reanudar
                </Button>
                <Button
                  variant="secondary"
                  disabled={pending}
                  onClick={() => act(() => cancelClientImport({ businessId, importId: view.id }))}
                >
                  Descartar
                </Button>
              </>
            ) : null}
            {canManage && view.status !== "running" && view.status !== "failed" ? (
              <Button
                variant="secondary"
                onClick={() => {
                  setNotice(null);
                  setFormOpen(true);
                }}
              >
                Nueva búsqueda
              </Button>
            ) : null}
          </div>
          {view.status === "done" || view.status === "cancelled" ? (
            <ClientImportResults
              key={view.id}
              businessId={businessId}
              view={view}
              canManage={canManage}
              onImported={() => {
                void refetch();
                router.refresh();
              }}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function ImportState({ view }: { view: ClientImportView }) {
  const days = `${formatInteger(view.daysDone)} de ${formatInteger(view.daysTotal)} días`;
  if (view.status === "running") {
    return (
      <div className="space-y-1">
        <label htmlFor="import-progress" className="block text-sm text-slate-700">
          Consultando TusFacturas: {days}. Podés salir de esta página; la búsqueda sigue.
        </label>
        <progress
          id="import-progress"
          className="h-2 w-full"
          max={view.daysTotal}
          value={view.daysDone}
        />
      </div>
    );
  }
  if (view.status === "failed") {
    return (
      <Alert tone="error" title={`La búsqueda se detuvo (${days} consultados).`}>
        {view.error} Podés reanudarla desde donde quedó.
      </Alert>
    );
  }
  if (view.status === "cancelled") {
    return (
      <Alert tone="info">
        Búsqueda cancelada: {days} consultados. Se muestra lo encontrado hasta ahí.
      </Alert>
    );
  }
  return <Alert tone="success">Búsqueda terminada: {days} consultados.</Alert>;
}
