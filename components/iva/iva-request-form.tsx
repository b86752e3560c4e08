"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requestIvaReport } from "@/lib/iva/actions";
import { formatPeriod } from "@/lib/iva/period";
import type { IvaRequestView } from "@/lib/iva/service";
import { PeriodFields, type PeriodValues } from "./period-fields";
import { ConfirmPanel, useConfirmedSend } from "./use-confirmed-send";

/**
 * "Solicitar reporte": the server checks the period and address first, the user confirms
 * what will happen (and, when it was asked for within 24 hours, that it should happen again),
 * then one request goes to TusFacturas.
 */
export function IvaRequestForm({
  businessId,
  defaults,
  years,
  disabledReason,
}: {
  businessId: string;
  defaults: PeriodValues;
  years: readonly number[];
  disabledReason: string | null;
}) {
  const router = useRouter();
  const [values, setValues] = useState(defaults);
  const [outcome, setOutcome] = useState<IvaRequestView | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const { confirming, error, pending, submit, cancel, submitButton, fieldErrors } =
    useConfirmedSend({
      call: (requestKey, send, repeatOf: string | null) =>
        requestIvaReport({ businessId, ...values, requestKey, send, repeatOf }),
      onDone: ({ request }) => {
        setOutcome(request);
        router.refresh();
      },
    });

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome(null);
    submit(false, null);
  }

  const period = formatPeriod({ anio: Number(values.anio), mes: Number(values.mes) });
  return (
    <div className="space-y-4">
      {outcome ? <OutcomeMessage ref={outcomeRef} request={outcome} /> : null}
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label="Solicitar reporte de IVA compras-ventas"
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        {error && !error.fieldErrors ? <Alert tone="error">{error.message}</Alert> : null}
        <PeriodFields
          values={values}
          years={years}
          onChange={setValues}
          errors={fieldErrors}
          disabled={confirming !== null || pending || Boolean(disabledReason)}
        />
        {confirming === null ? (
          <div className="flex flex-wrap items-center gap-3">
            <Button
              ref={submitButton}
              type="submit"
              disabled={pending || Boolean(disabledReason)}
              aria-describedby={disabledReason ? "iva-disabled-reason" : undefined}
            >
              {pending ? "Revisando…" : "Solicitar reporte"}
            </Button>
            {disabledReason ? (
              <p id="iva-disabled-reason" className="text-sm text-slate-700">
                {disabledReason}
              </p>
            ) : (
              <p className="text-sm text-slate-600">Usa 1 request del plan de la empresa.</p>
            )}
          </div>
        ) : (
          <ConfirmPanel
            confirmLabel={
              pending
                ? "Enviando…"
                : confirming.duplicate
                  ? "Enviar de nuevo"
                  : "Confirmar y enviar"
            }
            pending={pending}
            onConfirm={() => submit(true, confirming.duplicate?.id ?? null)}
            onCancel={() => cancel()}
          >
            <p>
              Vas a pedir el reporte de IVA compras-ventas de <strong>{period}</strong> para{" "}
              <strong>{values.email.trim()}</strong>.
            </p>
            <p>
              TusFacturas lo envía por email a esa dirección; Tablero no lo recibe. Usa 1 request
              del plan de la empresa.
            </p>
            {confirming.duplicate ? (
              <p className="font-semibold text-amber-900">{confirming.duplicate.question}</p>
            ) : null}
          </ConfirmPanel>
        )}
      </form>
    </div>
  );
}

function OutcomeMessage({
  request,
  ref,
}: {
  request: IvaRequestView;
  ref: React.Ref<HTMLDivElement>;
}) {
  const period = formatPeriod(request);
  const body =
    request.status === "sent" ? (
      <Alert tone="success" title="Solicitud enviada">
        TusFacturas enviará el reporte de {period} a {request.email}.
      </Alert>
    ) : request.status === "rejected" ? (
      <Alert tone="error" title="TusFacturas rechazó la solicitud">
        <MessageList messages={request.messages} />
      </Alert>
    ) : (
      <Alert tone="error" title="No se pudo confirmar la solicitud">
        <MessageList messages={request.messages} />
      </Alert>
    );
  return (
    <div ref={ref} tabIndex={-1} className="outline-none">
      {body}
    </div>
  );
}

function MessageList({ messages }: { messages: readonly string[] }) {
  return (
    <ul className="space-y-1">
      {messages.map((message, i) => (
        <li key={i}>{message}</li>
      ))}
    </ul>
  );
}
