"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useReauth } from "@/components/reauth/use-reauth";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useActionForm } from "@/components/ui/use-action-form";
import {
  removeCredentials,
  replaceCredentials,
  type VerificationResult,
} from "@/lib/businesses/actions";
import { formatDateTime } from "@/lib/format";
import { invalidateCachedQueries } from "@/lib/query-invalidation";
import { queryKeys } from "@/lib/query-keys";
import { CredentialFields } from "./credential-fields";

type Status = {
  status: "verified" | "unverified";
  detail: string | null;
  lastVerifiedAt: string | null;
  updatedAt: string;
};

export function CredentialsManager({
  businessId,
  status,
  justFailed,
}: {
  businessId: string;
  status: Status | null;
  justFailed: boolean;
}) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<VerificationResult | null>(null);
  const [removing, startRemoving] = useTransition();
  const [removeError, setRemoveError] = useState<string | null>(null);
  const reauth = useReauth();
  const afterChange = () => {
    invalidateCachedQueries(queryKeys.business(businessId));
    router.refresh();
  };
  const form = useActionForm(
    (values) => reauth.guard(replaceCredentials)({ ...values, businessId }),
    (result) => {
      setOutcome(result);
      afterChange();
    },
    { resetOnSuccess: true },
  );

  return (
    <>
      <section aria-labelledby="credentials-status" className="space-y-3">
        <h2 id="credentials-status" className="text-lg font-semibold">
          Credenciales de TusFacturas
        </h2>
        <CurrentStatus status={status} justFailed={justFailed && !outcome} />
        {outcome ? (
          outcome.verified ? (
            <Alert tone="success">Credenciales guardadas y verificadas con TusFacturas.</Alert>
          ) : (
            <Alert tone="error" title="Credenciales guardadas, pero no verificadas">
              {outcome.message}
            </Alert>
          )
        ) : null}
      </section>

      <section aria-labelledby="credentials-replace" className="space-y-3">
        <h2 id="credentials-replace" className="text-lg font-semibold">
          {status ? "Reemplazar credenciales" : "Cargar credenciales"}
        </h2>
        <p className="text-sm text-slate-600">
          Al guardar, Tablero las verifica consultando el consumo: usa 1 request de tu plan.
        </p>
        <form onSubmit={form.onSubmit} className="space-y-4" noValidate>
          {form.error ? <Alert tone="error">{form.error.message}</Alert> : null}
          <CredentialFields errors={form.fieldErrors} />
          <Button type="submit" disabled={form.pending}>
            {form.pending ? "Guardando y verificando…" : "Guardar"}
          </Button>
        </form>
      </section>

      {status ? (
        <section aria-labelledby="credentials-remove" className="space-y-3">
          <h2 id="credentials-remove" className="text-lg font-semibold">
            Eliminar credenciales
          </h2>
          <p className="text-sm text-slate-600">
            Tablero deja de consultar TusFacturas para esta empresa. Los datos ya guardados se
            conservan.
          </p>
          {removeError ? <Alert tone="error">{removeError}</Alert> : null}
          <ConfirmButton
            label="Eliminar credenciales"
            question="¿Eliminar las credenciales de esta empresa?"
            confirmLabel="Sí, eliminar credenciales"
            pending={removing}
            onConfirm={() =>
              startRemoving(async () => {
                const result = await reauth.guard(removeCredentials)({ businessId });
                setOutcome(null);
                setRemoveError(result.ok ? null : result.error.message);
                if (result.ok) afterChange();
              })
            }
          />
        </section>
      ) : null}
      {reauth.dialog}
    </>
  );
}

function CurrentStatus({ status, justFailed }: { status: Status | null; justFailed: boolean }) {
  if (!status) return <Alert tone="info">Esta empresa no tiene credenciales cargadas.</Alert>;
  if (status.status === "verified") {
    return (
      <Alert tone="success" title="Credenciales cargadas y verificadas">
        Última verificación:{" "}
        {status.lastVerifiedAt ? formatDateTime(new Date(status.lastVerifiedAt)) : "—"}. Por
        seguridad no se vuelven a mostrar.
      </Alert>
    );
  }
  return (
    <Alert tone={justFailed ? "error" : "warning"} title="Credenciales cargadas, sin verificar">
      {status.detail ?? "Todavía no se pudieron verificar con TusFacturas."} Guardadas el{" "}
      {formatDateTime(new Date(status.updatedAt))}. Por seguridad no se vuelven a mostrar.
    </Alert>
  );
}
