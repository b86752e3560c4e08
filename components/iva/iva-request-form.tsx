"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useReturnFocus } from "@/components/ui/use-return-focus";
import type { ActionError } from "@/lib/actions/result";
import { requestIvaReport } from "@/lib/iva/actions";
import { formatPeriod } from "@/lib/iva/period";
import type { IvaRequestView } from "@/lib/iva/service";
import { PeriodFields, type PeriodValues } from "./period-fields";

const OFFLINE = "No pudimos conectar con Tablero. Revisá tu conexión y probá de nuevo.";

type Step =
  { kind: "edit" } | { kind: "confirm"; duplicate: { id: string; question: string } | null };

/**
 * "Solicitar reporte": the server checks the period and address first, the user confirms
 * what will happen (and, when it was asked for within 24 hours, that it should happen again),
 * then one request goes to TusFacturas. A submission keeps one key until it has an outcome,
 * so a repeated click is the same request.
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
  const [step, setStep] = useState<Step>({ kind: "edit" });
  const [error, setError] = useState<ActionError | null>(null);
  const [outcome, setOutcome] = useState<IvaRequestView | null>(null);
  const [pending, startTransition] = useTransition();
  const requestKey = useRef<string | null>(null);
  const submitting = useRef(false);
  const submitButton = useReturnFocus<HTMLButtonElement>(step.kind === "confirm");
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  function submit(send: boolean, repeatOf: string | null) {
    // Clicks faster than React re-renders the disabled button still make one submission.
    if (submitting.current) return;
    submitting.current = true;
    requestKey.current ??= crypto.randomUUID();
    const input = { businessId, ...values, requestKey: requestKey.current, send, repeatOf };
    startTransition(async () => {
      try {
        const result = await requestIvaReport(input);
        if (!result.ok) {
          setError(result.error);
          setStep({ kind: "edit" });
        } else if (result.data.kind === "confirm") {
          setError(null);
          setStep({ kind: "confirm", duplicate: result.data.duplicate });
        } else {
          setError(null);
          setOutcome(result.data.request);
          setStep({ kind: "edit" });
          requestKey.current = null;
          router.refresh();
        }
      } catch {
        setError({ code: "internal", message: OFFLINE });
      } finally {
        submitting.current = false;
      }
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome(null);
    submit(false, null);
  }

  const period = formatPeriod({ anio: Number(values.anio), mes: Number(values.mes) });
  const fieldErrors = (name: string) => error?.fieldErrors?.[name];
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
          disabled={step.kind === "confirm" || pending || Boolean(disabledReason)}
        />
        {step.kind === "edit" ? (
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
          <div
            role="group"
            aria-labelledby="iva-confirm-text"
            className="space-y-3 rounded-md border border-brand-600/40 bg-brand-50 p-4"
          >
            <div id="iva-confirm-text" className="space-y-2 text-sm">
              <p>
                Vas a pedir el reporte de IVA compras-ventas de <strong>{period}</strong> para{" "}
                <strong>{values.email.trim()}</strong>.
              </p>
              <p>
                TusFacturas lo envía por email a esa dirección; Tablero no lo recibe. Usa 1 request
                del plan de la empresa.
              </p>
              {step.duplicate ? (
                <p className="font-semibold text-amber-900">{step.duplicate.question}</p>
              ) : null}
            </div>
            <div className="flex flex-wrap gap-2">
              <Button
                autoFocus
                disabled={pending}
                onClick={() => submit(true, step.duplicate?.id ?? null)}
              >
                {pending ? "Enviando…" : step.duplicate ? "Enviar de nuevo" : "Confirmar y enviar"}
              </Button>
              <Button
                variant="secondary"
                disabled={pending}
                onClick={() => {
                  setStep({ kind: "edit" });
                  requestKey.current = null;
                }}
              >
                Cancelar
              </Button>
            </div>
          </div>
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
