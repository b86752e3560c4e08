"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  ColumnHeader,
  DataCell,
  DataTable,
  DataTableBody,
  DataTableHead,
  RowHeader,
} from "@/components/ui/data-table";
import type { ActionError } from "@/lib/actions/result";
import { importFoundClients } from "@/lib/clientes/tusfacturas-import/actions";
import { isoToDmy } from "@/lib/clientes/tusfacturas-import/range";
import type { ClientImportView } from "@/lib/clientes/tusfacturas-import/service";
import { formatCuit } from "@/lib/cuit";
import { formatInteger } from "@/lib/format";

const UNREACHABLE = "No pudimos conectar con Tablero. Revisá tu conexión y probá de nuevo.";

/**
 * Whom an import found: those with a CUIT, to choose (every one not yet in the cartera is
 * chosen at first), and apart those TusFacturas knows only by DNI.
 */
export function ClientImportResults({
  businessId,
  view,
  canManage,
  onImported,
}: {
  businessId: string;
  view: ClientImportView;
  canManage: boolean;
  onImported: () => void;
}) {
  const selectable = view.clients.filter((c) => !c.enCartera).map((c) => c.cuit);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(selectable));
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const picked = selectable.filter((cuit) => chosen.has(cuit));
  const all = selectable.length > 0 && picked.length === selectable.length;

  function toggle(cuit: string) {
    setChosen((previous) => {
      const next = new Set(previous);
      if (next.has(cuit)) next.delete(cuit);
      else next.add(cuit);
      return next;
    });
  }

  function submit() {
    startTransition(async () => {
      setDone(null);
      try {
        const result = await importFoundClients({ businessId, importId: view.id, cuits: picked });
        if (!result.ok) return setError(result.error);
        setError(null);
        const { added } = result.data;
        setDone(
          added === 1
            ? "Se agregó 1 cliente a tu cartera."
            : `Se agregaron ${formatInteger(added)} clientes a tu cartera.`,
        );
        onImported();
      } catch {
        setError({ code: "internal", message: UNREACHABLE });
      }
    });
  }

  return (
    <div className="space-y-4">
      <div aria-live="polite">
        {done ? <Alert tone="success">{done}</Alert> : null}
        {error ? <Alert tone="error">{error.message}</Alert> : null}
      </div>
      {view.clients.length === 0 ? (
        <p className="text-sm text-slate-600">No se encontraron clientes con CUIT en el período.</p>
      ) : (
        <>
          <DataTable caption="Clientes encontrados en TusFacturas">
            <DataTableHead>
              {canManage ? (
                <ColumnHeader>
                  <input
                    type="checkbox"
                    aria-label="Elegir todos"
                    checked={all}
                    disabled={selectable.length === 0}
                    onChange={() => setChosen(new Set(all ? [] : selectable))}
                  />
                </ColumnHeader>
              ) : null}
              <ColumnHeader>Razón social</ColumnHeader>
              <ColumnHeader>CUIT</ColumnHeader>
              <ColumnHeader align="end">Comprobantes</ColumnHeader>
              <ColumnHeader>Último</ColumnHeader>
              <ColumnHeader>Cartera</ColumnHeader>
            </DataTableHead>
            <DataTableBody>
              {view.clients.map((c) => (
                <tr key={c.cuit} data-testid="cliente-encontrado">
                  {canManage ? (
                    <DataCell>
                      <input
                        type="checkbox"
                        aria-label={`Elegir ${c.razonSocial}`}
                        checked={c.enCartera || chosen.has(c.cuit)}
                        disabled={c.enCartera}
                        onChange={() => toggle(c.cuit)}
                      />
                    </DataCell>
                  ) : null}
                  <RowHeader className="font-medium">{c.razonSocial}</RowHeader>
                  <DataCell className="tabular-nums">{formatCuit(c.cuit)}</DataCell>
                  <DataCell className="text-right tabular-nums">
                    {formatInteger(c.comprobantes)}
                  </DataCell>
                  <DataCell className="tabular-nums">{isoToDmy(c.ultimaFecha)}</DataCell>
                  <DataCell>{c.enCartera ? "Ya está en tu cartera" : ""}</DataCell>
                </tr>
              ))}
            </DataTableBody>
          </DataTable>
          {canManage ? (
            <Button onClick={submit} disabled={pending || picked.length === 0}>
              {pending
                ? "Importando…"
                : `Importar ${formatInteger(picked.length)} ${picked.length === 1 ? "cliente" : "clientes"}`}
            </Button>
          ) : null}
        </>
      )}
      {view.withoutCuit.length > 0 ? (
        <section aria-labelledby="sin-cuit-title" className="space-y-2">
          <h3 id="sin-cuit-title" className="font-semibold">
            No se pueden importar
          </h3>
          <p className="text-sm text-slate-600">
            TusFacturas solo da su DNI, y la cuenta corriente de TusFacturas acepta únicamente CUIT.
          </p>
          <DataTable caption="Clientes identificados solo por DNI">
            <DataTableHead>
              <ColumnHeader>Nombre</ColumnHeader>
              <ColumnHeader>Documento</ColumnHeader>
              <ColumnHeader align="end">Comprobantes</ColumnHeader>
              <ColumnHeader>Último</ColumnHeader>
            </DataTableHead>
            <DataTableBody>
              {view.withoutCuit.map((c) => (
                <tr key={`${c.documentoTipo}-${c.documentoNro}`} data-testid="cliente-sin-cuit">
                  <RowHeader className="font-medium">{c.razonSocial}</RowHeader>
                  <DataCell className="tabular-nums">
                    {c.documentoTipo} {c.documentoNro}
                  </DataCell>
                  <DataCell className="text-right tabular-nums">
                    {formatInteger(c.comprobantes)}
                  </DataCell>
                  <DataCell className="tabular-nums">{isoToDmy(c.ultimaFecha)}</DataCell>
                </tr>
              ))}
            </DataTableBody>
          </DataTable>
        </section>
      ) : null}
    </div>
  );
}
