"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { startIvaBatch } from "@/lib/iva/actions";
import { formatPeriod } from "@/lib/iva/period";
import type { IvaBusinessOption } from "@/lib/iva/service";
import { PeriodFields, type PeriodValues } from "./period-fields";
import { ConfirmPanel, useConfirmedSend } from "./use-confirmed-send";

/**
 * "Solicitar para varias empresas": one period and address, every business the user may
 * request for preselected. The server checks first, the user confirms (repeats included),
 * then the run starts on the server and this page follows it.
 */
export function IvaBatchForm({
  options,
  defaults,
  years,
}: {
  options: readonly IvaBusinessOption[];
  defaults: PeriodValues;
  years: readonly number[];
}) {
  const router = useRouter();
  const selectable = options.filter((o) => o.allowed);
  const [values, setValues] = useState(defaults);
  const [selected, setSelected] = useState(() => new Set(selectable.map((o) => o.businessId)));
  const { confirming, error, pending, submit, cancel, submitButton, fieldErrors } =
    useConfirmedSend({
      call: (requestKey, send, repeat: boolean) =>
        startIvaBatch({
          ...values,
          businessIds: options.filter((o) => selected.has(o.businessId)).map((o) => o.businessId),
          requestKey,
          send,
          repeat,
        }),
      onDone: ({ batchId }) => router.push(`/iva?lote=${batchId}`),
    });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit(false, false);
  }

  const chosen = options.filter((o) => selected.has(o.businessId));
  const sendable = chosen.filter((o) => !o.unavailable);
  const skipped = chosen.length - sendable.length;
  const period = formatPeriod({ anio: Number(values.anio), mes: Number(values.mes) });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Solicitar para varias empresas"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      {error && !error.fieldErrors ? <Alert tone="error">{error.message}</Alert> : null}
      <fieldset aria-describedby={fieldErrors("businessIds") ? "empresas-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Empresas</legend>
        <ul className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200">
          {options.map((option) => {
            const byRole = !option.allowed;
            const id = `empresa-${option.businessId}`;
            return (
              <li key={option.businessId} className="flex items-start gap-3 px-3 py-2">
                <input
                  id={id}
                  type="checkbox"
                  className="mt-1 size-4"
                  checked={selected.has(option.businessId)}
                  disabled={byRole || confirming !== null || pending}
                  aria-describedby={option.unavailable ? `${id}-reason` : undefined}
                  onChange={(event) => {
                    const next = new Set(selected);
                    if (event.target.checked) next.add(option.businessId);
                    else next.delete(option.businessId);
                    setSelected(next);
                  }}
                />
                <div className="text-sm">
                  <label htmlFor={id} className="font-medium">
                    {option.razonSocial}
                  </label>
                  {option.unavailable ? (
                    <p id={`${id}-reason`} className="text-xs text-slate-700">
                      {byRole ? option.unavailable : `Se omitirá: ${option.unavailable}`}
                    </p>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
        {fieldErrors("businessIds") ? (
          <p id="empresas-error" className="mt-1 text-sm text-red-700">
            {fieldErrors("businessIds")?.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <PeriodFields
        values={values}
        years={years}
        onChange={setValues}
        errors={fieldErrors}
        disabled={confirming !== null || pending}
      />
      {confirming === null ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button ref={submitButton} type="submit" disabled={pending}>
            {pending ? "Revisando…" : "Solicitar reportes"}
          </Button>
          <p className="text-sm text-slate-600">
            {sendable.length === 1
              ? "1 empresa seleccionada."
              : `${sendable.length} empresas seleccionadas.`}
          </p>
        </div>
      ) : (
        <ConfirmPanel
          confirmLabel={
            pending
              ? "Iniciando…"
              : confirming.duplicates.length > 0
                ? "Enviar a todas, también de nuevo"
                : "Confirmar y enviar"
          }
          pending={pending}
          onConfirm={() => submit(true, confirming.duplicates.length > 0)}
          onCancel={() => cancel()}
        >
          <p>
            Vas a pedir el reporte de IVA compras-ventas de <strong>{period}</strong> de{" "}
            <strong>{sendable.length === 1 ? "1 empresa" : `${sendable.length} empresas`}</strong>{" "}
            para <strong>{values.email.trim()}</strong>.
          </p>
          <p>
            TusFacturas envía cada reporte por email; cada solicitud usa 1 request del plan de su
            empresa. Se envían de a una.
            {skipped > 0
              ? ` ${skipped === 1 ? "1 empresa se omitirá" : `${skipped} empresas se omitirán`} por sus credenciales.`
              : ""}
          </p>
          {confirming.duplicates.length > 0 ? (
            <div className="text-amber-900">
              <p className="font-semibold">Algunas ya lo pidieron en las últimas 24 horas:</p>
              <ul className="mt-1 list-disc pl-5">
                {confirming.duplicates.map((d) => (
                  <li key={d.businessId}>
                    {d.razonSocial}: {d.question}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </ConfirmPanel>
      )}
    </form>
  );
}
